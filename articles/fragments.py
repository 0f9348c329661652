"""
Rendered pieces of public pages kept in the cache (Django's {% cache %} tag),
and the one switch that makes them all miss.

Each fragment key holds what changes the fragment, so an edit needs no
deletion: the story by article id and version (every save through the admin,
the workflow or a restore raises the version, inline subheadings, authors and
tags included), the home page by its newest saved and newest published
article. What no version captures (a section renamed, reordered or hidden, a
tag renamed or deleted, an author's name or profile changed, an article
deleted) calls expire_all(), which renews the generation every key also
holds. See docs/performance.md.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

from newsroom import pagecache

FRAGMENT_SECONDS = 24 * 60 * 60
GENERATION_KEY = "fragments:generation"
# Each process keeps the token it read (every page reads it); renewing it
# drops every copy at once, this only bounds a copy whose drop was missed.
GENERATION_COPY_SECONDS = 60


def generation():
    """Return the token every fragment key carries; a new one after expire_all()."""
    return pagecache.remembered(
        GENERATION_KEY, shared_generation, GENERATION_COPY_SECONDS
    )


def shared_generation():
    # A random token, never a counter: an evicted counter could restart at a
    # number whose stale fragments are still cached.
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, None)


def expire_all():
    """
    Make every fragment render afresh: call after saving a section (name,
    order, visibility), a tag, an author's name or profile, or deleting an
    article. Renewed now and again when the transaction commits, as a request
    in between may have cached the old rows under the new token.
    """
    renew_generation()
    transaction.on_commit(renew_generation, robust=True)


def renew_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    pagecache.forget_remembered()
