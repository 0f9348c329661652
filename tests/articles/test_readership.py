import os
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import readership, views, workflow
from articles.models import Article, ReadCount, ReadScore
from tests.factories import make_article, make_section
from tests.site import Site

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
NOW = timezone.now().replace(minute=30, second=0, microsecond=0)


def reads(article, hours_ago, count, now=NOW):
    """Store count reads of article made hours_ago before now."""
    readership.add_reads(
        {(article.pk, readership.hour_of(now - timedelta(hours=hours_ago))): count}
    )


def ranked(now=NOW, limit=8):
    return [row["id"] for row in readership.ranked_articles(limit, now=now)]


def test_recent_reads_beat_more_but_older_reads():
    read_last_week = make_article(published_at=NOW - timedelta(days=8))
    read_now = make_article(published_at=NOW - timedelta(days=9))
    reads(read_last_week, hours_ago=7 * 24, count=300)
    reads(read_now, hours_ago=0, count=100)

    assert ranked()[:2] == [read_now.pk, read_last_week.pk]


def test_each_read_is_worth_half_as_much_per_half_life(settings):
    settings.NEWSROOM_MOST_READ_HALF_LIFE_HOURS = 10
    fresh, stale = make_article(), make_article()
    reads(fresh, hours_ago=0, count=100)
    reads(stale, hours_ago=10, count=210)

    scores = {row["id"]: row["score"] for row in readership.ranked_articles(8, now=NOW)}
    # A read in the current hour is 0.5 h old on average; one 10 h back is 10.5 h old.
    assert scores[fresh.pk] == pytest.approx(100 * 0.5 ** (0.5 / 10))
    assert scores[stale.pk] == pytest.approx(210 * 0.5 ** (10.5 / 10))
    assert ranked()[:2] == [stale.pk, fresh.pk]

    settings.NEWSROOM_MOST_READ_HALF_LIFE_HOURS = 2
    readership.rebuild_scores()
    assert ranked()[:2] == [fresh.pk, stale.pk]


def test_reads_older_than_the_window_are_ignored(settings):
    settings.NEWSROOM_MOST_READ_WINDOW_DAYS = 14
    outside, inside = (
        make_article(published_at=NOW - timedelta(days=30)),
        make_article(published_at=NOW - timedelta(days=31)),
    )
    reads(outside, hours_ago=15 * 24, count=10_000)
    reads(inside, hours_ago=13 * 24, count=1)
    readership.prune_old_reads(now=NOW)

    scores = {row["id"]: row["score"] for row in readership.ranked_articles(8, now=NOW)}
    assert scores[inside.pk] > 0
    assert scores.get(outside.pk, 0) == 0


def test_reads_pruned_from_the_window_leave_the_ranking_and_their_score(settings):
    settings.NEWSROOM_MOST_READ_WINDOW_DAYS = 14
    faded = make_article(published_at=NOW - timedelta(days=20))
    newest = make_article(published_at=NOW - timedelta(hours=1))
    reads(faded, hours_ago=14 * 24 + 1, count=1_000_000)
    assert ranked()[:2] == [faded.pk, newest.pk]

    assert readership.prune_old_reads(now=NOW) == 1

    assert ranked() == [newest.pk, faded.pk]
    assert not ReadScore.objects.filter(article=faded).exists()


def test_weights_kept_by_adding_and_pruning_equal_a_rebuild_from_scratch(settings):
    settings.NEWSROOM_MOST_READ_WINDOW_DAYS = 14
    articles = [make_article() for _ in range(4)]
    for number, article in enumerate(articles):
        for hours_ago in (0, 5, 13 * 24, 14 * 24 + 3, 20 * 24):
            reads(article, hours_ago=hours_ago, count=number * 7 + hours_ago + 1)
    reads(articles[0], hours_ago=5, count=11)
    readership.prune_old_reads(now=NOW)
    kept = dict(ReadScore.objects.values_list("article", "weight"))

    ReadScore.objects.all().delete()
    assert readership.rebuild_scores() == 4

    rebuilt = dict(ReadScore.objects.values_list("article", "weight"))
    assert kept == pytest.approx(rebuilt)
    hours = {readership.hour_of(NOW - timedelta(hours=h)) for h in (0, 5, 13 * 24)}
    base = readership.base_hour(NOW)
    assert kept[articles[0].pk] == pytest.approx(
        sum(
            row.count * 2 ** ((row.hour - base) / 24)
            for row in ReadCount.objects.filter(article=articles[0])
        )
    )
    assert (
        set(
            ReadCount.objects.filter(article=articles[0]).values_list("hour", flat=True)
        )
        == hours
    )


def test_a_rebuild_with_no_reads_leaves_no_scores():
    make_article()

    assert readership.rebuild_scores() == 0
    assert not ReadScore.objects.exists()
    assert not readership.scores_out_of_date()


