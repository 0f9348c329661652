from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path(
        "<slug:section>/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"
    ),
]
