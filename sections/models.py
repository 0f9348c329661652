"""
What editors choose for the fronts: stories pinned to the home page's lead and
top-story slots or to a section front's top story, and the breaking-news
banner, with a log of every change. See docs/front-page.md.

A pin is a wish, not a state: it is resolved through Article.published() each
time a front renders, so a withdrawn, unpublished, still-scheduled or deleted
story drops out by itself, and an expired pin is ignored before the
every-minute job removes it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article

HOME_TOP_STORIES = 4


class RowCount(Func):
    """COUNT(*) of a subquery's rows without a GROUP BY on the outer query."""

    function = "COUNT"
    template = "%(function)s(*)"
    output_field = models.IntegerField()


class FrontPinQuerySet(models.QuerySet):
    def showing(self, now=None):
        """Return the pins not expired at now: their stories still go through published()."""
        now = now or timezone.now()
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))

    def expired(self, now=None):
        now = now or timezone.now()
        return self.filter(expires_at__lte=now)

    def on_home(self):
        return self.filter(section__isnull=True)

    def pinned_articles(self, articles):
        """
        Return the articles of these pins that readers may see now, each with
        its pin_slot, from articles (e.g. with the cards' joins): pins are
        resolved through published() on every render, never trusted.
        """
        pins = self.showing()
        return (
            articles.published()
            .filter(pk__in=pins.values("article"))
            .annotate(
                pin_slot=Subquery(
                    pins.filter(article=OuterRef("pk"))
                    .order_by("slot")
                    .values("slot")[:1]
                )
            )
        )

    def version(self):
        """
        Return subqueries that change whenever what the pins show changes:
        a pin saved (last save), added or removed (count), or expired (latest
        expiry passed). For the fronts' fragment keys, in the same query as
        Article.objects.last_change().
        """
        pins = self.order_by()
        return {
            "pins_saved": Subquery(
                pins.order_by("-updated_at").values("updated_at")[:1]
            ),
            "pins_count": Subquery(pins.annotate(n=RowCount()).values("n")[:1]),
            "pins_expired": Subquery(
                pins.expired()
                .annotate(last=Func(F("expires_at"), function="MAX"))
                .values("last")[:1]
            ),
        }


