"""
Who has an article open: a soft lock that warns and never blocks.

Each opening of the change form is noted in the cache for a few minutes
(settings.NEWSROOM_EDITING_WINDOW_SECONDS); the next person to open the
article is told who else has it open. The cache may forget, and that is
fine: the version check on save (Article.save_versioned) is what prevents
lost work, this only makes a conflict less likely.
"""

import secrets
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def _key(article_id):
    return f"articles:editing:{article_id}"


def _fresh(editors, now):
    window = settings.NEWSROOM_EDITING_WINDOW_SECONDS
    return {
        user_id: entry
        for user_id, entry in editors.items()
        if now.timestamp() - entry["at"] < window
    }


def mark_editing(article_id, user, now=None):
    """Note that user has article_id open now; return the token that page leaves with (stop_editing)."""
    now = now or timezone.now()
    editors = _fresh(cache.get(_key(article_id), {}), now)
    token = secrets.token_urlsafe(8)
    editors[user.pk] = {
        "name": user.get_full_name() or user.get_username(),
        "at": now.timestamp(),
        "token": token,
    }
    cache.set(_key(article_id), editors, settings.NEWSROOM_EDITING_WINDOW_SECONDS)
    return token


def stop_editing(article_id, user, token=None):
    """
    Forget that user has article_id open, e.g. after they saved or left the
    page. With the token of the page that left, a page they opened since
    (the form again after "Save and continue") keeps them noted.
    """
    editors = cache.get(_key(article_id), {})
    entry = editors.get(user.pk)
    if entry is None or (token is not None and entry.get("token") != token):
        return
    del editors[user.pk]
    cache.set(_key(article_id), editors, settings.NEWSROOM_EDITING_WINDOW_SECONDS)


def other_editors(article_id, user, now=None):
    """Return (name, opened_at) for everyone but user who opened article_id recently, latest first."""
    now = now or timezone.now()
    editors = _fresh(cache.get(_key(article_id), {}), now)
    others = [
        (entry["name"], datetime.fromtimestamp(entry["at"], tz=UTC))
        for user_id, entry in editors.items()
        if user_id != user.pk
    ]
    return sorted(others, key=lambda other: other[1], reverse=True)
