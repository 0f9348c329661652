"""
deploy/varnish.vcl in a real Varnish in front of the live test server.

The test starts Debian's varnishd on free ports with a copy of the shipped VCL
whose backend is the live server, and stops it by its PID afterwards. It is
skipped only where varnishd is not installed (`apt-get install -y varnish`).
"""

import http.client
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.test import Client

from articles import workflow
from articles.models import Article
from articles.views import ArticleDetailView
from bench.servers import free_port
from newsroom import frontend_cache, pagecache
from newsroom.pagecache import PageCacheMiddleware
from tests.factories import make_article, make_section, make_user

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish.vcl"
SHIPPED_BACKEND = '.host = "127.0.0.1";\n    .port = "8000";'
# The tests wait out a stale-while-revalidate window; 60 s would make them slow.
SHIPPED_REVALIDATE_WINDOW = "set req.grace = 60s;"
TEST_REVALIDATE_WINDOW = "set req.grace = 2s;"
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")

pytestmark = [
    pytest.mark.skipif(
        VARNISHD is None,
        reason="varnishd is not installed; apt-get install -y varnish",
    ),
    # The live server answers from another thread (its own connection on
    # PostgreSQL), so the tests commit; the migrations' rows are restored after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def cache(self):
        return self.headers.get("X-Cache")


@dataclass
class Varnish:
    port: int
    proxy_port: int

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def request(self, method, path, headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Answer(
                response.status,
                response.headers,
                response.read().decode(errors="replace"),
            )
        finally:
            connection.close()

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def request_from(self, address, method, path):
        """Send a request that Varnish sees coming from `address` (PROXY protocol); return the status."""
        with socket.create_connection(
            ("127.0.0.1", self.proxy_port), timeout=10
        ) as sock:
            sock.sendall(
                f"PROXY TCP4 {address} 127.0.0.1 40000 {self.proxy_port}\r\n"
                f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
            )
            status_line = sock.makefile("rb").readline().decode()
        return int(status_line.split()[1])


def eventually(request, until, timeout=5):
    """Repeat the request until its answer passes `until` or time runs out; return the last."""
    deadline = time.monotonic() + timeout
    while True:
        answer = request()
        if until(answer) or time.monotonic() > deadline:
            return answer
        time.sleep(0.05)


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("varnish")
    shipped = VCL.read_text()
    assert SHIPPED_BACKEND in shipped, "the test points this backend at the live server"
    assert SHIPPED_REVALIDATE_WINDOW in shipped, "the test shortens this window"
    vcl = folder / "test.vcl"
    vcl.write_text(
        shipped.replace(
            SHIPPED_BACKEND,
            f'.host = "127.0.0.1";\n    .port = "{live_server.thread.port}";',
        ).replace(SHIPPED_REVALIDATE_WINDOW, TEST_REVALIDATE_WINDOW)
    )
    # Varnish talks to the site as gunicorn serves it (newsroom/wsgi.py):
    # with the page cache layer, which compresses pages and answers 304s.
    server = live_server.thread.httpd
    django_application = server.get_app()
    server.set_app(PageCacheMiddleware(django_application))
    front = Varnish(port=free_port(), proxy_port=free_port())
    log = folder / "varnishd.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-j", "none",
                "-a", f"127.0.0.1:{front.port}",
                "-a", f"127.0.0.1:{front.proxy_port},PROXY",
                "-f", str(vcl),
                "-n", str(folder / "work"),
                "-s", "malloc,32m",
                "-p", "http_gzip_support=off",  # as deploy/varnish.vcl asks
                # A small Varnish: the default starts 200 threads and an 80 MB log.
                "-p", "thread_pools=1",
                "-p", "thread_pool_min=5",
                "-p", "thread_pool_max=50",
                "-p", "vsl_space=1M",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"varnishd exited:\n{log.read_text()}")
            # Answered by Varnish itself: the live server may not touch the
            # database before a test allows it.
            try:
                last = front.request("BAN", "/")
                if last.status == 200:
                    break
            except OSError as error:
                last = error
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Varnish did not answer within 30 s (last: {last!r}):\n{log.read_text()}"
                )
            time.sleep(0.05)
        yield front
    finally:
        server.set_app(django_application)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def purges_reach(settings, varnish):
    """Send the app's purges to the test's Varnish and start from an empty one."""
    settings.FRONTEND_CACHE_PURGE_URLS = [varnish.url]
    frontend_cache.purge_everything()
    assert frontend_cache.flush()
    return varnish


