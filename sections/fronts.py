"""
Changes to the fronts made by editors and by the clock: each is logged as a
FrontChange and purges the pages it affects once committed. A pin changes its
front (the home page, or its section front); the banner is on every page.
The fragment keys need no purge: pins are in Article.objects.front_version().
See docs/front-page.md.
"""

from django.db import transaction
from django.utils import timezone

from articles import purge
from sections.models import BreakingNews, FrontChange, FrontPin


def _log(action, user, subject, front="", article=None):
    FrontChange.objects.create(
        action=action, user=user, front=front, subject=subject, article=article
    )


def _pin_front(pin):
    return f"{pin.front_name}, {pin.slot_name}"


def pin_saved(pin, user, before=None):
    """Log and purge a pin added or changed by user; before is the pin as it was, if changed."""
    _log(
        FrontChange.Action.PIN, user, pin.article.headline, _pin_front(pin), pin.article
    )
    paths = {pin.front_url}
    if before is not None:
        paths.add(before.front_url)
        if before.article_id != pin.article_id or before.front_url != pin.front_url:
            _log(
                FrontChange.Action.UNPIN,
                user,
                before.article.headline,
                _pin_front(before),
                before.article,
            )
    purge.front_changed(paths)


def pin_removed(pin, user, action=FrontChange.Action.UNPIN):
    """Log and purge a pin removed by user (or expired, by nobody)."""
    _log(action, user, pin.article.headline, _pin_front(pin), pin.article)
    purge.front_changed({pin.front_url})


def banner_saved(banner, user):
    _log(FrontChange.Action.BANNER_SET, user, banner.text)
    purge.everything_changed(stories=False)


def banner_removed(banner, user, action=FrontChange.Action.BANNER_CLEARED):
    _log(action, user, banner.text)
    purge.everything_changed(stories=False)


def remove_expired(now=None):
    """Remove the pins and the banner whose time has passed; return how many. Run every minute."""
    now = now or timezone.now()
    removed = 0
    with transaction.atomic():
        expired = FrontPin.objects.expired(now).select_related("article", "section")
        for pin in expired.select_for_update(skip_locked=True, of=("self",)):
            pin.delete()
            pin_removed(pin, None, FrontChange.Action.PIN_EXPIRED)
            removed += 1
        banners = BreakingNews.objects.filter(expires_at__lte=now)
        for banner in banners.select_for_update(skip_locked=True):
            banner.delete()
            banner_removed(banner, None, FrontChange.Action.BANNER_EXPIRED)
            removed += 1
    return removed
