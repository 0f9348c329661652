import json
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from news.models import ArticlePage


class Command(BaseCommand):
    help = (
        "Print, as JSON, the newest article's path, up to --crawl other "
        "articles' paths in random order, the queries of two requests for the "
        "newest article (the first in a fresh process) and how long the "
        "most-read ranking takes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--crawl", type=int, default=2000)

    def handle(self, *args, crawl, **options):
        articles = ArticlePage.objects.live().defer_streamfields()
        article = articles.order_by("-first_published_at").first()
        others = articles.exclude(pk=article.pk).order_by("?")[:crawl]
        client = Client(HTTP_HOST="127.0.0.1")
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(article.url)
            if response.status_code != 200:
                raise RuntimeError(f"{article.url} answered {response.status_code}")
            counts.append(len(queries))
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            list(ArticlePage.objects.most_read())
            timings.append((time.perf_counter() - started) * 1000)
        self.stdout.write(
            json.dumps(
                {
                    "article": article.url,
                    "crawl": [page.url for page in others],
                    "queries_cold": counts[0],
                    "queries_warm": counts[1],
                    "bytes": len(response.content),
                    "most_read_ms": sorted(timings)[len(timings) // 2],
                }
            )
        )
