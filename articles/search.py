"""Search result snippets with the reader's words highlighted."""

import html
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from articles.models import SEARCH_CONFIG, Article

# Characters no article contains, so highlights can be found again after escaping.
_START, _STOP = "\x02", "\x03"
SNIPPET_WORDS = 35


def search_results(page_articles, query):
    """Pair each article on the page with a highlighted snippet of its text."""
    articles = list(page_articles)
    if not articles:
        return []
    if connection.vendor == "postgresql":
        snippets = _postgresql_snippets(articles, query)
    else:
        snippets = {
            article.pk: _marked_window(
                f"{article.standfirst} {strip_tags(article.body)}", query
            )
            for article in articles
        }
    return [(article, _as_html(snippets.get(article.pk, ""))) for article in articles]


def _postgresql_snippets(articles, query):
    body_text = Func(
        F("body"),
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    return dict(
        Article.objects.filter(pk__in=[article.pk for article in articles])
        .annotate(
            snippet=SearchHeadline(
                Concat("standfirst", Value(" "), body_text, output_field=TextField()),
                SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG),
                config=SEARCH_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=SNIPPET_WORDS,
                min_words=15,
            )
        )
        .values_list("pk", "snippet")
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
