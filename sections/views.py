from django.shortcuts import get_object_or_404
from django.views.generic import ListView, TemplateView

from articles.models import Article, Section


class HomeView(TemplateView):
    template_name = "sections/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest"] = (
            Article.objects.published().with_byline().newest_first()[:20]
        )
        return context


class SectionDetailView(ListView):
    template_name = "sections/section_detail.html"
    paginate_by = 20

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.active(), slug=self.kwargs["section"]
        )
        return (
            Article.objects.published()
            .filter(section=self.section)
            .with_byline()
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)
