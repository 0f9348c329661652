from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView

from articles.models import Article


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Article.objects.published().with_byline(), slug=self.kwargs["slug"]
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.section.slug != kwargs["section"]:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))
