from django import template

from articles import fragments
from articles.models import Section

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
