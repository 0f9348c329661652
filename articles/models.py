import json
from dataclasses import dataclass
from datetime import UTC, timedelta
from functools import cache as memoize

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    SearchVectorField,
)
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, JSONObject, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from articles import embeds
from articles.images import make_renditions, renditions_are_current
from articles.sanitize import EDITOR_EXTENSIONS, clean_rich_text
from newsroom.db import prepared_sql

# Section slugs share the URL space with these fixed prefixes (see newsroom/urls.py).
RESERVED_SECTION_SLUGS = frozenset(
    {
        "admin",
        "authors",
        "feeds",
        "healthz",
        "media",
        "most-read",
        "news-sitemap.xml",
        "preview",
        "reads",
        "robots.txt",
        "search",
        "sitemap.xml",
        "static",
        "tags",
    }
)


SEARCH_CONFIG = "english"


class EditConflict(Exception):
    """Someone else saved the article after the version this write was based on."""

    def __init__(self, article_id):
        super().__init__(f"Article {article_id} changed after the version being saved.")
        self.article_id = article_id


def rich_text_field(verbose_name, **options):
    """Return a text field edited with the prose editor and cleaned to the one allow-list."""
    return ProseEditorField(
        verbose_name,
        config={"extensions": EDITOR_EXTENSIONS},
        sanitize=clean_rich_text,
        **options,
    )


class JSONList(models.Aggregate):
    """Gather the rows' values into one JSON array (jsonb_agg on PostgreSQL, json_group_array on SQLite)."""

    function = "JSONB_AGG"
    output_field = models.JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, function="JSON_GROUP_ARRAY", **extra_context
        )


def json_rows(queryset, article_field, **fields):
    """Return a subquery giving the outer article's rows of queryset as one JSON array of objects with fields."""
    return Subquery(
        queryset.filter(**{article_field: OuterRef("pk")})
        .order_by()
        .values(article_field)
        .annotate(rows=JSONList(JSONObject(**fields)))
        .values("rows")
    )


def utc_datetime(value):
    """
    Return an aware datetime from what the database gave back outside a
    model field (JSON rows, raw subqueries): ISO text or a datetime, naive
    UTC on SQLite.
    """
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = value.replace(tzinfo=UTC)
    return value


def validate_section_slug(value):
    if value in RESERVED_SECTION_SLUGS:
        raise ValidationError(
            _(
                "“%(slug)s” is used by another part of the site. Choose another slug, e.g. “%(slug)s-news”."
            ),
            code="reserved",
            params={"slug": value},
        )


def unique_slug(model, text, max_length, exclude_pk=None, fallback="article"):
    """Return a slug for text that no other row of model uses."""
    base = slugify(text)[: max_length - 8].strip("-") or fallback
    candidate, counter = base, 2
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(slug=candidate).exists():
        candidate = f"{base}-{counter}"
        counter += 1
    return candidate


def next_section_position():
    """Return the position after the last section: a new one joins the end of the navigation."""
    last = Section.objects.aggregate(last=models.Max("position"))["last"]
    return 0 if last is None else last + 1


class SectionQuerySet(models.QuerySet):
    def active(self):
        """Return the sections shown in navigation, in navigation order."""
        return self.filter(is_active=True).order_by("position", "name")


