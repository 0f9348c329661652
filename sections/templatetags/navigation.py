from django import template

from articles.models import Section

register = template.Library()


@register.inclusion_tag("includes/navigation.html")
def section_navigation(current=None):
    """List the live sections in navigation order, marking the one being read."""
    return {"sections": Section.objects.active(), "current": current}