def test_an_anonymous_page_is_served_from_varnish_the_second_time(purges_reach):
    article = make_article(headline="Council approves the budget")

    first = purges_reach.get(article.get_absolute_url())
    # Analytics and CSRF cookies change nothing on a public page.
    second = purges_reach.get(
        article.get_absolute_url(), Cookie="_ga=GA1.2.3; csrftoken=abc"
    )

    assert (first.status, first.cache) == (200, "MISS")
    assert (second.status, second.cache) == (200, "HIT")
    assert "public" in second.headers["Cache-Control"]
    assert "Council approves the budget" in second.text
    assert "Set-Cookie" not in second.headers


def test_each_encoding_is_kept_and_sent_as_the_app_made_it(purges_reach):
    article = make_article(headline="Council approves the budget")
    page = article.get_absolute_url()
    browsers = {"br": "gzip, deflate, br", "gzip": "gzip, deflate", None: "identity"}
    for accepted in browsers.values():
        purges_reach.get(page, **{"Accept-Encoding": accepted})

    for encoding, accepted in browsers.items():
        answer = purges_reach.get(page, **{"Accept-Encoding": accepted})
        assert answer.cache == "HIT"
        assert answer.headers.get("Content-Encoding") == encoding
    assert "Council approves the budget" in purges_reach.get(page).text


def test_tracking_parameters_get_the_same_cached_page(purges_reach):
    make_article()
    purges_reach.get("/")

    tracked = purges_reach.get("/?utm_source=newsletter&utm_medium=email&fbclid=x1")

    assert tracked.cache == "HIT"


def test_query_parameters_in_another_order_share_a_cached_page(purges_reach):
    article = make_article()
    section = article.section.get_absolute_url()
    purges_reach.get(f"{section}?page=1&sort=new")

    assert purges_reach.get(f"{section}?sort=new&page=1&gclid=abc").cache == "HIT"
    assert purges_reach.get(f"{section}?page=2").cache == "MISS"


def test_a_logged_in_editor_is_never_served_the_cached_page(purges_reach):
    make_article()
    purges_reach.get("/")
    browser = Client()
    browser.force_login(make_user("alex"))
    cookies = "; ".join(
        f"{morsel.key}={morsel.value}" for morsel in browser.cookies.values()
    )
    assert django_settings.SESSION_COOKIE_NAME in cookies

    first = purges_reach.get("/", Cookie=cookies)
    second = purges_reach.get("/", Cookie=cookies)

    assert (first.cache, second.cache) == ("PASS", "PASS")
    assert "no-store" in second.headers["Cache-Control"]
    assert purges_reach.get("/").cache == "HIT"


def test_posts_the_admin_and_the_read_beacon_pass_through(purges_reach):
    article = make_article()

    beacon = purges_reach.request("POST", f"/reads/{article.pk}/", body=b"")
    login = purges_reach.get("/admin/login/")

    assert (beacon.status, beacon.cache) == (204, "PASS")
    assert (login.status, login.cache) == (200, "PASS")
    assert "Set-Cookie" in login.headers  # the CSRF cookie reached the browser


def test_purges_are_refused_from_addresses_outside_the_acl(purges_reach):
    for method in ("PURGE", "BAN"):
        assert purges_reach.request_from("203.0.113.9", method, "/") == 405
        assert purges_reach.request_from("127.0.0.1", method, "/") == 200


def test_a_change_shows_on_the_next_request_after_its_purge(purges_reach):
    article = make_article(headline="Council approves the budget")
    unrelated = make_article(headline="Harbour reopens")
    page = article.get_absolute_url()
    for path in (page, f"{page}?ref=homepage", unrelated.get_absolute_url()):
        purges_reach.get(path)
        assert purges_reach.get(path).cache == "HIT"

    Article.objects.filter(pk=article.pk).update(headline="Council rejects the budget")
    # What articles/purge.py does for a change, for this one path only.
    pagecache.purge([page])
    frontend_cache.purge([page])
    assert frontend_cache.flush()

    after = purges_reach.get(page)
    assert after.cache == "MISS"
    assert "Council rejects the budget" in after.text
    assert purges_reach.get(f"{page}?ref=homepage").cache == "MISS"
    assert purges_reach.get(unrelated.get_absolute_url()).cache == "HIT"


