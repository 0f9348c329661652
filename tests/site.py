"""The site as a WSGI server sees it, page cache included (the Django test client skips it)."""

import io
from dataclasses import dataclass
from urllib.parse import urlsplit
from wsgiref.util import setup_testing_defaults

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from newsroom.wsgi import application


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self):
        return self.body.decode()

    @property
    def cache_state(self):
        return self.headers.get("x-page-cache")


class Site:
    """Send requests through newsroom.wsgi.application, as gunicorn would."""

    def __init__(self, cookies=""):
        self.cookies = cookies

    def get(self, url, **headers):
        return self.request("GET", url, **headers)

    def head(self, url, **headers):
        return self.request("HEAD", url, **headers)

    def request(self, method, url, body=b"", **headers):
        parts = urlsplit(url)
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": parts.path,
            "QUERY_STRING": parts.query,
            "wsgi.input": io.BytesIO(body),
            "CONTENT_LENGTH": str(len(body)),
        }
        if self.cookies:
            environ["HTTP_COOKIE"] = self.cookies
        for name, value in headers.items():
            environ[f"HTTP_{name.upper()}"] = value
        setup_testing_defaults(environ)
        started = {}

        def start_response(status, response_headers, exc_info=None):
            started.update(status=status, headers=response_headers)

        # As Django's test client does: the test's transaction holds the connection.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = application(environ, start_response)
            try:
                content = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Answer(
            status=int(started["status"].split()[0]),
            headers={name.lower(): value for name, value in started["headers"]},
            body=content,
        )
