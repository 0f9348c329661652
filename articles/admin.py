from adminsortable2.admin import (
    SortableAdminBase,
    SortableAdminMixin,
    SortableStackedInline,
)
from csp.decorators import csp_update
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.humanize.templatetags.humanize import intcomma
from django.contrib.messages.storage import default_storage
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    BadRequest,
    PermissionDenied,
    ValidationError,
)
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format, get_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media
from taggit.models import Tag

from articles import (
    charts,
    editing,
    live,
    preview,
    purge,
    readership,
    revisions,
    timeline,
    workflow,
)
from articles.images import clean_upload
from articles.models import (
    Article,
    ArticleAuthor,
    EditConflict,
    Gallery,
    GalleryImage,
    LiveUpdate,
    ReadCount,
    Section,
    Subheading,
    WorkflowEvent,
)
from articles.views import DATABASE_ERRORS, database_unavailable

Action = WorkflowEvent.Action
Status = Article.Status

# The cookie autosave.js reads to drop the browser copy of a form once it is saved.
AUTOSAVE_SAVED_COOKIE = "newsroom_autosave_saved"
# Set on a request whose save the database failed, so that asking again shows the form.
DATABASE_FAILED = "_newsroom_database_failed"
# tiptap, inside the prose editor, adds its base stylesheet as a <style>
# element without a nonce (django-prose-editor gives it none). This hash lets
# exactly that text in; a new editor version changes it, and the browser tests
# then fail naming the new hash (docs/security.md).
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


class PurgesEverythingOnDelete:
    """For things whose name shows on nearly every page: deleting one purges them all."""

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        purge.everything_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        purge.everything_changed()


