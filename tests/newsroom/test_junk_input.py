"""
Junk from the network never answers 5xx: each kind is sent through Django's
test client and through newsroom.wsgi.application, the page cache included.
"""

import pytest
from django.test import Client

from tests.factories import make_article
from tests.site import Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_article(headline="Harbour bridge reopens")


@pytest.fixture
def client():
    # Errors answer as a server would instead of raising in the test.
    return Client(raise_request_exception=False)


def through_both(client, method, path, query="", **headers):
    """Return the statuses from the test client and from the WSGI application."""
    url = f"{path}?{query}" if query else path
    meta = {f"HTTP_{name.upper()}": value for name, value in headers.items()}
    django = client.generic(method, url, **meta).status_code
    wsgi = Site().request(method, url, **headers).status
    return django, wsgi


def pages(story):
    return ["/", story.get_absolute_url(), "/search/", "/feeds/rss/", "/sitemap.xml"]


def test_huge_query_strings_are_no_error(client, story):
    huge = "&".join(f"p{n}={'x' * 100}" for n in range(1000))  # about 100 KB
    for path in pages(story):
        for query in (huge, f"q={'harbour ' * 10_000}", f"page={'9' * 5000}"):
            assert max(through_both(client, "GET", path, query)) < 500, path


def test_invalid_utf8_in_path_and_query_is_no_error(client, story):
    for path in ["/%ff%fe/", "/news/%c0%af/", f"{story.get_absolute_url()}%80"]:
        assert max(through_both(client, "GET", path)) < 500, path
    for path in pages(story):
        for query in ("q=%ff%fe", "page=%c0%af", "%ff=%ff", "q=%00"):
            assert max(through_both(client, "GET", path, query)) < 500, path


def test_raw_bytes_that_are_not_utf8_in_the_wsgi_path_are_no_error(story):
    # A WSGI server hands the undecoded bytes over as latin-1.
    for path in ["/\xff\xfe/", "/search/\xc0\xaf", "/media/\xff.jpg"]:
        assert Site().get(path).status < 500, path


@pytest.mark.parametrize(
    "host", ["evil.example", "testserver.evil.example", "a" * 300, "[::1", "bad host"]
)
def test_spoofed_host_headers_are_refused(client, story, host):
    for path in pages(story):
        assert through_both(client, "GET", path, host=host) == (400, 400), path


@pytest.mark.parametrize(
    "path",
    [
        "/media/../newsroom/settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/..%2f..%2fmanage.py",
        "/media/heroes/../../db.sqlite3",
        "/media//etc/passwd",
        "/media/%00.jpg",
        "/media/heroes/..%5c..%5cx.jpg",
        "/media/../../../../etc/hostname.jpg",
    ],
)
def test_path_traversal_in_media_urls_finds_nothing(client, path):
    django, wsgi = through_both(client, "GET", path)
    assert django in (400, 404) and wsgi in (400, 404), path


@pytest.mark.parametrize(
    "header",
    [
        {"if_none_match": "garbage"},
        {"if_none_match": '"unterminated'},
        {"if_none_match": "W/" * 1000},
        {"if_none_match": ", , ,"},
        {"if_modified_since": "yesterday"},
        {"if_modified_since": "Mon, 99 Foo 99999 99:99:99 GMT"},
        {"if_modified_since": "9" * 400},
        {"if_modified_since": "Sun, 06 Nov 1994 08:49:37 GMT" * 50},
    ],
)
def test_malformed_conditional_headers_are_no_error(client, story, header):
    for path in pages(story):
        # Twice: the second meets the page cache's stored copy.
        for _ in range(2):
            assert max(through_both(client, "GET", path, **header)) < 500, path


@pytest.mark.parametrize("method", ["FOO", "PROPFIND", "TRACE", "CONNECT", "BREW"])
def test_unknown_http_methods_are_no_error(client, story, method):
    for path in [*pages(story), f"/reads/{story.pk}/", "/admin/"]:
        django, wsgi = through_both(client, method, path)
        assert django < 500 and wsgi < 500, (method, path)
