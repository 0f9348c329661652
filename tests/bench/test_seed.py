from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from articles.models import Article, ReadCount
from articles.readership import hour_of
from bench.seed import read_rows_present, seed_reads
from tests.factories import make_article, make_section

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the benchmark seeds reads with PostgreSQL's generate_series",
    ),
]


def test_reads_are_seeded_in_the_window_with_the_newest_articles_read_most():
    now = timezone.now()
    section = make_section()
    articles = [
        make_article(section=section, published_at=now - timedelta(days=age))
        for age in range(1, 41)
    ]
    draft = make_article(section=section, status=Article.Status.DRAFT)
    rows = seed_reads(2_000, now=now)
    assert 1_800 < rows < 2_200
    assert not ReadCount.objects.filter(article=draft).exists()
    window_start = hour_of(now - timedelta(days=14))
    assert not ReadCount.objects.filter(hour__lt=window_start).exists()
    hours = dict(ReadCount.objects.values_list("article").annotate(hours=Count("pk")))
    newest, oldest = articles[0], articles[-1]
    assert hours[newest.pk] > hours[oldest.pk] >= 1
    assert read_rows_present(2_000, now=now)
    assert not read_rows_present(2_000, now=now + timedelta(days=2))
