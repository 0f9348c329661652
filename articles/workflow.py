"""
The editorial workflow: the only place an article's status changes.

Each transition runs guard → set → save → log → after-commit effects: it
checks the user's role and the article's state, sets the fields, saves with
the version check (Article.save_versioned), records a WorkflowEvent, and once
the transaction commits sends `transitioned` for work that must follow (cache
purges, notifications). The admin's buttons and bulk actions and the
publish_scheduled command all call these functions.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles import purge
from articles.models import Article, WorkflowEvent

Action = WorkflowEvent.Action
Status = Article.Status

PUBLISH_PERMISSION = "articles.publish_article"
EDIT_ANY_PERMISSION = "articles.edit_any_article"

# Sent after commit with article= and event=; receivers do follow-up work only.
transitioned = Signal()

# The actions a person can choose; GO_LIVE and SCHEDULE are outcomes, not choices.
CHOSEN_ACTIONS = (
    Action.SUBMIT,
    Action.RECALL,
    Action.PUBLISH,
    Action.RETURN,
    Action.WITHDRAW,
    Action.CORRECT,
)


class TransitionRefused(Exception):
    """The article's current state does not allow the transition; the message says why."""


def author_ids(article):
    """Return the ids of article's authors and of whoever created it: all of them hold the story."""
    if not hasattr(article, "_author_ids"):
        article._author_ids = set(
            article.authorships.values_list("author_id", flat=True)
        )
        if article.created_by_id is not None:
            article._author_ids.add(article.created_by_id)
    return article._author_ids


def is_author(user, article):
    return user.pk in author_ids(article)


def can_edit(user, article):
    """Return whether user may change article's text (None: a new article)."""
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if article is None or article.pk is None or user.has_perm(EDIT_ANY_PERMISSION):
        return True
    return article.status == Status.DRAFT and is_author(user, article)


def check(action, user, article):
    """Raise PermissionDenied if user's role forbids action on article, TransitionRefused if its state does."""
    if action not in CHOSEN_ACTIONS:
        # A crafted form post can name anything; refused, not a server error.
        raise _not_an_action(action)
    if action == Action.SUBMIT:
        allowed = can_edit(user, article)
    elif action == Action.RECALL:
        allowed = (
            user.is_active
            and user.has_perm("articles.change_article")
            and is_author(user, article)
        )
    else:
        allowed = user.is_active and user.has_perm(PUBLISH_PERMISSION)
    if not allowed:
        raise PermissionDenied(
            _("Your role does not allow “%(action)s” on this article.")
            % {"action": Action(action).label}
        )
    refusal = _state_refusal(action, article)
    if refusal:
        raise TransitionRefused(refusal)


def available_actions(user, article):
    """Return the actions user may take on article now, in the order the buttons show."""
    available = []
    for action in CHOSEN_ACTIONS:
        try:
            check(action, user, article)
        except (PermissionDenied, TransitionRefused):
            continue
        available.append(action)
    return available


def require_note(action, note):
    """Raise ValidationError when action needs a note and note is blank."""
    if action == Action.RETURN and not note.strip():
        raise ValidationError(
            _(
                "Tell the author what to change, e.g. “Needs a second source for the figures”."
            ),
            code="note_required",
        )
    if action == Action.WITHDRAW and not note.strip():
        raise ValidationError(
            _(
                "Give the reason for withdrawing, e.g. “Legal advice: the claim about the council is unproven”."
            ),
            code="reason_required",
        )


