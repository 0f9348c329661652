"""Sitemaps for search engines, plus the Google News sitemap of the last 48 hours."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleAuthor, AuthorProfile, Section

NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_LIMIT = 1000


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.active()


class ArticleSitemap(Sitemap):
    """Every published article, 50,000 to a page, read as plain rows rather than models."""

    limit = 50_000

    def items(self):
        return (
            Article.objects.published()
            .order_by("pk")
            .values_list("pk", "slug", "section__slug", "updated_at", named=True)
        )

    def location(self, item):
        return reverse(
            "articles:detail", kwargs={"section": item.section__slug, "slug": item.slug}
        )

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # The default reads every item; one aggregate gives the same answer.
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class TagSitemap(Sitemap):
    def items(self):
        tagged_and_published = TaggedItem.objects.filter(
            tag=OuterRef("pk"),
            content_type=ContentType.objects.get_for_model(Article),
            object_id__in=Article.objects.published().values("pk"),
        )
        return (
            Tag.objects.filter(Exists(tagged_and_published))
            .order_by("slug")
            .values_list("slug", flat=True)
        )

    def location(self, slug):
        return reverse("articles:tag", kwargs={"slug": slug})


class AuthorSitemap(Sitemap):
    def items(self):
        credited_on_published = ArticleAuthor.objects.filter(
            author=OuterRef("user"), article__in=Article.objects.published()
        )
        return (
            AuthorProfile.objects.filter(Exists(credited_on_published))
            .order_by("slug")
            .values_list("slug", flat=True)
        )

    def location(self, slug):
        return reverse("articles:author", kwargs={"slug": slug})


SITEMAPS = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


def news_sitemap_articles(now=None):
    """Return the articles Google News may list: published in the last 48 hours, at most 1,000."""
    now = now or timezone.now()
    return (
        Article.objects.published()
        .filter(published_at__gte=now - timedelta(hours=NEWS_SITEMAP_HOURS))
        .select_related("section")
        .only("headline", "slug", "published_at", "section__slug")
        .newest_first()[:NEWS_SITEMAP_LIMIT]
    )
