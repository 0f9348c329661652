"""The purges sent to the caches in front, checked against small recording servers."""

import logging
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.servers import free_port
from newsroom import frontend_cache


class RecordingCache(ThreadingHTTPServer):
    """Answer each request with the next of `statuses` (then 200) and record it."""

    daemon_threads = True

    def __init__(self, statuses=(), delay=0):
        super().__init__(("127.0.0.1", 0), RecordingHandler)
        self.statuses = list(statuses)
        self.delay = delay
        self.received = []

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class RecordingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_BAN(self):
        time.sleep(self.server.delay)
        self.server.received.append(
            (self.command, self.path, self.headers.get("X-Ban-Everything"))
        )
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def start_cache():
    servers = []

    def start(**options):
        server = RecordingCache(**options)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def quick_retries(monkeypatch):
    monkeypatch.setattr(frontend_cache, "RETRY_DELAYS_SECONDS", (0.01, 0.02))


def test_each_path_is_banned_at_every_listed_cache(settings, start_cache):
    varnish, cdn = start_cache(), start_cache()
    settings.FRONTEND_CACHE_PURGE_URLS = [varnish.url, cdn.url]

    frontend_cache.purge(["/politics/", "/", "/politics/council-budget/"])

    assert frontend_cache.flush()
    expected = [
        ("BAN", "/", None),
        ("BAN", "/politics/", None),
        ("BAN", "/politics/council-budget/", None),
    ]
    assert varnish.received == expected
    assert cdn.received == expected


def test_purging_everything_sends_one_ban_of_every_page(settings, start_cache):
    varnish = start_cache()
    settings.FRONTEND_CACHE_PURGE_URLS = [varnish.url]

    frontend_cache.purge(["/politics/"])
    frontend_cache.purge_everything()

    assert frontend_cache.flush()
    # Whether the path went out before "everything" depends on timing; the
    # last request always drops every page.
    assert varnish.received[-1] == ("BAN", "/", "yes")


def test_without_caches_configured_nothing_is_sent(settings):
    settings.FRONTEND_CACHE_PURGE_URLS = []
    threads_before = threading.active_count()

    frontend_cache.purge(["/"])
    frontend_cache.purge_everything()

    assert threading.active_count() == threads_before


def test_purge_returns_at_once_while_the_cache_is_slow(settings, start_cache):
    slow = start_cache(delay=1)
    settings.FRONTEND_CACHE_PURGE_URLS = [slow.url]

    started = time.monotonic()
    frontend_cache.purge(["/politics/"])

    assert time.monotonic() - started < 0.5
    assert frontend_cache.flush()
    assert slow.received == [("BAN", "/politics/", None)]


def test_an_unreachable_cache_is_retried_logged_and_never_raises(
    settings, quick_retries, caplog
):
    dead = f"http://127.0.0.1:{free_port()}"
    settings.FRONTEND_CACHE_PURGE_URLS = [dead]

    with caplog.at_level(logging.WARNING, logger="newsroom.frontend_cache"):
        frontend_cache.purge(["/politics/"])
        assert frontend_cache.flush()

    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 3, lines  # two retries, then giving up
    assert all(dead in line and "ConnectionRefusedError" in line for line in lines)
    assert "gave up after 3 attempts" in lines[-1]


def test_a_cache_that_fails_once_gets_the_rest_on_the_next_attempt(
    settings, start_cache, quick_retries, caplog
):
    varnish = start_cache(statuses=[200, 503])
    settings.FRONTEND_CACHE_PURGE_URLS = [varnish.url]

    with caplog.at_level(logging.WARNING, logger="newsroom.frontend_cache"):
        frontend_cache.purge(["/a/", "/b/", "/c/"])
        assert frontend_cache.flush()

    assert [path for _, path, _ in varnish.received] == ["/a/", "/b/", "/b/", "/c/"]
    [warning] = caplog.records
    assert "503 Service Unavailable for /b/" in warning.getMessage()


def test_a_refused_purge_is_logged_and_not_repeated(
    settings, start_cache, quick_retries, caplog
):
    varnish = start_cache(statuses=[405])
    settings.FRONTEND_CACHE_PURGE_URLS = [varnish.url]

    with caplog.at_level(logging.WARNING, logger="newsroom.frontend_cache"):
        frontend_cache.purge(["/a/"])
        assert frontend_cache.flush()

    assert len(varnish.received) == 1
    [error] = caplog.records
    assert varnish.url in error.getMessage()
    assert "405" in error.getMessage()


def test_a_command_that_exits_right_after_purging_still_sends_the_purge(
    start_cache,
):
    varnish = start_cache(delay=0.3)
    purge_and_exit = (
        "import django; django.setup(); "
        "from newsroom import frontend_cache; frontend_cache.purge(['/politics/'])"
    )
    subprocess.run(
        [sys.executable, "-c", purge_and_exit],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "FRONTEND_CACHE_PURGE_URLS": varnish.url,
        },
        check=True,
        timeout=30,
    )

    assert varnish.received == [("BAN", "/politics/", None)]