def publication_problems(article):
    """
    Return {field name: what to do} for each thing the article lacks to be
    published or scheduled; empty when it may go live.
    """
    problems = {}
    if not article.headline.strip():
        problems["headline"] = _("Write a headline before publishing.")
    if not article.standfirst.strip():
        problems["standfirst"] = _(
            "Write a standfirst before publishing: one paragraph that sums up the story."
        )
    if not strip_tags(article.body).strip():
        problems["body"] = _("Write the story's text before publishing.")
    if article.section_id is None or not article.section.is_active:
        problems["section"] = _(
            "Choose a live section before publishing: readers cannot reach a hidden one."
        )
    if article.hero_image and not article.hero_alt.strip():
        problems["hero_alt"] = _(
            "Describe the hero image for readers who cannot see it, e.g. "
            "“Firefighters outside the flooded station”, before publishing."
        )
    return problems


# Softer limits: an article outside them may go live once the editor has seen why it should not.
HEADLINE_MAX_CHARACTERS = 70
STANDFIRST_WORDS = (25, 45)


def publication_warnings(article, subheadings=None):
    """
    Return {field name: what to look at} for each soft rule the article
    breaks; the editor sees these before confirming a publication, and may
    publish anyway. subheadings defaults to the stored ones.
    """
    warnings = {}
    headline_length = len(article.headline.strip())
    if headline_length > HEADLINE_MAX_CHARACTERS:
        warnings["headline"] = _(
            "The headline is %(count)d characters; over %(limit)d it is cut short "
            "on cards and in search results."
        ) % {"count": headline_length, "limit": HEADLINE_MAX_CHARACTERS}
    words = len(article.standfirst.split())
    shortest, longest = STANDFIRST_WORDS
    # An empty standfirst is a publication problem, not a warning.
    if words and not shortest <= words <= longest:
        warnings["standfirst"] = ngettext(
            "The standfirst is %(count)d word; aim for %(shortest)d to %(longest)d.",
            "The standfirst is %(count)d words; aim for %(shortest)d to %(longest)d.",
            words,
        ) % {"count": words, "shortest": shortest, "longest": longest}
    if not article.hero_image:
        warnings["hero_image"] = _(
            "There is no hero image: the story shows without a picture on fronts and when shared."
        )
    if subheadings is None:
        subheadings = article.subheadings.all() if article.pk else []
    empty = [part.heading for part in subheadings if not strip_tags(part.body).strip()]
    if empty:
        warnings["subheadings"] = ngettext(
            "The subheading %(headings)s has no text under it.",
            "The subheadings %(headings)s have no text under them.",
            len(empty),
        ) % {"headings": ", ".join(f"“{heading}”" for heading in empty)}
    return warnings


def publication_time(at, now=None):
    """Return when publishing with the chosen time `at` takes effect: a time already past means now."""
    now = now or timezone.now()
    return now if at is None or at <= now else at


def publish_label(at, now=None):
    """Return what the publish button does with the chosen time: "Publish now" or "Schedule for Sat 5 Dec, 07:00"."""
    now = now or timezone.now()
    when = publication_time(at, now)
    if when <= now:
        return _("Publish now")
    return _("Schedule for %(when)s") % {
        "when": date_format(localtime(when), "D j M, H:i")
    }


def holder(article):
    """Return who has the story in hand now, as the desk would say it."""
    if article.status == Status.DRAFT:
        names = [
            author.get_full_name() or author.get_username()
            for author in article.byline_authors
        ]
        if not names:
            return _("Its author")
        return ngettext(
            "%(names)s, its author", "%(names)s, its authors", len(names)
        ) % {"names": ", ".join(names)}
    if article.status == Status.IN_REVIEW:
        return _("The editors, for review")
    return _("The editors")


def submit(article, user):
    """Send a draft to the editors for review."""
    check(Action.SUBMIT, user, article)
    return _apply(article, user, Action.SUBMIT, Status.IN_REVIEW)


def recall(article, user):
    """Take a story its author submitted back to their drafts, while no editor has acted on it."""
    check(Action.RECALL, user, article)
    return _apply(article, user, Action.RECALL, Status.DRAFT)


