from itertools import groupby

from django.shortcuts import get_object_or_404
from django.views.generic import ListView, TemplateView

from articles.models import Article, Section
from articles.views import NearestPageMixin

LATEST_STORIES = 6
STORIES_PER_SECTION = 4


class HomeView(TemplateView):
    template_name = "sections/home.html"

    def get_context_data(self, **kwargs):
        published = Article.objects.published()
        top = list(published.for_cards().newest_first()[: LATEST_STORIES + 1])
        blocks = published.exclude(
            pk__in=[article.pk for article in top]
        ).newest_per_section(STORIES_PER_SECTION)
        return super().get_context_data(
            lead=top[0] if top else None,
            latest=top[1:],
            section_blocks=[
                (section, list(articles))
                for section, articles in groupby(blocks, key=lambda a: a.section)
            ],
            **kwargs,
        )


class SectionDetailView(NearestPageMixin, ListView):
    template_name = "sections/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.active(), slug=self.kwargs["section"]
        )
        return (
            Article.objects.published()
            .filter(section=self.section)
            .for_cards()
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)
