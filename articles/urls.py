from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("reads/<int:pk>/", views.record_read, name="read"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path(
        "<slug:section>/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"
    ),
]
