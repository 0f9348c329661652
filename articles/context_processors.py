from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles import fragments


def site(request):
    """Give every template the site's name, the time zone readers see times in, and what fragment keys need."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "TIME_ZONE": settings.TIME_ZONE,
        # Read from the cache only by a page that has a fragment.
        "fragment_generation": SimpleLazyObject(fragments.generation),
        "fragment_seconds": fragments.FRAGMENT_SECONDS,
    }
