from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article, ArticleAuthor, Section, Subheading


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "is_active", "article_count"]
    list_editable = ["position", "is_active"]
    list_display_links = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, section):
        return section.article_count

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


def _refusal(section, held):
    return ngettext(
        "“%(section)s” still holds %(count)d article. "
        "Move it to another section first, or untick “Live” to hide the section.",
        "“%(section)s” still holds %(count)d articles. "
        "Move them to another section first, or untick “Live” to hide the section.",
        held,
    ) % {"section": section.name, "count": held}


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]


class SubheadingInline(admin.StackedInline):
    model = Subheading
    extra = 1
    fields = ["heading", "body", "position"]
    ordering = ["position", "pk"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "section", "status", "published_at", "updated_at"]
    list_filter = ["status", "section"]
    list_select_related = ["section"]
    search_fields = ["headline"]
    prepopulated_fields = {"slug": ["headline"]}
    date_hierarchy = "published_at"
    inlines = [ArticleAuthorInline, SubheadingInline]
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
        (_("Publishing"), {"fields": ["status", "published_at"]}),
        (
            _("Search and sharing"),
            {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]},
        ),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not article.authorships.exists():
            ArticleAuthor.objects.create(article=article, author=request.user)
