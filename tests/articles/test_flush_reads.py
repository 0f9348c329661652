"""Reads buffered in Redis reach the hourly table exactly once, whatever happens to a flush."""

import io
import logging
import threading

import pytest
import redis
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError, connection
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from articles import readership
from articles.management.commands import flush_reads
from articles.models import ReadCount
from tests.factories import make_article

# Against the local Redis server, with or without REDIS_URL (tests/conftest.py).
needs_redis = pytest.mark.usefixtures("local_redis")

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"


def beacon(client, article, reader):
    return client.post(
        reverse("articles:read", args=[article.pk]),
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR=f"198.51.100.{reader % 250}",
        HTTP_X_READER=str(reader),
    )


def counted(article):
    return (
        ReadCount.objects.filter(article=article).aggregate(total=Sum("count"))["total"]
        or 0
    )


@needs_redis
@pytest.mark.django_db
def test_a_flush_that_dies_after_its_commit_counts_nothing_twice(client, monkeypatch):
    article = make_article()
    for reader in range(5):
        assert beacon(client, article, reader).status_code == 204
    real_delete = readership.redis_client().delete

    def crash(*keys):
        raise ConnectionError("the flush died before it could tidy Redis")

    monkeypatch.setattr(readership.redis_client(), "delete", crash)
    with pytest.raises(ConnectionError):
        readership.flush_pending_reads()
    assert counted(article) == 5, "committed before the crash"

    monkeypatch.setattr(readership.redis_client(), "delete", real_delete)
    readership.flush_pending_reads()
    readership.flush_pending_reads()

    assert counted(article) == 5


@needs_redis
@pytest.mark.django_db
def test_reads_of_a_deleted_article_do_not_stop_the_others_being_counted(client):
    deleted, kept = make_article(), make_article()
    beacon(client, deleted, 1)
    beacon(client, kept, 1)
    deleted.delete()

    assert readership.flush_pending_reads() == 1

    beacon(client, kept, 2)
    assert readership.flush_pending_reads() == 1
    assert counted(kept) == 2


@needs_redis
# Threads need committed rows; serialized_rollback leaves the database as the
# migrations made it for the browser and Varnish tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)
def test_beacons_from_many_readers_during_flushes_are_counted_exactly(settings):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_READER"
    articles = [make_article() for _ in range(3)]
    readers, errors = 60, []
    stop = threading.Event()

    def read(first):
        client = Client()
        try:
            for reader in range(first, readers, 4):
                for article in articles:
                    response = beacon(client, article, reader)
                    if response.status_code != 204:
                        errors.append(response.status_code)
        finally:
            connection.close()

    def flush_until_stopped():
        try:
            while not stop.is_set():
                readership.flush_pending_reads()
        finally:
            connection.close()

    flusher = threading.Thread(target=flush_until_stopped)
    flusher.start()
    senders = [threading.Thread(target=read, args=(first,)) for first in range(4)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    stop.set()
    flusher.join()
    readership.flush_pending_reads()

    assert errors == []
    assert [counted(article) for article in articles] == [readers] * 3


# The loop reconnects between passes, which a test transaction would not survive.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_reads_every_keeps_flushing_until_stopped(monkeypatch):
    passes = []

    def sleep(seconds):
        passes.append(seconds)
        if len(passes) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(flush_reads.time, "sleep", sleep)
    output = io.StringIO()

    call_command("flush_reads", every=60, stdout=output)

    text = output.getvalue()
    assert "Flushing reads every 60 s" in text
    assert text.count("hourly rows older than the ranking window") == 2
    assert text.rstrip().endswith("Stopped.")
    assert all(0 < seconds <= 60 for seconds in passes)


# The loop reconnects between passes, which a test transaction would not survive.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_reads_every_carries_on_after_a_pass_fails(monkeypatch, caplog):
    passes = []

    def sleep(seconds):
        passes.append(seconds)
        if len(passes) == 2:
            raise KeyboardInterrupt

    def database_gone_on_the_first_pass(execute, sql, params, many, context):
        if not passes:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    monkeypatch.setattr(flush_reads.time, "sleep", sleep)
    output = io.StringIO()

    with (
        caplog.at_level(logging.ERROR),
        connection.execute_wrapper(database_gone_on_the_first_pass),
    ):
        call_command("flush_reads", every=60, stdout=output)

    text = output.getvalue()
    assert "Flushing reads failed; trying again in 60 s." in caplog.text
    assert text.count("hourly rows older than the ranking window") == 1
    assert text.rstrip().endswith("Stopped.")
    assert len(passes) == 2


class CountingConnection(redis.Connection):
    """A Redis connection that counts what it sends: one write per round trip."""

    sent = 0

    def send_packed_command(self, command, check_health=True):
        CountingConnection.sent += 1
        return super().send_packed_command(command, check_health)


@pytest.fixture
def counting_redis(local_redis, monkeypatch):
    client = redis.Redis.from_url(
        settings.REDIS_URL, connection_class=CountingConnection
    )
    monkeypatch.setattr(readership, "redis_client", lambda: client)
    readership.start_batch.cache_clear()
    yield client
    readership.start_batch.cache_clear()
    # Before local_redis forgets its connections, which needs the real client back.
    monkeypatch.undo()


def round_trips_of_a_flush():
    CountingConnection.sent = 0
    readership.flush_pending_reads()
    return CountingConnection.sent


@needs_redis
@pytest.mark.django_db
def test_a_flush_costs_as_many_redis_round_trips_however_many_other_keys(
    client, counting_redis
):
    article = make_article()
    # Loads the script, so that both measured flushes find it there.
    readership.flush_pending_reads()
    beacon(client, article, 1)
    alone = round_trips_of_a_flush()

    # The page cache and Django's cache share the database with the buffers.
    prefix = settings.NEWSROOM_REDIS_PREFIX
    counting_redis.mset({f"{prefix}:unrelated:{n}": 1 for n in range(5_000)})
    beacon(client, article, 2)
    among_others = round_trips_of_a_flush()

    assert among_others == alone
    assert alone <= 6
    assert counted(article) == 2
