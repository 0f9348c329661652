"""
Previews of unpublished articles on the public template: staff by article id,
anyone with a share link (articles/preview.py) by token. Never cached, never
indexed; the template sees preview=True to show its banner and skip the read
beacon.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from articles.models import Article
from articles.preview import article_for_share_token


def _render_preview(request, article):
    response = TemplateResponse(
        request,
        "articles/article_detail.html",
        {"article": article, "object": article, "preview": True, "noindex": True},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    return response


@staff_member_required
def preview(request, pk):
    article = get_object_or_404(
        Article.objects.with_byline().prefetch_related("subheadings", "tags"), pk=pk
    )
    return _render_preview(request, article)


def share(request, token):
    article = article_for_share_token(token)
    if article is None:
        raise Http404("This share link has expired or is not valid.")
    return _render_preview(request, article)
