"""
What a reader's search may cost, and result snippets with the reader's words
highlighted.

A search needs a word to look for (a query of only -exclusions matches
nearly every article), ranks only the newest MATCH_LIMIT matches, and runs
under a statement timeout on PostgreSQL; the results fragment is keyed by
the normalised words (articles/views.py SearchView).
"""

import html
import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import OperationalError, connection, transaction
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from articles.models import SEARCH_CONFIG, Article, SearchEntry

# Characters no article contains, so highlights can be found again after escaping.
_START, _STOP = "\x02", "\x03"
SNIPPET_WORDS = 35
# Newest matches ranked and listed: 50 pages of 20.
MATCH_LIMIT = 1000
# A search taking longer is cancelled; ordinary ones take tens of milliseconds.
TIMEOUT_MILLISECONDS = 1000
QUERY_CANCELED = "57014"
# A term as websearch_to_tsquery reads it: a quoted phrase or a word, either
# of which a leading "-" excludes.
_TERM = re.compile(r'-?"[^"]*"?|\S+')


@dataclass
class Matches:
    """The ids of the matches ranked best first, and whether more matched than were ranked."""

    ids: list
    more: bool = False
    timed_out: bool = False


def has_positive_term(query):
    """Return whether the query asks for a word or phrase, not only excludes them."""
    return any(
        not term.startswith("-")
        and term.lower() != "or"
        and any(char.isalnum() for char in term)
        for term in _TERM.findall(query)
    )


def normalised(query):
    """Return the query as the results fragment's key: one space between words, lower case."""
    # Both websearch_to_tsquery and SQLite's icontains ignore case.
    return " ".join(query.split()).lower()


def find(query):
    """Return the Matches of query among the published articles, within TIMEOUT_MILLISECONDS."""
    try:
        with time_limit(TIMEOUT_MILLISECONDS):
            ids = SearchEntry.objects.search_ids(query, MATCH_LIMIT + 1)
    except OperationalError as error:
        if getattr(error.__cause__, "pgcode", None) != QUERY_CANCELED:
            raise
        return Matches([], timed_out=True)
    return Matches(ids[:MATCH_LIMIT], more=len(ids) > MATCH_LIMIT)


@contextmanager
def time_limit(milliseconds):
    """Cancel any statement run inside that takes longer than milliseconds (PostgreSQL)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # SET LOCAL ends with the transaction, so a pooled
                # connection is never left with the limit.
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, true)",
                    [str(milliseconds)],
                )
        yield


def search_results(article_ids, query):
    """
    Return the articles of article_ids that readers may see, in that order,
    each paired with a highlighted snippet of its text. On PostgreSQL the
    snippets come in the cards' own query.
    """
    articles = Article.objects.published().filter(pk__in=article_ids)
    if connection.vendor == "postgresql":
        cards = articles.for_search_results().annotate(
            snippet=_postgresql_snippet(query)
        )
        found = {article.pk: (article, article.snippet) for article in cards}
    else:
        # The cards are loaded without their text (for_search_results()).
        texts = {
            pk: f"{standfirst} {strip_tags(body)}"
            for pk, standfirst, body in articles.values_list("pk", "standfirst", "body")
        }
        found = {
            article.pk: (article, _marked_window(texts.get(article.pk, ""), query))
            for article in articles.for_search_results()
        }
    return [(found[pk][0], _as_html(found[pk][1])) for pk in article_ids if pk in found]


def _postgresql_snippet(query):
    body_text = Func(
        F("body"),
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    return SearchHeadline(
        Concat("standfirst", Value(" "), body_text, output_field=TextField()),
        SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG),
        config=SEARCH_CONFIG,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=SNIPPET_WORDS,
        min_words=15,
    )


def _marked_window(text, query):
    """Return about SNIPPET_WORDS words around the first match, matches marked."""
    words = [re.escape(word) for word in query.split() if len(word) > 1]
    pattern = re.compile(f"({'|'.join(words)})", re.IGNORECASE) if words else None
    match = pattern.search(text) if pattern else None
    start = text[: match.start()].count(" ") if match else 0
    window = text.split()[max(0, start - 10) : max(0, start - 10) + SNIPPET_WORDS]
    snippet = " ".join(window)
    return pattern.sub(rf"{_START}\1{_STOP}", snippet) if pattern else snippet


def _as_html(snippet):
    """Escape everything in the snippet, then turn the markers into <mark> elements."""
    text = escape(html.unescape(snippet))
    return mark_safe(text.replace(_START, "<mark>").replace(_STOP, "</mark>"))
