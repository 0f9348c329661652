"""Sitemaps for search engines, plus the Google News sitemap of the last 48 hours."""

import re
from datetime import timedelta
from functools import wraps

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, ArticleAuthor, ArticleTag, AuthorProfile, Section

NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_LIMIT = 1000
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def last_modified(articles):
    """Return the newest save among articles, read from the top of the (-updated_at) index."""
    return articles.order_by("-updated_at").values_list("updated_at", flat=True).first()


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.active()

    def get_latest_lastmod(self):
        return last_modified(
            Article.objects.published().filter(section__is_active=True)
        )


class ArticleSitemap(Sitemap):
    """Every published article, 10,000 to a page, read as plain rows rather than models."""

    # The protocol allows 50,000, but such a page is 6.6 MB and 3.5 s to
    # render: small pages bound what one uncached request costs.
    limit = 10_000

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
        # The default reads every item; one index read gives the same answer.
        return last_modified(Article.objects.published())

    def render(self, page, base_url):
        """
        Return the XML of one page of the sitemap and its newest lastmod.

        Django's sitemap view calls reverse() and renders a template node per
        URL: about 3 s for 50,000. Here each URL is one f-string from a
        values_list row, with paths built as reverse() builds them.
        """
        article_path = path_maker("articles:detail", section="SECTION", slug="SLUG")
        base = escape(base_url)
        urls, newest = [], None
        for row in self.paginator.page(page).object_list:
            newest = row.updated_at if newest is None else max(newest, row.updated_at)
            urls.append(
                f"<url><loc>{base}{article_path(row.section__slug, row.slug)}</loc>"
                f"<lastmod>{timezone.localtime(row.updated_at).date().isoformat()}</lastmod></url>"
            )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(urls)
            + "\n</urlset>\n"
        )
        return xml, newest


def canonical_page(view):
    """
    Answer 404 to a sitemap page number spelled other than the index spells it
    ("01", "1.0", " 1"): the paginator reads them all as one page, but each
    spelling is a page of its own to every cache.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        number = request.GET.get("p")
        if number is not None and not PAGE_NUMBER.fullmatch(number):
            raise Http404("Sitemap pages are numbered 1, 2, 3 …")
        return view(request, *args, **kwargs)

    return wrapper


def path_maker(url_name, **placeholders):
    """
    Return a function that fills url_name's path as reverse() would, given
    placeholder values for its arguments in order, e.g.
    path_maker("articles:detail", section="SECTION", slug="SLUG")("world", "a-story").
    """
    parts = [reverse(url_name, kwargs=placeholders)]
    for placeholder in placeholders.values():
        head, _, tail = parts.pop().partition(placeholder)
        parts += [head, tail]
    return lambda *values: "".join(
        part for pair in zip(parts, [*values, ""], strict=True) for part in pair
    )


class TagSitemap(Sitemap):
    def items(self):
        tagged_and_published = ArticleTag.objects.filter(
            tag=OuterRef("pk"), content_object__in=Article.objects.published()
        )
        return (
            Tag.objects.filter(Exists(tagged_and_published))
            .order_by("slug")
            .values_list("slug", flat=True)
        )

    def location(self, slug):
        return reverse("articles:tag", kwargs={"slug": slug})

    def get_latest_lastmod(self):
        return last_modified(
            Article.objects.published().filter(
                Exists(ArticleTag.objects.filter(content_object=OuterRef("pk")))
            )
        )


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

    def get_latest_lastmod(self):
        return last_modified(
            Article.objects.published().filter(
                Exists(ArticleAuthor.objects.filter(article=OuterRef("pk")))
            )
        )


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
