"""The full-page cache as readers, staff and caches in front meet it."""

import gzip
import os
import time

import brotli
import pytest

from articles.sitemaps import ArticleSitemap
from newsroom import pagecache
from tests.factories import make_article, make_section
from tests.site import Site

pytestmark = pytest.mark.django_db

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set"
)


@pytest.fixture
def story():
    return make_article(
        headline="Harbour bridge reopens",
        section=make_section(name="Community", slug="community"),
        tags=["Transport"],
    )


def public_paths(story):
    return [
        "/",
        story.get_absolute_url(),
        story.section.get_absolute_url(),
        "/search/?q=harbour",
        "/tags/transport/",
        "/feeds/rss/",
        "/feeds/atom/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
        "/robots.txt",
        "/most-read/",
    ]


def test_second_anonymous_request_is_answered_from_the_cache_without_a_query(
    site, story, django_assert_num_queries
):
    first = site.get(story.get_absolute_url())
    assert first.status == 200
    assert first.cache_state == "miss"

    with django_assert_num_queries(0):
        second = site.get(story.get_absolute_url())

    assert second.cache_state == "hit"
    assert second.text == first.text
    assert "Harbour bridge reopens" in second.text


def test_every_public_page_is_cached_with_no_cookie_and_no_vary_cookie(site, story):
    for path in public_paths(story):
        site.get(path)
        answer = site.get(path)
        assert answer.status == 200, path
        assert answer.cache_state == "hit", path
        assert "set-cookie" not in answer.headers, path
        assert "cookie" not in answer.headers.get("vary", "").lower(), path


