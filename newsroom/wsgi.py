"""WSGI entry point, e.g. `gunicorn newsroom.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

# Imported once Django is set up: the page cache reads settings.
from newsroom.pagecache import PageCacheMiddleware  # noqa: E402

application = PageCacheMiddleware(django_application)
