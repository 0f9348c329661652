from itertools import groupby

from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.generic import ListView, TemplateView

from articles.models import Article, Section
from articles.views import NewerOlderPagesMixin

LATEST_STORIES = 6
STORIES_PER_SECTION = 4


class HomeFront:
    """The home page's stories, read from the database only when first used."""

    @cached_property
    def top(self):
        published = Article.objects.published()
        return list(published.for_cards().newest_first()[: LATEST_STORIES + 1])

    @cached_property
    def section_blocks(self):
        blocks = (
            Article.objects.published()
            .exclude(pk__in=[article.pk for article in self.top])
            .newest_per_section(STORIES_PER_SECTION)
        )
        return [
            (section, list(articles))
            for section, articles in groupby(blocks, key=lambda a: a.section)
        ]


class HomeView(TemplateView):
    template_name = "sections/home.html"

    def get_context_data(self, **kwargs):
        front = HomeFront()
        return super().get_context_data(
            front_version=Article.objects.last_change(),
            # Lazy: the template reads them only when its cached fragments are missing.
            lead=SimpleLazyObject(lambda: front.top[0] if front.top else None),
            latest=SimpleLazyObject(lambda: front.top[1:]),
            section_blocks=SimpleLazyObject(lambda: front.section_blocks),
            **kwargs,
        )


class SectionDetailView(NewerOlderPagesMixin, ListView):
    template_name = "sections/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.active(), slug=self.kwargs["section"]
        )
        return (
            Article.objects.published()
            .filter(section=self.section)
            .newest_first()
            .values_list("pk", flat=True)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)
