from django import template

from articles import fragments
from articles.models import Section
from sections.models import BreakingNews

register = template.Library()


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def section_navigation(context, current=None):
    """List the live sections in navigation order, marking the one being read."""
    return {
        # Evaluated only when the cached fragment is missing.
        "sections": Section.objects.active(),
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
    return {
        # Evaluated only when the cached fragment is missing; setting, clearing
        # or expiring the banner renews the generation (sections/fronts.py).
        "banner": context.get("breaking_news", BreakingNews.objects.showing()[:1]),
        "fragment_generation": context.get("fragment_generation")
        or fragments.generation(),
        "fragment_seconds": fragments.FRAGMENT_SECONDS,
    }
