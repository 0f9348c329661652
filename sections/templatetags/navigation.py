from django import template

from articles import fragments
from articles.models import Section
from sections.models import BreakingNews

register = template.Library()


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def section_navigation(context, current=None):
    """List the live sections in navigation order, marking the one being read."""
    return {
        # Called by the template only when the cached fragment is missing:
        # building the queryset on every page cost 0.15 ms.
        "sections": Section.objects.active,
        "current": current,
        "fragment_generation": context.get("fragment_generation")
        or fragments.generation(),
        "fragment_seconds": fragments.FRAGMENT_SECONDS,
    }


@register.inclusion_tag("includes/breaking_news.html", takes_context=True)
def breaking_news(context):
    """
    Show the breaking-news banner, if an editor set one and it has not
    expired: the one the view read (`breaking_news`, a list of none or one)
    or else the one in the database.
    """
    if "breaking_news" in context:
        banner = context["breaking_news"]
    else:
        # Called by the template only when the cached fragment is missing;
        # setting, clearing or expiring the banner renews the generation
        # (sections/fronts.py).
        def banner():
            return BreakingNews.objects.showing()[:1]

    return {
        "banner": banner,
        "fragment_generation": context.get("fragment_generation")
        or fragments.generation(),
        "fragment_seconds": fragments.FRAGMENT_SECONDS,
    }
