"""
The full-page cache: anonymous GET and HEAD requests for public pages are
answered from memory before Django runs.

It is a WSGI layer that knows URLs and bytes, nothing about articles. A view
marks a response cacheable with `public_page` (Cache-Control: public); the
layer stores such responses compressed, keyed by host, path and the query
parameters pages read, and answers later requests for the same key from
a small per-process memory tier, backed by Redis when REDIS_URL is set.
`purge(paths)` drops every stored variant of the paths in every process at
once: Redis holds one hash per path, and each process listens on a Redis
channel for purges of its memory tier. See docs/caching.md.

The same channel keeps `remembered()` values coherent: small values every
process reads on every page (the fragments' generation, the most-read list),
copied into each process and dropped everywhere at once by any purge or by
`forget_remembered()`.
"""

import gzip
import hashlib
import json
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from functools import wraps
from urllib.parse import parse_qsl, urlencode

import brotli
import redis
from django.conf import settings
from django.utils.cache import patch_cache_control

from newsroom.cache import Breaker

# Browsers cannot be purged, so they keep a page for a minute at most.
BROWSER_MAX_AGE = 60
STALE_WHILE_REVALIDATE = 60
STALE_IF_ERROR = 24 * 60 * 60
# How long an expired page is kept to answer for an app that fails (stale-if-error).
KEPT_FOR_ERRORS_SECONDS = 60 * 60
# Headers describing one stored body, set per answer instead.
PER_ANSWER_HEADERS = {"content-length", "content-encoding", "etag", "vary", "date"}
GENERATION_FIELD = "~generation"


def public_page(view, max_seconds=None):
    """
    Mark a view's successful answers as public pages that any cache may keep,
    for PAGE_CACHE_SECONDS or max_seconds, whichever is shorter.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Staff see the live site: never stored, here or in front.
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code == 200:
            lifetime = settings.PAGE_CACHE_SECONDS
            if max_seconds is not None:
                lifetime = min(lifetime, max_seconds)
            patch_cache_control(
                response,
                public=True,
                max_age=min(BROWSER_MAX_AGE, lifetime),
                s_maxage=lifetime,
                stale_while_revalidate=STALE_WHILE_REVALIDATE,
                stale_if_error=STALE_IF_ERROR,
            )
        return response

    return wrapper


@dataclass
class Page:
    """A stored answer: the headers shared by every encoding and the body in each."""

    status: str
    headers: list
    bodies: dict
    etag: str
    last_modified: float | None
    stored_at: float
    expires_at: float
    size: int = field(init=False)

    def __post_init__(self):
        self.size = sum(len(body) for body in self.bodies.values())

    def is_fresh(self):
        return self.expires_at > time.time()

    def may_stand_in(self):
        """Return whether the page may still answer for an app that fails."""
        return self.expires_at + KEPT_FOR_ERRORS_SECONDS > time.time()

    def to_bytes(self):
        meta = {
            "status": self.status,
            "headers": self.headers,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "stored_at": self.stored_at,
            "expires_at": self.expires_at,
            "encodings": {name: len(body) for name, body in self.bodies.items()},
        }
        header = json.dumps(meta).encode()
        return (
            len(header).to_bytes(4, "big")
            + header
            + b"".join(self.bodies[name] for name in meta["encodings"])
        )

    @classmethod
    def from_bytes(cls, data):
        length = int.from_bytes(data[:4], "big")
        meta = json.loads(data[4 : 4 + length])
        bodies, offset = {}, 4 + length
        for name, size in meta.pop("encodings").items():
            bodies[name] = data[offset : offset + size]
            offset += size
        # JSON turns the header pairs into lists; WSGI servers such as
        # wsgiref (runserver) accept only tuples.
        meta["headers"] = [tuple(pair) for pair in meta["headers"]]
        return cls(bodies=bodies, **meta)


class MemoryTier:
    """A process's own store, bounded in bytes, least recently used first out."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.pages = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def set(self, key, page):
        if page.size > self.max_bytes // 4:
            return
        with self.lock:
            old = self.pages.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self.pages[key] = page
            self.bytes += page.size
            while self.bytes > self.max_bytes:
                _, evicted = self.pages.popitem(last=False)
                self.bytes -= evicted.size

    def drop_paths(self, paths):
        with self.lock:
            for key in [key for key in self.pages if key[0] in paths]:
                self.bytes -= self.pages.pop(key).size

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.bytes = 0


