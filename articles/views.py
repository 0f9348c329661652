import sys
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.sitemaps.views import x_robots_tag
from django.core.paginator import InvalidPage, Paginator
from django.db import InterfaceError, OperationalError
from django.db.models import Q
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseServerError,
)
from django.shortcuts import get_object_or_404, redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, requires_csrf_token
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView
from taggit.models import Tag

from articles import readership, search, stored
from articles.models import (
    LIVE_UPDATES_PER_PAGE,
    Article,
    ArticleAuthor,
    ArticleTag,
    AuthorProfile,
    LiveUpdate,
)
from articles.preview import shared_article
from articles.sitemaps import ArticleSitemap, news_sitemap_articles
from articles.structured_data import live_blog_schema, news_article_schema

RELATED_ARTICLES = 4
# What an unreachable database raises, and how long clients are asked to wait it out.
DATABASE_ERRORS = (OperationalError, InterfaceError)
DATABASE_RETRY_AFTER_SECONDS = 30
MAX_QUERY_LENGTH = 200
# Pages kept for minutes fetch this list after load; with the ranking's own
# minute of caching, a reader's list is at most two minutes behind.
MOST_READ_FRAGMENT_SECONDS = 60


# Beyond this a page number is refused before any query: 20 billion articles.
MAX_PAGE = 10**9


def requested_page(request):
    """Return the ?page= number, 1 when it is missing or not a whole number above 0."""
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


@dataclass
class NewerOlderPage:
    """A page of a newest-first list whose length is not known: it links to the pages either side."""

    number: int
    object_list: object  # the page's articles, a QuerySet evaluated when shown
    has_next: bool

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_previous() or self.has_next

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


class NewerOlderPagesMixin:
    """
    Paginate a newest-first list of articles by 20 without counting it.

    get_queryset() returns the list's article ids, newest first, from an index
    walk; a page reads its 20 ids plus one (which says whether an older page
    exists), then those articles by primary key. A ?page= that is not a whole
    number above 0 shows page 1; a page past the end is a 404, like any
    address that shows nothing.
    """

    paginate_by = 20
    context_object_name = "articles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The cards are a fragment keyed by the page's articles and by what the
        # fronts list; the articles themselves are fetched only when it is missing.
        context.update(
            page_article_ids=",".join(map(str, self.page_article_ids)),
            front_version=self.front_version(),
        )
        return context

    def front_version(self):
        """Return what, besides the page's ids, changes the cards: see last_change()."""
        return Article.objects.last_change()

    def paginate_queryset(self, article_ids, page_size):
        number = requested_page(self.request)
        if number > MAX_PAGE:
            raise Http404("This list has no such page.")
        start = (number - 1) * page_size
        ids = list(article_ids[start : start + page_size + 1])
        if not ids and number > 1:
            raise Http404("This list has no such page.")
        self.page_article_ids = ids[:page_size]
        articles = (
            Article.objects.published()
            .filter(pk__in=self.page_article_ids)
            .for_cards()
            .newest_first()
        )
        page = NewerOlderPage(number, articles, has_next=len(ids) > page_size)
        return None, page, page.object_list, page.has_other_pages()


class ArticleDetailView(TemplateView):
    """
    An article page. When its fragments are cached it costs one small
    query: the article's address and fragment keys (Article.live_page_keys),
    with what the fronts list for the related block. The article with its authors,
    subheadings, tags and corrections is fetched only when a fragment that
    shows them has to be rendered; it is a lazy object until then, which is
    why this is not a DetailView (its context code evaluates the object).
    """

    template_name = "articles/article_detail.html"
    preview = False

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        self.page = Article.live_page_keys(slug)
        if self.page is None:
            return self.missing(slug)
        if self.page.section.slug != kwargs["section"]:
            return redirect(self.page, permanent=True)
        self.front_version = self.page.last_change
        self.live_page_number = 1
        if self.page.is_live_blog:
            self.live_page_number = self.live_page(self.page.pk)
            self.object = SimpleLazyObject(
                lambda: Article.objects.for_live_blog_page(self.live_page_number).get(
                    pk=self.page.pk
                )
            )
        else:
            self.object = SimpleLazyObject(
                lambda: Article.objects.for_article_page().get(pk=self.page.pk)
            )
        return self.render_to_response(self.get_context_data())

    def live_page(self, article_id):
        """Return the page of updates asked for (?page=); a page past the last one is a 404."""
        number = requested_page(self.request)
        if number > MAX_PAGE:
            raise Http404("This live blog has no such page.")
        # Page 1 is the blog itself, with or without updates: no query.
        if number > 1 and not live_page_exists(article_id, number):
            raise Http404("This live blog has no such page.")
        return number

    def missing(self, slug):
        """Answer for a slug no live article has now: 410, a 301 to its new address, or 404."""
        if Article.objects.filter(slug=slug, status=Article.Status.WITHDRAWN).exists():
            return TemplateResponse(
                self.request, "articles/article_withdrawn.html", status=410
            )
        renamed = (
            Article.objects.published()
            .by_old_slug(slug)
            .select_related("section")
            .first()
        )
        if renamed is not None:
            return redirect(renamed, permanent=True)
        raise Http404("No published article has this address.")

    def get_context_data(self, **kwargs):
        article, request = self.object, self.request
        context = super().get_context_data(
            article=article,
            page=self.page,
            preview=self.preview,
            # The rest is read by the template only inside fragments that
            # are missing from the cache.
            related=SimpleLazyObject(
                lambda: Article.related(self.page, RELATED_ARTICLES)
            ),
            front_version=self.front_version,
            live_page_number=getattr(self, "live_page_number", 1),
            live_poll_seconds=settings.NEWSROOM_LIVE_POLL_SECONDS,
            live_page_size=LIVE_UPDATES_PER_PAGE,
            **kwargs,
        )
        if not self.preview:
            site_url = request.build_absolute_uri("/")
            if self.page.stored_story_html is not None:
                context.update(
                    stored_story=stored.on_page(self.page.stored_story_html, site_url),
                    stored_head=stored.on_page(self.page.stored_head_html, site_url),
                )
            # Callables: the template calls them only inside a fragment it renders.
            context.update(
                breaking_news=self.page.breaking_news,
                # Fragments with absolute addresses differ per site address.
                site_url=site_url,
                canonical_url=lambda: request.build_absolute_uri(
                    article.get_absolute_url()
                ),
                hero_image_url=lambda: (
                    article.hero_largest
                    and request.build_absolute_uri(article.hero_largest["url"])
                ),
                structured_data=lambda: (
                    live_blog_schema(article, request)
                    if article.is_live_blog
                    else news_article_schema(article, request)
                ),
            )
        return context


