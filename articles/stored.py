"""
Stored stories: an article page's story and head, rendered when the article
is saved and kept with it (StoredStory), so that a page no cache holds (a
crawler walking the archive, a story read after Redis restarted) costs
neither the article's query nor its render. See docs/performance.md.

A stored story is used only while everything it was rendered from is
unchanged: the article's version and last save, the templates and code
that render it (template_version()), and the stored generation, which
purge.everything_changed() renews whenever a name shown in stories may have
changed (a section, a tag, an author). Live blogs are not stored: their
updates change the page without a save.
"""

import hashlib
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from articles.models import Article, StoredStory, StoredStoryGeneration
from articles.structured_data import PUBLISHER_LOGO, news_article_schema

# Absolute addresses in a stored head begin with this; each page puts its
# own site's address in its place (`.invalid` is reserved: no page links it).
PLACEHOLDER_SITE = "https://stored-story.invalid/"
STORED_IN_BATCHES_OF = 200


class PlaceholderSite:
    """Stands in for the request where the head builds absolute addresses."""

    def build_absolute_uri(self, location):
        return PLACEHOLDER_SITE + location.removeprefix("/")


@memoize
def template_version():
    """
    Return a digest of what renders a story: the templates, the articles
    app's code and the publisher logo's address. A deploy that changes any
    of them leaves every stored story unused until it is stored again.
    """
    digest = hashlib.sha256()
    for root in (Path(settings.BASE_DIR) / "templates", Path(__file__).parent):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".html", ".py"):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    digest.update(static(PUBLISHER_LOGO).encode())
    return digest.hexdigest()[:32]


def current_generation():
    return StoredStoryGeneration.objects.values_list("value", flat=True).first() or 0


def renew_generation():
    """Leave every stored story unused until it is stored again."""
    StoredStoryGeneration.objects.update(value=F("value") + 1)


def render(article):
    """Return (story HTML, head HTML) for an article fetched with for_article_page()."""
    site = PlaceholderSite()
    context = {
        "article": article,
        "page": article,
        "site_name": settings.NEWSROOM_SITE_NAME,
        "TIME_ZONE": settings.TIME_ZONE,
        "live_page_number": 1,
        "canonical_url": site.build_absolute_uri(article.get_absolute_url()),
        "hero_image_url": article.hero_largest
        and site.build_absolute_uri(article.hero_largest["url"]),
        "structured_data": news_article_schema(article, site),
    }
    return (
        render_to_string("articles/story.html", context),
        render_to_string("articles/story_head.html", context),
    )


def storable():
    """Return the articles whose stories are stored: published or scheduled, not live blogs."""
    return Article.objects.filter(
        status=Article.Status.PUBLISHED, is_live_blog=False
    ).exclude(published_at=None)


def store(article_ids):
    """Render and store the stories of those of these articles that are published or scheduled."""
    # Read before the articles: a renewal in between then leaves the new
    # rows unused, never used with names from before it.
    generation = current_generation()
    version = template_version()
    articles = storable().filter(pk__in=article_ids).for_article_page()
    rows = []
    for article in articles:
        story_html, head_html = render(article)
        rows.append(
            StoredStory(
                article_id=article.pk,
                version=article.version,
                updated_at=article.updated_at,
                template_version=version,
                generation=generation,
                story_html=story_html,
                head_html=head_html,
            )
        )
    StoredStory.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=[
            "version",
            "updated_at",
            "template_version",
            "generation",
            "story_html",
            "head_html",
        ],
    )
    return len(rows)


def store_after_commit(article_id):
    """Store the article's story once the save (and its inlines) is committed."""
    transaction.on_commit(lambda: store([article_id]), robust=True)


def unstored_ids():
    """Return the ids of the published and scheduled articles without a usable stored story, newest first."""
    usable = StoredStory.objects.filter(
        template_version=template_version(), generation=current_generation()
    ).filter(version=F("article__version"), updated_at=F("article__updated_at"))
    return (
        storable()
        .exclude(pk__in=usable.values("article"))
        .newest_first()
        .values_list("pk", flat=True)
    )


def on_page(stored_html, site_url):
    """Return a stored head or story for a page of the site at site_url."""
    return mark_safe(stored_html.replace(PLACEHOLDER_SITE, site_url))