class Section(models.Model):
    name = models.CharField(
        _("name"),
        max_length=80,
        unique=True,
        help_text=_("As readers see it, e.g. “International”."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        validators=[validate_section_slug],
        help_text=_(
            "The section’s web address, e.g. “international” for /international/."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown at the top of the section front."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=next_section_position,
        help_text=_(
            "Order in the navigation: lower numbers come first. A new section joins the end."
        ),
    )
    is_active = models.BooleanField(
        _("live"),
        default=False,
        help_text=_(
            "Live sections appear in the navigation, have a public front and can be "
            "chosen for articles. A new section stays hidden until you make it live; "
            "hiding one keeps its articles readable at their addresses."
        ),
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sections:detail", kwargs={"section": self.slug})

    @classmethod
    def from_columns(cls, db, **values):
        """
        Return a section built from some of its columns, as a hand-written
        query that joins it gives them (the rest stay deferred).
        """
        # from_db() takes the values in the model's field order.
        names = [f.attname for f in cls._meta.concrete_fields if f.attname in values]
        return cls.from_db(db, names, [values[name] for name in names])


def sees_every_article(user):
    """Return whether user sees the whole newsroom's articles: editors and view-only roles such as Administrator."""
    return user.has_perm("articles.edit_any_article") or (
        user.has_perm("articles.view_article")
        and not user.has_perm("articles.change_article")
    )


def _article_search_vector():
    """Return the full-text vector of an article: headline (A), standfirst (B), text and subheadings (C)."""
    subheading_text = (
        Subheading.objects.filter(article=OuterRef("pk"))
        .values("article")
        .annotate(
            text=StringAgg(
                Concat("heading", Value(" "), "body", output_field=models.TextField()),
                delimiter=" ",
            )
        )
        .values("text")
    )
    return (
        SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
        + SearchVector(
            Concat(
                "body",
                Value(" "),
                Coalesce(
                    Subquery(subheading_text),
                    Value(""),
                    output_field=models.TextField(),
                ),
                output_field=models.TextField(),
            ),
            weight="C",
            config=SEARCH_CONFIG,
        )
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Return the articles readers may see now."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def scheduled(self):
        """Return the articles an editor has published for a time still to come."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def with_byline(self):
        """Fetch the section and the ordered authors that every article card shows."""
        return self.select_related("section").prefetch_related(
            Prefetch(
                "authorships",
                queryset=ArticleAuthor.objects.select_related(
                    "author__author_profile"
                ).order_by("position", "pk"),
            )
        )

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def last_change(self, **also):
        """
        Return (last save of any article, newest publication time now live):
        together they change whenever what the fronts list changes, a
        scheduled article going live included. Two index reads, one query;
        also names more subqueries to read in it (the fronts' pins).
        """
        newest_live = self.published().newest_first().values("published_at")[:1]
        return (
            self.order_by("-updated_at")
            .annotate(newest_live=Subquery(newest_live), **also)
            .values_list("updated_at", "newest_live", *also)
            .first()
        )

    def update_search_entries(self):
        """
        Keep the SearchEntry of these articles in step with them: listed
        articles (see Article.listed_at) get their publication time and, on
        PostgreSQL, a full-text vector of headline (weight A), standfirst (B),
        text and subheadings (C); the others lose theirs.
        """
        SearchEntry.objects.filter(
            article__in=self.exclude(status=Article.Status.PUBLISHED)
        ).delete()
        if connection.vendor == "postgresql":
            vector = _article_search_vector()
        else:
            vector = Value(None, output_field=SearchVectorField())
        listed = (
            self.filter(status=Article.Status.PUBLISHED)
            .annotate(search_entry_vector=vector)
            .values_list("pk", "published_at", "search_entry_vector")
        )
        select, params = listed.query.sql_with_params()
        # One statement whatever the number of articles, and no vector
        # through Python: the ORM's bulk_create cannot insert values computed
        # from other columns.
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {SearchEntry._meta.db_table} "
                f"(article_id, published_at, vector) {select} "
                "ON CONFLICT (article_id) DO UPDATE SET "
                "published_at = excluded.published_at, vector = excluded.vector",
                params,
            )

    def with_last_workflow_step(self):
        """
        Annotate each article with its latest workflow step's action, note and
        time (`last_action`, `last_note`, `last_step_at`), from which a draft
        reads as returned, and when.
        """
        latest = WorkflowEvent.objects.filter(article=OuterRef("pk")).order_by(
            "-created_at", "-pk"
        )
        return self.annotate(
            last_action=Subquery(latest.values("action")[:1]),
            last_note=Subquery(latest.values("note")[:1]),
            last_step_at=Subquery(latest.values("created_at")[:1]),
        )

    def returned(self):
        """Return the drafts an editor sent back and their authors have not resubmitted."""
        return self.with_last_workflow_step().filter(
            status=Article.Status.DRAFT, last_action=WorkflowEvent.Action.RETURN
        )

    def drafts_not_returned(self):
        """Return the drafts that have not come back from an editor (those are returned())."""
        return self.filter(status=Article.Status.DRAFT).exclude(
            pk__in=Article.objects.returned().values("pk")
        )

    def written_by(self, user):
        """Return the articles user is an author of."""
        return self.filter(
            Exists(ArticleAuthor.objects.filter(article=OuterRef("pk"), author=user))
        )

    def with_submitted_at(self):
        """Annotate each article with when it was last submitted for review (`submitted_at`)."""
        submitted = WorkflowEvent.objects.filter(
            article=OuterRef("pk"), action=WorkflowEvent.Action.SUBMIT
        ).order_by("-created_at", "-pk")
        return self.annotate(submitted_at=Subquery(submitted.values("created_at")[:1]))

    def with_reads(self, this_hour):
        """
        Annotate each article with its reads in the clock hour `this_hour`
        (hours since the epoch) and in the 24 hours and 7 days ending with it
        (`reads_hour`, `reads_day`, `reads_week`), from the hourly table the
        most-read list uses.
        """

        def reads_since(first_hour):
            counts = (
                ReadCount.objects.filter(article=OuterRef("pk"), hour__gte=first_hour)
                .values("article")
                .annotate(total=Sum("count"))
                .values("total")
            )
            return Coalesce(Subquery(counts), 0)

        return self.annotate(
            **{
                name: reads_since(first_hour)
                for name, first_hour in staff_read_periods(this_hour).items()
            }
        )

    def for_cards(self):
        """Return articles ready for cards on fronts and lists: section and byline fetched."""
        return self.with_byline()

    def for_search_results(self):
        """
        Return articles ready for a list of search results: what a card names
        (headline, address, time, section) and what keys its kept copy
        (version, last save), not the text or the images, and
        the byline as JSON in the same row (see byline_authors): one query
        where for_cards() prefetches authors and profiles in a second, with
        twice the Python (9.6 against 4.7 ms for 20). Not for_cards() itself:
        a front builds its queryset on every request, and this annotation
        costs milliseconds to build.
        """
        return (
            self.select_related("section")
            .annotate(byline_json=page_parts()["byline_json"])
            .only(
                "headline",
                "slug",
                "published_at",
                "version",
                "updated_at",
                "section__name",
                "section__slug",
                "section__is_active",
            )
        )

    def for_article_page(self):
        """
        Fetch everything the article page shows in one query: the section
        joined, and the authors, subheadings, tags and public corrections as
        JSON arrays in the same row (byline_json, subheadings_json, tags_json,
        corrections_json), read by byline_authors, body_parts, tag_list and
        public_corrections. Four prefetches would be four more round trips.
        """
        return self.select_related("section").annotate(**page_parts())

    def for_live_blog_page(self, number):
        """
        Fetch what for_article_page() does and, in the same row, page `number`
        of the live blog's published updates (updates_json: 20 a page and one
        more, which says whether an older page exists) and its key events
        (key_events_json), read by live_updates_page and key_events. However
        many updates the blog has, its page costs the article's one query.
        """
        return self.for_article_page().annotate(**live_blog_parts(number))

    def newest_per_section(self, per_section):
        """Return the newest few articles of each live section, in one query."""
        if connection.features.supports_slicing_ordering_in_compound:
            # One index walk per section beats ranking the whole archive.
            parts = [
                self.filter(section=section).newest_first().values("pk")[:per_section]
                for section in Section.objects.active()
            ]
            if not parts:
                return self.none()
            candidates = parts[0].union(*parts[1:], all=True)
            newest = self.filter(pk__in=candidates)
        else:
            newest = (
                self.filter(section__is_active=True)
                .annotate(
                    rank_in_section=Window(
                        RowNumber(),
                        partition_by=F("section_id"),
                        order_by=[F("published_at").desc(), F("pk").desc()],
                    )
                )
                .filter(rank_in_section__lte=per_section)
            )
        return newest.select_related("section").order_by(
            "section__position", "section__name", "-published_at", "-pk"
        )

    def held_by(self, user):
        """Return the articles user is an author of or created."""
        return self.filter(
            models.Exists(
                ArticleAuthor.objects.filter(article=models.OuterRef("pk"), author=user)
            )
            | models.Q(created_by=user)
        )

    def visible_to(self, user):
        """Return the articles user may open in the admin: editors and view-only roles see all, journalists those they wrote or created, anyone else none."""
        if sees_every_article(user):
            return self
        if user.has_perm("articles.change_article"):
            return self.held_by(user)
        return self.none()

    def due_to_go_live(self):
        """Return scheduled articles whose time has come but whose going live is not logged yet."""
        latest_action = (
            WorkflowEvent.objects.filter(article=models.OuterRef("pk"))
            .order_by("-created_at", "-pk")
            .values("action")[:1]
        )
        scheduled = WorkflowEvent.objects.filter(
            action=WorkflowEvent.Action.SCHEDULE
        ).values("article_id")
        return (
            self.published()
            .filter(pk__in=scheduled)
            .alias(latest_action=models.Subquery(latest_action))
            .filter(latest_action=WorkflowEvent.Action.SCHEDULE)
        )

    def by_old_slug(self, slug):
        """Return the articles that were published under slug before it changed."""
        return self.filter(slug_history__slug=slug)


@memoize
def page_parts():
    """
    Return the annotations of ArticleQuerySet.for_article_page(), built once:
    making four subqueries costs more than running them.
    """
    return {
        "byline_json": json_rows(
            ArticleAuthor.objects.all(),
            "article",
            position="position",
            id="author_id",
            username="author__username",
            first_name="author__first_name",
            last_name="author__last_name",
            profile_slug="author__author_profile__slug",
        ),
        "subheadings_json": json_rows(
            Subheading.objects.all(),
            "article",
            id="pk",
            heading="heading",
            body="body",
            position="position",
        ),
        "tags_json": json_rows(
            ArticleTag.objects.all(),
            "content_object",
            id="tag_id",
            name="tag__name",
            slug="tag__slug",
        ),
        "embeds_json": json_rows(
            Embed.objects.all(),
            "article",
            id="pk",
            url="url",
            provider="provider",
            title="title",
            thumbnail="thumbnail",
            thumbnail_width="thumbnail_width",
            thumbnail_height="thumbnail_height",
            frame_url="frame_url",
            width="width",
            height="height",
        ),
        "gallery_images_json": json_rows(
            GalleryImage.objects.all(),
            "gallery__article",
            gallery_id="gallery_id",
            gallery_title="gallery__title",
            after_paragraph="gallery__after_paragraph",
            id="pk",
            image="image",
            renditions="renditions",
            alt="alt",
            caption="caption",
            credit="credit",
            position="position",
        ),
        "corrections_json": json_rows(
            WorkflowEvent.objects.public_corrections(),
            "article",
            id="pk",
            created_at="created_at",
            note="note",
        ),
    }


LIVE_UPDATES_PER_PAGE = 20


def live_blog_parts(number):
    """Return the annotations of ArticleQuerySet.for_live_blog_page() for page `number` of the updates."""
    start = (number - 1) * LIVE_UPDATES_PER_PAGE
    page_ids = (
        LiveUpdate.objects.published()
        .filter(article=OuterRef(OuterRef("pk")))
        .newest_first()
        .values("pk")[start : start + LIVE_UPDATES_PER_PAGE + 1]
    )
    return {
        "updates_json": json_rows(
            LiveUpdate.objects.filter(pk__in=page_ids),
            "article",
            id="pk",
            headline="headline",
            body="body",
            published_at="published_at",
            corrected_at="corrected_at",
            correction_note="correction_note",
            is_key_event="is_key_event",
            image="image",
            image_renditions="image_renditions",
            image_alt="image_alt",
            image_caption="image_caption",
            author_username="author__username",
            author_first_name="author__first_name",
            author_last_name="author__last_name",
        ),
        "key_events_json": json_rows(
            LiveUpdate.objects.published().filter(is_key_event=True),
            "article",
            id="pk",
            headline="headline",
            published_at="published_at",
        ),
    }


@dataclass
class StoryBlock:
    """One paragraph, list or quotation of a story as the page draws it; an embed replaces a lone link."""

    html: str = ""
    embed: "Embed | None" = None
    gallery: "Gallery | None" = None


class ArticleLinkQuerySet(models.QuerySet):
    def newest_article_ids(self):
        """
        Return the ids of the linked articles listed now (see Article.listed_at),
        newest first: a walk of the link's (…, -article_published_at, -article)
        index, so any page of a tag or author costs the same.
        """
        field = self.model.article_field
        return (
            self.filter(article_published_at__lte=timezone.now())
            .order_by("-article_published_at", f"-{field}")
            .values_list(field, flat=True)
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    headline = models.CharField(
        _("headline"),
        max_length=200,
        help_text=_(
            "Sentence case, no full stop, e.g. “Ceasefire talks resume in Geneva”."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_(
            "The end of the article’s web address. Left empty, it is made from the headline."
        ),
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("section"),
    )
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("The one-paragraph summary under the headline, 25–45 words."),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=60,
        blank=True,
        help_text=_(
            "Where the story was filed, shown in bold before the first paragraph, e.g. “UNITED STATES”."
        ),
    )
    body = rich_text_field(
        _("lead text"),
        blank=True,
        help_text=_("The paragraphs before the first subheading."),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ArticleAuthor",
        related_name="articles",
        blank=True,
        verbose_name=_("authors"),
    )
    tags = TaggableManager(
        _("tags"),
        through="ArticleTag",
        blank=True,
        help_text=_("Comma-separated topics, e.g. “Diplomacy, Middle East”."),
    )
    hero_image = models.ImageField(
        _("hero image"),
        upload_to="heroes/%Y/%m/",
        blank=True,
        help_text=_(
            "JPEG, PNG, WebP or GIF; at most 10 MB and 24 megapixels (e.g. 6000 × 4000 pixels). Landscape works best."
        ),
    )
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)
    hero_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it, e.g. “Aid lorries queue at the border”."
        ),
    )
    hero_caption = models.CharField(_("caption"), max_length=300, blank=True)
    hero_credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("e.g. “Photograph: Tom Reyes/Newsroom”."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_(
            "Set with “Publish or schedule” in the Workflow panel; a future time means scheduled."
        ),
    )
    revised_at = models.DateTimeField(
        _("updated"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the published text last changed materially; shown to readers."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Whoever started the story keeps it while it is a draft, even when
    # they name only colleagues as its authors.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("last saved by"),
    )
    seo_title = models.CharField(
        _("search headline"),
        max_length=70,
        blank=True,
        help_text=_(
            "Optional headline for search engines and the browser tab, at most 70 characters."
        ),
    )
    seo_description = models.CharField(
        _("search description"),
        max_length=160,
        blank=True,
        help_text=_(
            "Optional summary for search results and social cards; the standfirst is used when empty."
        ),
    )
    is_live_blog = models.BooleanField(
        _("live blog"),
        default=False,
        help_text=_(
            "Carries timestamped updates under the standfirst, newest first, "
            "e.g. an election night or a storm. Post them from “Live updates” once it is published."
        ),
    )
    coverage_ended_at = models.DateTimeField(
        _("live coverage ended"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty while the coverage goes on; set it (e.g. to now) when it ends: "
            "readers then see “Coverage has ended” instead of “Live”."
        ),
    )
    # Moved by articles/live.py whenever readers' updates change (posted,
    # corrected, deleted); the live blog's fragments and polling are keyed by it.
    updates_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    # Signed into every share link (articles/preview.py): raising it revokes them all.
    share_links_generation = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            (
                "publish_article",
                _("Can publish, schedule, withdraw and correct articles"),
            ),
            ("edit_any_article", _("Can edit articles written by others")),
        ]
        # The trailing -id matches newest_first()'s tie-break, so a page of a
        # list is read from the index alone, in order.
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="article_newest"
            ),
            models.Index(
                fields=["section", "status", "-published_at", "-id"],
                name="article_section_newest",
            ),
            models.Index(fields=["-updated_at"], name="article_updated"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, 200, exclude_pk=self.pk)
        self.body = clean_rich_text(self.body)
        if not self.hero_image:
            self.hero_renditions = {}
        # Each card reads it several times; cached until the renditions change.
        self.__dict__.pop("hero_sizes", None)
        adding = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._remember_old_slug()
            if not adding:
                self._copy_listed_at_to_links()
            self._loaded_listed_at = self.listed_at
        Article.objects.filter(pk=self.pk).update_search_entries()
        Embed.objects.resolve_missing(self.pk, self.body)
        if self.hero_image and not renditions_are_current(
            self.hero_renditions, self.hero_image.name
        ):
            # The upload is in storage only once the row is saved.
            self.hero_renditions = make_renditions(self.hero_image.name)
            self.__dict__.pop("hero_sizes", None)
            Article.objects.filter(pk=self.pk).update(
                hero_renditions=self.hero_renditions
            )
        if self.status == self.Status.PUBLISHED and not self.is_live_blog:
            # Imported here: stored renders with this module's models.
            from articles import stored

            stored.store_after_commit(self.pk)

    def get_absolute_url(self):
        return reverse(
            "articles:detail", kwargs={"section": self.section.slug, "slug": self.slug}
        )

    @classmethod
    def live_page_keys(cls, slug):
        """
        Return the live article at `slug` with only what its page needs while
        the page's fragments are cached: the address, the title, the fragment
        keys, its section (slug and name), `last_change` as last_change()
        would return it, `breaking_news`, the banner showing now as a list
        of none or one (BreakingNews.objects.showing()), and
        `stored_story_html` and `stored_head_html`, the page's story and
        head as stored at the last save while still what it would render
        (articles/stored.py), else None; None when no live article has this
        slug.

        The reading site's hottest query, so it is written in SQL: built by
        the ORM (published(), select_related, two subqueries) it spends about
        1 ms of CPU compiling, a third of the whole page; prepared once per
        connection (newsroom/db.py), PostgreSQL does not plan it again. Tests
        hold it to published() and last_change()
        (tests/articles/test_article_page.py).
        """
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        published = cls.Status.PUBLISHED
        # The banner is on every page; read here, it costs the page no query
        # of its own when the fragments are cold. Looked up by name: the
        # sections app's models import this one.
        breaking_news = apps.get_model("sections", "BreakingNews")
        article, section = cls._meta.db_table, Section._meta.db_table
        banner = breaking_news._meta.db_table
        # The story as stored at the last save, when still what the page
        # would render; imported here, as it imports this module.
        from articles import stored

        template_version = stored.template_version()
        stored_story = StoredStory._meta.db_table
        generation = StoredStoryGeneration._meta.db_table
        found = list(
            cls.objects.raw(
                prepared_sql(
                    "live_page_keys",
                    f"""
                SELECT article.id, article.slug, article.headline, article.seo_title,
                       article.version, article.updated_at, article.section_id,
                       article.is_live_blog, article.coverage_ended_at,
                       article.updates_changed_at,
                       section.slug AS section_slug, section.name AS section_name,
                       (SELECT updated_at FROM {article}
                        ORDER BY updated_at DESC LIMIT 1) AS last_change_saved,
                       (SELECT published_at FROM {article}
                        WHERE status = %s AND published_at <= %s
                        ORDER BY published_at DESC, id DESC LIMIT 1) AS last_change_live,
                       banner.text AS banner_text, banner.link AS banner_link,
                       stored.story_html AS stored_story_html, stored.head_html AS stored_head_html
                FROM {article} article
                JOIN {section} section ON section.id = article.section_id
                LEFT JOIN (SELECT text, link FROM {banner}
                           WHERE expires_at IS NULL OR expires_at > %s) banner ON 1 = 1
                LEFT JOIN {stored_story} stored
                       ON stored.article_id = article.id
                      AND stored.version = article.version
                      AND stored.updated_at = article.updated_at
                      AND stored.template_version = %s
                      AND stored.generation = (SELECT value FROM {generation} LIMIT 1)
                WHERE article.slug = %s AND article.status = %s
                  AND article.published_at <= %s
                """,
                ),
                [published, now, now, template_version, slug, published, now],
            )
        )
        if not found:
            return None
        page = found[0]
        page.section = Section.from_columns(
            page._state.db,
            id=page.section_id,
            slug=page.section_slug,
            name=page.section_name,
        )
        page.last_change = (
            utc_datetime(page.last_change_saved),
            utc_datetime(page.last_change_live),
        )
        page.breaking_news = (
            [breaking_news(text=page.banner_text, link=page.banner_link)]
            if page.banner_text is not None
            else []
        )
        return page

    @classmethod
    def related(cls, article, limit):
        """
        Return up to limit other live articles from article's section or
        sharing one of its tags, newest first, each with its section's slug
        and name: what the related list shows.

        Written in SQL for the page no cache holds (a crawler's): built by
        the ORM, the union of two index walks (one OR across both would scan
        the archive) spent 1.6 ms of CPU compiling, a quarter of the page.
        Each part is limited inside a subquery in FROM, which SQLite allows
        too; prepared once per connection (newsroom/db.py). Tests hold it to
        published() and newest_first()
        (tests/articles/test_article_page.py).
        """
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        published = cls.Status.PUBLISHED
        table, section = cls._meta.db_table, Section._meta.db_table
        tagged = ArticleTag._meta.db_table
        # Written into the query, which is prepared once per limit: planned
        # once for any limit, PostgreSQL guessed a tenth of the archive and
        # started parallel workers to find four articles (10 ms, not 0.3).
        limit = int(limit)
        found = list(
            cls.objects.raw(
                prepared_sql(
                    f"related_articles_{limit}",
                    f"""
                SELECT article.id, article.slug, article.headline,
                       article.published_at, article.section_id,
                       section.slug AS section_slug, section.name AS section_name,
                       section.is_active AS section_is_active
                FROM {table} article
                JOIN {section} section ON section.id = article.section_id
                WHERE article.id IN (
                    SELECT id FROM (
                        SELECT id FROM {table}
                        WHERE section_id = %s AND id <> %s
                          AND status = %s AND published_at <= %s
                        ORDER BY published_at DESC, id DESC LIMIT {limit}
                    ) same_section
                    UNION
                    SELECT id FROM (
                        SELECT other.id FROM {table} other
                        WHERE other.id IN (
                            SELECT shared.content_object_id FROM {tagged} shared
                            WHERE shared.tag_id IN (
                                SELECT own.tag_id FROM {tagged} own
                                WHERE own.content_object_id = %s))
                          AND other.id <> %s
                          AND other.status = %s AND other.published_at <= %s
                        ORDER BY other.published_at DESC, other.id DESC LIMIT {limit}
                    ) sharing_a_tag
                )
                ORDER BY article.published_at DESC, article.id DESC
                LIMIT {limit}
                """,
                ),
                [
                    article.section_id,
                    article.pk,
                    published,
                    now,
                    article.pk,
                    article.pk,
                    published,
                    now,
                ],
            )
        )
        for other in found:
            other.section = Section.from_columns(
                other._state.db,
                id=other.section_id,
                slug=other.section_slug,
                name=other.section_name,
                # The label links only a live section's front.
                is_active=bool(other.section_is_active),
            )
        return found

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # Remembered so that save() can tell when a live article's URL changes.
        article._loaded_slug = article.__dict__.get("slug")
        article._loaded_live = (
            "status" in article.__dict__
            and "published_at" in article.__dict__
            and article.is_published
        )
        if "status" in article.__dict__ and "published_at" in article.__dict__:
            article._loaded_listed_at = article.listed_at
        return article

    def save_versioned(self, user, based_on=None):
        """
        Save the article unless someone saved it after version based_on
        (default: the version loaded), and raise EditConflict if they did.

        The compare-and-increment is one UPDATE, so it holds across processes;
        the row stays locked until the surrounding transaction ends, which
        covers the inline subheadings saved after it.
        """
        self.updated_by = user
        if self.pk is None:
            self.save()
            return
        based_on = self.version if based_on is None else based_on
        with transaction.atomic():
            claimed = Article.objects.filter(pk=self.pk, version=based_on).update(
                version=F("version") + 1
            )
            if not claimed:
                raise EditConflict(self.pk)
            self.version = based_on + 1
            self.save()

    def _copy_listed_at_to_links(self):
        # An unchanged listing time costs nothing; an article loaded without
        # status or publication time is copied to be safe.
        if getattr(self, "_loaded_listed_at", "unknown") == self.listed_at:
            return
        for link in (ArticleAuthor, ArticleTag):
            link.objects.filter(**{link.article_field: self}).update(
                article_published_at=self.listed_at
            )

    def _remember_old_slug(self):
        old_slug = getattr(self, "_loaded_slug", None)
        if old_slug and old_slug != self.slug:
            if self._loaded_live:
                ArticleSlugHistory.objects.update_or_create(
                    slug=old_slug, defaults={"article": self}
                )
            # Going back to an old slug makes it current again, not a redirect.
            ArticleSlugHistory.objects.filter(article=self, slug=self.slug).delete()
        self._loaded_slug = self.slug
        self._loaded_live = self.is_published

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            raise ValidationError(
                {
                    "published_at": _(
                        "A published article needs a publication time. Give one, e.g. now."
                    )
                },
                code="publication_time_missing",
            )
        if self.hero_image and not self.hero_alt.strip():
            raise ValidationError(
                {
                    "hero_alt": _(
                        "Describe the picture for readers who cannot see it, e.g. “Aid lorries queue at the border”."
                    )
                },
                code="alt_missing",
            )
        # Pages are purged when the article is saved, not when a time comes:
        # an end set ahead would show as ended at once.
        if self.coverage_ended_at and self.coverage_ended_at > timezone.now():
            raise ValidationError(
                {
                    "coverage_ended_at": _(
                        "Set the end of the live coverage once it has ended, e.g. to now, not ahead of time."
                    )
                },
                code="coverage_end_ahead",
            )

    @property
    def is_published(self):
        """Mirror ArticleQuerySet.published() for one article."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def has_had_readers(self):
        """Whether the story is or was public (published, or withdrawn since), so has reads to show staff."""
        return self.is_published or self.status == self.Status.WITHDRAWN

    @property
    def listed_at(self):
        """
        Return the time the article is listed under on tag and author pages:
        its publication time while its status is published (a future one
        while scheduled), else None. The link rows keep a copy
        (article_published_at) so those pages read one index.
        """
        return self.published_at if self.status == self.Status.PUBLISHED else None

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_returned(self):
        """Whether an editor sent this draft back (needs with_last_workflow_step())."""
        return (
            self.status == Article.Status.DRAFT
            and getattr(self, "last_action", None) == WorkflowEvent.Action.RETURN
        )

    @property
    def display_headline(self):
        """Return the headline for the browser tab and search results."""
        return self.seo_title or self.headline

    @property
    def summary(self):
        """Return the description for search results and social cards."""
        return self.seo_description or self.standfirst

    @property
    def was_revised(self):
        """Say whether readers should see an "Updated" time."""
        return bool(
            self.revised_at
            and self.published_at
            and self.revised_at > self.published_at
        )

    @property
    def lead_html(self):
        """Return the lead text with the dateline leading into its first paragraph."""
        # The body is trusted here because save() ran it through the allow-list.
        if not self.dateline:
            return mark_safe(self.body)
        label = format_html(
            '<strong class="dateline">{}:</strong> ', self.dateline.upper()
        )
        if self.body.startswith("<p>"):
            return mark_safe(f"<p>{label}{self.body[3:]}")
        return format_html("<p>{}</p>{}", label, mark_safe(self.body))

    @cached_property
    def embeds_by_url(self):
        """Return {address: Embed} for the links pasted alone in the story, from for_article_page()'s JSON when there is one."""
        if hasattr(self, "embeds_json"):
            found = [Embed(article=self, **row) for row in self.embeds_json or []]
        else:
            found = list(self.embeds.all())
        return {embed.url: embed for embed in found}

    @cached_property
    def gallery_list(self):
        """
        Return the galleries that have photographs, in story order, each with
        its photographs in order as `photos`; from for_article_page()'s JSON
        when there is one.
        """
        if hasattr(self, "gallery_images_json"):
            galleries = {}
            for row in sorted(
                self.gallery_images_json or [],
                key=lambda row: (
                    row["after_paragraph"],
                    row["gallery_id"],
                    row["position"],
                    row["id"],
                ),
            ):
                gallery = galleries.get(row["gallery_id"])
                if gallery is None:
                    gallery = galleries[row["gallery_id"]] = Gallery(
                        id=row["gallery_id"],
                        article=self,
                        title=row["gallery_title"],
                        after_paragraph=row["after_paragraph"],
                    )
                    gallery.photos = []
                renditions = row["renditions"]
                # SQLite hands a nested JSON field back as text.
                if isinstance(renditions, str):
                    renditions = json.loads(renditions)
                gallery.photos.append(
                    GalleryImage(
                        id=row["id"],
                        gallery=gallery,
                        image=row["image"],
                        renditions=renditions,
                        alt=row["alt"],
                        caption=row["caption"],
                        credit=row["credit"],
                        position=row["position"],
                    )
                )
            return list(galleries.values())
        galleries = list(self.galleries.prefetch_related("images"))
        for gallery in galleries:
            gallery.photos = list(gallery.images.all())
        return [gallery for gallery in galleries if gallery.photos]

    @cached_property
    def lead_blocks(self):
        """Return the lead text (dateline included) as blocks for the page."""
        return self._laid_out[0]

    @cached_property
    def body_parts(self):
        """Return the subheadings in order, each with a unique anchor and its text as `blocks` for the page."""
        return self._laid_out[1]

    @cached_property
    def _laid_out(self):
        """
        Return (lead blocks, subheadings) with every block of text in place:
        a lone link to a known embed as that embed, and each gallery after
        the paragraph it names, counted across the lead text and then the
        subheadings' text.
        """
        parts = self._subheadings_with_anchors()
        pending = list(self.gallery_list)
        count = 0

        def galleries_due():
            due = []
            while pending and pending[0].after_paragraph <= count:
                due.append(StoryBlock(gallery=pending.pop(0)))
            return due

        laid_out = []
        for text in [self.lead_html, *(part.body for part in parts)]:
            found = galleries_due()
            for piece, url in embeds.blocks(text):
                found.append(
                    StoryBlock(html=mark_safe(piece), embed=self.embeds_by_url.get(url))
                )
                count += 1
                found.extend(galleries_due())
            laid_out.append(found)
        laid_out[-1].extend(StoryBlock(gallery=gallery) for gallery in pending)
        for part, found in zip(parts, laid_out[1:], strict=True):
            part.blocks = found
        return laid_out[0], parts

    def _subheadings_with_anchors(self):
        """Return the subheadings in order, each with a unique anchor for the page."""
        if hasattr(self, "subheadings_json"):
            parts = [
                Subheading(article=self, **row)
                for row in sorted(
                    self.subheadings_json or [],
                    key=lambda row: (row["position"], row["id"]),
                )
            ]
        else:
            parts = list(self.subheadings.all())
        used = set()
        for part in parts:
            anchor, counter = part.anchor, 2
            while anchor in used:
                anchor, counter = f"{part.anchor}-{counter}", counter + 1
            used.add(anchor)
            part.unique_anchor = anchor
        return parts

    @cached_property
    def hero_sizes(self):
        """Return the hero renditions, narrowest first, each with its URL."""
        return rendition_sizes(self.hero_renditions)

    @property
    def hero_srcset(self):
        return rendition_srcset(self.hero_sizes)

    @property
    def hero_webp_srcset(self):
        return webp_srcset(self.hero_sizes)

    @property
    def hero_default(self):
        """Return the rendition for browsers without srcset: 960 px wide or the widest below."""
        return fallback_rendition(self.hero_sizes, 960)

    @property
    def hero_largest(self):
        sizes = self.hero_sizes
        return sizes[-1] if sizes else None

    @cached_property
    def public_corrections(self):
        """Return (date, note) for each public correction, oldest first."""
        if hasattr(self, "corrections_json"):
            rows = sorted(
                self.corrections_json or [],
                key=lambda row: (utc_datetime(row["created_at"]), row["id"]),
            )
            return [(utc_datetime(row["created_at"]), row["note"]) for row in rows]
        return [
            (event.created_at, event.note)
            for event in WorkflowEvent.objects.public_corrections().filter(article=self)
        ]

    @cached_property
    def byline_authors(self):
        """Return the authors in byline order, using for_article_page()'s JSON or the prefetch when there is one."""
        if not hasattr(self, "byline_json"):
            return [authorship.author for authorship in self.authorships.all()]
        authors = []
        for row in sorted(
            self.byline_json or [], key=lambda row: (row["position"], row["id"])
        ):
            author = get_user_model()(
                id=row["id"],
                username=row["username"],
                first_name=row["first_name"],
                last_name=row["last_name"],
            )
            if row["profile_slug"]:
                author.author_profile = AuthorProfile(
                    user=author, slug=row["profile_slug"]
                )
            authors.append(author)
        return authors

    @cached_property
    def tag_list(self):
        """Return the tags by name, using for_article_page()'s JSON when there is one."""
        if hasattr(self, "tags_json"):
            tags = [Tag(**row) for row in self.tags_json or []]
        else:
            tags = list(self.tags.all())
        return sorted(tags, key=lambda tag: tag.name.lower())

    @property
    def coverage_is_live(self):
        """Say whether readers see this live blog as "Live" rather than "Coverage has ended"."""
        return self.is_live_blog and self.coverage_ended_at is None

    @cached_property
    def live_updates_page(self):
        """
        Return (updates, has_older): the published updates of the page
        fetched, newest first, and whether an older page exists. Uses
        for_live_blog_page()'s JSON when there is one, else page 1 from the
        table (previews).
        """
        if hasattr(self, "updates_json"):
            updates = [
                LiveUpdate.from_json_row(self, row) for row in self.updates_json or []
            ]
        else:
            updates = list(
                self.live_updates.published()
                .select_related("author")
                .newest_first()[: LIVE_UPDATES_PER_PAGE + 1]
            )
        updates.sort(key=lambda update: (update.published_at, update.pk), reverse=True)
        return updates[:LIVE_UPDATES_PER_PAGE], len(updates) > LIVE_UPDATES_PER_PAGE

    @cached_property
    def key_events(self):
        """Return the pinned published updates, newest first: what a late reader needs."""
        if hasattr(self, "key_events_json"):
            events = [
                LiveUpdate(
                    pk=row["id"],
                    article=self,
                    headline=row["headline"],
                    published_at=utc_datetime(row["published_at"]),
                )
                for row in self.key_events_json or []
            ]
        else:
            events = list(self.live_updates.published().filter(is_key_event=True))
        return sorted(events, key=lambda e: (e.published_at, e.pk), reverse=True)


class ArticleAuthor(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="authorships"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="authorships",
        verbose_name=_("author"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    article_published_at = models.DateTimeField(null=True, editable=False)

    article_field = "article"
    objects = ArticleLinkQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="article_author_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["author", "-article_published_at", "-article"],
                name="article_author_newest",
            ),
        ]

    def __str__(self):
        return self.author.get_full_name() or self.author.get_username()

    def save(self, *args, **kwargs):
        self.article_published_at = self.article.listed_at
        super().save(*args, **kwargs)
        # Every credited writer gets a public author page.
        AuthorProfile.for_user(self.author)


class ArticleTag(TaggedItemBase):
    """One tag on one article: taggit's link with a real foreign key, so joins use an index."""

    content_object = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="tag_links"
    )
    article_published_at = models.DateTimeField(null=True, editable=False)

    article_field = "content_object"
    objects = ArticleLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="article_tag_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["tag", "-article_published_at", "-content_object"],
                name="article_tag_newest",
            ),
        ]

    def save(self, *args, **kwargs):
        self.article_published_at = self.content_object.listed_at
        super().save(*args, **kwargs)


class Subheading(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="subheadings"
    )
    heading = models.CharField(
        _("subheading"),
        max_length=200,
        help_text=_("e.g. “Aid waits at the crossing”."),
    )
    body = rich_text_field(
        _("text"), blank=True, help_text=_("The paragraphs under this subheading.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("subheading")
        verbose_name_plural = _("subheadings")

    def __str__(self):
        return self.heading

    def save(self, *args, **kwargs):
        self.body = clean_rich_text(self.body)
        super().save(*args, **kwargs)
        Article.objects.filter(pk=self.article_id).update_search_entries()
        Embed.objects.resolve_missing(self.article_id, self.body)

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        Article.objects.filter(pk=self.article_id).update_search_entries()
        return deleted

    @property
    def anchor(self):
        """Return the id that links to this subheading; stable while the heading is."""
        return slugify(self.heading) or f"part-{self.position}"


class SearchEntryQuerySet(models.QuerySet):
    def search_ids(self, text, limit):
        """
        Return the ids of the newest `limit` articles readers may see now
        that match a reader's query, best match first. Only those are
        ranked: a query of common words matches thousands, and ranking them
        all would cost a request most of a second at 100,000 articles.
        """
        listed_now = self.filter(published_at__lte=timezone.now()).order_by(
            "-published_at", "-article_id"
        )
        if connection.vendor == "postgresql":
            return self._ranked_ids(listed_now, text, limit)
        matches = (
            Q(headline__icontains=text)
            | Q(standfirst__icontains=text)
            | Q(body__icontains=text)
            | Q(subheadings__heading__icontains=text)
            | Q(subheadings__body__icontains=text)
        )
        return list(
            listed_now.filter(
                article__in=Article.objects.filter(matches).values("pk")
            ).values_list("article_id", flat=True)[:limit]
        )

    def _ranked_ids(self, listed_now, text, limit):
        # The newest matches are picked by their row address (ctid) alone and
        # only those rows are read again to be ranked: sorting the matches
        # with their vectors, or ranking all of them, cost PostgreSQL half as
        # much again (two common words, 8,300 matches: 6.5 against 4.4 ms;
        # docs/performance.md). Ties keep the newest first. Both halves run
        # in one statement, so the addresses cannot move in between.
        newest, params = (
            listed_now.filter(
                vector=SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
            )
            .values_list(RawSQL("ctid", ()))[:limit]
            .query.sql_with_params()
        )
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT article_id FROM {table} WHERE ctid = ANY(ARRAY({newest})) "
                "ORDER BY ts_rank(vector, websearch_to_tsquery(%s::regconfig, %s)) "
                "DESC, published_at DESC, article_id DESC",
                (*params, SEARCH_CONFIG, text),
            )
            return [article_id for (article_id,) in cursor.fetchall()]


class SearchEntry(models.Model):
    """
    What a search reads of a listed article (published or scheduled): its
    publication time and, on PostgreSQL, its full-text vector, behind a GIN
    index (migration 0021). A table of its own because a query of common
    words matches thousands of articles and PostgreSQL reads the row of
    every match to order them by date: here a row is the vector and a date,
    not the article's text and everything else. Kept in step by
    ArticleQuerySet.update_search_entries(), which every save of an article
    or of one of its subheadings calls; see docs/search-and-feeds.md.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # Article.listed_at; a search lists what has a time up to now.
    published_at = models.DateTimeField(null=True)
    vector = SearchVectorField(null=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return f"search entry of article {self.article_id}"


class LiveUpdateQuerySet(models.QuerySet):
    def published(self):
        """Return the updates readers see: published, not drafts."""
        return self.filter(status=LiveUpdate.Status.PUBLISHED)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def visible_to(self, user):
        """Return the updates of the articles user may open in the admin."""
        return self.filter(article__in=Article.objects.visible_to(user))


class LiveUpdate(models.Model):
    """One timestamped entry of a live blog: what happened, when, and who wrote it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="live_updates",
        verbose_name=_("live blog"),
        help_text=_("A published live blog you write for."),
    )
    headline = models.CharField(
        _("short headline"),
        max_length=120,
        blank=True,
        help_text=_("Optional, e.g. “Polls close in Leeds”. Key events list it."),
    )
    body = rich_text_field(
        _("text"), help_text=_("What happened, in a paragraph or two.")
    )
    image = models.ImageField(
        _("image"),
        upload_to="live/%Y/%m/",
        blank=True,
        help_text=_(
            "Optional. JPEG, PNG, WebP or GIF; at most 10 MB and 24 megapixels."
        ),
    )
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, e.g. “Counters at the Leeds count”."),
    )
    image_caption = models.CharField(
        _("caption and credit"),
        max_length=300,
        blank=True,
        help_text=_("e.g. “The count at Leeds Arena. Photograph: Tom Reyes”."),
    )
    is_key_event = models.BooleanField(
        _("key event"),
        default=False,
        help_text=_("Pinned in the “Key events” list at the top of the live blog."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="live_updates",
        editable=False,
        verbose_name=_("author"),
    )
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, editable=False
    )
    corrected_at = models.DateTimeField(
        _("corrected"), null=True, blank=True, editable=False
    )
    correction_note = models.CharField(
        _("correction note, shown to readers"),
        max_length=300,
        blank=True,
        help_text=_(
            "When correcting a published update, e.g. “An earlier version gave the wrong turnout.”"
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    objects = LiveUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [
            models.Index(
                fields=["article", "status", "-published_at", "-id"],
                name="live_update_newest",
            ),
        ]

    def __str__(self):
        return self.headline or Truncator(strip_tags(self.body)).words(8)

    def save(self, *args, **kwargs):
        self.body = clean_rich_text(self.body)
        if not self.image:
            self.image_renditions = {}
        super().save(*args, **kwargs)
        if self.image and not renditions_are_current(
            self.image_renditions, self.image.name
        ):
            self.image_renditions = make_renditions(self.image.name)
            LiveUpdate.objects.filter(pk=self.pk).update(
                image_renditions=self.image_renditions
            )

    def get_absolute_url(self):
        """Return the update's permalink: it finds the page of the blog the update is on now."""
        return reverse(
            "articles:live-update",
            kwargs={
                "section": self.article.section.slug,
                "slug": self.article.slug,
                "pk": self.pk,
            },
        )

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": _(
                        "Describe the picture for readers who cannot see it, e.g. “Counters at the Leeds count”."
                    )
                },
                code="alt_missing",
            )

    @classmethod
    def from_json_row(cls, article, row):
        """Return an update built from a row of for_live_blog_page()'s JSON, author included."""
        renditions = row["image_renditions"] or {}
        if isinstance(renditions, str):
            # SQLite nests a JSON column as text.
            renditions = json.loads(renditions)
        update = cls(
            pk=row["id"],
            article=article,
            headline=row["headline"],
            body=row["body"],
            image=row["image"] or "",
            image_renditions=renditions,
            image_alt=row["image_alt"],
            image_caption=row["image_caption"],
            is_key_event=bool(row["is_key_event"]),
            status=cls.Status.PUBLISHED,
            published_at=utc_datetime(row["published_at"]),
            corrected_at=utc_datetime(row["corrected_at"]),
            correction_note=row["correction_note"],
        )
        update.author = get_user_model()(
            username=row["author_username"],
            first_name=row["author_first_name"],
            last_name=row["author_last_name"],
        )
        return update

    @property
    def anchor(self):
        return f"update-{self.pk}"

    @property
    def is_published(self):
        """Mirror LiveUpdateQuerySet.published() for one update."""
        return self.status == self.Status.PUBLISHED

    @property
    def was_corrected(self):
        return self.corrected_at is not None

    @property
    def author_name(self):
        return self.author.get_full_name() or self.author.get_username()

    @cached_property
    def image_sizes(self):
        """Return the image's renditions, narrowest first, each with its URL."""
        return rendition_sizes(self.image_renditions)

    @property
    def image_srcset(self):
        return rendition_srcset(self.image_sizes)

    @property
    def image_default(self):
        """Return the rendition for browsers without srcset: 720 px wide or the widest below."""
        return fallback_rendition(self.image_sizes, 720)


