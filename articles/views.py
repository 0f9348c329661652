from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt, requires_csrf_token
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from articles import readership
from articles.models import Article, AuthorProfile
from articles.search import search_results
from articles.sitemaps import news_sitemap_articles
from articles.structured_data import news_article_schema

RELATED_ARTICLES = 4
MAX_QUERY_LENGTH = 200


class NearestPageMixin:
    """Paginate by 20 and answer a bad ?page= with the nearest real page, never an error."""

    paginate_by = 20

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        try:
            number = max(1, int(self.request.GET.get("page", 1)))
        except ValueError:
            number = 1
        page = paginator.get_page(number)
        return paginator, page, page.object_list, page.has_other_pages()


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        try:
            self.object = Article.objects.published().for_article_page().get(slug=slug)
        except Article.DoesNotExist:
            if Article.objects.filter(
                slug=slug, status=Article.Status.WITHDRAWN
            ).exists():
                return TemplateResponse(
                    request, "articles/article_withdrawn.html", status=410
                )
            raise Http404("No published article has this address.") from None
        if self.object.section.slug != kwargs["section"]:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            canonical_url=self.request.build_absolute_uri(article.get_absolute_url()),
            hero_image_url=article.hero_largest
            and self.request.build_absolute_uri(article.hero_largest["url"]),
            related=Article.objects.published().related_to(article, RELATED_ARTICLES),
            structured_data=news_article_schema(article, self.request),
            **kwargs,
        )


@csrf_exempt  # A beacon carries no token; counting a read changes nothing a visitor owns.
@require_POST
def record_read(request, pk):
    if not Article.objects.published().filter(pk=pk).exists():
        raise Http404("No published article has this id.")
    readership.record_read(pk, request)
    return HttpResponse(status=204)


class TagDetailView(NearestPageMixin, ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return (
            Article.objects.published().filter(tags=self.tag).for_cards().newest_first()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(NearestPageMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.profile = get_object_or_404(
            AuthorProfile.objects.select_related("user"), slug=self.kwargs["slug"]
        )
        return (
            Article.objects.published()
            .filter(authors=self.profile.user)
            .for_cards()
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)


class SearchView(NearestPageMixin, ListView):
    template_name = "articles/search.html"

    def get_queryset(self):
        typed = "".join(
            char for char in self.request.GET.get("q", "") if char.isprintable()
        )
        self.query = " ".join(typed.split())[:MAX_QUERY_LENGTH]
        if not self.query.strip("'\"&|!-()<>:*"):
            return Article.objects.none()
        return Article.objects.published().search(self.query).for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        context["results"] = search_results(context["object_list"], self.query)
        return context


def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"base": f"{request.scheme}://{request.get_host()}"},
        content_type="text/plain; charset=utf-8",
    )


def news_sitemap(request):
    return TemplateResponse(
        request,
        "news_sitemap.xml",
        {
            "articles": news_sitemap_articles(),
            "base": f"{request.scheme}://{request.get_host()}",
            "publication_name": settings.NEWSROOM_SITE_NAME,
            "publication_language": settings.NEWSROOM_SITE_LANGUAGE,
        },
        content_type="application/xml; charset=utf-8",
    )


@requires_csrf_token
def server_error(request):
    """Render the 500 page from settings alone: the database may be what failed."""
    page = loader.get_template("500.html").render(
        {"site_name": settings.NEWSROOM_SITE_NAME}
    )
    return HttpResponseServerError(page)
