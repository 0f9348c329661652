from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from articles import feeds, views
from articles.sitemaps import SITEMAPS, canonical_page
from newsroom.pagecache import public_page

app_name = "articles"

urlpatterns = [
    path("search/", public_page(views.SearchView.as_view()), name="search"),
    path(
        "most-read/",
        public_page(
            views.most_read_fragment, max_seconds=views.MOST_READ_FRAGMENT_SECONDS
        ),
        name="most-read",
    ),
    path("preview/<int:pk>/", views.StaffPreviewView.as_view(), name="preview"),
    path("preview/share/<str:token>/", views.SharedPreviewView.as_view(), name="share"),
    path("tags/<slug:slug>/", public_page(views.TagDetailView.as_view()), name="tag"),
    path(
        "authors/<slug:slug>/",
        public_page(views.AuthorDetailView.as_view()),
        name="author",
    ),
    path("reads/<int:pk>/", views.record_read, name="read"),
    path("feeds/rss/", public_page(feeds.LatestArticlesFeed()), name="feed-rss"),
    path("feeds/atom/", public_page(feeds.LatestArticlesAtomFeed()), name="feed-atom"),
    path(
        "feeds/sections/<slug:slug>/rss/",
        public_page(feeds.SectionFeed()),
        name="section-feed-rss",
    ),
    path(
        "feeds/sections/<slug:slug>/atom/",
        public_page(feeds.SectionAtomFeed()),
        name="section-feed-atom",
    ),
    path(
        "feeds/tags/<slug:slug>/rss/", public_page(feeds.TagFeed()), name="tag-feed-rss"
    ),
    path(
        "feeds/tags/<slug:slug>/atom/",
        public_page(feeds.TagAtomFeed()),
        name="tag-feed-atom",
    ),
    path(
        "feeds/authors/<slug:slug>/rss/",
        public_page(feeds.AuthorFeed()),
        name="author-feed-rss",
    ),
    path(
        "feeds/authors/<slug:slug>/atom/",
        public_page(feeds.AuthorAtomFeed()),
        name="author-feed-atom",
    ),
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap"},
        name="sitemap-index",
    ),
    # Before the generic pattern: Django's view renders 10,000 URLs too slowly.
    path(
        "sitemap-articles.xml",
        public_page(canonical_page(views.article_sitemap)),
        name="sitemap-articles",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(canonical_page(sitemap_views.sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("news-sitemap.xml", public_page(views.news_sitemap), name="news-sitemap"),
    path("robots.txt", public_page(views.robots_txt), name="robots"),
    path(
        "<slug:section>/<slug:slug>/",
        public_page(views.ArticleDetailView.as_view()),
        name="detail",
    ),
    path(
        "<slug:section>/<slug:slug>/updates/",
        public_page(views.live_updates_fragment),
        name="live-updates",
    ),
    path(
        "<slug:section>/<slug:slug>/updates/<int:pk>/",
        views.live_update_permalink,
        name="live-update",
    ),
    path(
        "<slug:section>/<slug:slug>/updates/rss/",
        public_page(feeds.LiveUpdatesFeed()),
        name="live-feed-rss",
    ),
    path(
        "<slug:section>/<slug:slug>/updates/atom/",
        public_page(feeds.LiveUpdatesAtomFeed()),
        name="live-feed-atom",
    ),
]