class EmbedQuerySet(models.QuerySet):
    def resolve_missing(self, article_id, text):
        """
        Resolve each address pasted alone in a paragraph of text that the
        article has no embed for yet, or whose provider failed over an hour
        ago. Costs nothing when text has no such paragraph.
        """
        urls = [
            url
            for url in dict.fromkeys(embeds.lone_links(text))
            if len(url) <= 1000 and embeds.provider_for(url)[0]
        ]
        if not urls:
            return
        known = {
            embed.url: embed
            for embed in self.filter(article_id=article_id, url__in=urls)
        }
        retry_before = timezone.now() - EMBED_RETRY_AFTER
        for url in urls:
            embed = known.get(url)
            if embed is None:
                embed = Embed(article_id=article_id, url=url)
            elif embed.is_resolved or embed.fetched_at > retry_before:
                continue
            embed.refresh()


EMBED_RETRY_AFTER = timedelta(hours=1)


class Embed(models.Model):
    """Content from another service shown in a story: what its oEmbed endpoint said when the story was saved."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="embeds"
    )
    url = models.URLField(
        _("address"),
        max_length=1000,
        help_text=_("As pasted, e.g. “https://www.youtube.com/watch?v=…”."),
    )
    provider = models.CharField(
        _("service"), max_length=60, help_text=_("e.g. “YouTube”.")
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    thumbnail = models.ImageField(_("thumbnail"), upload_to="embeds/%Y/%m/", blank=True)
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(
        null=True, blank=True, editable=False
    )
    html = models.TextField(
        _("provider’s HTML (sanitised)"),
        blank=True,
        help_text=_("Kept for the record; readers get the frame below, never this."),
    )
    frame_url = models.URLField(
        _("frame address"),
        max_length=1000,
        blank=True,
        help_text=_("Empty when the service gave none: readers see a link card."),
    )
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    fetched_at = models.DateTimeField(_("asked the service at"), default=timezone.now)

    objects = EmbedQuerySet.as_manager()

    class Meta:
        verbose_name = _("embed")
        verbose_name_plural = _("embeds")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "url"], name="embed_once_per_article"
            ),
        ]

    def __str__(self):
        return self.title or self.url

    def get_absolute_url(self):
        return self.url

    def refresh(self):
        """Ask the provider again and save what it says; a failure leaves a link card."""
        found = embeds.resolve(self.url)
        thumbnail = found.pop("thumbnail")
        for field, value in found.items():
            setattr(self, field, value)
        self.fetched_at = timezone.now()
        if thumbnail is not None:
            self.thumbnail.save(thumbnail.name, thumbnail, save=False)
            self.thumbnail_width, self.thumbnail_height = (
                self.thumbnail.width,
                self.thumbnail.height,
            )
        self.save()

    @property
    def is_resolved(self):
        """Say whether readers get a placeholder that loads a frame (else a link card)."""
        return bool(self.frame_url) and embeds.frame_allowed(self.frame_url)

    @property
    def thumbnail_url(self):
        return self.thumbnail.url if self.thumbnail else ""


def rendition_sizes(renditions):
    """Return the renditions make_renditions described, narrowest first, each with its URL."""
    return [
        {**size, "url": default_storage.url(size["name"])}
        for size in renditions.get("sizes", [])
    ]


def rendition_srcset(sizes):
    """Return rendition_sizes() as an <img> srcset."""
    return ", ".join(f"{size['url']} {size['width']}w" for size in sizes)


def webp_srcset(sizes):
    """Return the WebP renditions as a srcset, or "" for renditions made before WebP."""
    if not all("webp_name" in size for size in sizes):
        return ""
    return ", ".join(
        f"{default_storage.url(size['webp_name'])} {size['width']}w" for size in sizes
    )


def fallback_rendition(sizes, widest):
    """
    Return the rendition for browsers without srcset: the widest no wider
    than `widest` px (the widest of all when each is wider), or None.
    """
    fitting = [size for size in sizes if size["width"] <= widest]
    return (fitting or sizes or [None])[-1]


class Gallery(models.Model):
    """A set of photographs shown between two paragraphs of a story."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="galleries",
        verbose_name=_("article"),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_(
            "Read out to screen readers and shown above it, e.g. “The flood in pictures”."
        ),
    )
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"),
        default=0,
        help_text=_(
            "Where it sits: after this paragraph of the story, counting the lead "
            "text’s and then each subheading’s paragraphs, e.g. 3. 0 puts it "
            "before the first; a number past the end puts it last."
        ),
    )

    class Meta:
        ordering = ["after_paragraph", "pk"]
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#gallery-{self.pk}"


