"""A live blog in Chromium: an editor posts an update and a reader's open page offers it without a reload."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles import live
from articles.models import LiveUpdate
from tests.e2e.test_accessibility import violations
from tests.factories import make_article


@pytest.fixture
def blog(journalist, politics):
    blog = make_article(
        headline="Election night as it happens",
        standfirst="Results from every count in the city, as they are declared.",
        section=politics,
        authors=[journalist],
        is_live_blog=True,
        published_at=timezone.now() - timedelta(hours=1),
    )
    live.save(
        LiveUpdate(
            article=blog,
            headline="Polls close",
            body="<p>Counting begins at ten.</p>",
            is_key_event=True,
        ),
        journalist,
        publish=True,
    )
    return blog


@pytest.fixture(autouse=True)
def quick_polls(settings):
    """Poll every second: the browser test waits seconds, not the half-minute readers wait."""
    settings.NEWSROOM_LIVE_POLL_SECONDS = 1


def test_an_editor_posts_and_the_readers_open_page_offers_one_new_update(
    new_page, blog, editor
):
    reader = new_page()
    reader.goto(blog.get_absolute_url())
    expect(reader.locator(".live-label")).to_have_text("Live")
    expect(reader.locator(".key-events")).to_contain_text("Polls close")
    expect(reader.locator(".live-update")).to_have_count(1)

    desk = new_page(editor)
    desk.goto(reverse("admin:articles_liveupdate_add") + f"?article={blog.pk}")
    desk.get_by_label("Short headline").fill("First result")
    desk.locator(".prose-editor:has(#id_body) .ProseMirror").fill(
        "Labour hold Leeds Central with a majority of 4,210."
    )
    desk.get_by_label("Publish now").check()
    desk.get_by_role("button", name="Save", exact=True).click()
    expect(desk.locator(".messagelist")).to_contain_text("was added successfully")

    # The page has not moved: the update waits behind a button.
    button = reader.get_by_role("button", name="1 new update")
    expect(button).to_be_visible()
    expect(reader.locator(".live-update")).to_have_count(1)
    button.click()
    expect(reader.locator(".live-update")).to_have_count(2)
    expect(reader.locator(".live-update").first).to_contain_text(
        "Labour hold Leeds Central"
    )
    expect(reader.get_by_role("button", name="1 new update")).to_have_count(0)


def test_a_live_blog_has_no_serious_or_critical_accessibility_violations(
    new_page, blog
):
    reader = new_page()
    reader.goto(blog.get_absolute_url())

    problems = violations(reader, impacts={"serious", "critical"})
    assert not problems, "On the live blog:\n" + "\n".join(problems)


def test_the_update_form_has_no_critical_or_avoidable_serious_violations(
    new_page, blog, journalist
):
    desk = new_page(journalist)
    desk.goto(reverse("admin:articles_liveupdate_add") + f"?article={blog.pk}")
    expect(desk.locator(".prose-editor .ProseMirror")).to_be_visible()

    problems = violations(desk, impacts={"critical"})
    # Serious: as on the article form, only Django's own breadcrumbs may remain.
    problems += [
        problem
        for problem in violations(desk, impacts={"serious"})
        if not problem.startswith("link-in-text-block")
    ]
    assert not problems, "On the update form:\n" + "\n".join(problems)


def test_a_correction_replaces_the_update_in_place_and_a_deletion_removes_it(
    new_page, blog, journalist
):
    extra = LiveUpdate(article=blog, body="<p>Wrong ward posted.</p>")
    live.save(extra, journalist, publish=True)
    reader = new_page()
    reader.goto(blog.get_absolute_url())
    updates = reader.locator(".live-update")
    expect(updates).to_have_count(2)

    first = LiveUpdate.objects.get(headline="Polls close")
    first.body = "<p>Counting begins at half past ten.</p>"
    live.save(first, journalist, changed=["body"], note="The start time was wrong.")
    live.delete(extra, journalist)

    expect(updates).to_have_count(1)
    expect(updates.first).to_contain_text("Counting begins at half past ten.")
    expect(updates.first).to_contain_text("The start time was wrong.")
    expect(reader.locator(".live-new button")).to_have_count(0)