class RedisTier:
    """
    The store every process shares: one hash per path, one field per variant.

    A counter bumped by every purge guards against a page rendered before a
    purge being stored after it: a page is stored only if the counter has not
    moved since its render began.
    """

    STORE = """
    if tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[1]) then
        return 0
    end
    redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
    redis.call('EXPIRE', KEYS[1], ARGV[4])
    return 1
    """

    def __init__(self, url, prefix):
        self.client = redis.Redis.from_url(
            url, socket_connect_timeout=0.25, socket_timeout=0.5
        )
        self.prefix = f"{prefix}:page"
        self.generation_key = f"{self.prefix}:{GENERATION_FIELD}"
        self.channel = f"{self.prefix}:purges"
        self.store_script = self.client.register_script(self.STORE)
        self.breaker = Breaker(f"The page cache's Redis at {url}")

    def path_key(self, path):
        return f"{self.prefix}:{path}"

    def get(self, key):
        """Return (page or None, the purge generation now)."""
        path, variant = key
        pipe = self.client.pipeline(transaction=False)
        pipe.hget(self.path_key(path), variant)
        pipe.get(self.generation_key)
        data, generation = pipe.execute()
        page = Page.from_bytes(data) if data else None
        return page, int(generation or 0)

    def set(self, key, page, generation):
        """Store the page unless a purge came since generation; return whether it was stored."""
        path, variant = key
        lifetime = max(1, int(page.expires_at - time.time())) + KEPT_FOR_ERRORS_SECONDS
        return bool(
            self.store_script(
                keys=[self.path_key(path), self.generation_key],
                args=[generation, variant, page.to_bytes(), lifetime],
            )
        )

    def purge(self, paths):
        pipe = self.client.pipeline(transaction=True)
        pipe.incr(self.generation_key)
        pipe.unlink(*[self.path_key(path) for path in paths])
        pipe.publish(self.channel, json.dumps(sorted(paths)))
        pipe.execute()

    def purge_everything(self):
        self.client.incr(self.generation_key)
        batch = []
        for key in self.client.scan_iter(match=f"{self.prefix}:/*", count=1000):
            batch.append(key)
            if len(batch) == 1000:
                self.client.unlink(*batch)
                batch = []
        if batch:
            self.client.unlink(*batch)
        self.client.publish(self.channel, json.dumps("*"))

    def failed(self, error):
        self.breaker.failed(error)


