"""Prepared statements (newsroom/db.py) on PostgreSQL."""

import pytest
from django.db import connection
from django.test import override_settings

from articles.models import Article
from tests.factories import make_article

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="statements are prepared on PostgreSQL",
    ),
    # Connections are closed and opened again, outside a test transaction.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def prepared_here():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements ORDER BY name")
        return [name for (name,) in cursor.fetchall()]


def test_the_page_keys_query_is_prepared_once_per_connection_and_again_after_a_reconnect():
    article = make_article(headline="Harbour reopens")
    connection.close()  # a session of its own: earlier tests prepared on theirs

    assert Article.live_page_keys(article.slug).pk == article.pk
    assert Article.live_page_keys(article.slug).pk == article.pk
    assert prepared_here() == ["live_page_keys"]

    connection.close()

    assert Article.live_page_keys(article.slug).pk == article.pk
    assert prepared_here() == ["live_page_keys"]


def test_a_prepared_query_is_planned_once_not_for_each_set_of_values():
    article = make_article(tags=["Harbour"])
    others = [make_article(tags=["Harbour"]) for _ in range(6)]
    connection.close()

    for other in others:
        Article.related(other, 4)
    Article.related(article, 4)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE name = 'related_articles_4'"
        )
        assert cursor.fetchone() == (7, 0)


def test_behind_a_transaction_pooler_nothing_is_prepared():
    article = make_article(headline="Harbour reopens")
    connection.close()

    with override_settings(DATABASE_TRANSACTION_POOLING=True):
        assert Article.live_page_keys(article.slug).pk == article.pk
        assert Article.related(article, 4) == []

    assert prepared_here() == []
