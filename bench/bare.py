"""
A WSGI app that answers every request with 17 KB from memory, about an
article page's size: the most any app can do under the same gunicorn on this
machine right now, for scale beside the page cache's figure.
"""

BODY = b"<!doctype html>" + b"x" * (17_000 - 15)


def application(environ, start_response):
    start_response(
        "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(BODY)))]
    )
    return [BODY]