class PreviewView(ArticleDetailView):
    """An article in any state as readers would see it, under a "not published" banner."""

    preview = True

    def get(self, request, *args, **kwargs):
        self.object = self.page = self.get_object()
        self.front_version = Article.objects.last_change()
        response = self.render_to_response(self.get_context_data())
        # Never cached, never indexed; the template sends no read beacon.
        response["X-Robots-Tag"] = "noindex, nofollow"
        patch_cache_control(response, private=True, no_store=True)
        return response


@method_decorator(staff_member_required, name="dispatch")
class StaffPreviewView(PreviewView):
    """The preview of an article the signed-in person may open in the admin."""

    def get_object(self, queryset=None):
        visible = Article.objects.visible_to(self.request.user)
        return get_object_or_404(visible.for_article_page(), pk=self.kwargs["pk"])


class SharedPreviewView(PreviewView):
    """A share link: no login, for 48 hours, until revoked (articles/preview.py)."""

    def get_object(self, queryset=None):
        article = shared_article(
            self.kwargs["token"], Article.objects.for_article_page()
        )
        if article is None:
            raise Http404("This share link has expired, was revoked or is not valid.")
        return article


def live_page_exists(article_id, number):
    """Say whether page `number` of a live blog's updates has any."""
    start = (number - 1) * LIVE_UPDATES_PER_PAGE
    return (
        LiveUpdate.objects.published()
        .filter(article_id=article_id)
        .newest_first()[start : start + 1]
        .exists()
    )


def live_blog_or_404(section, slug):
    return get_object_or_404(
        Article.objects.published().filter(is_live_blog=True).select_related("section"),
        section__slug=section,
        slug=slug,
    )


def live_updates_fragment(request, section, slug):
    """
    A live blog's newest updates alone, for its open pages to poll: a public
    page, purged with every update (articles/purge.py), so polls are answered
    from the page cache and cost the database nothing.
    """
    article = live_blog_or_404(section, slug)
    updates = (
        article.live_updates.published()
        .select_related("author")
        .newest_first()[:LIVE_UPDATES_PER_PAGE]
    )
    return TemplateResponse(
        request,
        "articles/live_update_list.html",
        {"article": article, "updates": updates},
    )


def live_update_permalink(request, section, slug, pk):
    """Send a reader to the page of the live blog the update is on now, at the update."""
    article = live_blog_or_404(section, slug)
    update = get_object_or_404(article.live_updates.published(), pk=pk)
    newer = (
        article.live_updates.published()
        .filter(
            Q(published_at__gt=update.published_at)
            | Q(published_at=update.published_at, pk__gt=update.pk)
        )
        .count()
    )
    number = newer // LIVE_UPDATES_PER_PAGE + 1
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{article.get_absolute_url()}{query}#{update.anchor}")


def most_read_fragment(request):
    """The most-read list alone, one more than the sidebar shows, for cached pages to refresh theirs."""
    return TemplateResponse(
        request,
        "components/most_read_entries.html",
        {"entries": readership.most_read(size=settings.NEWSROOM_MOST_READ_SIZE + 1)},
    )


@csrf_exempt  # A beacon carries no token; counting a read changes nothing a visitor owns.
@require_POST
def record_read(request, pk):
    if readership.record_read(pk, request) is readership.Outcome.NOT_LIVE:
        raise Http404("No published article has this id.")
    return HttpResponse(status=204)