@admin.register(Section)
class SectionAdmin(PurgesEverythingOnDelete, SortableAdminMixin, admin.ModelAdmin):
    # Sections are put in navigation order by dragging their rows (the
    # position column's handle); django-admin-sortable2 saves the new order.
    list_display = ["position", "name", "slug", "is_active", "article_count"]
    list_editable = ["is_active"]
    list_display_links = ["name"]
    ordering = ["position", "name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, section):
        return section.article_count

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Every page carries the navigation.
        purge.everything_changed()

    def update_order(self, request):
        response = super().update_order(request)
        if response.status_code == 200:
            # The order shows in the navigation, not in stories.
            purge.everything_changed(stories=False)
        return response

    def get_actions(self, request):
        # The "move to page" actions only matter past one page of sections,
        # and they reorder without purging the navigation.
        return {
            name: action
            for name, action in super().get_actions(request).items()
            if not name.startswith("move_to_")
        }

    def get_deleted_objects(self, objs, request):
        # Listing every protected article would be unreadable (and slow) for a
        # section with thousands; one line per section says what to do instead.
        holding = (
            Section.objects.filter(pk__in=[section.pk for section in objs])
            .annotate(held=Count("articles"))
            .filter(held__gt=0)
        )
        refusals = [_refusal(section, section.held) for section in holding]
        if refusals:
            return [], {}, set(), refusals
        return super().get_deleted_objects(objs, request)


# taggit's own admin lists and merges its generic TaggedItem rows, which
# articles no longer use (they link through ArticleTag).
admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(PurgesEverythingOnDelete, admin.ModelAdmin):
    list_display = ["name", "slug"]
    ordering = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    # Tag names show on every article page that carries them.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            purge.everything_changed()


def _refusal(section, held):
    return ngettext(
        "“%(section)s” still holds %(count)d article. "
        "Move it to another section first, or untick “Live” to hide the section.",
        "“%(section)s” still holds %(count)d articles. "
        "Move them to another section first, or untick “Live” to hide the section.",
        held,
    ) % {"section": section.name, "count": held}


# On the change page after a workflow action: the person came to see the outcome.
ACTED_PARAMETER = "acted"


def status_label(article):
    """Return the status as the desk says it: "Scheduled for 27 November 2026, 09:00" for a future publication."""
    if article.is_scheduled:
        return _("Scheduled for %(when)s") % {
            "when": date_format(localtime(article.published_at), "j F Y, H:i")
        }
    return _status_without_time(article)


def listed_status_label(article):
    """Return the status as the article list says it, with the publication time short."""
    if article.is_scheduled:
        return _("Scheduled for %(when)s") % {"when": short_time(article.published_at)}
    if article.is_published:
        return format_html(
            '{} <span class="list-time">{}</span>',
            _("Published"),
            short_time(article.published_at),
        )
    return _status_without_time(article)


def _status_without_time(article):
    if article.is_returned:
        return format_html(
            '{} <span class="returned-note" title="{}">“{}”</span>',
            _("Returned"),
            article.last_note,
            Truncator(article.last_note).chars(60),
        )
    return article.get_status_display()


def short_time(moment):
    """Return "1 Dec, 13:02", with the year when it is not this year's."""
    moment = localtime(moment)
    this_year = moment.year == localtime().year
    return date_format(moment, "j M, H:i" if this_year else "j M Y, H:i")


def _readership(article):
    """Return the reads and the 48-hour chart of a story that has been live, else None."""
    if not article.has_had_readers:
        return None
    figures = (
        Article.objects.filter(pk=article.pk)
        .with_reads(readership.hour_of(timezone.now()))
        .values("reads_hour", "reads_day", "reads_week")
        .get()
    )
    return {**figures, "chart": charts.hourly_reads_chart(article)}


def person(user):
    if user is None:
        return _("the schedule")
    return user.get_full_name() or user.get_username()


class EditableOnlyWhenArticleIsMixin:
    """Inline rows follow the article: whoever may not edit it may not edit them."""

    def has_add_permission(self, request, obj):
        if obj is not None and not workflow.can_edit(request.user, obj):
            return False
        return super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not workflow.can_edit(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not workflow.can_edit(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)


class ReadableWhenReadOnly:
    """
    Whoever may only view an article reads its rich text as the page shows it
    and its authors by name, rather than a disabled form's raw HTML and usernames.
    """

    # Field -> the display method shown in its place on a read-only form
    # (None: the field is left out there).
    read_only_displays = {}

    def _may_edit(self, request, obj):
        return obj is None or self.has_change_permission(request, obj)

    def _readable(self, request, obj, names):
        if self._may_edit(request, obj):
            return list(names)
        shown = [self.read_only_displays.get(name, name) for name in names]
        return [name for name in shown if name is not None]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self._may_edit(request, obj):
            readonly += [name for name in self.read_only_displays.values() if name]
        return readonly


def readable_rich_text(html):
    # Rich text is cleaned to the allow-list on every save (sanitize.py), so
    # it is shown as the public page shows it.
    return format_html('<div class="readonly-rich-text">{}</div>', mark_safe(html))


class NamedInputsFormSet(forms.BaseInlineFormSet):
    """Name every input of a tabular inline row: the table's column headings do not label them for screen readers."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            # A choice is wrapped with the admin's add/change links; name the select inside.
            widget = getattr(field.widget, "widget", field.widget)
            if field.label and not widget.is_hidden:
                widget.attrs.setdefault("aria-label", capfirst(field.label))


class ArticleAuthorInline(
    ReadableWhenReadOnly, EditableOnlyWhenArticleIsMixin, admin.TabularInline
):
    model = ArticleAuthor
    formset = NamedInputsFormSet
    fields = ["author", "position"]
    read_only_displays = {"author": "author_name", "position": None}

    @admin.display(description=_("author"))
    def author_name(self, authorship):
        return person(authorship.author)

    def get_fields(self, request, obj=None):
        return self._readable(request, obj, super().get_fields(request, obj))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A plain list of people by name: autocomplete would need journalists
        # to have the user admin's view permission, with everyone's details.
        if db_field.name == "author":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_active=True)
                .order_by("first_name", "last_name", "username")
            )
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "author":
            field.label_from_instance = person
            # Listed once per request; otherwise every author row queries it again.
            field.choices = list(field.choices)
        return field

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def get_extra(self, request, obj=None, **kwargs):
        # A new article offers one row, filled with the person writing it.
        return 1 if obj is None else 0


class SubheadingInline(
    ReadableWhenReadOnly, EditableOnlyWhenArticleIsMixin, SortableStackedInline
):
    # Reordered by dragging a subheading's title bar, or with its Move up /
    # Move down buttons (subheading-order.js); a new one goes after the last.
    model = Subheading
    extra = 1
    fields = ["heading", "body", "position"]
    ordering = ["position", "pk"]
    read_only_displays = {"body": "text", "position": None}

    @admin.display(description=_("text"))
    def text(self, subheading):
        return readable_rich_text(subheading.body)

    def get_fields(self, request, obj=None):
        return self._readable(request, obj, super().get_fields(request, obj))


class GalleryInline(EditableOnlyWhenArticleIsMixin, admin.TabularInline):
    # Photographs are added on the gallery's own page (its "Change" link):
    # the admin cannot nest their rows inside the article's.
    model = Gallery
    formset = NamedInputsFormSet
    fields = ["title", "after_paragraph"]
    extra = 0
    show_change_link = True


class GalleryImageForm(forms.ModelForm):
    # A plain file field, as for the hero: images.clean_upload does every check.
    image = forms.FileField(
        label=capfirst(GalleryImage._meta.get_field("image").verbose_name),
        help_text=GalleryImage._meta.get_field("image").help_text,
        widget=widgets.AdminFileWidget,
    )

    class Meta:
        model = GalleryImage
        fields = ["image", "alt", "caption", "credit", "position"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            return clean_upload(image)
        return image


class GalleryImageInline(SortableStackedInline):
    # Reordered by dragging a photograph's title bar; django-admin-sortable2
    # saves the order. Stacked, so every input has its own label.
    model = GalleryImage
    form = GalleryImageForm
    extra = 1
    ordering = ["position", "pk"]


@admin.register(Gallery)
class GalleryAdmin(SortableAdminBase, admin.ModelAdmin):
    list_display = ["title", "article", "after_paragraph"]
    list_select_related = ["article"]
    search_fields = ["title", "article__headline"]
    autocomplete_fields = ["article"]
    fields = ["article", "title", "after_paragraph"]
    inlines = [GalleryImageInline]
    # Bulk deletion would skip the article's new version and purge.
    actions = None

    def get_queryset(self, request):
        visible = Article.objects.visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(article__in=visible)

    def get_readonly_fields(self, request, obj=None):
        # A gallery belongs to one story; moving it would leave the other page stale.
        return ["article"] if obj is not None else []

    def has_change_permission(self, request, obj=None):
        if obj is not None and not workflow.can_edit(request.user, obj.article):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not workflow.can_edit(request.user, obj.article):
            return False
        return super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._article_changed(request, form.instance.article)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._article_changed(request, obj.article)

    def _article_changed(self, request, article):
        # A new version renews the article's cached fragments; the purge, its pages.
        article.save_versioned(request.user)
        if article.status == Article.Status.PUBLISHED:
            purge.article_changed(article)


def _model_field(name):
    return Article._meta.get_field(name)


def _named_split_datetime(date_name, time_name):
    """Return the admin's date and time inputs, each with its own accessible name: one <label> cannot name both."""
    widget = widgets.AdminSplitDateTime()
    widget.widgets[0].attrs["aria-label"] = date_name
    widget.widgets[1].attrs["aria-label"] = time_name
    return widget


# Read by writing-aids.js, which counts as the person types: words against
# the standfirst's advised length, characters against the headline's (the
# publication warnings' numbers, workflow.py) and the search fields' max_length.
WRITING_COUNTS = {
    "headline": {
        "data-count": "characters",
        "data-count-advised-max": str(workflow.HEADLINE_MAX_CHARACTERS),
    },
    "standfirst": {
        "data-count": "words",
        "data-count-advised-min": str(workflow.STANDFIRST_WORDS[0]),
        "data-count-advised-max": str(workflow.STANDFIRST_WORDS[1]),
    },
    "body": {"data-count": "words"},
    "seo_title": {"data-count": "characters"},
    "seo_description": {"data-count": "characters"},
}


# Each note has its own field and readers: the author, the newsroom, or the public.
NOTE_FIELDS = {
    Action.RETURN: "return_note",
    Action.WITHDRAW: "withdrawal_reason",
    Action.CORRECT: "correction_note",
}


class ArticleAdminForm(forms.ModelForm):
    # A plain file field: images.clean_upload does every check, with messages
    # that say what to do, instead of forms.ImageField's generic one.
    hero_image = forms.FileField(
        label=capfirst(_model_field("hero_image").verbose_name),
        help_text=_model_field("hero_image").help_text,
        required=False,
        widget=widgets.AdminFileWidget,
    )
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    return_note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Required to return it: what to change, e.g. “Needs a second source for the figures”. "
            "The author sees it at the top of the story; readers never do."
        ),
    )
    withdrawal_reason = forms.CharField(
        label=_("Reason for withdrawing (newsroom only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Required to withdraw, e.g. “Legal advice: the claim about the council is unproven”. "
            "Kept in the story's history; readers see only that it was withdrawn."
        ),
    )
    correction_note = forms.CharField(
        label=_("Correction note, shown to readers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Optional; printed under the story with its date, "
            "e.g. “An earlier version gave the wrong date for the vote.”"
        ),
    )
    # The warnings the editor was shown when confirming; a new one asks again.
    publication_warnings_seen = forms.CharField(
        widget=forms.HiddenInput, required=False
    )
    workflow_at = forms.SplitDateTimeField(
        label=_("Publication time"),
        required=False,
        widget=_named_split_datetime(_("Publication date"), _("Publication time")),
        help_text=_(
            "Leave it as it is to publish now; a later time schedules the article."
        ),
    )

    # Set per request by ArticleAdmin.get_form: who is saving, which button they
    # pressed, and whether the database failed this save once already.
    workflow_user = None
    workflow_action = ""
    database_failed = False
    # Instructions to the workflow, not content: never reported as what changed.
    WORKFLOW_FIELDS = frozenset(
        {
            "based_on_version",
            "return_note",
            "withdrawal_reason",
            "correction_note",
            "workflow_at",
            "publication_warnings_seen",
        }
    )

    class Meta:
        model = Article
        # Status and publication time are absent on purpose: only workflow.py sets them.
        fields = [
            "headline",
            "slug",
            "section",
            "standfirst",
            "dateline",
            "body",
            "tags",
            "hero_image",
            "hero_alt",
            "hero_caption",
            "hero_credit",
            "is_live_blog",
            "coverage_ended_at",
            "seo_title",
            "seo_description",
        ]
        widgets = {
            "coverage_ended_at": _named_split_datetime(
                _("Date live coverage ended"), _("Time live coverage ended")
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "section" in self.fields:
            # Hidden sections are not offered; an article already in one keeps it.
            self.fields["section"].queryset = Section.objects.filter(
                Q(is_active=True) | Q(pk=self.instance.section_id)
            ).order_by("position", "name")
        for name, attrs in WRITING_COUNTS.items():
            if name in self.fields:
                self.fields[name].widget.attrs.update(attrs)
        now = localtime().replace(second=0, microsecond=0)
        self.fields["workflow_at"].initial = (
            self.instance.published_at if self.instance.is_scheduled else now
        )
        if self.instance.pk is not None:
            self.fields["based_on_version"].initial = self.instance.version

    @property
    def changed_data(self):
        return [
            name for name in super().changed_data if name not in self.WORKFLOW_FIELDS
        ]

    def clean_hero_image(self):
        image = self.cleaned_data.get("hero_image")
        if isinstance(image, UploadedFile):
            return clean_upload(image)
        return image

    def clean(self):
        cleaned_data = super().clean()
        if self.database_failed:
            self.add_error(
                None,
                ValidationError(
                    _(
                        "The database did not answer, so this was not saved. "
                        "Your text is below, nothing was lost — press Save again in a moment."
                    ),
                    code="database_unavailable",
                ),
            )
        if self.instance.pk is not None:
            self._check_version(cleaned_data.get("based_on_version"))
        if self.workflow_action:
            self._check_workflow(cleaned_data)
        return cleaned_data

    def _check_version(self, based_on):
        current = self.instance
        if based_on == current.version:
            return
        # The form comes back carrying the current version, so saving again
        # (after comparing) goes through; the other person's text stays in
        # the revisions either way.
        self.data = self.data.copy()
        self.data[self.add_prefix("based_on_version")] = current.version
        who = person(current.updated_by) if current.updated_by_id else _("someone")
        when = localtime(current.updated_at)
        when_text = (
            date_format(when, "H:i")
            if when.date() == localtime().date()
            else date_format(when, "j F, H:i")
        )
        self.add_error(
            None,
            ValidationError(
                format_html(
                    _(
                        "This article was changed by {} at {} after you opened it. "
                        "Your text is still below and has not been saved. "
                        '<a href="{}" target="_blank" rel="noopener">Open the current version in a new tab</a> '
                        'or <a href="{}" target="_blank" rel="noopener">compare revisions</a>, '
                        "copy across what you need, then save again."
                    ),
                    who,
                    when_text,
                    reverse("admin:articles_article_change", args=[current.pk]),
                    reverse("admin:articles_article_revisions", args=[current.pk]),
                ),
                code="edit_conflict",
            ),
        )

    def _post_clean(self):
        super()._post_clean()
        # Checked on the article as it will be saved, after the form's values
        # are set on it; workflow.publish() checks again.
        if self.workflow_action != Action.PUBLISH:
            return
        problems = workflow.publication_problems(self.instance)
        for field, problem in problems.items():
            if field not in self.errors:
                self.add_error(field if field in self.fields else None, problem)
        if not problems:
            self._check_warnings_seen()

    def _check_warnings_seen(self):
        seen = set(self.cleaned_data.get("publication_warnings_seen", "").split())
        unseen = set(workflow.publication_warnings(self.instance)) - seen
        if unseen:
            # The page was opened before these appeared (e.g. the headline was
            # lengthened since): the editor confirms again, having seen them.
            self.add_error(
                "publication_warnings_seen",
                ValidationError(
                    _(
                        "Nothing was published: the story changed since you opened it. "
                        "Read the warnings, then confirm again."
                    ),
                    code="warnings_unseen",
                ),
            )

    def note(self, action):
        """Return what was typed in action's note field, "" for an action without one."""
        field = NOTE_FIELDS.get(action)
        return self.cleaned_data.get(field, "") if field else ""

    def _check_workflow(self, cleaned_data):
        try:
            # PermissionDenied is left to rise: the admin answers it with 403.
            workflow.check(self.workflow_action, self.workflow_user, self.instance)
            workflow.require_note(self.workflow_action, self.note(self.workflow_action))
        except workflow.TransitionRefused as refusal:
            self.add_error(None, ValidationError(str(refusal), code="refused"))
        except ValidationError as error:
            self.add_error(NOTE_FIELDS[self.workflow_action], error)


# The largest id a bigint column holds.
MAX_ROW_ID = 2**63 - 1


def row_id(value):
    """
    Return value (from an address) as a row id, or None when it cannot be one:
    "abc", "²" (a digit to str.isdigit() that int() refuses) or a number no
    column holds, which the database would refuse with an error.
    """
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ROW_ID else None


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft (not returned)")),
            ("returned", _("Returned to author")),
            ("in_review", _("In review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Published")),
            ("withdrawn", _("Withdrawn")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "returned":
            return queryset.returned()
        if value == "draft":
            return queryset.drafts_not_returned()
        if value == "live":
            return queryset.published()
        if value in {Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN}:
            return queryset.filter(status=value)
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    title = _("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        authors = (
            get_user_model()
            .objects.filter(Exists(ArticleAuthor.objects.filter(author=OuterRef("pk"))))
            .order_by("first_name", "last_name", "username")
        )
        return [(str(user.pk), person(user)) for user in authors]

    def queryset(self, request, queryset):
        if self.value():
            author_id = row_id(self.value())
            if author_id is None:
                raise BadRequest("The author filter takes a user id.")
            return queryset.filter(authorships__author_id=author_id)
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = _("whose")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", _("My articles"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.held_by(request.user)
        return queryset


READ_PERIODS = [
    (_("1 h"), _("Reads in this clock hour")),
    (_("24 h"), _("Reads in the last 24 hours")),
    (_("7 d"), _("Reads in the last 7 days")),
]


class ArticleChangeList(ChangeList):
    """The article list, with the reads of the stories on the page in one query."""

    def get_results(self, request):
        super().get_results(request)
        on_page = list(self.result_list)
        reads = ReadCount.objects.filter(
            article__in=[article.pk for article in on_page if article.has_had_readers]
        ).by_article(readership.hour_of(timezone.now()))
        for article in on_page:
            article.list_reads = (
                reads.get(article.pk, [0, 0, 0]) if article.has_had_readers else None
            )


@admin.register(Article)
class ArticleAdmin(ReadableWhenReadOnly, SortableAdminBase, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "section",
        "listed_state",
        "byline",
        "reads",
        "last_saved",
    ]
    list_filter = [
        StatusFilter,
        "section",
        AuthorFilter,
        MineFilter,
        # A date filter, not date_hierarchy: the hierarchy aggregates the dates
        # of every row on each page load, too slow at 100,000 articles.
        ("published_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst"]
    # The unfiltered total is a second COUNT over the whole table on each page.
    show_full_result_count = False
    # Filter counts are one COUNT per filter choice on each page load.
    show_facets = admin.ShowFacets.NEVER
    ordering = ["-updated_at"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [ArticleAuthorInline, SubheadingInline, GalleryInline]
    actions = ["submit_selected", "publish_selected"]
    readonly_fields = ["state", "published_at", "revised_at", "live_updates"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "slug",
                    "section",
                    "standfirst",
                    "dateline",
                    "body",
                    "tags",
                ]
            },
        ),
        (
            _("Hero image"),
            {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit"]},
        ),
        (_("Publishing"), {"fields": ["state", "published_at", "revised_at"]}),
        (
            _("Live blog"),
            {"fields": ["is_live_blog", "coverage_ended_at", "live_updates"]},
        ),
        (
            _("Search and sharing"),
            {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]},
        ),
    ]

    class Media:
        js = [
            "articles/admin/autosave.js",
            "articles/admin/editor-labels.js",
            "articles/admin/workflow-panel.js",
            "articles/admin/editing-presence.js",
            "articles/admin/writing-aids.js",
            "articles/admin/subheading-order.js",
        ]
        css = {
            "all": [
                "articles/admin/workflow.css",
                "articles/admin/reads.css",
                "articles/admin/writing.css",
            ]
        }

    read_only_displays = {"body": "lead_text"}

    def get_fieldsets(self, request, obj=None):
        return [
            (
                name,
                {**options, "fields": self._readable(request, obj, options["fields"])},
            )
            for name, options in super().get_fieldsets(request, obj)
        ]

    @admin.display(description=_("live updates"))
    def live_updates(self, article):
        if article.pk is None or not article.is_live_blog:
            return _("Tick “live blog” and save to post updates once it is published.")
        updates = reverse("admin:articles_liveupdate_changelist")
        return format_html(
            '{} · <a href="{}?article={}">{}</a> · <a href="{}?article={}">{}</a>',
            ngettext(
                "%(count)d update", "%(count)d updates", article.live_updates.count()
            )
            % {"count": article.live_updates.count()},
            updates,
            article.pk,
            _("See them"),
            reverse("admin:articles_liveupdate_add"),
            article.pk,
            _("Post an update"),
        )

    @admin.display(description=_("lead text"))
    def lead_text(self, article):
        return readable_rich_text(article.body)

    def view_on_site(self, article):
        # Unpublished work has no public page yet; the preview shows it as readers will.
        if article.is_published:
            return article.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": article.pk})

    @admin.display(description=_("status"), ordering="status")
    def state(self, article):
        return status_label(article)

    @admin.display(description=_("status"), ordering="published_at")
    def listed_state(self, article):
        return listed_status_label(article)

    @admin.display(description=_("reads"))
    def reads(self, article):
        if article.list_reads is None:
            return self.get_empty_value_display()
        return format_html(
            '<span class="list-reads">{}</span>',
            format_html_join(
                "",
                '<span title="{}"><span class="list-reads-count">{}</span> <small>{}</small></span>',
                (
                    (title, intcomma(count), period)
                    for count, (period, title) in zip(
                        article.list_reads, READ_PERIODS, strict=True
                    )
                ),
            ),
        )

    @admin.display(description=_("last saved"), ordering="updated_at")
    def last_saved(self, article):
        return short_time(article.updated_at)

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description=_("authors"))
    def byline(self, article):
        return ", ".join(person(author) for author in article.byline_authors)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            .with_byline()
            .with_last_workflow_step()
        )

    def get_object(self, request, object_id, from_field=None):
        if from_field is None and row_id(object_id) is None:
            raise Http404("No article has this id.")
        article = super().get_object(request, object_id, from_field)
        # Someone else's article answers 403, not "does not exist": it does.
        if article is None and Article.objects.filter(pk=object_id).exists():
            raise PermissionDenied(
                _("This article is not one of yours, so you cannot open it.")
            )
        return article

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # Articles are withdrawn, never deleted, except by a superuser clearing test content.
        return request.user.is_superuser

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH_PERMISSION)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        action = request.POST.get("_workflow", "") if request.method == "POST" else ""
        return type(
            form.__name__,
            (form,),
            {
                "workflow_user": request.user,
                "workflow_action": action if change else "",
                "database_failed": getattr(request, DATABASE_FAILED, False),
            },
        )

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if obj.pk is None and isinstance(inline, ArticleAuthorInline):
            kwargs["initial"] = [{"author": request.user.pk, "position": 0}]
        return kwargs

    @method_decorator(csp_update({"style-src": [PROSE_EDITOR_STYLE_HASH]}))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between this form's version check and its write, and
            # everything was rolled back; asking again shows the conflict as a
            # form error, with this person's text in the form.
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DATABASE_ERRORS:
            if request.method != "POST":
                raise
        # The save was rolled back, and a dropped connection (closed when its
        # rollback failed) is replaced by the next query: asking again brings
        # the form back with everything typed and the database's error. If the
        # database is still away, that raises too and the 503 page answers,
        # while autosave.js holds the text in the browser.
        setattr(request, DATABASE_FAILED, True)
        # Messages queued before the failure announce work that was rolled
        # back; a fresh store keeps only those from earlier requests.
        request._messages = default_storage(request)
        response = super().changeform_view(request, object_id, form_url, extra_context)
        return database_unavailable(response)

    def delete_model(self, request, obj):
        article_id, before = obj.pk, _public_pages(obj.pk)
        super().delete_model(request, obj)
        purge.article_deleted(article_id, before)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            self.delete_model(request, article)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj._public_pages_before = _public_pages(obj.pk) if change else set()
        obj.save_versioned(
            request.user, based_on=form.cleaned_data.get("based_on_version")
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not article.authorships.exists():
            ArticleAuthor.objects.create(article=article, author=request.user)
        if article._public_pages_before or article.status == Article.Status.PUBLISHED:
            purge.article_changed(article, before=article._public_pages_before)
        if form.workflow_action:
            event = workflow.perform(
                form.workflow_action,
                article,
                request.user,
                note=form.note(form.workflow_action),
                at=form.cleaned_data.get("workflow_at"),
            )
            messages.success(request, _event_summary(event, article))

    def log_addition(self, request, obj, message):
        super().log_addition(request, obj, message)
        revisions.save_revision(obj, request.user, revisions.CREATED)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        # A form save sends the list of what changed; a share link, a sentence
        # for the admin's history only.
        if isinstance(message, list):
            summary = revisions.change_summary(message)
            # A save that changed nothing (e.g. a workflow button alone) is no
            # new version, unless the article has none yet to restore.
            if summary or not revisions.has_revisions(obj):
                revisions.save_revision(
                    obj, request.user, summary or revisions.UNCHANGED
                )
        return entry

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        response.set_cookie(AUTOSAVE_SAVED_COOKIE, _autosave_key(None, request.user))
        return response

    def response_change(self, request, obj):
        editing.stop_editing(obj.pk, request.user)
        if "_workflow" in request.POST:
            # Back to the form to see the outcome, not to edit: ACTED_PARAMETER
            # keeps the page from telling others this person is still editing.
            response = HttpResponseRedirect(f"{request.path}?{ACTED_PARAMETER}")
        else:
            response = super().response_change(request, obj)
        response.set_cookie(AUTOSAVE_SAVED_COOKIE, _autosave_key(obj, request.user))
        return response

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["autosave_key"] = _autosave_key(obj, request.user)
        # The prose editor's import map is an inline script: the Content
        # Security Policy runs it by this page's nonce (docs/security.md).
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        if obj is not None:
            context.update(
                self._workflow_context(request, obj, context["adminform"].form)
            )
            if (
                self.has_change_permission(request, obj)
                and ACTED_PARAMETER not in request.GET
            ):
                context["editing_token"] = editing.mark_editing(obj.pk, request.user)
        # The banner at the top names each error and links to it; Django's
        # own says only "Please correct the errors below".
        context["error_summary"] = error_summary(
            context["adminform"].form, context.get("inline_admin_formsets", [])
        )
        context["errors"] = None
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _workflow_context(self, request, article, form):
        user = request.user
        actions = workflow.available_actions(user, article)
        if not self.has_change_permission(request, article):
            # A read-only form saves nothing; recalling a story needs no form.
            actions = [action for action in actions if action == Action.RECALL]
        latest = article.workflow_events.for_history().first()
        return {
            "status_label": status_label(article),
            "holder": workflow.holder(article),
            "workflow_actions": actions,
            "publish_label": workflow.publish_label(_chosen_publication_time(form)),
            "date_input_format": get_format("DATE_INPUT_FORMATS")[0],
            "publication_warnings": (
                workflow.publication_warnings(article)
                if Action.PUBLISH in actions
                else {}
            ),
            # After a refused step its confirmation stays open, with the note typed.
            "confirming": form.workflow_action if form.is_bound else "",
            "timeline": timeline.timeline(article),
            "returned": latest if article.is_returned else None,
            "returned_to_viewer": workflow.is_author(user, article),
            "other_editors": editing.other_editors(article.pk, user),
            "may_share": user.has_perm(workflow.PUBLISH_PERMISSION),
            "readership": _readership(article),
        }

    @admin.action(
        description=_("Submit selected articles for review"), permissions=["change"]
    )
    def submit_selected(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.submit,
            _("Submitted %(count)d of %(total)d articles for review."),
        )

    @admin.action(
        description=_("Publish selected articles now"), permissions=["publish"]
    )
    def publish_selected(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.publish,
            _("Published %(count)d of %(total)d articles."),
        )

    def _bulk(self, request, queryset, transition, summary):
        done, refusals = 0, []
        articles = list(queryset)
        for article in articles:
            try:
                with transaction.atomic():
                    transition(article, request.user)
            except (
                PermissionDenied,
                workflow.TransitionRefused,
                EditConflict,
                ValidationError,
            ) as refusal:
                refusals.append(f"“{article}”: {_refusal_text(refusal)}")
            else:
                done += 1
        level = messages.SUCCESS if not refusals else messages.WARNING
        self.message_user(
            request, summary % {"count": done, "total": len(articles)}, level
        )
        for refusal in refusals:
            self.message_user(request, refusal, messages.WARNING)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        return [
            path(
                "<path:object_id>/revisions/",
                wrap(self.revisions_view),
                name="articles_article_revisions",
            ),
            path(
                "<path:object_id>/revisions/compare/",
                wrap(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:version_id>/restore/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
            path(
                "<path:object_id>/recall/",
                wrap(self.recall_view),
                name="articles_article_recall",
            ),
            path(
                "<path:object_id>/editing/left/",
                wrap(self.editing_left_view),
                name="articles_article_editing_left",
            ),
            path(
                "<path:object_id>/share-link/",
                wrap(self.share_link_view),
                name="articles_article_share_link",
            ),
            path(
                "<path:object_id>/share-link/revoke/",
                wrap(self.revoke_share_links_view),
                name="articles_article_revoke_share_links",
            ),
            *super().get_urls(),
        ]

    def _article_or_403(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise PermissionDenied
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def revisions_view(self, request, object_id):
        article = self._article_or_403(request, object_id)
        versions = list(revisions.versions_of(article))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revisions of “%(headline)s”") % {"headline": article.headline},
            "opts": self.opts,
            "article": article,
            "versions": [
                (version, revisions.describe(version)) for version in versions
            ],
            "may_restore": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "articles/admin/revisions.html", context)

    def compare_view(self, request, object_id):
        article = self._article_or_403(request, object_id)
        versions = revisions.versions_of(article)
        older = _chosen_version(versions, request.GET.get("older", ""))
        newer = _chosen_version(versions, request.GET.get("newer", ""))
        if older is None or newer is None:
            messages.info(request, _("Choose two versions to compare."))
            return HttpResponseRedirect(
                reverse("admin:articles_article_revisions", args=[article.pk])
            )
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        changes = revisions.diff(revisions.snapshot(older), revisions.snapshot(newer))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes to “%(headline)s”") % {"headline": article.headline},
            "opts": self.opts,
            "article": article,
            "older": revisions.describe(older),
            "newer": revisions.describe(newer),
            "changes": changes,
        }
        return TemplateResponse(request, "articles/admin/compare.html", context)

    def recall_view(self, request, object_id):
        """The author takes a submitted story back to their drafts (their form is read-only in review)."""
        article = self._article_or_403(request, object_id)
        change_page = reverse("admin:articles_article_change", args=[article.pk])
        if request.method != "POST":
            return HttpResponseRedirect(change_page)
        try:
            with transaction.atomic():
                workflow.recall(article, request.user)
        except (workflow.TransitionRefused, EditConflict) as refusal:
            messages.error(request, _refusal_text(refusal))
        else:
            messages.success(
                request,
                _("Back in your drafts: edit it, then submit it for review again."),
            )
        return HttpResponseRedirect(change_page)

    def editing_left_view(self, request, object_id):
        """The change form's page was closed or left (editing-presence.js): others stop seeing this person as editing."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_403(request, object_id)
        editing.stop_editing(
            article.pk, request.user, token=request.POST.get("token", "")
        )
        return HttpResponse(status=204)

    def restore_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse("admin:articles_article_revisions", args=[object_id])
            )
        article = self._article_or_403(request, object_id)
        version = get_object_or_404(revisions.versions_of(article), pk=version_id)
        try:
            based_on = int(request.POST.get("based_on_version", ""))
        except ValueError:
            based_on = None
        before = _public_pages(article.pk)
        try:
            kept = revisions.restore(article, version, request.user, based_on=based_on)
        except EditConflict:
            messages.error(
                request,
                _(
                    "The article changed after you opened this page, so nothing was restored. "
                    "Look at the latest revision below, then restore again if you still want to."
                ),
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_revisions", args=[article.pk])
            )
        purge.article_changed(article, before=before)
        LogEntry.objects.log_actions(
            request.user.pk,
            [article],
            CHANGE,
            _("Restored a revision."),
            single_object=True,
        )
        messages.success(
            request,
            _("Restored the version of %(version)s.")
            % {"version": revisions.describe(version)},
        )
        for sentence in kept:
            messages.warning(request, sentence)
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    def _shareable_or_403(self, request, object_id):
        article = self._article_or_403(request, object_id)
        if not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            raise PermissionDenied
        return article

    def share_link_view(self, request, object_id):
        article = self._shareable_or_403(request, object_id)
        if article.status == Status.WITHDRAWN:
            messages.error(request, _("A withdrawn article cannot be shared."))
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[article.pk])
            )
        now = timezone.now()
        token = preview.make_share_token(article, now)
        url = request.build_absolute_uri(
            reverse("articles:share", kwargs={"token": token})
        )
        expires = date_format(
            localtime(preview.share_link_expires_at(now)), "j F Y, H:i"
        )
        # The article's history says who let outsiders read it, and until when.
        self.log_change(
            request,
            article,
            _("Created a share link working until %(expires)s.") % {"expires": expires},
        )
        messages.success(
            request,
            _("Share link, working without login until %(expires)s: %(url)s")
            % {"expires": expires, "url": url},
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    def revoke_share_links_view(self, request, object_id):
        article = self._shareable_or_403(request, object_id)
        if request.method == "POST":
            preview.revoke_share_links(article)
            self.log_change(request, article, _("Revoked all share links."))
            messages.success(
                request, _("Every share link made so far to this article is revoked.")
            )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )


class LiveBlogFilter(admin.SimpleListFilter):
    title = _("live blog")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        blogs = (
            Article.objects.visible_to(request.user)
            .filter(is_live_blog=True)
            .newest_first()
        )
        return [(str(blog.pk), blog.headline) for blog in blogs]

    def queryset(self, request, queryset):
        if self.value():
            article_id = row_id(self.value())
            if article_id is None:
                raise BadRequest("The live blog filter takes an article id.")
            return queryset.filter(article_id=article_id)
        return queryset


class LiveUpdateAdminForm(forms.ModelForm):
    # As the hero image: images.clean_upload does every check and strips metadata.
    image = forms.FileField(
        label=capfirst(LiveUpdate._meta.get_field("image").verbose_name),
        help_text=LiveUpdate._meta.get_field("image").help_text,
        required=False,
        widget=widgets.AdminFileWidget,
    )
    publish = forms.TypedChoiceField(
        label=_("When"),
        choices=[(True, _("Publish now")), (False, _("Keep as a draft"))],
        coerce=lambda value: value in {True, "True"},
        initial=True,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("A draft stays in the newsroom until you publish it."),
    )

    class Meta:
        model = LiveUpdate
        fields = [
            "article",
            "headline",
            "body",
            "image",
            "image_alt",
            "image_caption",
            "is_key_event",
            "correction_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Editing a draft keeps it a draft unless publishing is chosen.
        if self.instance.pk is not None and "publish" in self.fields:
            self.fields["publish"].initial = False

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            return clean_upload(image)
        return image

    def clean(self):
        cleaned_data = super().clean()
        article = cleaned_data.get("article") or (
            self.instance.article if self.instance.article_id else None
        )
        if article is not None:
            refusal = live.state_refusal(article)
            if refusal:
                self.add_error(None, ValidationError(refusal, code="not_live"))
        return cleaned_data


@admin.register(LiveUpdate)
class LiveUpdateAdmin(admin.ModelAdmin):
    """
    Updates are posted, corrected and deleted here by the live blog's authors
    and the editors, the article staying published; articles/live.py holds
    the rules and logs each action in the article's history.
    """

    form = LiveUpdateAdminForm
    list_display = [
        "__str__",
        "article",
        "state",
        "is_key_event",
        "published_at",
        "written_by",
    ]
    list_filter = [LiveBlogFilter, "status", "is_key_event"]
    list_select_related = ["article", "author"]
    search_fields = ["headline", "body"]
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    ordering = ["-created_at", "-pk"]
    readonly_fields = ["state", "author", "published_at", "corrected_at"]

    class Media:
        js = ["articles/admin/editor-labels.js"]

    @method_decorator(csp_update({"style-src": [PROSE_EDITOR_STYLE_HASH]}))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        # The prose editor's import map runs by this page's nonce, as on the article form.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_fieldsets(self, request, obj=None):
        fields = ["article", "headline", "body", "image", "image_alt", "image_caption"]
        fields += ["is_key_event"]
        if obj is None or not obj.is_published:
            fields.append("publish")
        else:
            fields.append("correction_note")
        if obj is not None:
            fields += ["state", "author", "published_at", "corrected_at"]
        return [(None, {"fields": fields})]

    def get_readonly_fields(self, request, obj=None):
        # An update stays on its blog.
        if obj is not None:
            return [*self.readonly_fields, "article"]
        return self.readonly_fields

    @admin.display(description=_("author"))
    def written_by(self, update):
        return person(update.author)

    @admin.display(description=_("status"), ordering="status")
    def state(self, update):
        if update.is_published and update.was_corrected:
            return _("Published, corrected")
        return update.get_status_display()

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_object(self, request, object_id, from_field=None):
        if from_field is None and row_id(object_id) is None:
            raise Http404("No live update has this id.")
        update = super().get_object(request, object_id, from_field)
        # Another story's update answers 403, not "does not exist": it does.
        if update is None and LiveUpdate.objects.filter(pk=object_id).exists():
            raise PermissionDenied(
                _("This live blog is not one of yours, so you cannot open its updates.")
            )
        return update

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            # Only blogs this person may post to are offered: a live blog of
            # someone else's is refused as "not one of the choices".
            kwargs["queryset"] = live.postable_articles(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return request.user.has_perm("articles.change_article")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or (
            request.user.has_perm("articles.change_article")
        )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return request.user.has_perm("articles.change_article")
        return live.can_post(request.user, obj.article)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        live.save(
            obj,
            request.user,
            publish=form.cleaned_data.get("publish", False),
            changed=form.changed_data,
            note=form.cleaned_data.get("correction_note", ""),
        )

    def delete_model(self, request, obj):
        live.delete(obj, request.user)

    def delete_queryset(self, request, queryset):
        for update in queryset.select_related("article"):
            live.delete(update, request.user)


def _public_pages(article_id):
    """Return the cached pages showing the article as stored, if it is published or scheduled."""
    stored = (
        Article.objects.filter(pk=article_id, status=Article.Status.PUBLISHED)
        .select_related("section")
        .first()
    )
    return purge.article_pages(stored) if stored else set()


def _chosen_version(versions, value):
    """Return the version value names, None when none is chosen or it is not one of versions."""
    if not value:
        return None
    version_id = row_id(value)
    if version_id is None:
        raise BadRequest("A version is chosen by its id.")
    return versions.filter(pk=version_id).first()


def _chosen_publication_time(form):
    """Return the publication time the form holds: as posted when it was valid, else as it opened."""
    if form.is_bound and "workflow_at" in getattr(form, "cleaned_data", {}):
        return form.cleaned_data["workflow_at"]
    return form.fields["workflow_at"].initial


def error_summary(form, inline_admin_formsets):
    """Return (label, message, anchor) for each error on the page: the banner links to where each one is."""
    summary = [(None, message, None) for message in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS:
            continue
        bound = form[name]
        # The one hidden field with errors is the publish confirmation's.
        label = _("Publish") if bound.is_hidden else bound.label
        summary += [(label, message, f"{bound.auto_id}_error") for message in errors]
    for inline in inline_admin_formsets:
        formset = inline.formset
        if formset.total_error_count():
            summary.append(
                (
                    capfirst(inline.opts.verbose_name_plural),
                    _("see the marked rows")
                    if not formset.non_form_errors()
                    else " ".join(formset.non_form_errors()),
                    f"{formset.prefix}-group",
                )
            )
    return summary


def _autosave_key(article, user):
    return f"{article.pk if article else 'new'}:{user.pk}"


def _refusal_text(refusal):
    if isinstance(refusal, EditConflict):
        return _("someone was saving it at the same moment; try again.")
    if isinstance(refusal, ValidationError):
        return " ".join(refusal.messages)
    return str(refusal) or _("your role does not allow this.")


def _event_summary(event, article):
    if event.action == Action.SCHEDULE:
        return status_label(article) + "."
    return f"{event.get_action_display()}."


User = get_user_model()
admin.site.unregister(User)


# Roles only a superuser may grant: one publishes to the front page, the other grants roles.
SUPERUSER_GRANTED_ROLES = frozenset({"Editor", "Administrator"})


class NewsroomUserChangeForm(UserChangeForm):
    # Set per request by NewsroomUserAdmin.get_form: who is saving.
    changed_by = None

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        if self.changed_by is None or self.changed_by.is_superuser:
            return groups
        held = set(self.instance.groups.values_list("name", flat=True))
        granted = sorted(
            ({group.name for group in groups} - held) & SUPERUSER_GRANTED_ROLES
        )
        if granted:
            raise ValidationError(
                ngettext(
                    "Only a superuser may grant the %(roles)s role.",
                    "Only a superuser may grant the %(roles)s roles.",
                    len(granted),
                )
                % {"roles": " and ".join(granted)},
                code="superuser_granted_role",
            )
        return groups


@admin.register(User)
class NewsroomUserAdmin(UserAdmin):
    """Django's user admin, with superuser powers and the senior roles kept to superusers."""

    form = NewsroomUserChangeForm

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            # Either one would let an administrator grant any permission, themselves included.
            readonly += ["is_superuser", "user_permissions"]
            if obj is not None and obj.pk == request.user.pk:
                readonly.append("groups")
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"changed_by": request.user})

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self._may_manage(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    @staticmethod
    def _may_manage(user, person):
        """
        Whether user may change or delete person. Only a superuser manages a
        superuser or someone else holding a role only a superuser grants:
        setting an Editor's password would be another way to publish as them.
        """
        if user.is_superuser or person.pk == user.pk:
            return True
        if person.is_superuser:
            return False
        return not person.groups.filter(name__in=SUPERUSER_GRANTED_ROLES).exists()

    # A user's name is the byline on every article they wrote, across the site.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"first_name", "last_name", "username"} & set(form.changed_data):
            purge.everything_changed()

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not self._may_manage(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)
