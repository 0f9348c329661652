"""
Share links: a signed, expiring address that shows an unpublished article
without logging in, so a source or a lawyer can check a story.

The token is the article's id and its share-link generation, signed with
SECRET_KEY and a timestamp; it works for
settings.NEWSROOM_SHARE_LINK_MAX_AGE_SECONDS (48 hours) and cannot be
altered to show another article. An editor revokes every link to an article
by raising its generation; a withdrawn article is never shown. The public
view lives in articles/views.py (SharedPreviewView); the admin logs who made
or revoked links and when.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db.models import F
from django.utils import timezone

from articles.models import Article

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
    return _ShareSigner(now or timezone.now()).sign(
        f"{article.pk}.{article.share_links_generation}"
    )


def share_link_expires_at(now=None):
    return (now or timezone.now()) + timedelta(
        seconds=settings.NEWSROOM_SHARE_LINK_MAX_AGE_SECONDS
    )


def shared_article(token, articles):
    """Return the article of articles a valid, unexpired, unrevoked token opens, or None."""
    try:
        pk, generation = map(
            int,
            _ShareSigner()
            .unsign(token, max_age=settings.NEWSROOM_SHARE_LINK_MAX_AGE_SECONDS)
            .split("."),
        )
    except (signing.BadSignature, ValueError):
        return None
    return (
        articles.exclude(status=Article.Status.WITHDRAWN)
        .filter(pk=pk, share_links_generation=generation)
        .first()
    )


def revoke_share_links(article):
    """Make every share link made so far to article open nothing."""
    # An update, not save(): revoking is no edit, so it must not bump the
    # version an editor with the form open is working from.
    Article.objects.filter(pk=article.pk).update(
        share_links_generation=F("share_links_generation") + 1
    )
    article.refresh_from_db(fields=["share_links_generation"])