class PageStore:
    """The memory tier in front of the Redis tier, kept coherent by purges."""

    def __init__(self, memory_bytes, redis_url="", prefix="newsroom"):
        self.memory = MemoryTier(memory_bytes)
        self.redis = RedisTier(redis_url, prefix) if redis_url else None
        self.generation = 0
        # name -> (value, monotonic time it may be kept until)
        self.remembered = {}
        # Without Redis there is one process to keep coherent: this one.
        self.memory_trusted = self.redis is None
        self.listener_pid = None
        self.lock = threading.Lock()

    def lookup(self, key):
        """
        Return (page or None, a token to hand back to store()); the page may
        have expired, to stand in if the app fails.
        """
        self.ensure_listener()
        token = (self.generation, None)
        kept = None
        if self.memory_trusted:
            kept = self.memory.get(key)
            if kept is not None and kept.is_fresh():
                return kept, token
        if self.redis is None or not self.redis.breaker.closed():
            return kept, token
        try:
            page, shared_generation = self.redis.get(key)
        except redis.RedisError as error:
            self.redis.failed(error)
            return kept, token
        token = (token[0], shared_generation)
        if page is not None and page.is_fresh():
            if self.memory_trusted and self.generation == token[0]:
                self.memory.set(key, page)
        return page or kept, token

    def store(self, key, page, token):
        local_generation, shared_generation = token
        if self.redis is not None:
            if shared_generation is None:
                return
            try:
                if not self.redis.set(key, page, shared_generation):
                    return
            except redis.RedisError as error:
                self.redis.failed(error)
                return
        if self.memory_trusted and self.generation == local_generation:
            self.memory.set(key, page)

    def purge(self, paths):
        paths = set(paths)
        if not paths:
            return
        self.forget_locally(paths)
        if self.redis is not None:
            try:
                self.redis.purge(paths)
            except redis.RedisError as error:
                self.redis.failed(error)

    def purge_everything(self):
        self.forget_locally("*")
        if self.redis is not None:
            try:
                self.redis.purge_everything()
            except redis.RedisError as error:
                self.redis.failed(error)

    def remember(self, name, compute, max_age):
        """
        Return this process's copy of a value every process shares, from
        compute() when there is none, it is older than max_age seconds or a
        purge came since. Without the purge channel nothing is copied.
        """
        self.ensure_listener()
        if not self.memory_trusted:
            return compute()
        now = time.monotonic()
        held = self.remembered.get(name)
        if held is not None and held[1] > now:
            return held[0]
        generation = self.generation
        value = compute()
        with self.lock:
            # A purge while compute() ran may have changed what it read.
            if self.generation == generation and self.memory_trusted:
                self.remembered[name] = (value, now + max_age)
        return value

    def forget_remembered(self):
        """Drop every process's remembered values, keeping the pages."""
        self.forget_locally(set())
        if self.redis is not None:
            try:
                self.redis.client.publish(self.redis.channel, json.dumps([]))
            except redis.RedisError as error:
                self.redis.failed(error)

    def forget_locally(self, paths):
        with self.lock:
            self.generation += 1
            self.remembered = {}
        if paths == "*":
            self.memory.clear()
        else:
            self.memory.drop_paths(set(paths))

    def ensure_listener(self):
        """Start this process's purge listener (after a fork, a new one)."""
        if self.redis is None or self.listener_pid == os.getpid():
            return
        with self.lock:
            if self.listener_pid == os.getpid():
                return
            self.listener_pid = os.getpid()
            self.memory_trusted = False
            self.memory.clear()
            thread = threading.Thread(
                target=self.listen, name="page-cache-purges", daemon=True
            )
            thread.start()

    def listen(self):
        """
        Apply other processes' purges to the memory tier as they are published.

        While the channel is down a purge could be missed, so the memory tier
        is cleared and bypassed until the subscription is back.
        """
        pid = os.getpid()
        backoff = 0.5
        while self.listener_pid == pid:
            pubsub = self.redis.client.pubsub(ignore_subscribe_messages=True)
            try:
                pubsub.subscribe(self.redis.channel)
                self.forget_locally("*")
                self.memory_trusted = True
                backoff = 0.5
                while self.listener_pid == pid:
                    message = pubsub.get_message(timeout=1.0)
                    if message is not None:
                        paths = json.loads(message["data"])
                        self.forget_locally(paths if paths == "*" else set(paths))
            except (redis.RedisError, OSError) as error:
                self.memory_trusted = False
                self.forget_locally("*")
                self.redis.failed(error)
                time.sleep(backoff)
                backoff = min(backoff * 2, 10)
            finally:
                pubsub.close()


_store = None
_store_lock = threading.Lock()


def get_store():
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                _store = PageStore(
                    settings.PAGE_CACHE_MEMORY_BYTES,
                    settings.REDIS_URL,
                    settings.NEWSROOM_REDIS_PREFIX,
                )
    return _store


