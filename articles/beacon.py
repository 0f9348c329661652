"""
The read beacon, answered before Django's middleware when Redis can settle it.

A beacon is a POST with no body that every article page sends once: the
busiest URL of the site, and its answer is a bare 204. Through Django's
request cycle (nine middleware, URL resolution) half its cost is work a 204
does not need. This WSGI layer recognises the beacon's path, checks the host
as Django would, and lets readership count it in Redis in one round trip.
Everything else, and any beacon Redis cannot settle (Redis down, the index
of live articles missing, a host Django refuses), goes on to Django, which
answers as it always has. It touches no database, so skipping Django's
request signals (which manage database connections) is safe.
"""

import re

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse
from django.utils import timezone

from articles import readership

NO_CONTENT = "204 No Content"
NOT_FOUND = "404 Not Found"


class ReadBeaconLayer:
    def __init__(self, application):
        self.application = application
        self.path = re.compile(
            re.escape(reverse("articles:read", kwargs={"pk": 0})).replace(
                "0", r"([0-9]{1,18})", 1
            )
        )

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") == "POST" and settings.REDIS_URL:
            match = self.path.fullmatch(environ.get("PATH_INFO", ""))
            if match:
                status = self.settle(int(match[1]), environ)
                if status is not None:
                    start_response(status, [("Cache-Control", "private, no-store")])
                    return [b""]
        return self.application(environ, start_response)

    def settle(self, article_id, environ):
        """Return the beacon's status line, or None to leave it to Django."""
        request = WSGIRequest(environ)
        try:
            request.get_host()
        except DisallowedHost:
            return None
        outcome = readership.record_in_redis_only(article_id, request, timezone.now())
        if outcome is None:
            return None
        return NOT_FOUND if outcome is readership.Outcome.NOT_LIVE else NO_CONTENT
