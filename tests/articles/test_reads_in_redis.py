"""
Counting reads in Redis, as production does: these run in every `make test`
against the local Redis server (tests/conftest.py, local_redis), not only when
REDIS_URL is set.
"""

import io
from datetime import timedelta

import pytest
from django.core.cache.backends import locmem
from django.core.management import call_command
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from articles import readership, workflow
from articles.models import AppliedReadBatch, Article, ReadCount
from tests.articles.test_readership import BROWSER, beacon
from tests.factories import make_article

pytestmark = pytest.mark.django_db

THIRTY_MINUTES = 30 * 60


def in_table(article):
    rows = ReadCount.objects.filter(article=article)
    return rows.aggregate(total=Sum("count"))["total"] or 0


def seconds_left(client, pattern):
    """Return the time to live of the one key matching pattern under this test's prefix."""
    prefix = readership.settings.NEWSROOM_REDIS_PREFIX
    (key,) = client.scan_iter(match=f"{prefix}:{pattern}")
    return client.ttl(key)


def test_redis_remembers_a_reader_for_thirty_minutes(client, local_redis):
    article = make_article()
    beacon(client, article.pk)
    beacon(client, article.pk)

    assert (
        THIRTY_MINUTES - 5
        < seconds_left(local_redis, f"read-seen:{article.pk}:*")
        <= THIRTY_MINUTES
    )
    assert readership.flush_pending_reads() == 1
    assert in_table(article) == 1


class Clock:
    """The local-memory cache's clock, moved forward by the test instead of waited for."""

    def __init__(self, start):
        self.now = start

    def time(self):
        return self.now


def test_without_redis_a_reader_is_remembered_for_thirty_minutes(
    client, monkeypatch, settings
):
    settings.REDIS_URL = ""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    clock = Clock(locmem.time.time())
    monkeypatch.setattr(locmem, "time", clock)
    article = make_article()
    beacon(client, article.pk)

    clock.now += THIRTY_MINUTES - 2
    beacon(client, article.pk)
    assert in_table(article) == 1, "a repeat within the half hour"

    clock.now += 4
    beacon(client, article.pk)
    assert in_table(article) == 2, "counted again once the half hour has passed"


def test_redis_holds_a_reader_to_its_beacons_a_minute(client, local_redis, settings):
    settings.NEWSROOM_READ_BEACONS_PER_MINUTE = 5
    articles = [make_article() for _ in range(7)]
    for article in articles:
        assert beacon(client, article.pk).status_code == 204

    assert readership.flush_pending_reads() == 5
    assert 100 < seconds_left(local_redis, "read-rate:*") <= 120
    beacon(client, articles[6].pk, address="198.51.100.9")
    assert readership.flush_pending_reads() == 1, "other readers are not held back"


def test_redis_counts_no_bots_and_only_live_articles(client, local_redis):
    live = make_article()
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=2))
    draft = make_article(status=Article.Status.DRAFT, published_at=None)

    assert beacon(client, live.pk, user_agent="Googlebot/2.1").status_code == 204
    assert beacon(client, live.pk, user_agent="").status_code == 204
    assert beacon(client, scheduled.pk).status_code == 404
    assert beacon(client, draft.pk).status_code == 404
    assert beacon(client, 999_999).status_code == 404
    assert readership.flush_pending_reads() == 0
    assert beacon(client, live.pk).status_code == 204
    assert readership.flush_pending_reads() == 1


