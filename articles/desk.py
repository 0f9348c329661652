"""
The desk: the admin's start page, showing each person what is theirs to act
on. Journalists see their own stories by state; editors see the review queue,
the schedule, today's stories, what is being read and recent corrections;
administrators see the editor's desk and the sections. Which desk a person
gets follows their permissions, not their group's name.

Each panel is one or two queries whatever the size of the archive, shows a
handful of rows and links to the article list filtered the same way.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import readership
from articles.models import (
    Article,
    Section,
    WorkflowEvent,
    sees_every_article,
)
from articles.workflow import PUBLISH_PERMISSION
from sections.models import FrontChange

ROWS = 5


@dataclass
class Row:
    """One story on a panel: what it is, and the one time or note that matters here."""

    article: Article
    when: datetime | None = None
    note: str = ""
    reads_hour: int | None = None
    reads_day: int | None = None
    # What the time means on this row, when it differs from the panel's.
    when_label: str = ""

    @property
    def change_url(self):
        return reverse("admin:articles_article_change", args=[self.article.pk])


@dataclass
class Panel:
    title: str
    empty: str
    rows: list = field(default_factory=list)
    # What the time on each row means ("waiting since", "goes live").
    when_label: str = ""
    # The article list filtered the same way; empty when no filter matches.
    filters: dict | None = None
    shows_reads: bool = False
    shows_authors: bool = False
    # Something staff should know about the panel as a whole.
    notice: str = ""
    # Where "see more" goes when it is not the article list.
    link: str = ""
    link_label: str = _("See them all in the article list")

    @property
    def list_url(self):
        if self.link:
            return self.link
        if self.filters is None:
            return ""
        changelist = reverse("admin:articles_article_changelist")
        return f"{changelist}?{urlencode(self.filters)}" if self.filters else changelist


@dataclass
class SectionRow:
    section: Section
    article_count: int

    @property
    def change_url(self):
        return reverse("admin:articles_section_change", args=[self.section.pk])


@dataclass
class Desk:
    role: str
    panels: list
    sections: list | None = None
    # The fronts' log (pins, the banner), for editors.
    front_changes: list | None = None
    can_write: bool = False
    write_url: str = field(
        default_factory=lambda: reverse("admin:articles_article_add")
    )


def for_user(user, now=None):
    """Return the desk that fits user's permissions."""
    now = now or timezone.now()
    can_write = user.has_perm("articles.add_article")
    if sees_every_article(user):
        sections = section_rows() if user.has_perm("articles.change_section") else None
        role = _("Administrator") if sections is not None else _("Editor")
        changes = front_changes() if user.has_perm(PUBLISH_PERMISSION) else None
        return Desk(role, editor_panels(now), sections, changes, can_write)
    return Desk(_("Journalist"), journalist_panels(user, now), can_write=can_write)


def journalist_panels(user, now):
    mine = Article.objects.written_by(user).select_related("section")
    drafts = mine.drafts_not_returned().order_by("-updated_at")
    returned = mine.returned().order_by("-updated_at")
    in_review = (
        mine.filter(status=Article.Status.IN_REVIEW)
        .with_submitted_at()
        .order_by("submitted_at")
    )
    scheduled = mine.scheduled().order_by("published_at")
    recent = (
        mine.published()
        .filter(published_at__gte=now - timedelta(days=7))
        .with_reads(readership.hour_of(now))
        .order_by("-published_at")
    )
    return [
        Panel(
            _("Returned to me"),
            _("Nothing has come back from the editors."),
            [Row(a, a.last_step_at, a.last_note) for a in returned[:ROWS]],
            _("returned"),
            {"state": "returned", "mine": "yes"},
        ),
        Panel(
            _("My drafts"),
            _("No drafts. Write a story to start one."),
            [Row(a, a.updated_at) for a in drafts[:ROWS]],
            _("last saved"),
            {"state": "draft", "mine": "yes"},
        ),
        Panel(
            _("Mine in review"),
            _("None of your stories is waiting for an editor."),
            [Row(a, a.submitted_at) for a in in_review[:ROWS]],
            _("submitted"),
            {"state": "in_review", "mine": "yes"},
        ),
        Panel(
            _("Mine scheduled"),
            _("None of your stories is scheduled."),
            [Row(a, a.published_at) for a in scheduled[:ROWS]],
            _("goes live"),
            {"state": "scheduled", "mine": "yes"},
        ),
        Panel(
            _("Mine published in the last 7 days"),
            _("None of your stories went live in the last 7 days."),
            [
                Row(a, a.published_at, reads_hour=a.reads_hour, reads_day=a.reads_day)
                for a in recent[:ROWS]
            ],
            _("published"),
            {"state": "live", "mine": "yes"},
            shows_reads=True,
        ),
    ]


