import hashlib
import json
import time

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from articles import readership

register = template.Library()

# Characters that could end a <script> element or open an HTML comment inside it.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def relative_age(moment, now=None):
    """
    Say how long ago a moment was in one unit, as the most-read list shows it:
    "just now", minutes, hours, days up to 7, weeks up to 4, then the date.
    articles/static/newsroom/js/reading.js repeats these rules to refresh cached pages.
    """
    now = now or timezone.now()
    seconds = max(0.0, (now - moment).total_seconds())
    minutes = int(seconds // 60)
    hours = minutes // 60
    days = hours // 24
    weeks = days // 7
    if minutes < 1:
        return "just now"
    if hours < 1:
        return ngettext("%d minute ago", "%d minutes ago", minutes) % minutes
    if days < 1:
        return ngettext("%d hour ago", "%d hours ago", hours) % hours
    if days <= 7:
        return ngettext("%d day ago", "%d days ago", days) % days
    if weeks <= 4:
        return ngettext("%d week ago", "%d weeks ago", weeks) % weeks
    return format_date(timezone.localtime(moment), "j F Y")


@register.filter
def iso_datetime(moment):
    """
    Return a moment in the site's time zone as ISO 8601 to the whole second, as
    <time datetime>, OpenGraph and JSON-LD want it: HTML refuses microseconds.
    """
    if moment is None:
        return ""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


@register.filter
def json_ld(data):
    """Return data as JSON that is safe inside <script type="application/ld+json">."""
    return mark_safe(
        json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    )


@register.inclusion_tag("components/most_read.html")
def most_read(article=None):
    """
    Show the most-read list, leaving out the article being read. The list
    is a fragment keyed by its entries and the minute (the ages it shows are
    in minutes at the finest), so a busy minute renders each list once.
    """
    entries = readership.most_read(exclude=article)
    return {
        "entries": entries,
        "entries_key": hashlib.md5(
            repr(entries).encode(), usedforsecurity=False
        ).hexdigest(),
        "minute": int(time.time() // 60),
        "size": settings.NEWSROOM_MOST_READ_SIZE,
    }
