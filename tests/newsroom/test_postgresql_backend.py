"""The health check of kept PostgreSQL connections (newsroom/postgresql)."""

import select
import time

import psycopg2
import pytest
from django.core.signals import request_started
from django.db import connection

from articles.models import Article
from tests.factories import make_article

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the backend is PostgreSQL's"
    ),
    # Connections are kept, dropped and opened again, outside a test transaction.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class CountingCursor(psycopg2.extensions.cursor):
    statements = []

    def execute(self, sql, params=None):
        self.statements.append(sql)
        return super().execute(sql, params)


def start_request():
    """Do what Django does to the connection when a request comes in."""
    request_started.send(sender=None, environ={})


def test_a_kept_connection_that_is_fine_is_checked_without_a_query():
    make_article(headline="Harbour reopens")
    start_request()
    Article.objects.count()
    connection.connection.cursor_factory = CountingCursor
    CountingCursor.statements = []

    start_request()
    assert Article.objects.count() == 1

    assert CountingCursor.statements == [
        'SELECT COUNT(*) AS "__count" FROM "articles_article"'
    ]


def test_the_first_request_after_the_server_drops_the_connection_reconnects():
    make_article(headline="Harbour reopens")
    start_request()
    Article.objects.count()
    dropped_pid = connection.connection.info.backend_pid
    with psycopg2.connect(**connection.get_connection_params()) as other:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [dropped_pid])
    # The server's farewell reaches the kept connection's socket.
    deadline = time.monotonic() + 5
    poller = select.poll()
    poller.register(connection.connection.fileno(), select.POLLIN)
    while not poller.poll(50) and time.monotonic() < deadline:
        pass

    start_request()

    assert Article.objects.count() == 1
    assert connection.connection.info.backend_pid != dropped_pid