def test_redis_learns_of_publishing_and_withdrawing_at_once(
    client, local_redis, editor, django_capture_on_commit_callbacks
):
    early = make_article()
    beacon(
        client, early.pk, address="198.51.100.1"
    )  # builds the index of live articles
    later = make_article(status=Article.Status.IN_REVIEW, published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(later, editor)
        workflow.withdraw(early, editor, "Legal advice")

    assert beacon(client, later.pk, address="198.51.100.2").status_code == 204
    assert beacon(client, early.pk, address="198.51.100.2").status_code == 404
    assert readership.flush_pending_reads() == 2
    assert (in_table(early), in_table(later)) == (1, 1)


def test_redis_that_lost_its_index_of_live_articles_rebuilds_it(client, local_redis):
    article = make_article()
    beacon(client, article.pk, address="198.51.100.1")
    local_redis.delete(readership.live_key())  # as a Redis restart without a save would

    assert beacon(client, article.pk, address="198.51.100.2").status_code == 204
    assert local_redis.hget(readership.live_key(), article.pk) is not None
    assert 0 < local_redis.ttl(readership.live_key()) <= 24 * 60 * 60
    assert not local_redis.exists(f"{readership.live_key()}:rebuilding")
    assert readership.flush_pending_reads() == 2


def test_flush_reads_moves_what_redis_buffered_into_the_hourly_table(
    client, local_redis
):
    article = make_article()
    for reader in range(3):
        beacon(client, article.pk, address=f"198.51.100.{reader}")
    output = io.StringIO()

    call_command("flush_reads", stdout=output)

    assert "Moved 3 reads from Redis into the hourly table." in output.getvalue()
    assert in_table(article) == 3
    assert ReadCount.objects.get(article=article).hour == readership.hour_of(
        timezone.now()
    )
    call_command("flush_reads", stdout=output)
    assert in_table(article) == 3, "a second flush moves nothing again"


def test_a_reader_counted_in_redis_is_the_same_visitor_all_day(client, local_redis):
    article = make_article()
    beacon(client, article.pk, user_agent=BROWSER)
    beacon(client, article.pk, user_agent=BROWSER.replace("131", "132"))

    assert readership.flush_pending_reads() == 1


def test_one_process_at_a_time_rebuilds_the_index_of_live_articles(client, local_redis):
    article = make_article()
    rebuilding = f"{readership.live_key()}:rebuilding"
    local_redis.set(rebuilding, 1)  # another worker is rebuilding it

    assert beacon(client, article.pk).status_code == 204

    assert not local_redis.exists(readership.live_key()), "left to the other worker"
    assert in_table(article) == 1, "counted in the database meanwhile"


def test_a_rebuild_that_dies_lets_another_try_within_a_minute(
    client, local_redis, monkeypatch
):
    def crash(*args):
        raise readership.redis.ConnectionError("Redis went away mid-rebuild")

    monkeypatch.setattr(local_redis.__class__, "rename", crash)

    beacon(client, make_article().pk)

    assert 0 < local_redis.ttl(f"{readership.live_key()}:rebuilding") <= 60


def test_a_flush_applies_a_batch_left_by_a_crash_and_the_new_reads(client, local_redis):
    article = make_article()
    beacon(client, article.pk, address="198.51.100.1")
    # A flush that died after listing its batch, before applying it.
    readership.start_batch()(
        keys=[
            readership.pending_key(),
            readership.batch_key("crashed"),
            readership.batches_key(),
        ],
        args=["crashed"],
    )
    beacon(client, article.pk, address="198.51.100.2")

    assert readership.flush_pending_reads() == 2
    assert in_table(article) == 2
    prefix = readership.settings.NEWSROOM_REDIS_PREFIX
    assert not list(local_redis.scan_iter(match=f"{prefix}:reads:flushing:*"))
    assert not local_redis.smembers(readership.batches_key())


def test_a_flush_remembers_applied_batches_for_a_week(client, local_redis):
    now = timezone.now()
    for name, age in [
        ("old", timedelta(days=7, hours=12)),
        ("recent", timedelta(days=6)),
    ]:
        AppliedReadBatch.objects.create(batch_id=name, applied_at=now - age)
    beacon(client, make_article().pk)

    readership.flush_pending_reads()

    kept = set(AppliedReadBatch.objects.values_list("batch_id", flat=True))
    assert "old" not in kept
    assert "recent" in kept
    assert len(kept) == 2, "the batch just applied is remembered too"


def test_redis_counts_no_beacon_without_a_user_agent(client, local_redis):
    article = make_article()

    response = client.post(
        reverse("articles:read", args=[article.pk]), REMOTE_ADDR="203.0.113.7"
    )

    assert response.status_code == 204
    assert readership.flush_pending_reads() == 0


def test_redis_says_what_became_of_each_read(rf, local_redis):
    article = make_article()
    draft = make_article(status=Article.Status.DRAFT, published_at=None)

    def outcome(article_id, user_agent=BROWSER):
        request = rf.post("/", HTTP_USER_AGENT=user_agent, REMOTE_ADDR="203.0.113.7")
        return readership.record_read(article_id, request)

    assert outcome(article.pk) == readership.Outcome.COUNTED
    assert outcome(article.pk) == readership.Outcome.NOT_COUNTED
    assert outcome(article.pk, "Googlebot/2.1") == readership.Outcome.NOT_COUNTED
    assert outcome(draft.pk) == readership.Outcome.NOT_LIVE


def test_every_worker_uses_the_days_salt_from_the_cache_for_two_days(
    monkeypatch, settings
):
    """A salt of each worker's own would count one reader once per worker."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    clock = Clock(locmem.time.time())
    monkeypatch.setattr(locmem, "time", clock)
    monkeypatch.setattr(readership, "_salts", {})
    today = timezone.localdate()

    first = readership.daily_salt(today)
    readership._salts.clear()  # Another worker, which remembers nothing yet.
    clock.now += 2 * 24 * 3600 - 2
    assert readership.daily_salt(today) == first, "the same salt for two days"

    readership._salts.clear()
    assert readership.daily_salt(today + timedelta(days=1)) != first, "a new day"
    readership._salts.clear()
    clock.now += 4
    assert readership.daily_salt(today) != first, "forgotten after two days"
