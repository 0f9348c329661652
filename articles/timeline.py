"""
One history per article: its workflow steps and its saved versions, newest
first, as the desk reads them ("Submitted by Sam Whitfield · 09:12",
"Returned by Alex Marsh: needs a second source", "Edited by Sam Whitfield:
standfirst, lead text"). Two queries, whatever the length.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from articles import revisions
from articles.models import WorkflowEvent

Action = WorkflowEvent.Action

# What the timeline says a step was, before "by <who>".
STEP_WORDS = {
    Action.SUBMIT: _("Submitted"),
    Action.RECALL: _("Recalled"),
    Action.PUBLISH: _("Published"),
    Action.SCHEDULE: _("Scheduled"),
    Action.GO_LIVE: _("Went live as scheduled"),
    Action.RETURN: _("Returned"),
    Action.WITHDRAW: _("Withdrawn"),
    Action.CORRECT: _("Corrected"),
}
# Comments of saves that changed nothing (the last two from earlier versions of the admin).
UNCHANGED_COMMENTS = frozenset(
    {revisions.UNCHANGED, "Saved without changes.", "No fields changed."}
)
# A workflow button saves the page's edits and takes the step in one request,
# the version kept just after the step: an edit by the same person this soon
# after a step is told as part of it. A save before a step is never folded in.
SAME_REQUEST = timedelta(seconds=2)


@dataclass(frozen=True)
class Entry:
    when: datetime
    what: str
    who: str = ""
    detail: str = ""
    # What a workflow step's own save changed, e.g. "standfirst, lead text".
    edits: str = ""
    # A saved version links to the revisions page, where it can be compared or restored.
    is_version: bool = False

    @property
    def when_text(self):
        """Return "09:12" for today, "4 Dec, 09:12" this year, "4 Dec 2025, 09:12" before."""
        when, today = localtime(self.when), localtime().date()
        if when.date() == today:
            return date_format(when, "H:i")
        if when.year == today.year:
            return date_format(when, "j M, H:i")
        return date_format(when, "j M Y, H:i")


EDITED = "Edited"


def full_name(user):
    return user.get_full_name() or user.get_username()


def timeline(article, limit=50):
    """Return the article's last `limit` workflow steps and versions as Entries, newest first."""
    steps = [
        Entry(
            when=event.created_at,
            what=str(STEP_WORDS.get(event.action, event.get_action_display())),
            who=full_name(event.actor) if event.actor else "",
            detail=event.note,
        )
        for event in article.workflow_events.for_history()[:limit]
    ]
    edits = []
    for version in revisions.versions_of(article).exclude(
        revision__comment__in=UNCHANGED_COMMENTS
    )[:limit]:
        what, _colon, detail = version.revision.get_comment().partition(": ")
        edits.append(
            Entry(
                when=version.revision.date_created,
                what=what.rstrip(".") or str(_("Saved")),
                who=full_name(version.revision.user) if version.revision.user else "",
                detail=detail,
                is_version=True,
            )
        )
    entries = _merge(steps, edits)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


def _merge(steps, edits):
    """Return steps and edits as one list, each edit made by a step's own save folded into it."""
    entries, steps = [], list(steps)
    for edit in edits:
        for index, step in enumerate(steps):
            if (
                not step.edits
                and step.who == edit.who
                and edit.what == EDITED
                and timedelta(0) <= edit.when - step.when <= SAME_REQUEST
            ):
                steps[index] = replace(step, edits=edit.detail)
                break
        else:
            entries.append(edit)
    return entries + steps