@pytest.fixture
def publisher():
    """
    A member of staff allowed to publish. The permission is granted directly:
    after the browser tests, pytest-django no longer restores the role groups
    that the migrations create.
    """
    user = make_user("alex", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="publish_article"))
    return user


def test_an_editor_publishes_and_the_next_reader_through_varnish_sees_it(
    purges_reach, publisher
):
    politics = make_section(name="Politics", slug="politics")
    make_article(section=politics, headline="Harbour reopens")
    draft = make_article(
        section=politics,
        headline="Council approves the budget",
        status=Article.Status.IN_REVIEW,
        published_at=None,
    )
    for path in ("/", "/politics/", "/politics/?page=1"):
        purges_reach.get(path)
        cached = purges_reach.get(path)
        assert cached.cache == "HIT"
        assert "Council approves the budget" not in cached.text

    workflow.publish(draft, publisher)
    assert frontend_cache.flush()

    for path in ("/", "/politics/", "/politics/?page=1", draft.get_absolute_url()):
        assert "Council approves the budget" in purges_reach.get(path).text, path


def test_purging_everything_empties_the_cache(purges_reach):
    article = make_article()
    for path in ("/", article.get_absolute_url()):
        purges_reach.get(path)

    frontend_cache.purge_everything()
    assert frontend_cache.flush()

    assert purges_reach.get("/").cache == "MISS"
    assert purges_reach.get(article.get_absolute_url()).cache == "MISS"


@pytest.fixture
def short_lived_pages(settings):
    """Let public pages live one second in Varnish, so that tests can outlive them."""
    settings.PAGE_CACHE_SECONDS = 1


@pytest.fixture
def failing_article_page(monkeypatch):
    """Make the app answer 500 for article pages from now on; count how often it is asked."""
    asked = []

    def fail(self, request, *args, **kwargs):
        asked.append(request.path)
        raise RuntimeError("The database is down.")

    def start():
        monkeypatch.setattr(ArticleDetailView, "get", fail)
        return asked

    return start


def test_an_expired_page_is_served_stale_while_a_fresh_copy_is_fetched(
    purges_reach, short_lived_pages
):
    article = make_article(headline="Council approves the budget")
    page = article.get_absolute_url()
    purges_reach.get(page)
    Article.objects.filter(pk=article.pk).update(headline="Council rejects the budget")
    time.sleep(1.1)

    stale = purges_reach.get(page)

    assert stale.cache == "HIT-STALE"
    assert "Council approves the budget" in stale.text
    refreshed = eventually(
        lambda: purges_reach.get(page),
        until=lambda answer: "Council rejects the budget" in answer.text,
    )
    # Fetched in the background: the reader was answered from the cache.
    assert refreshed.cache == "HIT"


def test_while_the_app_fails_readers_get_the_stale_copy(
    purges_reach, short_lived_pages, failing_article_page
):
    article = make_article(headline="Council approves the budget")
    never_cached = make_article()
    page = article.get_absolute_url()
    assert purges_reach.get(page).status == 200
    asked = failing_article_page()

    time.sleep(1.1)  # past its lifetime, within the revalidation window
    during_revalidation = purges_reach.get(page)
    time.sleep(2.1)  # past the revalidation window too
    after = purges_reach.get(page)
    missing = purges_reach.get(never_cached.get_absolute_url())

    for answer in (during_revalidation, after):
        assert (answer.status, answer.cache) == (200, "HIT-STALE")
        assert "Council approves the budget" in answer.text
    # Each reader got the stale copy after the app failed once for them: the
    # background fetch, then the fetch past the revalidation window.
    assert asked.count(page) == 2
    # Without a copy to fall back on, the error stands, and the app was asked once.
    assert missing.status >= 500
    assert asked.count(never_cached.get_absolute_url()) == 1