def reset_store():
    """Forget the store, so the next request builds one from the current settings."""
    global _store
    with _store_lock:
        if _store is not None:
            _store.listener_pid = None
        _store = None


def purge(paths):
    """Drop every stored variant of these paths, in every process."""
    get_store().purge(paths)


def purge_everything():
    get_store().purge_everything()


def remembered(name, compute, max_age):
    """
    Return a small shared value (e.g. read from Redis) from this process's
    copy: kept for at most max_age seconds, and dropped in every process by
    any purge or forget_remembered().
    """
    return get_store().remember(name, compute, max_age)


def forget_remembered():
    """Make every process read its remembered values afresh."""
    get_store().forget_remembered()


def cache_key(environ):
    """Return (path, variant): the variant is the host and the query parameters pages read."""
    allowed = settings.PAGE_CACHE_QUERY_PARAMETERS
    query = sorted(
        (name, value)
        for name, value in parse_qsl(environ.get("QUERY_STRING", ""), True)
        if name in allowed
    )
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    variant = f"{request_scheme(environ)}://{host.lower()}?{urlencode(query)}"
    return environ.get("PATH_INFO", "/"), variant


def request_scheme(environ):
    """Return the scheme as Django will see it, trusting the proxy header only when configured."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            forwarded = environ[header].split(",")[0].strip()
            return "https" if forwarded == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def wants_cache(environ):
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in environ:
        return False
    return f"{settings.SESSION_COOKIE_NAME}=" not in environ.get("HTTP_COOKIE", "")


def directives(headers):
    for name, value in headers:
        if name.lower() == "cache-control":
            for part in value.split(","):
                key, _, setting = part.strip().partition("=")
                yield key.lower(), setting


def storable_lifetime(status, headers):
    """Return how long an answer may be kept here, 0 if it may not."""
    if not status.startswith("200"):
        return 0
    names = {name.lower() for name, _ in headers}
    if "set-cookie" in names:
        return 0
    for name, value in headers:
        # The key holds the encoding only; an answer varying on more cannot be shared.
        if name.lower() == "vary" and {
            part.strip().lower() for part in value.split(",")
        } - {"accept-encoding"}:
            return 0
    found = dict(directives(headers))
    if "public" not in found or "private" in found or "no-store" in found:
        return 0
    try:
        return min(int(found.get("s-maxage", 0)), settings.PAGE_CACHE_SECONDS)
    except ValueError:
        return 0


# (Brotli quality, gzip level): a kept page is compressed once and sent many
# times, so harder; a page sent once (the page cache off or bypassed), faster.
# For a 17 KB article: Brotli 5 takes 0.39 ms for 6.8 KB, Brotli 3 0.15 ms for
# 7.4 KB.
KEPT_COMPRESSION = (5, 6)
PASSED_COMPRESSION = (3, 4)


def compress(body, encoding, levels=KEPT_COMPRESSION):
    brotli_quality, gzip_level = levels
    if encoding == "br":
        return brotli.compress(body, quality=brotli_quality)
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=gzip_level, mtime=0)
    return body


def make_page(
    status, headers, body, lifetime, encodings=("br", "gzip"), levels=KEPT_COMPRESSION
):
    """
    Make a page from an answer, compressed in each of `encodings` (a page
    that is kept must serve every client; one passed on, only this one).
    """
    kept = [
        (name, value)
        for name, value in headers
        if name.lower() not in PER_ANSWER_HEADERS
    ]
    etag = _header(headers, "etag")
    etag = (
        etag.removeprefix("W/")
        if etag
        else f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
    )
    last_modified = _header(headers, "last-modified")
    now = time.time()
    return Page(
        status=status,
        headers=kept,
        bodies={encoding: compress(body, encoding, levels) for encoding in encodings},
        etag=etag,
        last_modified=last_modified and _http_date_to_timestamp(last_modified),
        stored_at=now,
        expires_at=now + lifetime,
    )


def _header(headers, wanted):
    for name, value in headers:
        if name.lower() == wanted:
            return value
    return None


def _http_date_to_timestamp(value):
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None


def not_modified(environ, page):
    """Return whether the client's copy is still this page (RFC 9110 §13.1)."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or page.etag in tags
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since and page.last_modified is not None:
        since = _http_date_to_timestamp(if_modified_since)
        return since is not None and page.last_modified <= since
    return False


