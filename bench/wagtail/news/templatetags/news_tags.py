from django import template
from wagtail.models import Site

from news.models import ArticlePage, SectionPage

register = template.Library()


@register.inclusion_tag("news/includes/sections_nav.html", takes_context=True)
def sections_nav(context):
    request = context["request"]
    site = Site.find_for_request(request)
    return {
        "request": request,
        "sections": SectionPage.objects.child_of(site.root_page).live().in_menu(),
    }


@register.inclusion_tag("news/includes/most_read.html", takes_context=True)
def most_read(context):
    return {"request": context["request"], "articles": ArticlePage.objects.most_read()}
