"""
Share links: a signed, expiring address that shows an unpublished article
without logging in, so a source or a lawyer can check a story.

The token is the article's id signed with SECRET_KEY and a timestamp; it
works for settings.NEWSROOM_SHARE_LINK_MAX_AGE_SECONDS (48 hours) and cannot
be altered to show another article. The public view lives in
articles/views.py (SharedPreviewView).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

_SALT = "articles.share-link"


class _ShareSigner(signing.TimestampSigner):
    """A TimestampSigner that stamps the given moment rather than the clock's."""

    def __init__(self, now=None):
        super().__init__(salt=_SALT)
        self.now = now

    def timestamp(self):
        if self.now is None:
            return super().timestamp()
        return signing.b62_encode(int(self.now.timestamp()))


def make_share_token(article, now=None):
    """Return a token for article's share link, valid from now for the configured time."""
    return _ShareSigner(now or timezone.now()).sign(str(article.pk))


def share_link_expires_at(now=None):
    return (now or timezone.now()) + timedelta(
        seconds=settings.NEWSROOM_SHARE_LINK_MAX_AGE_SECONDS
    )


def article_id_for_share_token(token):
    """Return the id of the article a valid, unexpired token points to, or None."""
    try:
        return int(
            _ShareSigner().unsign(
                token, max_age=settings.NEWSROOM_SHARE_LINK_MAX_AGE_SECONDS
            )
        )
    except (signing.BadSignature, ValueError):
        return None
