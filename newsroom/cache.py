"""
Django's Redis cache backend, made an accelerator rather than a dependency.

While Redis does not answer, reads miss, writes are skipped and `add` reports
that nothing was added (so a read beacon counts nothing rather than failing);
one warning is logged per interval, and for a moment after a failure Redis
is not asked at all, so a dead server costs no request its timeout. When
Redis answers again, caching resumes by itself. See docs/reliability.md.
"""

import logging
import threading
import time
from functools import wraps

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis import RedisError

logger = logging.getLogger(__name__)

LOG_INTERVAL_SECONDS = 60
# How long Redis is left alone after a failure before the next try.
RETRY_AFTER_SECONDS = 1.0


class Breaker:
    """Remember that a service failed, to skip it briefly and log it once in a while."""

    def __init__(self, name):
        self.name = name
        self.open_until = 0.0
        self.last_logged = 0.0
        self.lock = threading.Lock()

    def closed(self):
        return time.monotonic() >= self.open_until

    def failed(self, error):
        now = time.monotonic()
        with self.lock:
            self.open_until = now + RETRY_AFTER_SECONDS
            if now - self.last_logged < LOG_INTERVAL_SECONDS:
                return
            self.last_logged = now
        logger.warning(
            "%s did not answer (%s); carrying on without it.", self.name, error
        )


def _forgiving(method, fallback):
    @wraps(method)
    def wrapper(self, *args, **kwargs):
        if not self.breaker.closed():
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            self.breaker.failed(error)
            return fallback(*args, **kwargs)

    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _incr(key, delta=1, *args, **kwargs):
    # Django's own incr raises ValueError for a missing key; so does this.
    raise ValueError(f"Key '{key}' not found: the cache is unavailable.")


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, answering as an empty cache while Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.breaker = Breaker(f"The Redis cache at {server}")

    get = _forgiving(RedisCache.get, _default)
    get_many = _forgiving(RedisCache.get_many, _empty)
    has_key = _forgiving(RedisCache.has_key, _false)
    add = _forgiving(RedisCache.add, _false)
    set = _forgiving(RedisCache.set, _nothing)
    set_many = _forgiving(RedisCache.set_many, lambda data, *args, **kwargs: list(data))
    touch = _forgiving(RedisCache.touch, _false)
    delete = _forgiving(RedisCache.delete, _false)
    delete_many = _forgiving(RedisCache.delete_many, _nothing)
    incr = _forgiving(RedisCache.incr, _incr)
    clear = _forgiving(RedisCache.clear, _false)


class FragmentCache(BaseCache):
    """
    The cache {% cache %} fragments use (Django looks for the alias
    "template_fragments"): a small memory tier in each process in front of
    the shared cache, so a page whose fragments are warm asks Redis for none
    of them. It needs no invalidation because a fragment key holds
    everything that changes the fragment (articles/fragments.py): what is
    stored under a key never changes, so a copy of it is never wrong.
    """

    def __init__(self, location, params):
        super().__init__(params)
        self.shared_alias = params.get("OPTIONS", {}).get("SHARED", "default")
        self.memory = LocMemCache(
            f"fragments:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "OPTIONS": params.get("OPTIONS", {}),
            },
        )

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        value = self.memory.get(key, _MISSING, version)
        if value is _MISSING:
            value = self.shared.get(key, _MISSING, version)
            if value is _MISSING:
                return default
            self.memory.set(key, value, version=version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version)
        self.memory.set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version)
        if added:
            self.memory.set(key, value, timeout, version)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout, version)

    def delete(self, key, version=None):
        self.memory.delete(key, version)
        return self.shared.delete(key, version)

    def has_key(self, key, version=None):
        return self.memory.has_key(key, version) or self.shared.has_key(key, version)

    def clear(self):
        self.memory.clear()
        self.shared.clear()


_MISSING = object()
