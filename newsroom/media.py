"""
Uploaded images from MEDIA_ROOT, for a site with nothing else serving them.

In production nginx serves /media/ itself (deploy/nginx.conf) and a bucket
serves its own files; this view is what answers when neither does, so that
gunicorn alone shows every picture (README, docs/deploy.md).
"""

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.views.static import serve as serve_file

# Only pictures are uploaded (articles/images.py); anything else that finds its
# way into MEDIA_ROOT, a script or a page, is never sent to a browser.
IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


def serve(request, path):
    """Answer with the image stored at path under MEDIA_ROOT, kept by browsers for a year."""
    content_type = IMAGE_TYPES.get(PurePosixPath(path).suffix.lower())
    if not settings.SERVE_MEDIA or content_type is None:
        raise Http404("No such image.")
    # Django's view refuses paths outside document_root and directory listings,
    # and answers If-Modified-Since with 304.
    response = serve_file(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        response["Content-Type"] = content_type
    response["Cache-Control"] = settings.MEDIA_CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    return response


def urlpatterns():
    """Return the route for MEDIA_URL, or none when it points at another host."""
    prefix = urlsplit(settings.MEDIA_URL)
    if prefix.netloc:
        return []
    route = rf"^{re.escape(prefix.path.strip('/'))}/(?P<path>.+)$"
    return [re_path(route, serve, name="media")]
