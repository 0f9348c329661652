"""RSS 2.0 and Atom feeds of the latest published articles, whole site or one list."""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, AuthorProfile, Section

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    """The whole site; subclasses narrow it to a section, a tag or an author."""

    description_template = None

    def title(self, obj=None):
        return settings.NEWSROOM_SITE_NAME

    def description(self, obj=None):
        return f"The latest news from {settings.NEWSROOM_SITE_NAME}."

    def link(self, obj=None):
        return reverse("sections:home")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.articles(obj)
            .for_cards()
            .prefetch_related("tags")
            .newest_first()[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # RSS <description> and Atom's type="html" summary are read as HTML:
        # the plain-text standfirst must arrive as text, not markup.
        return escape(item.standfirst)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        # A live blog is updated whenever an update is posted, corrected or deleted.
        return max(
            filter(None, [item.revised_at, item.published_at, item.updates_changed_at])
        )

    def item_author_name(self, item):
        names = [
            author.get_full_name() or author.get_username()
            for author in item.byline_authors
        ]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]

    def item_enclosures(self, item):
        if not item.hero_largest:
            return []
        largest = item.hero_largest
        return [
            Enclosure(
                self.request.build_absolute_uri(largest["url"]),
                str(largest.get("bytes", 0)),
                "image/jpeg",
            )
        ]

    def __call__(self, request, *args, **kwargs):
        # The URL map holds one instance for every request; enclosures need this
        # request's host, so each request works on its own copy.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section.objects.active(), slug=slug)

    def title(self, obj):
        return f"{obj.name} | {settings.NEWSROOM_SITE_NAME}"

    def description(self, obj):
        return (
            obj.description
            or f"The latest {obj.name} news from {settings.NEWSROOM_SITE_NAME}."
        )

    def link(self, obj):
        return obj.get_absolute_url()

    def articles(self, obj):
        return Article.objects.published().filter(section=obj)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    subtitle = SectionFeed.description


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return f"{obj.name} | {settings.NEWSROOM_SITE_NAME}"

    def description(self, obj):
        return (
            f"The latest articles about {obj.name} from {settings.NEWSROOM_SITE_NAME}."
        )

    def link(self, obj):
        return reverse("articles:tag", kwargs={"slug": obj.slug})

    def articles(self, obj):
        return Article.objects.published().filter(tags=obj)


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed
    subtitle = TagFeed.description


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(
            AuthorProfile.objects.select_related("user"), slug=slug
        )

    def title(self, obj):
        return f"{obj} | {settings.NEWSROOM_SITE_NAME}"

    def description(self, obj):
        return f"The latest articles by {obj} for {settings.NEWSROOM_SITE_NAME}."

    def link(self, obj):
        return obj.get_absolute_url()

    def articles(self, obj):
        return Article.objects.published().filter(authors=obj.user)


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed
    subtitle = AuthorFeed.description


class LiveUpdatesFeed(Feed):
    """A live blog's updates as they are posted, newest first: one entry per update."""

    description_template = None

    def get_object(self, request, section, slug):
        return get_object_or_404(
            Article.objects.published()
            .filter(is_live_blog=True)
            .select_related("section"),
            section__slug=section,
            slug=slug,
        )

    def title(self, obj):
        return f"{obj.headline} | {settings.NEWSROOM_SITE_NAME}"

    def description(self, obj):
        return obj.standfirst

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return (
            obj.live_updates.published()
            .select_related("author", "article__section")
            .newest_first()[:FEED_LENGTH]
        )

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        # Cleaned to the allow-list on save, so it goes out as the page shows it.
        return item.body

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.corrected_at or item.published_at

    def item_author_name(self, item):
        return item.author_name


class LiveUpdatesAtomFeed(LiveUpdatesFeed):
    feed_type = Atom1Feed
    subtitle = LiveUpdatesFeed.description
