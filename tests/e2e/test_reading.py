"""A reader, logged out, in Chromium: finding an article, reading it, and making it most read."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from articles import readership
from tests.e2e.assertions import assert_image_shown


def test_reader_finds_the_article_on_the_fronts_and_sees_all_of_it(new_page, story):
    reader = new_page()
    reader.goto("/")
    lead = reader.locator(".card-lead")
    expect(lead.get_by_role("link", name=story.headline)).to_be_visible()

    reader.get_by_role("navigation", name="Sections").get_by_role(
        "link", name="Politics"
    ).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Politics")
    reader.locator(".card-list").get_by_role("link", name=story.headline).click()

    page = reader.locator("article.story")
    expect(page.locator(".section-label")).to_have_text("Politics")
    expect(page.get_by_role("heading", level=1)).to_have_text(story.headline)
    expect(page.locator(".standfirst")).to_have_text(story.standfirst)
    expect(page.locator(".byline-names")).to_have_text("By Sam Whitfield")
    expect(page.locator(".dateline")).to_have_text("LEEDS:")
    hero = page.get_by_role("img", name="Councillors raise their hands to vote")
    assert_image_shown(hero)
    expect(page.locator("figure.hero figcaption")).to_have_text(
        "The vote at Leeds Civic Hall Photograph: Tom Reyes"
    )
    expect(page.locator(".story-body").get_by_role("heading", level=2)).to_have_text(
        ["Where the money goes", "What happens next", "Who voted how"]
    )
    expect(reader.locator(".most-read li")).to_have_count(8)


def test_reads_from_several_visitors_put_an_article_at_the_top_of_most_read(
    new_page, other_stories, settings
):
    newest, *_, oldest = other_stories
    rival = other_stories[1]
    # Two reads already counted this hour: the oldest story needs reads from
    # more than two different visitors to rank above the rival.
    readership.add_reads({(rival.pk, readership.hour_of(timezone.now())): 2})

    reader = new_page()
    reader.goto(newest.get_absolute_url())
    most_read = reader.locator(".most-read li")
    expect(most_read.first).to_contain_text(rival.headline)
    expect(reader.locator(".most-read")).not_to_contain_text(oldest.headline)

    # A visitor is an address: each comes through a proxy that names its own.
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for number in range(3):
        visitor = new_page()
        visitor.set_extra_http_headers({"X-Forwarded-For": f"198.51.100.{number}"})
        with visitor.expect_response(
            lambda response: "/reads/" in response.url
        ) as beacon:
            visitor.goto(oldest.get_absolute_url())
        assert beacon.value.status == 204
    # What cron does every minute: with Redis, reads wait there until flushed.
    call_command("flush_reads", stdout=io.StringIO())

    reader.reload()
    expect(most_read.first).to_contain_text(oldest.headline)
    expect(most_read.nth(1)).to_contain_text(rival.headline)
    expect(most_read).to_have_count(8)


def test_relative_ages_are_recomputed_in_the_browser_so_a_cached_page_never_shows_a_stale_one(
    new_page, story, other_stories
):
    # The server rendered "1 hour ago" for the newest other story; a reader
    # whose clock says eight days later (as if the page came from a cache
    # that long) must see the age as of now.
    reader = new_page()
    reader.clock.install(time=timezone.now() + timedelta(days=8))
    reader.goto(story.get_absolute_url())

    newest_entry = reader.locator(".most-read li").filter(
        has_text=other_stories[0].headline
    )
    expect(newest_entry.locator("time")).to_have_text("1 week ago")


def test_a_page_served_from_cache_refreshes_its_most_read_list(
    new_page, story, other_stories, live_server
):
    oldest = other_stories[-1]
    reader = new_page()
    # The page as a cache kept it, before the oldest story drew its readers.
    cached_html = reader.request.get(live_server.url + story.get_absolute_url()).text()
    assert oldest.headline not in cached_html[cached_html.index('class="most-read"') :]
    readership.add_reads({(oldest.pk, readership.hour_of(timezone.now())): 50})
    reader.route(
        live_server.url + story.get_absolute_url(),
        lambda route: route.fulfill(body=cached_html, content_type="text/html"),
    )

    reader.goto(story.get_absolute_url())

    most_read = reader.locator(".most-read li")
    expect(most_read.first).to_contain_text(oldest.headline)
    expect(most_read.first.locator("time")).to_have_text("10 hours ago")
    expect(most_read).to_have_count(8)
    expect(reader.locator(".most-read")).not_to_contain_text(story.headline)
