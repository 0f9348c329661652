"""A Redis or database that does not answer costs readers no page."""

import logging
import time

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from articles import readership
from newsroom import health, pagecache
from tests.articles.conftest import client_for
from tests.factories import make_article
from tests.site import Site

pytestmark = pytest.mark.django_db

# Nothing listens here: every connection is refused at once.
CLOSED_PORT_URL = "redis://127.0.0.1:9/0"


@pytest.fixture
def redis_down(settings):
    settings.REDIS_URL = CLOSED_PORT_URL
    # The site's own caches, with the shared one on a Redis that is down.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": CLOSED_PORT_URL,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    forget_clients()
    yield
    forget_clients()


def forget_clients():
    health.redis_client.cache_clear()
    readership.redis_client.cache_clear()
    readership.count_in_redis.cache_clear()
    readership.start_batch.cache_clear()
    readership.redis_breaker.open_until = 0.0
    pagecache.reset_store()


def test_with_redis_down_every_public_page_renders(redis_down, caplog):
    story = make_article(tags=["Transport"])
    site = Site()
    paths = [
        "/",
        story.get_absolute_url(),
        story.section.get_absolute_url(),
        "/search/?q=story",
        "/tags/transport/",
        "/feeds/rss/",
        "/sitemap.xml",
        "/most-read/",
    ]
    with caplog.at_level(logging.WARNING):
        for path in paths:
            assert site.get(path).status == 200, path
            assert site.get(path).status == 200, path

    warnings = [
        record for record in caplog.records if "did not answer" in record.message
    ]
    assert warnings, "the outage is logged"
    assert len(warnings) <= 3, "once per interval, not once per request"


def test_with_redis_down_the_beacon_answers_204_and_counts_nothing(redis_down, client):
    story = make_article()

    response = client.post(
        reverse("articles:read", args=[story.pk]), HTTP_USER_AGENT="Mozilla/5.0 Firefox"
    )

    assert response.status_code == 204
    assert not story.read_counts.exists()
    missing = client.post(
        reverse("articles:read", args=[999_999]), HTTP_USER_AGENT="Mozilla/5.0 Firefox"
    )
    assert missing.status_code == 404


def test_with_redis_down_the_admin_works(redis_down, editor):
    story = make_article()
    desk = client_for(editor)

    assert desk.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert (
        desk.get(reverse("admin:articles_article_change", args=[story.pk])).status_code
        == 200
    )


def test_health_is_ok_when_the_services_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert "no-store" in response["Cache-Control"]


def test_health_names_redis_when_it_does_not_answer(client, redis_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["redis"] != "ok"


def test_health_names_the_database_when_it_does_not_answer(client, monkeypatch):
    def refuse():
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(health.connection, "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert "Connection refused" in response.json()["database"]


def refuse_queries(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_with_the_database_down_pages_answer_503_with_retry_after(site):
    story = make_article()
    with connection.execute_wrapper(refuse_queries):
        answer = site.get(story.get_absolute_url())

    assert answer.status == 503
    assert answer.headers["retry-after"] == "30"
    assert "no-store" in answer.headers["cache-control"]
    assert "Back in a moment" in answer.text
    assert 'rel="stylesheet"' in answer.text


def test_with_the_database_down_cached_pages_are_still_served(
    site, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 30
    story = make_article(headline="Harbour bridge reopens")
    site.get(story.get_absolute_url())
    later = time.time() + 31
    monkeypatch.setattr(pagecache.time, "time", lambda: later)

    with connection.execute_wrapper(refuse_queries):
        expired_but_kept = site.get(story.get_absolute_url())
        never_cached = site.get("/search/?q=harbour")

    assert expired_but_kept.status == 200
    assert expired_but_kept.cache_state == "stale"
    assert "Harbour bridge reopens" in expired_but_kept.text
    assert never_cached.status == 503
    assert site.get(story.get_absolute_url()).cache_state == "miss", "recovered"