class GalleryImage(models.Model):
    gallery = models.ForeignKey(
        Gallery, on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(
        _("photograph"),
        upload_to="galleries/%Y/%m/",
        help_text=_(
            "JPEG, PNG, WebP or GIF; at most 10 MB and 24 megapixels (e.g. 6000 × 4000 pixels)."
        ),
    )
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        help_text=_("What the picture shows, e.g. “Sandbags stacked at a front door”."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("e.g. “Photograph: Tom Reyes/Newsroom”."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not renditions_are_current(self.renditions, self.image.name):
            # The upload is in storage only once the row is saved.
            self.renditions = make_renditions(self.image.name)
            GalleryImage.objects.filter(pk=self.pk).update(renditions=self.renditions)
        self.__dict__.pop("sizes", None)

    @cached_property
    def sizes(self):
        return rendition_sizes(self.renditions)

    @property
    def srcset(self):
        return rendition_srcset(self.sizes)

    @property
    def webp_srcset(self):
        return webp_srcset(self.sizes)

    @property
    def default(self):
        """Return the rendition for browsers without srcset: 960 px wide or the widest below."""
        return fallback_rendition(self.sizes, 960)

    @property
    def largest(self):
        return self.sizes[-1] if self.sizes else None


def staff_read_periods(this_hour):
    """
    Return the first clock hour of each readership figure staff see, ending
    with this_hour: this hour, the last 24 hours and the last 7 days.
    """
    return {
        "reads_hour": this_hour,
        "reads_day": this_hour - 23,
        "reads_week": this_hour - 24 * 7 + 1,
    }


class ReadCountQuerySet(models.QuerySet):
    def in_hours(self, first_hour, last_hour):
        """Return the counts of the clock hours first_hour to last_hour, both included."""
        return self.filter(hour__gte=first_hour, hour__lte=last_hour)

    def per_hour(self):
        """Return {hour: reads} summed over the articles."""
        return dict(
            self.values("hour")
            .annotate(reads=Sum("count"))
            .values_list("hour", "reads")
        )

    def by_article(self, this_hour):
        """
        Return {article id: (reads in the clock hour this_hour, in the 24 hours
        and in the 7 days ending with it)}, in one query over the 7 days' rows.
        """
        periods = staff_read_periods(this_hour)
        rows = (
            self.filter(hour__gte=periods["reads_week"], hour__lte=this_hour)
            .values("article")
            .annotate(
                **{
                    name: Sum("count", filter=Q(hour__gte=first_hour), default=0)
                    for name, first_hour in periods.items()
                }
            )
            .values_list("article", *periods)
        )
        return {article: figures for article, *figures in rows}

    def per_article(self):
        """Return rows of article id and reads (`article`, `reads`), most read first."""
        return (
            self.values("article")
            .annotate(reads=Sum("count"))
            .order_by("-reads", "-article")
        )


class ReadCount(models.Model):
    """Reads of one article in one clock hour: one row per article-hour, never per read."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="read_counts"
    )
    hour = models.PositiveIntegerField(
        _("hour"), help_text=_("Hours since 1970-01-01 00:00 UTC.")
    )
    count = models.PositiveIntegerField(_("reads"), default=0)

    objects = ReadCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("read count")
        verbose_name_plural = _("read counts")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "hour"], name="read_count_article_hour"
            ),
        ]
        indexes = [models.Index(fields=["hour"], name="read_count_hour")]

    def __str__(self):
        return f"{self.article_id} @ {self.hour}: {self.count}"


class ReadScore(models.Model):
    """
    An article's decayed readership, kept current as reads are added and pruned.

    weight is the sum over the article's hourly counts of count * 2 ** ((hour -
    base_hour) / half_life): exponential decay factorises, so this one number,
    scaled by 2 ** ((base_hour - now) / half_life), is the score at any moment,
    and ranking is a walk down an index. See articles/readership.py.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="read_score"
    )
    weight = models.FloatField(_("weight"))
    base_hour = models.IntegerField(
        _("base hour"), help_text=_("Hours since 1970-01-01 00:00 UTC, e.g. 489600.")
    )
    half_life = models.FloatField(_("half-life in hours"), help_text=_("e.g. 24"))

    class Meta:
        verbose_name = _("read score")
        verbose_name_plural = _("read scores")
        indexes = [
            models.Index(
                "base_hour",
                "half_life",
                models.F("weight").desc(),
                name="read_score_rank",
            )
        ]

    def __str__(self):
        return f"{self.article_id}: {self.weight:g} from hour {self.base_hour}"


