"""
Purges for the HTTP caches in front of the site (Varnish, a CDN).

Every cache listed in settings.FRONTEND_CACHE_PURGE_URLS receives, for each
path, a `BAN <path>` that drops the page with all its query strings
(deploy/varnish.vcl); `purge_everything()` sends one `BAN /` with
`X-Ban-Everything: yes`. Requests go out from one daemon thread per cache,
so a slow or dead cache never delays the save that caused the purge, nor the
purges of the other caches. See docs/frontend-cache.md.
"""

import atexit
import logging
import threading
import time
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_SECONDS = 2
READ_TIMEOUT_SECONDS = 5
# Pauses before the second, third and fourth attempt; then the batch is dropped
# and the pages stay stale until their s-maxage runs out.
RETRY_DELAYS_SECONDS = (1, 4, 15)
# A management command (publish_scheduled from cron) exits right after its
# purges: the process waits this long for them to go out.
EXIT_WAIT_SECONDS = 10

EVERYTHING = object()

_senders = {}
_senders_lock = threading.Lock()


def purge(paths):
    """Drop these paths, with every query string, from each cache in front."""
    paths = {path for path in paths if path}
    if paths:
        _submit(paths)


def purge_everything():
    """Drop every page from each cache in front (e.g. the navigation changed)."""
    _submit({EVERYTHING})


def flush(timeout=10):
    """Wait until every purge submitted so far was sent or given up; True if so."""
    deadline = time.monotonic() + timeout
    with _senders_lock:
        senders = [sender for sender in _senders.values() if sender.is_alive()]
    return all(
        sender.wait_until_idle(max(0, deadline - time.monotonic()))
        for sender in senders
    )


@atexit.register
def _flush_at_exit():
    flush(EXIT_WAIT_SECONDS)


def _submit(items):
    for cache_url in settings.FRONTEND_CACHE_PURGE_URLS:
        _sender_for(cache_url).submit(items)


def _sender_for(cache_url):
    with _senders_lock:
        sender = _senders.get(cache_url)
        # A forked worker (gunicorn --preload) inherits the object, not the thread.
        if sender is None or not sender.is_alive():
            sender = _senders[cache_url] = _Sender(cache_url)
        return sender


class PurgeRefused(Exception):
    """The cache answered, and retrying would get the same answer."""


class PurgeFailed(Exception):
    """The cache could not be reached or failed; a later attempt may succeed."""


class _Sender:
    """A thread that sends the purges for one cache, merging those that queue up."""

    def __init__(self, cache_url):
        self.cache_url = cache_url
        self._pending = set()
        self._sending = False
        self._condition = threading.Condition()
        self._thread = threading.Thread(
            target=self._run, name=f"frontend-cache {cache_url}", daemon=True
        )
        self._thread.start()

    def is_alive(self):
        return self._thread.is_alive()

    def submit(self, items):
        with self._condition:
            self._pending |= items
            self._condition.notify_all()

    def wait_until_idle(self, timeout):
        with self._condition:
            return self._condition.wait_for(
                lambda: not self._pending and not self._sending, timeout
            )

    def _run(self):
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending)
                batch, self._pending = self._pending, set()
                self._sending = True
            try:
                self._send_with_retries(batch)
            except Exception:
                # The thread must outlive any surprise, or purges stop for good.
                logger.exception("Frontend cache %s: purge failed", self.cache_url)
            finally:
                with self._condition:
                    self._sending = False
                    self._condition.notify_all()

    def _send_with_retries(self, batch):
        remaining = [EVERYTHING] if EVERYTHING in batch else sorted(batch)
        for attempt, delay in enumerate((*RETRY_DELAYS_SECONDS, None), start=1):
            try:
                self._send(remaining)
                return
            except PurgeRefused as error:
                logger.error(
                    "Frontend cache %s refused the purge: %s", self.cache_url, error
                )
                return
            except PurgeFailed as error:
                if delay is None:
                    logger.error(
                        "Frontend cache %s: purge failed (%s); gave up after %d attempts, %d pages stay stale until they expire",
                        self.cache_url,
                        error,
                        attempt,
                        len(remaining),
                    )
                    return
                logger.warning(
                    "Frontend cache %s: purge failed (%s); attempt %d, retrying in %s s",
                    self.cache_url,
                    error,
                    attempt,
                    delay,
                )
                time.sleep(delay)

    def _send(self, remaining):
        """Send a BAN per item over one connection, removing each one acknowledged."""
        url = urlsplit(self.cache_url)
        connection_class = HTTPSConnection if url.scheme == "https" else HTTPConnection
        connection = connection_class(url.netloc, timeout=CONNECT_TIMEOUT_SECONDS)
        try:
            connection.connect()
            connection.sock.settimeout(READ_TIMEOUT_SECONDS)
            while remaining:
                self._ban(connection, url.path.rstrip("/"), remaining[0])
                remaining.pop(0)
        except (OSError, HTTPException) as error:
            raise PurgeFailed(f"{type(error).__name__}: {error}") from error
        finally:
            connection.close()

    def _ban(self, connection, prefix, item):
        if item is EVERYTHING:
            connection.request("BAN", prefix + "/", headers={"X-Ban-Everything": "yes"})
        else:
            connection.request("BAN", prefix + item)
        response = connection.getresponse()
        response.read()
        if 200 <= response.status < 300:
            return
        what = "everything" if item is EVERYTHING else item
        answer = f"{response.status} {response.reason} for {what}"
        if response.status >= 500:
            raise PurgeFailed(answer)
        raise PurgeRefused(answer)
