import statistics
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from taggit.models import Tag

from articles import readership
from articles.models import Article, AuthorProfile, Section


class Command(BaseCommand):
    help = (
        "Measure the public pages and the most-read ranking against the current "
        "database: median and 95th-percentile time and query counts, uncached. "
        "Run it on PostgreSQL with 100,000 articles (`make bench` sets that up)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repeat", type=int, default=20, help="Requests per page (default 20)."
        )
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            metavar="N",
            help="First seed generated articles until the database holds at least N, e.g. --articles 100000.",
        )

    def handle(self, *args, repeat, articles, **options):
        missing = articles - Article.objects.count()
        if missing > 0:
            call_command("seed_demo", articles=missing, stdout=self.stdout)
        total = Article.objects.count()
        self.stdout.write(
            f"Database: {connection.vendor}, {total:,} articles. {repeat} runs per line, uncached.\n"
        )
        article = (
            Article.objects.published().select_related("section").newest_first().first()
        )
        if article is None:
            self.stderr.write(
                "No published articles: run `manage.py seed_demo --articles 100000` first."
            )
            return
        section = Section.objects.active().first()
        tag = Tag.objects.order_by("pk").first()
        author = AuthorProfile.objects.order_by("pk").first()
        pages = [
            ("home", "/"),
            ("article", article.get_absolute_url()),
            ("section front", section.get_absolute_url()),
            ("section front, page 200", f"{section.get_absolute_url()}?page=200"),
            ("tag page", f"/tags/{tag.slug}/"),
            ("author page", author.get_absolute_url()),
            ("search", "/search/?q=council+budget"),
            ("feed (RSS)", "/feeds/rss/"),
            ("sitemap index", "/sitemap.xml"),
            ("sitemap, articles page 1", "/sitemap-articles.xml"),
            ("news sitemap", "/news-sitemap.xml"),
        ]
        self.stdout.write(f"{'what':<28}{'median ms':>11}{'p95 ms':>9}{'queries':>9}")
        plain_static = {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
        # Uncached numbers, and no need for collectstatic before a benchmark.
        with override_settings(
            NEWSROOM_MOST_READ_CACHE_SECONDS=0,
            STORAGES={**settings.STORAGES, "staticfiles": plain_static},
        ):
            self.measure(
                "most-read ranking", lambda: list(readership.ranked_articles(9)), repeat
            )
            client = Client()
            for name, path in pages:
                self.measure(name, lambda path=path: self.fetch(client, path), repeat)

    def fetch(self, client, path):
        cache.clear()
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")

    def measure(self, name, action, repeat):
        timings = []
        with CaptureQueriesContext(connection) as queries:
            action()
            first_run_queries = len(queries)
        for _ in range(repeat):
            reset_queries()
            started = time.perf_counter()
            action()
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(len(timings) * 0.95) - 1)]
        self.stdout.write(
            f"{name:<28}{statistics.median(timings):>11.1f}{p95:>9.1f}{first_run_queries:>9}"
        )