class AuthorProfile(models.Model):
    """What readers see about a writer: the public page address, a bio and a photo."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="author_profile",
    )
    slug = models.SlugField(
        _("page address"),
        max_length=80,
        unique=True,
        help_text=_(
            "The end of the author page’s address, e.g. “amara-okafor” for /authors/amara-okafor/."
        ),
    )
    bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_(
            "One or two sentences, e.g. “Amara Okafor is our international correspondent.”"
        ),
    )
    photo = models.ImageField(_("photo"), upload_to="authors/", blank=True)

    class Meta:
        verbose_name = _("author profile")
        verbose_name_plural = _("author profiles")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    @classmethod
    def for_user(cls, user):
        """Return the user's profile, making one with a slug from their name if needed."""
        profile = getattr(user, "author_profile", None)
        if profile is None:
            name = user.get_full_name() or user.get_username()
            profile, _ = cls.objects.get_or_create(
                user=user,
                defaults={"slug": unique_slug(cls, name, 80, fallback="author")},
            )
        return profile


class WorkflowEventQuerySet(models.QuerySet):
    def public_corrections(self):
        """Return the corrections with a note for readers, oldest first."""
        return (
            self.filter(action=WorkflowEvent.Action.CORRECT)
            .exclude(note="")
            .order_by("created_at", "pk")
        )

    def for_history(self):
        """Return the events for an article's history panel, newest first, with who did them."""
        return self.select_related("actor").order_by("-created_at", "-pk")