class TagDetailView(NewerOlderPagesMixin, ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return ArticleTag.objects.filter(tag=self.tag).newest_article_ids()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(NewerOlderPagesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.profile = get_object_or_404(
            AuthorProfile.objects.select_related("user"), slug=self.kwargs["slug"]
        )
        return ArticleAuthor.objects.filter(
            author=self.profile.user
        ).newest_article_ids()

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)


class SearchView(TemplateView):
    """
    Search results, a fragment keyed by the normalised words, the page number
    and what the fronts list: a search many readers make (the news of the
    day) runs once per change of the site; the query runs only when the
    fragment is missing. What one search may cost is bounded in
    articles/search.py.
    """

    template_name = "articles/search.html"
    paginate_by = 20
    max_page = search.MATCH_LIMIT // paginate_by

    def get_context_data(self, **kwargs):
        typed = "".join(
            char for char in self.request.GET.get("q", "") if char.isprintable()
        )
        self.query = " ".join(typed.split())[:MAX_QUERY_LENGTH]
        self.page_number = requested_page(self.request)
        if self.page_number > self.max_page:
            raise Http404("Search lists the best of the newest 1,000 matches only.")
        searching = search.has_positive_term(self.query)
        return super().get_context_data(
            query=self.query,
            search_key=search.normalised(self.query),
            needs_a_word=bool(self.query) and not searching,
            page_number=self.page_number,
            front_version=Article.objects.last_change() if searching else None,
            page_obj=SimpleLazyObject(lambda: self.found[0]),
            matches=SimpleLazyObject(lambda: self.found[1]),
            results=SimpleLazyObject(lambda: self.found[2]),
            **kwargs,
        )

    @cached_property
    def found(self):
        """Return the page of results asked for (or the nearest), the matches and the snippets."""
        if not search.has_positive_term(self.query):
            return None, search.Matches([]), []
        matches = search.find(self.query)
        if not matches.ids:
            return None, matches, []
        page = Paginator(matches.ids, self.paginate_by).get_page(self.page_number)
        results = search.search_results(page.object_list, self.query)
        page.object_list = [article for article, _snippet in results]
        return page, matches, results


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


@x_robots_tag
def article_sitemap(request):
    """One page of the article sitemap, 10,000 URLs at most (ArticleSitemap.render)."""
    try:
        xml, newest = ArticleSitemap().render(
            request.GET.get("p", 1), f"{request.scheme}://{request.get_host()}"
        )
    except InvalidPage as error:
        raise Http404("The article sitemap has no such page.") from error
    response = HttpResponse(xml, content_type="application/xml")
    if newest is not None:
        response["Last-Modified"] = http_date(newest.timestamp())
    return response


@requires_csrf_token
def server_error(request):
    """
    Render the error page from settings alone: the database may be what failed.
    An unreachable database is an outage to wait out, so it answers 503 with
    Retry-After (and the page cache serves what it still holds) rather than 500.
    """
    context = {"site_name": settings.NEWSROOM_SITE_NAME}
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        context["retry_after"] = DATABASE_RETRY_AFTER_SECONDS
        page = loader.get_template("503.html").render(context)
        return database_unavailable(HttpResponse(page))
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def database_unavailable(response):
    """Turn response into the answer during a database outage: 503, Retry-After, never stored."""
    response.status_code = 503
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


ADMIN_PREFIX = "/admin/"


@requires_csrf_token
def permission_denied(request, exception):
    """
    Answer a refusal. In the admin it is a page in the admin's look that says
    why (the refusal's own message, when it has one) and what to do next.
    """
    if not request.path.startswith(ADMIN_PREFIX):
        page = loader.render_to_string(
            "403.html", {"site_name": settings.NEWSROOM_SITE_NAME}, request
        )
        return HttpResponseForbidden(page)
    return admin_refusal(
        request,
        reason=str(exception)
        or _("Your role in the newsroom does not include this page or action."),
        advice=_(
            "If you need it for your work, ask an editor or an administrator: "
            "they can add you as an author of the article, or change your role."
        ),
    )


def csrf_failure(request, reason=""):
    """Answer a form the security check refused (expired or sent from another page) in the site's look."""
    if not request.path.startswith(ADMIN_PREFIX):
        page = loader.render_to_string(
            "403.html", {"site_name": settings.NEWSROOM_SITE_NAME}, request
        )
        return HttpResponseForbidden(page)
    return admin_refusal(
        request,
        reason=_(
            "The form you sent had expired (after signing in again, or in a tab "
            "left open for a long time), so nothing was saved."
        ),
        advice=_(
            "Go back, reload the page and send it again. The article form keeps "
            "your unsaved text in this browser and offers to restore it."
        ),
    )


def admin_refusal(request, reason, advice):
    # The security check runs before the user is known: that page has no menu.
    if hasattr(request, "user"):
        site = admin.site.each_context(request)
    else:
        site = {
            "site_header": admin.site.site_header,
            "site_title": admin.site.site_title,
        }
    context = {
        **site,
        "title": _("You cannot do this here"),
        "reason": reason,
        "advice": advice,
    }
    return HttpResponseForbidden(
        loader.render_to_string("admin/403.html", context, request)
    )