def test_flush_reads_picks_up_a_changed_half_life(settings, capsys):
    settings.NEWSROOM_MOST_READ_HALF_LIFE_HOURS = 10
    fresh, stale = make_article(), make_article()
    reads(fresh, hours_ago=0, count=100, now=timezone.now())
    reads(stale, hours_ago=10, count=210, now=timezone.now())
    assert ranked(now=timezone.now())[:2] == [stale.pk, fresh.pk]

    settings.NEWSROOM_MOST_READ_HALF_LIFE_HOURS = 2
    call_command("flush_reads")

    assert "Recomputed the read scores of 2 articles" in capsys.readouterr().out
    assert ranked(now=timezone.now())[:2] == [fresh.pk, stale.pk]
    assert not readership.scores_out_of_date()


@pytest.mark.parametrize("stored_half_life", [12.0, 48.0])
def test_scores_from_another_half_life_are_out_of_date_within_the_same_base_hour(
    settings, stored_half_life
):
    """The ranking skips them, so the article would drop out of most-read until rebuilt."""
    settings.NEWSROOM_MOST_READ_HALF_LIFE_HOURS = 24
    article = make_article()
    reads(article, hours_ago=0, count=5, now=timezone.now())
    assert not readership.scores_out_of_date()

    ReadScore.objects.filter(article=article).update(half_life=stored_half_life)

    assert readership.scores_out_of_date()


def test_flush_reads_scores_reads_written_in_bulk():
    quiet, busy = make_article(), make_article(published_at=NOW - timedelta(days=2))
    ReadCount.objects.create(
        article=busy, hour=readership.hour_of(timezone.now()), count=40
    )
    assert ranked(now=timezone.now())[:2] == [quiet.pk, busy.pk]

    call_command("flush_reads")

    assert ranked(now=timezone.now())[:2] == [busy.pk, quiet.pk]


def test_ties_go_to_the_newer_article():
    older = make_article(published_at=NOW - timedelta(hours=5))
    newer = make_article(published_at=NOW - timedelta(hours=2))
    unread = make_article(published_at=NOW - timedelta(hours=1))
    reads(older, hours_ago=1, count=5)
    reads(newer, hours_ago=1, count=5)

    assert ranked()[:3] == [newer.pk, older.pk, unread.pk]
    assert ranked(limit=1) == [newer.pk], "also when only one of them fits"


def test_list_is_filled_with_the_newest_published_articles_when_few_have_reads():
    section = make_section()
    read = make_article(section=section, published_at=NOW - timedelta(days=3))
    newest = [
        make_article(section=section, published_at=NOW - timedelta(hours=hours))
        for hours in range(1, 12)
    ]
    reads(read, hours_ago=2, count=3)

    assert ranked() == [read.pk] + [article.pk for article in newest[:7]]


def test_unpublished_articles_never_rank_however_much_they_were_read():
    visible = make_article(published_at=NOW - timedelta(hours=3))
    hidden = [
        make_article(status=Article.Status.DRAFT),
        make_article(status=Article.Status.IN_REVIEW),
        make_article(
            status=Article.Status.WITHDRAWN, published_at=NOW - timedelta(hours=3)
        ),
        make_article(published_at=timezone.now() + timedelta(hours=2)),
    ]
    for article in hidden:
        reads(article, hours_ago=0, count=1000)
    reads(visible, hours_ago=0, count=1)

    assert ranked() == [visible.pk]


def test_sidebar_leaves_out_the_article_being_read_and_still_shows_eight():
    articles = [
        make_article(published_at=NOW - timedelta(hours=hours))
        for hours in range(1, 11)
    ]
    reads(articles[0], hours_ago=0, count=50)

    entries = readership.most_read(exclude=articles[0])

    assert len(entries) == 8
    assert articles[0].pk not in [entry["id"] for entry in entries]
    assert entries[0]["url"] == articles[1].get_absolute_url()
    assert entries[0]["section"] == articles[1].section.name


def test_sidebar_costs_one_query_cold_and_none_warm(django_assert_num_queries):
    for hours in range(1, 12):
        article = make_article(
            published_at=NOW - timedelta(hours=hours), tags=["A", "B"]
        )
        reads(article, hours_ago=hours, count=hours)

    with django_assert_num_queries(1):
        assert len(readership.most_read()) == 8
    with django_assert_num_queries(0):
        assert len(readership.most_read()) == 8


def test_sidebar_is_cached_for_the_configured_time(settings):
    settings.NEWSROOM_MOST_READ_CACHE_SECONDS = 60
    first = make_article()
    assert [entry["id"] for entry in readership.most_read()] == [first.pk]

    second = make_article()
    assert [entry["id"] for entry in readership.most_read()] == [first.pk], (
        "served from cache"
    )

    readership.forget_most_read()
    assert {entry["id"] for entry in readership.most_read()} == {first.pk, second.pk}