class WorkflowEvent(models.Model):
    """One step of an article through the newsroom: who moved it, when, from where to where, and why."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted for review")
        PUBLISH = "publish", _("Published")
        SCHEDULE = "schedule", _("Scheduled")
        GO_LIVE = "go_live", _("Went live as scheduled")
        RETURN = "return", _("Returned to author")
        RECALL = "recall", _("Recalled by author")
        WITHDRAW = "withdraw", _("Withdrawn")
        CORRECT = "correct", _("Corrected")
        # A live blog's updates, posted without the article leaving "published" (articles/live.py).
        LIVE_DRAFT = "live_draft", _("Drafted a live update")
        LIVE_POST = "live_post", _("Posted a live update")
        LIVE_CORRECT = "live_correct", _("Corrected a live update")
        LIVE_DELETE = "live_delete", _("Deleted a live update")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="workflow_events",
        verbose_name=_("article"),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(
        _("from"), max_length=20, choices=Article.Status.choices
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Article.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
        help_text=_(
            "Empty when the system acted, e.g. a scheduled article going live."
        ),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_(
            "Why, in a sentence, e.g. “Needs a second source for the figures”. "
            "A correction’s note is shown to readers."
        ),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    objects = WorkflowEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        indexes = [
            models.Index(
                fields=["article", "-created_at"], name="workflow_event_article"
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.article_id}"


class ArticleSlugHistory(models.Model):
    """A slug a live article was reachable under before it changed; its old URL redirects."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="slug_history",
        verbose_name=_("article"),
    )
    slug = models.SlugField(
        _("old slug"),
        max_length=200,
        unique=True,
        help_text=_("e.g. “ceasefire-talks-stall” after the headline changed."),
    )
    created_at = models.DateTimeField(_("changed"), auto_now_add=True)

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")

    def __str__(self):
        return self.slug


