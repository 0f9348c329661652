from django.conf import settings


def site(request):
    """Give every template the site's name and the time zone readers see times in."""
    return {"site_name": settings.NEWSROOM_SITE_NAME, "TIME_ZONE": settings.TIME_ZONE}
