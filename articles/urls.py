from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_page

from articles import feeds, views
from articles.sitemaps import SITEMAPS

app_name = "articles"

SITEMAP_CACHE_SECONDS = 15 * 60

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("preview/<int:pk>/", views.StaffPreviewView.as_view(), name="preview"),
    path("preview/share/<str:token>/", views.SharedPreviewView.as_view(), name="share"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    path("reads/<int:pk>/", views.record_read, name="read"),
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="feed-rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path(
        "feeds/sections/<slug:slug>/rss/", feeds.SectionFeed(), name="section-feed-rss"
    ),
    path(
        "feeds/sections/<slug:slug>/atom/",
        feeds.SectionAtomFeed(),
        name="section-feed-atom",
    ),
    path("feeds/tags/<slug:slug>/rss/", feeds.TagFeed(), name="tag-feed-rss"),
    path("feeds/tags/<slug:slug>/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("feeds/authors/<slug:slug>/rss/", feeds.AuthorFeed(), name="author-feed-rss"),
    path(
        "feeds/authors/<slug:slug>/atom/",
        feeds.AuthorAtomFeed(),
        name="author-feed-atom",
    ),
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap"},
        name="sitemap-index",
    ),
    # Before the generic pattern: Django's view renders 50,000 URLs too slowly.
    path(
        "sitemap-articles.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(views.article_sitemap),
        name="sitemap-articles",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("news-sitemap.xml", views.news_sitemap, name="news-sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "<slug:section>/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"
    ),
]
