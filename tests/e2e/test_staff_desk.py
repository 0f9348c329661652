"""The desk and readership, in Chromium: what a journalist sees on signing in, what an editor sees of readers."""

from django.utils import timezone
from playwright.sync_api import expect

from articles import readership, workflow
from articles.models import Article
from tests.factories import make_article


def test_a_journalist_signs_in_to_their_desk_and_finds_what_came_back(
    new_page, journalist, editor, politics
):
    sent_back = make_article(
        headline="Bus lane plan splits the council",
        section=politics,
        authors=[journalist],
        status=Article.Status.DRAFT,
    )
    workflow.submit(sent_back, journalist)
    workflow.return_to_author(sent_back, editor, "Get the cabinet member's reply.")
    make_article(
        headline="A draft about allotments",
        section=politics,
        authors=[journalist],
        status=Article.Status.DRAFT,
    )

    page = new_page(journalist)

    expect(page.get_by_role("heading", name="Journalist’s desk")).to_be_visible()
    returned = page.get_by_role("region", name="Returned to me")
    expect(returned).to_contain_text("Bus lane plan splits the council")
    expect(returned).to_contain_text("Get the cabinet member's reply.")
    expect(page.get_by_role("region", name="My drafts")).to_contain_text(
        "A draft about allotments"
    )
    expect(page.get_by_role("region", name="My drafts")).not_to_contain_text("Bus lane")

    returned.get_by_role("link", name="See them all in the article list").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("Bus lane plan")

    page.goto("/admin/")
    page.get_by_role("link", name="Write a story").click()
    expect(page.locator("#id_headline")).to_be_visible()


def test_an_editor_sees_a_storys_readers_and_the_most_read_report(
    new_page, editor, story
):
    hour = readership.hour_of(timezone.now())
    readership.add_reads({(story.pk, hour): 12, (story.pk, hour - 3): 30})

    page = new_page(editor)
    page.get_by_role("region", name="Most read now").get_by_role(
        "link", name="See the most-read report"
    ).click()
    expect(page.locator("#most-read-table")).to_contain_text(story.headline)
    # Three hours ago is yesterday until 3 a.m., so "Today" may not hold it all.
    page.get_by_label("Period").select_option("week")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#most-read-table")).to_contain_text("42")

    page.get_by_role("link", name=story.headline).click()
    readers = page.get_by_role("region", name="Readers")
    readers.scroll_into_view_if_needed()
    expect(readers).to_contain_text("12")
    expect(readers).to_contain_text("42")
    chart = readers.get_by_role("img", name="Reads per hour, last 48 hours")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] > 300, "the chart is drawn at a readable size"
    readers.get_by_text("The figures, hour by hour").click()
    expect(readers.locator("table")).to_contain_text("30")


def test_an_editor_restores_an_earlier_version_of_a_story_with_a_photo(
    new_page, editor, story
):
    page = new_page(editor)
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    headline = page.locator("#id_headline")
    headline.fill("Council tax to rise by 4.99% in Leeds, first edit")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_be_visible()
    headline.fill("A headline the editor regrets")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(headline).to_have_value("A headline the editor regrets")

    page.get_by_role("link", name="Revisions").click()
    page.get_by_role("button", name="Restore this version").first.click()

    expect(page.locator(".messagelist")).to_contain_text("Restored the version of")
    expect(page.locator("#id_headline")).to_have_value(
        "Council tax to rise by 4.99% in Leeds, first edit"
    )
    story.refresh_from_db()
    assert story.hero_image.name, "the photo is kept"
    assert story.headline == "Council tax to rise by 4.99% in Leeds, first edit"