def test_public_pages_tell_caches_in_front_how_long_they_may_keep_them(
    site, story, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    directives = dict(pagecache.directives(site.get("/").headers.items()))

    assert "public" in directives
    assert directives["max-age"] == "60"
    assert directives["s-maxage"] == "600"
    assert "stale-while-revalidate" in directives
    assert "stale-if-error" in directives


def test_tracking_parameters_neither_miss_nor_fill_the_cache(site, story):
    url = story.section.get_absolute_url()
    site.get(url)

    assert site.get(f"{url}?utm_source=newsletter").cache_state == "hit"
    assert site.get(f"{url}?v=8c1e2f").cache_state == "hit"
    search = "/search/?q=harbour"
    assert site.get(f"{search}&utm_source=x").cache_state == "miss"
    assert site.get("/search/?utm_medium=y&q=harbour").cache_state == "hit"
    assert site.get("/search/?q=bridge").cache_state == "miss"


def test_the_sitemap_cannot_be_rendered_again_by_a_new_parameter_or_spelling(
    site, story
):
    """Security review: ?v=<random> rendered and stored the whole sitemap again."""
    assert site.get("/sitemap-articles.xml").cache_state == "miss"

    for query in ("v=8c1e2f", "v=91aa03", "utm_source=x&v=1"):
        assert site.get(f"/sitemap-articles.xml?{query}").cache_state == "hit"
    for spelling in ("01", "1.0", "%201", "1e0", "0", "-1"):
        answer = site.get(f"/sitemap-articles.xml?p={spelling}")
        assert answer.status == 404, spelling
        assert answer.cache_state != "hit", spelling
    assert site.get("/sitemap-tags.xml?p=01").status == 404


def test_one_article_sitemap_page_holds_at_most_ten_thousand_addresses():
    """At 50,000 a page was 6.6 MB and 3.5 s of work for any cold request."""
    assert ArticleSitemap.limit <= 10_000


def test_logged_in_staff_are_never_served_a_cached_page_and_fill_nothing(
    site, story, client, editor
):
    url = story.get_absolute_url()
    site.get(url)
    client.force_login(editor)
    staff = Site(cookies=f"sessionid={client.cookies['sessionid'].value}")

    answer = staff.get(url)

    assert answer.cache_state is None
    assert "private" in answer.headers["cache-control"]
    assert "no-store" in answer.headers["cache-control"]

    site.get("/")  # an anonymous fill
    assert staff.get("/").cache_state is None
    assert Site().get(story.section.get_absolute_url()).cache_state == "miss"


def test_posts_admin_and_previews_are_never_stored(site, story, client, editor):
    assert site.request("POST", story.get_absolute_url()).cache_state is None
    for path in ("/admin/login/", f"/preview/{story.pk}/"):
        site.get(path)
        assert site.get(path).cache_state is None, path
    client.force_login(editor)
    preview = client.get(f"/preview/{story.pk}/")
    assert "no-store" in preview["Cache-Control"]


def test_pages_are_sent_compressed_as_the_client_accepts(site, story):
    url = story.get_absolute_url()
    plain = site.get(url).body

    as_brotli = site.get(url, accept_encoding="gzip, deflate, br")
    as_gzip = site.get(url, accept_encoding="gzip")
    unasked = site.get(url)

    assert as_brotli.headers["content-encoding"] == "br"
    assert brotli.decompress(as_brotli.body) == plain
    assert as_gzip.headers["content-encoding"] == "gzip"
    assert gzip.decompress(as_gzip.body) == plain
    assert "content-encoding" not in unasked.headers
    assert unasked.body == plain
    assert as_brotli.headers["vary"] == "Accept-Encoding"
    assert int(as_brotli.headers["content-length"]) == len(as_brotli.body)


def test_with_the_page_cache_off_pages_are_still_sent_compressed(site, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = story.get_absolute_url()
    plain = site.get(url).body

    as_brotli = site.get(url, accept_encoding="gzip, deflate, br")
    as_gzip = site.get(url, accept_encoding="gzip")

    assert as_brotli.cache_state == "pass"
    assert brotli.decompress(as_brotli.body) == plain
    assert gzip.decompress(as_gzip.body) == plain
    assert len(as_brotli.body) < len(plain) / 2


def test_conditional_get_answers_304_on_pages_and_feeds(site, story):
    page = site.get(story.get_absolute_url())
    feed = site.get("/feeds/rss/")

    by_etag = site.get(story.get_absolute_url(), if_none_match=page.headers["etag"])
    by_date = site.get("/feeds/rss/", if_modified_since=feed.headers["last-modified"])
    changed = site.get(story.get_absolute_url(), if_none_match='W/"something-else"')

    assert by_etag.status == 304
    assert by_etag.body == b""
    assert by_date.status == 304
    assert changed.status == 200


def test_conditional_get_works_with_the_page_cache_off(site, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    page = site.get(story.get_absolute_url())

    again = site.get(story.get_absolute_url(), if_none_match=page.headers["etag"])

    assert page.cache_state == "pass"
    assert again.status == 304


def test_head_is_answered_from_the_cache_without_a_body(site, story):
    site.get("/")
    answer = site.head("/")
    assert answer.status == 200
    assert answer.cache_state == "hit"
    assert answer.body == b""


def test_page_cache_seconds_zero_turns_the_cache_off(site, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    site.get("/")
    assert site.get("/").cache_state == "pass"


def test_an_expired_page_is_rendered_again(site, story, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 30
    site.get("/")
    later = time.time() + 31
    monkeypatch.setattr(pagecache.time, "time", lambda: later)
    assert site.get("/").cache_state == "miss"


def test_a_page_rendered_before_a_purge_is_not_stored_after_it(story):
    store = pagecache.get_store()
    key = ("/", "http://testserver?")
    page, token = store.lookup(key)
    assert page is None
    pagecache.purge(["/"])
    rendered_before = pagecache.make_page(
        "200 OK",
        [("Content-Type", "text/html"), ("Cache-Control", "public, s-maxage=60")],
        b"old front page",
        60,
    )

    store.store(key, rendered_before, token)

    assert store.lookup(key)[0] is None


@needs_redis
def test_a_purge_in_one_process_empties_the_memory_of_every_other(story, settings):
    """Two stores stand for two gunicorn workers sharing one Redis."""
    first = pagecache.PageStore(10_000_000, settings.REDIS_URL, "purge-test")
    second = pagecache.PageStore(10_000_000, settings.REDIS_URL, "purge-test")
    key = ("/", "http://testserver?")
    page = pagecache.make_page(
        "200 OK", [("Cache-Control", "public, s-maxage=60")], b"front page", 60
    )
    for store in (first, second):
        store.lookup(key)
        deadline = time.monotonic() + 5
        while not store.memory_trusted and time.monotonic() < deadline:
            time.sleep(0.01)
        assert store.memory_trusted
    first.store(key, page, first.lookup(key)[1])
    assert second.lookup(key)[0] is not None  # now also in its memory

    first.purge(["/"])
    deadline = time.monotonic() + 2
    while second.memory.get(key) is not None and time.monotonic() < deadline:
        time.sleep(0.01)

    assert second.memory.get(key) is None
    assert second.lookup(key)[0] is None
    for store in (first, second):
        store.listener_pid = None


def subscribed_store(settings, prefix):
    """A store standing for one gunicorn worker, once its purge listener is subscribed."""
    store = pagecache.PageStore(10_000_000, settings.REDIS_URL, prefix)
    store.ensure_listener()
    deadline = time.monotonic() + 5
    while not store.memory_trusted and time.monotonic() < deadline:
        time.sleep(0.01)
    assert store.memory_trusted
    return store


def remembered_until_dropped(store, reads, deadline_seconds=2):
    """Remember a value in store until the copy is dropped; return what it read last."""
    deadline = time.monotonic() + deadline_seconds
    value = store.remember("token", lambda: reads.pop(0), 60)
    while value == "first" and time.monotonic() < deadline:
        time.sleep(0.01)
        value = store.remember("token", lambda: reads.pop(0), 60)
    return value


@needs_redis
@pytest.mark.parametrize("drop", ["purge", "forget_remembered"])
def test_a_value_each_worker_remembers_is_read_afresh_everywhere_after_a_purge(
    settings, drop
):
    first = subscribed_store(settings, "remember-test")
    second = subscribed_store(settings, "remember-test")
    reads = ["first", "second"]
    assert second.remember("token", lambda: reads.pop(0), 60) == "first"
    assert second.remember("token", lambda: reads.pop(0), 60) == "first"
    assert reads == ["second"], "the copy was not kept"

    if drop == "purge":
        first.purge(["/some-page/"])
    else:
        first.forget_remembered()

    assert remembered_until_dropped(second, reads) == "second"
    for store in (first, second):
        store.listener_pid = None


@needs_redis
def test_a_remembered_value_is_kept_no_longer_than_its_age_allows(
    settings, monkeypatch
):
    store = subscribed_store(settings, "remember-age-test")
    reads = ["first", "second"]
    store.remember("token", lambda: reads.pop(0), 10)
    later = time.monotonic() + 11
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)

    assert store.remember("token", lambda: reads.pop(0), 10) == "second"
    store.listener_pid = None


def test_without_a_session_the_admin_form_is_never_served_to_a_reader(site):
    answer = site.get("/admin/")
    assert answer.status == 302
    assert answer.cache_state is None


def test_a_new_reader_is_not_given_a_staff_members_page(client, editor, story):
    client.force_login(editor)
    staff = Site(cookies=f"sessionid={client.cookies['sessionid'].value}")
    staff.get("/")
    staff.get("/")
    assert Site().get("/").cache_state == "miss"


def test_behind_a_tls_proxy_http_and_https_pages_are_kept_apart(site, story, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    url = story.get_absolute_url()

    secure = site.get(url, x_forwarded_proto="https")
    plain = site.get(url, x_forwarded_proto="http")

    assert plain.cache_state == "miss"
    assert f'<link rel="canonical" href="https://127.0.0.1{url}">' in secure.text
    assert f'<link rel="canonical" href="http://127.0.0.1{url}">' in plain.text
    assert site.get(url, x_forwarded_proto="https").cache_state == "hit"


def test_files_whitenoise_serves_pass_through_untouched(site):
    plain = site.get("/favicon.ico")
    compressed = site.get("/favicon.ico", accept_encoding="gzip, br")

    assert plain.status == 200
    assert plain.cache_state is None
    assert compressed.cache_state is None
    assert plain.body.startswith(b"\x00\x00\x01\x00"), "an icon, as WhiteNoise sent it"