def editor_panels(now):
    articles = Article.objects.with_byline()
    waiting = (
        articles.filter(status=Article.Status.IN_REVIEW)
        .with_submitted_at()
        .order_by("submitted_at", "pk")
    )
    going_live = articles.scheduled().filter(
        published_at__lte=now + timedelta(hours=24)
    )
    today_starts = timezone.make_aware(
        datetime.combine(timezone.localdate(now), time.min)
    )
    published_today = (
        articles.published()
        .filter(published_at__gte=today_starts)
        .order_by("-published_at", "-pk")
    )
    return [
        Panel(
            _("Waiting for review"),
            _("Nothing is waiting for review."),
            [Row(a, a.submitted_at) for a in waiting[:ROWS]],
            _("waiting since"),
            {"state": "in_review"},
            shows_authors=True,
        ),
        Panel(
            _("Going live in the next 24 hours"),
            _("Nothing is scheduled for the next 24 hours."),
            [
                Row(a, a.published_at)
                for a in going_live.order_by("published_at")[:ROWS]
            ],
            _("goes live"),
            {"state": "scheduled"},
            shows_authors=True,
        ),
        Panel(
            _("Published today"),
            _("Nothing has been published today yet."),
            [Row(a, a.published_at) for a in published_today[:ROWS]],
            _("published"),
            {
                "state": "live",
                "published_at__gte": today_starts.date().isoformat(),
            },
            shows_authors=True,
        ),
        most_read_panel(now),
        Panel(
            _("Recent corrections and withdrawals"),
            _("No corrections or withdrawals yet."),
            [
                Row(
                    event.article,
                    event.created_at,
                    event.note,
                    when_label=event.get_action_display(),
                )
                for event in WorkflowEvent.objects.filter(
                    action__in=[
                        WorkflowEvent.Action.CORRECT,
                        WorkflowEvent.Action.WITHDRAW,
                    ]
                )
                .select_related("article__section")
                .order_by("-created_at", "-pk")[:ROWS]
            ],
            "",
            {"state": "withdrawn"},
        ),
    ]


def most_read_panel(now):
    """
    The top of the public most-read list (the same ranking, readership
    weighted toward recent reading), with each story's reads in the last hour
    and 24 hours; says so when the public list is being topped up with the
    newest stories for want of reads.
    """
    read_ids = readership.stories_with_reads(now)
    articles = (
        Article.objects.select_related("section")
        .with_reads(readership.hour_of(now))
        .in_bulk(read_ids[:ROWS])
    )
    return Panel(
        _("Most read now"),
        _("No reads counted yet: the public most-read list shows the newest stories."),
        [
            Row(
                articles[pk],
                articles[pk].published_at,
                reads_hour=articles[pk].reads_hour,
                reads_day=articles[pk].reads_day,
            )
            for pk in read_ids[:ROWS]
            if pk in articles
        ],
        _("published"),
        None,
        shows_reads=True,
        notice=topped_up_notice(len(read_ids)),
        link=reverse("admin:most_read"),
        link_label=_("See the most-read report"),
    )


def topped_up_notice(stories_with_reads):
    """Say so when the public most-read list is partly the newest stories, for want of reads."""
    if not 0 < stories_with_reads < settings.NEWSROOM_MOST_READ_SIZE:
        return ""
    return ngettext(
        "Only %(count)d story has reads: the public most-read list is topped "
        "up with the newest stories.",
        "Only %(count)d stories have reads: the public most-read list is topped "
        "up with the newest stories.",
        stories_with_reads,
    ) % {"count": stories_with_reads}


def section_rows():
    sections = Section.objects.annotate(article_count=Count("articles")).order_by(
        "position", "name"
    )
    return [SectionRow(section, section.article_count) for section in sections]


def front_changes():
    """Return the latest changes to the fronts (pins, the banner), newest first."""
    return list(
        FrontChange.objects.select_related("user", "article__section").order_by(
            "-created_at", "-pk"
        )[:ROWS]
    )