class AppliedReadBatch(models.Model):
    """
    A batch of reads buffered in Redis whose counts are in the hourly table.

    Written in the same transaction as the counts, so that a flush that dies
    after committing and before deleting the batch from Redis never counts it
    twice when the next flush finds it again.
    """

    batch_id = models.CharField(_("batch"), max_length=64, primary_key=True)
    applied_at = models.DateTimeField(_("applied at"), default=timezone.now)

    class Meta:
        verbose_name = _("applied read batch")
        verbose_name_plural = _("applied read batches")

    def __str__(self):
        return self.batch_id


class StoredStory(models.Model):
    """
    An article page's story and head as rendered when the article was last
    saved, so that a page no cache holds (a crawler walking the archive)
    needs neither the article's query nor its render (articles/stored.py).

    Valid only while the article's version and last save, the templates and
    code that render it (`template_version`) and the stored generation
    (StoredStoryGeneration, renewed when a section, tag or author may have
    been renamed) are those it was rendered with; Article.live_page_keys()
    checks all four.
    """

    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="stored_story",
        verbose_name=_("article"),
    )
    version = models.PositiveIntegerField(_("article version"))
    updated_at = models.DateTimeField(_("article last saved"))
    template_version = models.CharField(_("template version"), max_length=32)
    generation = models.PositiveIntegerField(_("generation"))
    story_html = models.TextField(_("story"))
    head_html = models.TextField(_("head"))

    class Meta:
        verbose_name = _("stored story")
        verbose_name_plural = _("stored stories")

    def __str__(self):
        return f"{self.article_id} v{self.version}"


class StoredStoryGeneration(models.Model):
    """One row: the generation stored stories must carry to be used."""

    value = models.PositiveIntegerField(_("generation"), default=0)

    class Meta:
        verbose_name = _("stored story generation")
        verbose_name_plural = _("stored story generations")

    def __str__(self):
        return str(self.value)
