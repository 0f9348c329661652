"""
Live blogs: the only place an update is drafted, posted, corrected or deleted.

A published live blog takes updates without going back through review: its
authors (and whoever created it) and the editors may post to it, nobody else.
Each action runs guard → set → save → log (a WorkflowEvent in the article's
history: who, when, which update) → after-commit purge of the pages that show
the updates. See docs/live-and-media.md.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import purge, workflow
from articles.models import Article, LiveUpdate, WorkflowEvent

Action = WorkflowEvent.Action

# What readers see of an update: changing any of these once it is published is a correction.
READER_FIELDS = frozenset({"headline", "body", "image", "image_alt", "image_caption"})


def can_post(user, article):
    """Return whether user may add, correct or delete article's updates (its state aside)."""
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if not article.is_live_blog:
        return False
    return user.has_perm(workflow.EDIT_ANY_PERMISSION) or workflow.is_author(
        user, article
    )


def check(user, article):
    """Raise PermissionDenied if user may not post to article, TransitionRefused if it takes no updates now."""
    if not can_post(user, article):
        raise PermissionDenied(
            _(
                "Only the live blog’s authors and the editors can post to it; "
                "ask an editor to add you as an author."
            )
        )
    refusal = state_refusal(article)
    if refusal:
        raise workflow.TransitionRefused(refusal)


def state_refusal(article):
    """Return why article takes no updates now (it is not live), or ""."""
    if not article.is_published:
        return _(
            "Updates go on a live blog readers can see; this one is not published "
            "(it is a draft, scheduled or withdrawn)."
        )
    return ""


def postable_articles(user):
    """Return the published live blogs user may post to, newest first."""
    blogs = Article.objects.published().filter(is_live_blog=True)
    if not user.has_perm(workflow.EDIT_ANY_PERMISSION):
        blogs = blogs.held_by(user)
    if not user.is_active or not user.has_perm("articles.change_article"):
        blogs = blogs.none()
    return blogs.select_related("section").newest_first()


def save(update, user, publish=False, changed=(), note=""):
    """
    Save a new or changed update and log it: a new one as a draft or, with
    publish, posted now; a draft posted when publish; a published one whose
    text, headline or image changed (names in changed) as a correction that
    readers see, with note when given. Return the WorkflowEvent.
    """
    article = update.article
    check(user, article)
    was_published = update.pk is not None and (
        LiveUpdate.objects.filter(pk=update.pk).published().exists()
    )
    now = timezone.now()
    if update.pk is None:
        update.author = user
    if was_published:
        corrected = bool(READER_FIELDS & set(changed))
        if corrected:
            update.corrected_at = now
            update.correction_note = note.strip()
        action = Action.LIVE_CORRECT if corrected else None
    elif publish:
        update.status = LiveUpdate.Status.PUBLISHED
        update.published_at = now
        action = Action.LIVE_POST
    else:
        action = Action.LIVE_DRAFT
    with transaction.atomic():
        update.save()
        event = _log(article, user, action, update) if action else None
        if update.is_published:
            _updates_changed(article, now)
    return event


def delete(update, user):
    """Delete an update and log who did; readers' pages lose it at once."""
    article = update.article
    check(user, article)
    with transaction.atomic():
        event = _log(article, user, Action.LIVE_DELETE, update)
        was_published = update.is_published
        update.delete()
        if was_published:
            _updates_changed(article, timezone.now())
    return event


def _log(article, user, action, update):
    return WorkflowEvent.objects.create(
        article=article,
        action=action,
        from_status=article.status,
        to_status=article.status,
        actor=user,
        note=_("“%(update)s” (update %(id)s)") % {"update": update, "id": update.pk},
    )


def _updates_changed(article, now):
    # Not a save of the article: its version and "last saved" stay, so an
    # editor with its form open is not told of a conflict.
    Article.objects.filter(pk=article.pk).update(updates_changed_at=now)
    article.updates_changed_at = now
    purge.live_blog_changed(article)