def test_the_sidebar_is_never_older_than_the_configured_time(settings):
    """Redis and each process's copy share the lifetime; they do not add up."""
    settings.NEWSROOM_MOST_READ_CACHE_SECONDS = 2
    first = make_article()
    assert [entry["id"] for entry in readership.most_read()] == [first.pk]
    second = make_article()

    # A read after the process copy expired must not copy Redis's list anew
    # for another lifetime.
    time.sleep(1.2)
    readership.most_read()
    time.sleep(0.9)

    assert {entry["id"] for entry in readership.most_read()} == {first.pk, second.pk}


# The read beacon


def beacon(
    client, article_id, user_agent=BROWSER, address="203.0.113.7", method="post"
):
    return getattr(client, method)(
        reverse("articles:read", args=[article_id]),
        HTTP_USER_AGENT=user_agent,
        REMOTE_ADDR=address,
    )


def flush():
    if os.environ.get("REDIS_URL"):
        readership.flush_pending_reads()


def total_reads(article):
    flush()
    return sum(
        ReadCount.objects.filter(article=article).values_list("count", flat=True)
    )


def test_beacon_counts_a_read_and_answers_204(client):
    article = make_article()
    response = beacon(client, article.pk)

    assert response.status_code == 204
    assert total_reads(article) == 1


def test_a_visitor_is_counted_once_per_article_per_half_hour(client, settings):
    article, other = make_article(), make_article()
    for _ in range(3):
        beacon(client, article.pk)
    beacon(client, other.pk)
    beacon(client, article.pk, address="198.51.100.9")

    assert total_reads(article) == 2
    assert total_reads(other) == 1


def test_ten_thousand_beacons_from_one_client_count_one_read(client, rf):
    article = make_article()
    answers = {beacon(client, article.pk).status_code for _ in range(100)}
    # The rest straight to the view: the middleware adds nothing to count.
    request = rf.post("/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7")
    answers |= {
        views.record_read(request, article.pk).status_code for _ in range(9_900)
    }

    assert answers == {204}, "dropped beacons are answered like counted ones"
    assert total_reads(article) == 1


def test_one_address_under_many_user_agents_counts_once(client):
    """Security review: 200 user agents from one address counted 200 reads."""
    article = make_article()
    for number in range(200):
        beacon(client, article.pk, user_agent=BROWSER.replace("131", str(number)))

    assert total_reads(article) == 1


def test_addresses_of_one_ipv6_network_count_once(client):
    article = make_article()
    for number in range(50):
        beacon(client, article.pk, address=f"2001:db8:1:2::{number:x}")
    beacon(client, article.pk, address="2001:db8:1:3::1")

    assert total_reads(article) == 2


def test_one_address_counts_at_most_its_beacons_a_minute(client, settings):
    settings.NEWSROOM_READ_BEACONS_PER_MINUTE = 5
    articles = [make_article() for _ in range(8)]

    answers = {beacon(client, article.pk).status_code for article in articles}

    assert answers == {204}
    assert sum(total_reads(article) for article in articles) == 5
    assert total_reads(articles[0]) == 1
    assert beacon(client, articles[7].pk, address="198.51.100.9").status_code == 204
    assert total_reads(articles[7]) == 1, "other addresses are not held back"


def test_the_same_visitor_counts_again_once_the_half_hour_has_passed(client, settings):
    # The half hour, shortened so that the test can wait for it to pass.
    settings.NEWSROOM_READ_DEDUPE_SECONDS = 1
    article = make_article()
    beacon(client, article.pk)
    beacon(client, article.pk)
    assert total_reads(article) == 1

    time.sleep(1.1)
    beacon(client, article.pk)

    assert total_reads(article) == 2


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32",
        "Slackbot-LinkExpanding 1.0",
    ],
)
def test_crawlers_and_scripts_are_not_counted(client, user_agent):
    article = make_article()
    response = beacon(client, article.pk, user_agent=user_agent)

    assert response.status_code == 204
    assert total_reads(article) == 0


def test_a_beacon_with_no_user_agent_header_is_not_counted(client):
    article = make_article()

    response = client.post(
        reverse("articles:read", args=[article.pk]), REMOTE_ADDR="203.0.113.7"
    )

    assert response.status_code == 204
    assert total_reads(article) == 0


@pytest.mark.parametrize(
    "status",
    [
        Article.Status.DRAFT,
        Article.Status.IN_REVIEW,
        Article.Status.WITHDRAWN,
        "scheduled",
    ],
)
def test_beacon_for_an_unpublished_article_is_404_and_not_counted(client, status):
    if status == "scheduled":
        article = make_article(published_at=timezone.now() + timedelta(hours=1))
    else:
        article = make_article(
            status=status, published_at=timezone.now() - timedelta(hours=1)
        )
    assert beacon(client, article.pk).status_code == 404
    assert total_reads(article) == 0