def choose_encoding(environ):
    accepted = {
        part.split(";")[0].strip().lower()
        for part in environ.get("HTTP_ACCEPT_ENCODING", "").split(",")
    }
    if "br" in accepted:
        return "br"
    if "gzip" in accepted:
        return "gzip"
    return "identity"


def answer(environ, start_response, page, state):
    """Send a stored page as the client asked for it: 304, compressed or plain, HEAD or GET."""
    headers = list(page.headers)
    headers += [
        ("ETag", f"W/{page.etag}"),
        ("Vary", "Accept-Encoding"),
        ("X-Page-Cache", state),
    ]
    if not_modified(environ, page):
        keep = {"cache-control", "etag", "vary", "last-modified", "expires"}
        start_response(
            "304 Not Modified",
            [(name, value) for name, value in headers if name.lower() in keep]
            + [("X-Page-Cache", state)],
        )
        return [b""]
    encoding = choose_encoding(environ)
    if encoding in page.bodies:
        body = page.bodies[encoding]
    else:
        # Kept pages hold the compressed bodies only.
        body = gzip.decompress(page.bodies["gzip"])
    if encoding != "identity":
        headers.append(("Content-Encoding", encoding))
    headers.append(("Content-Length", str(len(body))))
    start_response(page.status, headers)
    return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]


class PageCacheMiddleware:
    """The WSGI layer around Django: answer from the store, or render and keep."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not wants_cache(environ):
            return self.application(environ, start_response)
        store = get_store() if settings.PAGE_CACHE_SECONDS > 0 else None
        key = cache_key(environ)
        token = None
        kept = None
        if store is not None:
            kept, token = store.lookup(key)
            if kept is not None and kept.is_fresh():
                return answer(environ, start_response, kept, "hit")
        captured = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers, exc_info=exc_info)
            # Django returns its body and never writes through this callable.
            return None

        result = self.application(environ, capture)
        if (
            captured["status"].startswith("5")
            and kept is not None
            and kept.may_stand_in()
        ):
            # The app is failing (e.g. the database restarts): readers get the
            # last good copy instead of an error.
            if hasattr(result, "close"):
                result.close()
            return answer(environ, start_response, kept, "stale")
        if (
            environ["REQUEST_METHOD"] == "HEAD"
            or not captured["status"].startswith("200")
            or not is_public_page(captured["headers"])
        ):
            start_response(
                captured["status"], captured["headers"], captured["exc_info"]
            )
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        lifetime = storable_lifetime(captured["status"], captured["headers"])
        if store is not None and lifetime > 0:
            page = make_page(captured["status"], captured["headers"], body, lifetime)
            store.store(key, page, token)
            return answer(environ, start_response, page, "miss")
        # Compressed only as this client asks: nothing else will read it.
        page = make_page(
            captured["status"],
            captured["headers"],
            body,
            lifetime,
            encodings=(choose_encoding(environ),),
            levels=PASSED_COMPRESSION,
        )
        return answer(environ, start_response, page, "pass")


def is_public_page(headers):
    """
    Return whether a response is a page public_page() marked for sharing:
    files WhiteNoise serves (public, but with no s-maxage, and often already
    compressed) pass through untouched.
    """
    found = dict(directives(headers))
    return (
        "public" in found
        and "s-maxage" in found
        and _header(headers, "content-encoding") is None
    )
