"""
The fronts in the admin: pins, the breaking-news banner and their log, for
editors (anyone who may publish). Every save and removal goes through
sections/fronts.py, which logs it and purges the pages it changes.
"""

from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Section
from articles.workflow import PUBLISH_PERMISSION
from sections import fronts
from sections.models import BreakingNews, FrontChange, FrontPin


def person_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class EditorsOnly:
    """Fronts are chosen by editors: the permission to publish, not a model permission."""

    def has_module_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_add_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(PUBLISH_PERMISSION)


@admin.register(FrontPin)
class FrontPinAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = [
        "front",
        "slot_label",
        "article",
        "showing",
        "expires_at",
        "pinned_by_name",
    ]
    list_display_links = ["front", "slot_label"]
    list_select_related = ["section", "article__section", "pinned_by"]
    list_filter = [("section", admin.RelatedOnlyFieldListFilter)]
    autocomplete_fields = ["article"]
    fields = ["section", "slot", "article", "expires_at"]
    search_fields = ["article__headline"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":
            kwargs["empty_label"] = _("Home page")
            kwargs["queryset"] = Section.objects.active()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # Stories are written and sections set up elsewhere, not from a pin.
        for name in ("section", "article"):
            widget = form.base_fields[name].widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_view_related = False
        return form

    @admin.display(description=_("pinned by"), ordering="pinned_by__last_name")
    def pinned_by_name(self, pin):
        return person_name(pin.pinned_by)

    @admin.display(description=_("front"), ordering="section__position")
    def front(self, pin):
        return pin.front_name

    @admin.display(description=_("slot"), ordering="slot")
    def slot_label(self, pin):
        return pin.slot_name

    @admin.display(description=_("readers see it"))
    def showing(self, pin):
        now = timezone.now()
        article = pin.article
        if pin.expires_at is not None and pin.expires_at <= now:
            return _("No: the pin has expired")
        if article.is_scheduled:
            return _("From %(time)s (scheduled)") % {
                "time": timezone.localtime(article.published_at).strftime(
                    "%d %b, %H:%M"
                )
            }
        if not article.is_published:
            return _("No: the story is not published (%(state)s)") % {
                "state": article.get_status_display().lower()
            }
        return _("Yes")

    def save_model(self, request, obj, form, change):
        before = (
            FrontPin.objects.select_related("article", "section").get(pk=obj.pk)
            if change
            else None
        )
        obj.pinned_by = request.user
        super().save_model(request, obj, form, change)
        fronts.pin_saved(obj, request.user, before)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        fronts.pin_removed(obj, request.user)

    def delete_queryset(self, request, queryset):
        for pin in queryset.select_related("article", "section"):
            self.delete_model(request, pin)


@admin.register(BreakingNews)
class BreakingNewsAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = ["text", "link", "expires_at", "set_by_name", "updated_at"]
    fields = ["text", "link", "expires_at"]
    list_select_related = ["set_by"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("set by"))
    def set_by_name(self, banner):
        return person_name(banner.set_by)

    def has_add_permission(self, request):
        # One banner at a time: change or clear the one there is.
        return super().has_add_permission(request) and not BreakingNews.objects.exists()

    def save_model(self, request, obj, form, change):
        obj.set_by = request.user
        super().save_model(request, obj, form, change)
        fronts.banner_saved(obj, request.user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        fronts.banner_removed(obj, request.user)

    def delete_queryset(self, request, queryset):
        for banner in queryset:
            self.delete_model(request, banner)


@admin.register(FrontChange)
class FrontChangeAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = ["created_at", "by", "action", "subject", "front"]
    list_select_related = ["user"]
    list_filter = ["action"]

    @admin.display(description=_("by"))
    def by(self, change):
        return person_name(change.user) if change.user else _("the clock (expiry)")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