def publish(article, user, at=None):
    """Publish now, or schedule for a future time `at`; ValidationError names what is missing."""
    check(Action.PUBLISH, user, article)
    problems = publication_problems(article)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    # A time already past (e.g. the form's default, filled in when the page opened) means now.
    at = publication_time(at, now)
    action = Action.SCHEDULE if at > now else Action.PUBLISH
    return _apply(article, user, action, Status.PUBLISHED, published_at=at)


def return_to_author(article, user, note):
    """Send an article under review back to its author as a draft, saying what to change."""
    check(Action.RETURN, user, article)
    require_note(Action.RETURN, note)
    return _apply(article, user, Action.RETURN, Status.DRAFT, note=note.strip())


def withdraw(article, user, reason):
    """Take a published or scheduled article off the site, recording why."""
    check(Action.WITHDRAW, user, article)
    require_note(Action.WITHDRAW, reason)
    return _apply(article, user, Action.WITHDRAW, Status.WITHDRAWN, note=reason.strip())


def correct(article, user, note=""):
    """Mark a live article as corrected: its "Updated" time moves, and a note, when given, is shown to readers."""
    check(Action.CORRECT, user, article)
    return _apply(
        article,
        user,
        Action.CORRECT,
        Status.PUBLISHED,
        note=note.strip(),
        revised_at=timezone.now(),
    )


def go_live(article):
    """Record that a scheduled article's time has come; the status already says published."""
    if not article.is_published:
        raise TransitionRefused(_("This article is not live yet."))
    # Nothing about the article changes, so it is not saved: an editor with the
    # form open is not told of a conflict that is not there.
    with transaction.atomic():
        return _log(article, None, Action.GO_LIVE, Status.PUBLISHED, Status.PUBLISHED)


def perform(action, article, user, note="", at=None):
    """Run the transition named by action, as chosen in the admin."""
    if action == Action.SUBMIT:
        return submit(article, user)
    if action == Action.RECALL:
        return recall(article, user)
    if action == Action.PUBLISH:
        return publish(article, user, at)
    if action == Action.RETURN:
        return return_to_author(article, user, note)
    if action == Action.WITHDRAW:
        return withdraw(article, user, note)
    if action == Action.CORRECT:
        return correct(article, user, note)
    raise _not_an_action(action)


def _not_an_action(action):
    return TransitionRefused(
        _("“%(action)s” is not a workflow action.") % {"action": action}
    )


def _state_refusal(action, article):
    status = article.status
    if article.pk is None:
        return _("Save the article first.")
    if action == Action.SUBMIT and status != Status.DRAFT:
        return _("Only a draft can be submitted for review.")
    if action == Action.RECALL and status != Status.IN_REVIEW:
        return _("Only an article in review can be recalled.")
    # Submitting saves the story, so its last save is an author's until an editor saves it.
    if action == Action.RECALL and article.updated_by_id not in author_ids(article):
        return _(
            "An editor has already worked on it; ask them to return it to you instead."
        )
    if action == Action.PUBLISH and status == Status.PUBLISHED and article.is_published:
        return _("This article is already live.")
    if action == Action.RETURN and status != Status.IN_REVIEW:
        return _("Only an article in review can be returned to its author.")
    if action == Action.WITHDRAW and status != Status.PUBLISHED:
        return _("Only a published or scheduled article can be withdrawn.")
    if action == Action.CORRECT and not article.is_published:
        return _(
            "Only a live article can be corrected; edit a draft or scheduled article directly."
        )
    return ""


def _apply(article, user, action, to_status, note="", **fields):
    from_status = article.status
    with transaction.atomic():
        article.status = to_status
        for name, value in fields.items():
            setattr(article, name, value)
        article.save_versioned(user)
        return _log(article, user, action, from_status, to_status, note)


def _log(article, user, action, from_status, to_status, note=""):
    event = WorkflowEvent.objects.create(
        article=article,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor=user,
        note=note,
    )
    purge.article_changed(article)
    transaction.on_commit(
        lambda: transitioned.send(sender=Article, article=article, event=event)
    )
    return event