def test_beacon_for_an_unknown_article_is_404(client):
    assert beacon(client, 999_999).status_code == 404


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_beacon_answers_405_to_anything_but_post(client, method):
    article = make_article()
    assert beacon(client, article.pk, method=method).status_code == 405
    assert total_reads(article) == 0


def test_reads_are_kept_as_one_row_per_article_hour(client):
    article = make_article()
    for number in range(5):
        beacon(client, article.pk, address=f"192.0.2.{number}")

    flush()
    assert ReadCount.objects.filter(article=article).count() == 1
    assert ReadCount.objects.get(article=article).count == 5


def test_visitor_ids_hold_no_address_or_user_agent(rf):
    request = rf.post("/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7")
    visitor = readership.visitor_hash(request, timezone.now().date())
    assert "203.0.113.7" not in visitor and "Mozilla" not in visitor
    tomorrow = readership.visitor_hash(
        request, timezone.now().date() + timedelta(days=1)
    )
    assert tomorrow != visitor, "the salt rotates daily"


def test_old_hourly_rows_are_pruned(settings):
    article = make_article()
    reads(article, hours_ago=24 * 30, count=4, now=timezone.now())
    reads(article, hours_ago=1, count=2, now=timezone.now())

    assert readership.prune_old_reads() == 1
    assert ReadCount.objects.get(article=article).count == 2


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_redis_buffer_reaches_the_table_only_when_flushed(client):
    article = make_article()
    beacon(client, article.pk)

    assert not ReadCount.objects.filter(article=article).exists()
    assert readership.flush_pending_reads() == 1
    assert ReadCount.objects.get(article=article).count == 1
    assert readership.flush_pending_reads() == 0


def test_flush_reads_command_moves_buffered_reads_and_prunes(client, capsys):
    article = make_article()
    beacon(client, article.pk)
    reads(article, hours_ago=24 * 40, count=9, now=timezone.now())

    call_command("flush_reads")

    output = capsys.readouterr().out
    assert "Deleted 1 hourly rows" in output
    assert ReadCount.objects.get(article=article).count == 1


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_with_redis_the_beacon_asks_the_database_nothing(
    client, django_assert_num_queries
):
    article = make_article()
    beacon(
        client, article.pk, address="198.51.100.1"
    )  # fills the index of live articles

    with django_assert_num_queries(0):
        response = beacon(client, article.pk, address="198.51.100.2")

    assert response.status_code == 204
    assert total_reads(article) == 2


def test_the_beacon_refuses_a_withdrawn_or_scheduled_article(
    client, editor, django_capture_on_commit_callbacks
):
    withdrawn = make_article()
    scheduled = make_article(status=Article.Status.IN_REVIEW, published_at=None)
    assert beacon(client, withdrawn.pk, address="198.51.100.1").status_code == 204
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(withdrawn, editor, "Legal advice")
        workflow.publish(scheduled, editor, timezone.now() + timedelta(hours=2))

    assert beacon(client, withdrawn.pk, address="198.51.100.2").status_code == 404
    assert beacon(client, scheduled.pk, address="198.51.100.2").status_code == 404
    assert beacon(client, 999_999, address="198.51.100.3").status_code == 404
    assert total_reads(withdrawn) == 1


def test_the_most_read_fragment_lists_one_spare_and_is_kept_a_minute_at_most(
    client, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    for _ in range(12):
        make_article()

    response = client.get(reverse("articles:most-read"))

    assert response.content.decode().count("<li ") == 9
    assert "s-maxage=60" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_beacons_sent_to_the_wsgi_application_as_gunicorn_does_are_counted(
    settings,
):
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"  # as behind nginx
    article, draft = make_article(), make_article(status=Article.Status.DRAFT)
    url = reverse("articles:read", args=[article.pk])
    site = Site()

    def send(path, reader, **headers):
        address = f"198.51.100.{reader}"
        return site.request(
            "POST", path, user_agent=BROWSER, x_real_ip=address, **headers
        ).status

    assert send(url, 1) == 204
    with CaptureQueriesContext(connection) as queries:
        answers = [send(url, reader) for reader in (2, 3, 3)]

    assert answers == [204, 204, 204]
    if os.environ.get("REDIS_URL"):
        assert len(queries) == 0, "with Redis a beacon asks the database nothing"
    assert total_reads(article) == 3, "reader 3's second beacon is a repeat"
    assert send(reverse("articles:read", args=[draft.pk]), 4) == 404
    assert send(url, 5, host="evil.example") == 400
