"""
Fill the hourly read table for the benchmark: about two million rows over the
most-read window, in one INSERT … SELECT on PostgreSQL.
"""

import math
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from articles.models import Article, ReadCount
from articles.readership import hour_of


def spread_for(row_count, article_count, window_hours):
    """
    Return the spread k for which giving the article ranked r (newest first)
    reads in its ceil(window_hours · k / (r + k)) latest hours adds up to about
    row_count rows.

    The sum is close to window_hours · k · ln((n + k) / k) plus half a row per
    article for the rounding up; it grows with k, so halve the interval until
    it is close enough.
    """
    rows_wanted = max(row_count - article_count / 2, 1)
    low, high = 1e-3, 1e9
    for _ in range(100):
        k = (low + high) / 2
        rows = window_hours * k * math.log((article_count + k) / k)
        if rows < rows_wanted:
            low = k
        else:
            high = k
    return (low + high) / 2


def read_rows_present(row_count, now=None):
    """Say whether the table already holds the rows, ending in the last day."""
    now = now or timezone.now()
    if ReadCount.objects.count() < row_count * 0.9:
        return False
    newest = ReadCount.objects.order_by("-hour").values_list("hour", flat=True).first()
    return newest >= hour_of(now - timedelta(days=1))


def seed_reads(row_count, now=None):
    """
    Replace the hourly read counts with about row_count rows; return how many.

    The newest articles are read in more hours and more often an hour, as a
    news site's are: the article ranked r (newest published first) has reads in
    its ceil(window · k / (r + k)) latest hours, up to 200 · k / (r + k) an hour.
    """
    now = now or timezone.now()
    window_hours = settings.NEWSROOM_MOST_READ_WINDOW_DAYS * 24
    published = Article.objects.published()
    spread = spread_for(row_count, published.count(), window_hours)
    table = connection.ops.quote_name(ReadCount._meta.db_table)
    ranked_sql, ranked_params = (
        published.values("pk", "published_at").order_by().query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")
        cursor.execute(
            f"""
            INSERT INTO {table} (article_id, hour, count)
            SELECT ranked.pk,
                   %s - hours_ago,
                   1 + floor(random() * 200 * %s::float / (ranked.rank + %s::float))::integer
            FROM (
                SELECT pk, row_number() OVER (ORDER BY published_at DESC, pk DESC) AS rank
                FROM ({ranked_sql}) AS published
            ) AS ranked
            CROSS JOIN LATERAL generate_series(
                0, ceil(%s * %s::float / (ranked.rank + %s::float))::integer - 1
            ) AS hours_ago
            """,
            [
                hour_of(now),
                spread,
                spread,
                *ranked_params,
                window_hours,
                spread,
                spread,
            ],
        )
        cursor.execute(f"ANALYZE {table}")
    return ReadCount.objects.count()
