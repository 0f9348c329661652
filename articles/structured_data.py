"""schema.org data for search engines, built from the article the page shows."""

from html import unescape

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags

from articles.templatetags.reading import iso_datetime

# Square, at least 112 px a side, as Google asks of an organisation's logo.
PUBLISHER_LOGO = "newsroom/icons/logo.png"
PUBLISHER_LOGO_SIZE = 512


def news_article_schema(article, request):
    """Return the NewsArticle JSON-LD object for an article page."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.headline[:110],
        "description": article.summary,
        "datePublished": iso_datetime(article.published_at),
        "dateModified": iso_datetime(article.revised_at or article.published_at),
        "author": [_person(author, request) for author in article.byline_authors],
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tag_list],
        "publisher": {
            "@type": "Organization",
            "name": settings.NEWSROOM_SITE_NAME,
            "url": request.build_absolute_uri(reverse("sections:home")),
            "logo": {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(static(PUBLISHER_LOGO)),
                "width": PUBLISHER_LOGO_SIZE,
                "height": PUBLISHER_LOGO_SIZE,
            },
        },
    }
    if article.hero_sizes:
        data["image"] = [
            request.build_absolute_uri(size["url"])
            for size in reversed(article.hero_sizes)
        ]
    return data


def _person(user, request):
    """Return a byline author as a Person, linked to their author page when they have one."""
    person = {"@type": "Person", "name": user.get_full_name() or user.get_username()}
    profile = getattr(user, "author_profile", None)
    if profile is not None:
        person["url"] = request.build_absolute_uri(profile.get_absolute_url())
    return person


def live_blog_schema(article, request):
    """
    Return the LiveBlogPosting JSON-LD object for a live blog's page: the
    article's own fields, the coverage times and the updates the page shows.
    """
    data = news_article_schema(article, request)
    updates, _has_older = article.live_updates_page
    data["@type"] = "LiveBlogPosting"
    data["coverageStartTime"] = iso_datetime(article.published_at)
    if article.coverage_ended_at:
        data["coverageEndTime"] = iso_datetime(article.coverage_ended_at)
    if updates:
        newest = max(update.corrected_at or update.published_at for update in updates)
        modified = max(filter(None, [article.revised_at, article.published_at, newest]))
        data["dateModified"] = iso_datetime(modified)
    data["liveBlogUpdate"] = [_blog_posting(update, request) for update in updates]
    return data


def _blog_posting(update, request):
    posting = {
        "@type": "BlogPosting",
        "headline": (update.headline or str(update))[:110],
        "url": request.build_absolute_uri(update.get_absolute_url()),
        "datePublished": iso_datetime(update.published_at),
        "dateModified": iso_datetime(update.corrected_at or update.published_at),
        "articleBody": unescape(strip_tags(update.body)),
        "author": {"@type": "Person", "name": update.author_name},
    }
    if update.image_default:
        posting["image"] = request.build_absolute_uri(update.image_default["url"])
    return posting
