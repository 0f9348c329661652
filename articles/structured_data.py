"""schema.org data for search engines, built from the article the page shows."""

from django.conf import settings


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
        "datePublished": article.published_at.isoformat(),
        "dateModified": (article.revised_at or article.published_at).isoformat(),
        "author": [
            {"@type": "Person", "name": author.get_full_name() or author.get_username()}
            for author in article.byline_authors
        ],
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tag_list],
        "publisher": {"@type": "Organization", "name": settings.NEWSROOM_SITE_NAME},
    }
    if article.hero_sizes:
        data["image"] = [
            request.build_absolute_uri(size["url"])
            for size in reversed(article.hero_sizes)
        ]
    return data
