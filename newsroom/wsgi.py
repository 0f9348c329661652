"""WSGI entry point, e.g. `gunicorn newsroom.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

# Imported once Django is set up: these layers read settings.
from articles.beacon import ReadBeaconLayer  # noqa: E402
from newsroom.pagecache import PageCacheMiddleware  # noqa: E402

application = ReadBeaconLayer(PageCacheMiddleware(django_application))
