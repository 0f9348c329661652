from django.urls import path

from articles import preview_views, views

app_name = "articles"

urlpatterns = [
    # Before the article pattern, which "preview/<id>/" would otherwise match.
    path("preview/<int:pk>/", preview_views.preview, name="preview"),
    path("preview/share/<str:token>/", preview_views.share, name="share"),
    path(
        "<slug:section>/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"
    ),
]
