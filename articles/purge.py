"""
Which cached pages a change touches, one function per kind of change.

The functions run once the change is committed and hand the paths to the page
cache (every process's memory, Redis) and to the caches in front (Varnish or
a CDN). An article's change touches the pages that list or show it; a section,
a tag's name or an author's name shows on nearly every page (the navigation,
the cards' labels and bylines), so those purge everything. See docs/caching.md.
"""

from django.db import transaction
from django.urls import reverse

from articles import fragments, readership, stored
from articles.sitemaps import SITEMAPS
from newsroom import frontend_cache, pagecache

# Pages that list the newest articles, whatever their section, tags or authors.
SITE_WIDE_PATHS = ("sections:home", "articles:search", "articles:most-read")
SITE_WIDE_FEEDS = ("articles:feed-rss", "articles:feed-atom")


def article_pages(article):
    """Return the paths of every cached page that shows the article as it is now."""
    paths = {reverse(name) for name in SITE_WIDE_PATHS + SITE_WIDE_FEEDS}
    paths |= discovery_pages()
    section = article.section.slug
    paths |= {
        reverse("articles:detail", kwargs={"section": section, "slug": article.slug}),
        reverse("sections:detail", kwargs={"section": section}),
        reverse("articles:section-feed-rss", kwargs={"slug": section}),
        reverse("articles:section-feed-atom", kwargs={"slug": section}),
    }
    for old_slug in article.slug_history.values_list("slug", flat=True):
        paths.add(
            reverse("articles:detail", kwargs={"section": section, "slug": old_slug})
        )
    for tag in article.tags.values_list("slug", flat=True):
        paths |= {
            reverse("articles:tag", kwargs={"slug": tag}),
            reverse("articles:tag-feed-rss", kwargs={"slug": tag}),
            reverse("articles:tag-feed-atom", kwargs={"slug": tag}),
        }
    authors = article.authorships.filter(
        author__author_profile__isnull=False
    ).values_list("author__author_profile__slug", flat=True)
    for author in authors:
        paths |= {
            reverse("articles:author", kwargs={"slug": author}),
            reverse("articles:author-feed-rss", kwargs={"slug": author}),
            reverse("articles:author-feed-atom", kwargs={"slug": author}),
        }
    if article.is_live_blog:
        paths |= live_blog_pages(article)
    return paths


def discovery_pages():
    """Return the sitemaps: every publication changes them."""
    return {
        reverse("articles:sitemap-index"),
        reverse("articles:news-sitemap"),
        *(reverse("articles:sitemap", kwargs={"section": name}) for name in SITEMAPS),
    }


def article_changed(article, before=()):
    """
    Purge the pages showing the article, now and as it was (paths in before),
    once the transaction commits.
    """
    before = set(before)

    def purge():
        published = article.status == article.Status.PUBLISHED
        readership.update_live(article.pk, article.published_at if published else None)
        readership.forget_most_read()
        paths = article_pages(article) | before
        pagecache.purge(paths)
        frontend_cache.purge(paths)

    transaction.on_commit(purge)


def live_blog_pages(article):
    """Return the paths of the cached pages that show a live blog's updates."""
    section, slug = article.section.slug, article.slug
    return {reverse(name) for name in SITE_WIDE_FEEDS} | {
        reverse("articles:detail", kwargs={"section": section, "slug": slug}),
        reverse("articles:live-updates", kwargs={"section": section, "slug": slug}),
        reverse("articles:live-feed-rss", kwargs={"section": section, "slug": slug}),
        reverse("articles:live-feed-atom", kwargs={"section": section, "slug": slug}),
        reverse("articles:section-feed-rss", kwargs={"slug": section}),
        reverse("articles:section-feed-atom", kwargs={"slug": section}),
    }


def live_blog_changed(article):
    """Purge the pages showing a live blog's updates once the transaction commits (articles/live.py)."""

    def purge():
        paths = live_blog_pages(article)
        pagecache.purge(paths)
        frontend_cache.purge(paths)

    transaction.on_commit(purge)


def article_deleted(article_id, before):
    """Purge the pages that showed a deleted article, given their paths from before."""
    # The fronts' fragments are keyed by the newest save, which a delete does not move.
    fragments.expire_all()

    def purge():
        readership.update_live(article_id, None)
        readership.forget_most_read()
        pagecache.purge(set(before))
        frontend_cache.purge(set(before))

    transaction.on_commit(purge)


def everything_changed(stories=True):
    """
    Purge every page, e.g. after the navigation or a name shown on cards
    changed; with stories, also leave every stored story unused (a section,
    tag or author name they show may have changed) until stored again.
    """
    fragments.expire_all()
    if stories:
        stored.renew_generation()

    def purge():
        readership.forget_most_read()
        pagecache.purge_everything()
        frontend_cache.purge_everything()

    transaction.on_commit(purge)


def front_changed(paths):
    """Purge fronts whose editor's choices changed (pins), given their paths, once committed."""
    paths = set(paths)

    def purge():
        pagecache.purge(paths)
        frontend_cache.purge(paths)

    transaction.on_commit(purge)