class FrontPin(models.Model):
    """A story an editor put in a slot of the home page or at the top of a section front."""

    class Slot(models.IntegerChoices):
        LEAD = 0, _("Lead")
        TOP_1 = 1, _("Top story 1")
        TOP_2 = 2, _("Top story 2")
        TOP_3 = 3, _("Top story 3")
        TOP_4 = 4, _("Top story 4")

    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("front"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="front_pins",
        help_text=_(
            "Leave empty for the home page, or choose a section, e.g. “Politics”, "
            "to pin its top story."
        ),
    )
    slot = models.PositiveSmallIntegerField(
        _("slot"),
        choices=Slot,
        default=Slot.LEAD,
        help_text=_(
            "Where the story goes. The home page has the lead and four top "
            "stories in order; a section front has only its top story (“Lead”)."
        ),
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="front_pins",
        limit_choices_to={"status": Article.Status.PUBLISHED},
        help_text=_(
            "Type a few words of the headline, e.g. “budget”. Published and "
            "scheduled stories only; a scheduled story shows from its go-live time."
        ),
    )
    expires_at = models.DateTimeField(
        _("until"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. After this time the slot fills with the newest story again, "
            "e.g. tomorrow 06:00. Leave empty to keep the pin until you remove it."
        ),
    )
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pinned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("pinned at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = FrontPinQuerySet.as_manager()

    class Meta:
        ordering = [F("section__position").asc(nulls_first=True), "slot"]
        verbose_name = _("front page pin")
        verbose_name_plural = _("front page pins")
        constraints = [
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(section__isnull=True),
                name="one_pin_per_home_slot",
                violation_error_message=_(
                    "This home page slot already has a pin. Change or remove that "
                    "pin in the list of front page pins, or choose another slot."
                ),
            ),
            models.UniqueConstraint(
                fields=["section"],
                name="one_pin_per_section_front",
                violation_error_message=_(
                    "This section front already has a pinned top story. Change or "
                    "remove that pin in the list of front page pins."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.front_name}, {self.slot_name}: {self.article}"

    def get_absolute_url(self):
        return self.front_url

    def clean(self):
        if self.section_id is not None and self.slot != self.Slot.LEAD:
            raise ValidationError(
                {
                    "slot": _(
                        "A section front has one pinned story: choose “Lead” for "
                        "its top story, or leave the front empty for the home page."
                    )
                },
                code="section_slot",
            )
        if (
            self.section_id is not None
            and self.article_id is not None
            and self.article.section_id != self.section_id
        ):
            raise ValidationError(
                {
                    "article": _(
                        "“%(headline)s” is in %(section)s. Pin it on the %(section)s "
                        "front or the home page, or choose a %(front)s story."
                    )
                    % {
                        "headline": self.article.headline,
                        "section": self.article.section,
                        "front": self.section,
                    }
                },
                code="other_section",
            )

    @property
    def front_name(self):
        return self.section.name if self.section_id else _("Home page")

    @property
    def front_url(self):
        return self.section.get_absolute_url() if self.section_id else "/"

    @property
    def slot_name(self):
        return _("top story") if self.section_id else self.get_slot_display()


class BreakingNewsQuerySet(models.QuerySet):
    def showing(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


class BreakingNews(models.Model):
    """The one-line banner on every public page; there is at most one."""

    text = models.CharField(
        _("banner text"),
        max_length=160,
        help_text=_(
            "One line, as readers see it, e.g. “Polls have closed: follow the "
            "count live”."
        ),
    )
    link = models.URLField(
        _("link"),
        max_length=500,
        help_text=_(
            "Where the banner leads, e.g. https://example.com/politics/count-live/ "
            "(copy the story’s address from the site)."
        ),
    )
    expires_at = models.DateTimeField(
        _("until"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. The banner disappears at this time, within a minute, e.g. "
            "today 23:00. Leave empty to keep it until you clear it."
        ),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # A constant column under a unique constraint: there is one banner or none.
    singleton = models.BooleanField(default=True, editable=False, unique=True)

    objects = BreakingNewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("breaking news banner")
        verbose_name_plural = _("breaking news banner")

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return self.link


class FrontChange(models.Model):
    """One line of the fronts' log: who pinned, unpinned or set what, and when."""

    class Action(models.TextChoices):
        PIN = "pin", _("pinned")
        UNPIN = "unpin", _("unpinned")
        PIN_EXPIRED = "pin_expired", _("pin expired")
        BANNER_SET = "banner_set", _("set the breaking news banner")
        BANNER_CLEARED = "banner_cleared", _("cleared the breaking news banner")
        BANNER_EXPIRED = "banner_expired", _("breaking news banner expired")

    action = models.CharField(_("action"), max_length=20, choices=Action)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Words, not keys: the log still reads right after the story, section or
    # banner is gone.
    front = models.CharField(_("front"), max_length=120, blank=True)
    subject = models.CharField(_("what"), max_length=300, blank=True)
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("story"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("front page change")
        verbose_name_plural = _("front page changes")
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="front_change_newest")
        ]

    def __str__(self):
        return self.description

    @property
    def description(self):
        """Say what happened, e.g. "pinned “Budget passes” as Home page lead"."""
        action = self.get_action_display()
        if self.front:
            return f"{action} “{self.subject}” ({self.front})"
        return f"{action}: “{self.subject}”"


def front_version():
    """
    Return what the fronts' fragment keys hold: Article.objects.last_change()
    and the pins' version, in one query.
    """
    return Article.objects.last_change(**FrontPin.objects.version())
