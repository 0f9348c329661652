from django.conf import settings
from django.db import models
from django.db.models import F, FloatField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Cast, Length, Power, Substr
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


def hour_of(moment):
    """Return the clock hour a moment falls in, as hours since the Unix epoch."""
    return int(moment.timestamp() // 3600)


class SectionPage(Page):
    """A section front (World, Business, …): the articles under it, newest first."""

    intro = RichTextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    subpage_types = ["news.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            ArticlePage.objects.child_of(self)
            .live()
            .defer_streamfields()
            .order_by("-first_published_at")[:20]
        )
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePageQuerySet(PageQuerySet):
    def most_read(self, limit=None, now=None):
        """
        Return the live articles most read lately, best first, each with its
        reads and its section's title: one query. A read counts for less the
        older it is, halving every NEWS_MOST_READ_HALF_LIFE_HOURS.
        """
        this_hour = hour_of(now or timezone.now())
        # In floating point: PostgreSQL's POWER() of numerics is far slower.
        hours_ago = Cast(Value(this_hour) - F("hour"), FloatField())
        weighted = Sum(
            F("count") * Power(0.5, hours_ago / settings.NEWS_MOST_READ_HALF_LIFE_HOURS)
        )
        # Summed over the narrow read rows, then joined to the few pages shown.
        ranked = (
            HourlyReads.objects.filter(
                hour__gt=this_hour - settings.NEWS_MOST_READ_WINDOW_DAYS * 24,
                page__in=self.live().values("pk"),
            )
            .values("page")
            .annotate(reads=weighted)
            .order_by("-reads")
        )
        # An article's section is its parent: the page whose path is the
        # article's without its last step.
        parent = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        )
        return (
            self.filter(
                pk__in=ranked.values("page")[: limit or settings.NEWS_MOST_READ_SIZE]
            )
            .annotate(
                reads=Subquery(ranked.filter(page=OuterRef("pk")).values("reads")),
                section_title=Subquery(parent.values("title")[:1]),
            )
            .defer_streamfields()
            .order_by("-reads")
        )


class ArticlePage(Page):
    standfirst = models.TextField(
        blank=True,
        help_text='e.g. "The council approved the budget after a long night."',
    )
    dateline = models.CharField(max_length=100, blank=True, help_text='e.g. "LEEDS"')
    body = StreamField(
        [
            ("subheading", blocks.CharBlock(form_classname="title")),
            ("paragraph", blocks.RichTextBlock()),
        ]
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = [*Page.content_panels, "standfirst", "dateline", "body", "tags"]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []


class HourlyReads(models.Model):
    """Reads of one article in one clock hour: one row per article-hour."""

    page = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="hourly_reads"
    )
    hour = models.PositiveIntegerField(help_text="Hours since 1970-01-01 00:00 UTC.")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "hourly reads"
        constraints = [
            models.UniqueConstraint(fields=["page", "hour"], name="hourly_reads_once")
        ]
        indexes = [models.Index(fields=["hour"], name="hourly_reads_hour")]

    def __str__(self):
        return f"{self.page_id} @ {self.hour}: {self.count}"
