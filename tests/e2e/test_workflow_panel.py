"""The workflow panel at the top of the article form, in Chromium at a laptop's 1366×900."""

import re

from playwright.sync_api import expect

from articles.models import Article, Subheading
from tests.e2e.conftest import screenshot_folder
from tests.factories import make_article
from tests.forms import change_url

Status = Article.Status
LAPTOP = {"width": 1366, "height": 900}


def panel(page):
    return page.locator("#workflow-panel")


def status(page):
    return panel(page).locator(".workflow-status")


def photograph(page, request, name):
    """Save what a person sees at the top of the page, for the report and the reviewer."""
    folder = screenshot_folder(request.config)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png")


def test_editor_sees_the_warnings_before_confirming_and_the_story_goes_live(
    new_page, editor, journalist, politics, request
):
    article = make_article(
        headline="Council approves the long-delayed eastern bypass after a decade of rows over the route",
        standfirst="Work starts in spring.",
        section=politics,
        status=Status.IN_REVIEW,
        published_at=None,
        authors=[journalist],
    )
    Subheading.objects.create(article=article, heading="What happens next", body="")
    desk = new_page(editor)
    desk.set_viewport_size(LAPTOP)
    desk.goto(change_url(article))

    # Where the eye is: the panel starts above the fold, not after the form.
    box = panel(desk).bounding_box()
    assert box["y"] < 400, "the workflow panel is at the top of the form"
    expect(status(desk)).to_have_text("In review")
    expect(panel(desk)).to_contain_text("The editors, for review")

    publishing = panel(desk).locator("#workflow-publish")
    expect(publishing.locator("summary")).to_have_text("Publish now…")
    publishing.locator("summary").click()
    warnings = publishing.locator(".workflow-warnings li")
    expect(warnings).to_have_count(4)
    expect(warnings.nth(0)).to_contain_text("The headline is 86 characters")
    expect(warnings.nth(1)).to_contain_text("The standfirst is 4 words")
    expect(warnings.nth(2)).to_contain_text("no hero image")
    expect(warnings.nth(3)).to_contain_text("“What happens next” has no text")
    photograph(desk, request, "workflow-panel-publish-1366x900")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW, "opening the step publishes nothing"

    publishing.get_by_role("button", name="Publish now").click()
    expect(desk.locator(".messagelist")).to_contain_text("Published.")
    expect(status(desk)).to_have_text("Published")
    expect(panel(desk)).to_contain_text("Published by Alex Marsh")
    withdrawing = panel(desk).locator("#workflow-withdraw")
    withdrawing.locator("summary").click()
    expect(withdrawing.get_by_label("Reason for withdrawing")).to_be_visible()
    photograph(desk, request, "workflow-panel-withdraw-1366x900")
    reader = new_page()
    assert reader.goto(article.get_absolute_url()).status == 200


def test_a_story_without_a_standfirst_is_refused_at_the_field_and_the_banner_links_there(
    new_page, editor, journalist, politics
):
    article = make_article(
        headline="Bypass plan goes to a public inquiry",
        standfirst="",
        section=politics,
        status=Status.IN_REVIEW,
        published_at=None,
        authors=[journalist],
    )
    desk = new_page(editor)
    desk.set_viewport_size(LAPTOP)
    desk.goto(change_url(article))

    publishing = panel(desk).locator("#workflow-publish")
    publishing.locator("summary").click()
    publishing.get_by_role("button", name="Publish now").click()

    banner = desk.get_by_role("alert").filter(has_text="Nothing was saved")
    expect(banner).to_contain_text("Write a standfirst before publishing")
    banner.get_by_role("link", name="Standfirst").click()
    expect(desk).to_have_url(re.compile(r"#id_standfirst_error$"))
    field_error = desk.locator("#id_standfirst_error")
    expect(field_error).to_be_in_viewport()
    expect(field_error).to_contain_text("Write a standfirst before publishing")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_a_returned_story_is_listed_as_returned_and_its_author_recalls_and_resubmits(
    new_page, editor, journalist, politics, request
):
    article = make_article(
        headline="Tram line approved for east Leeds",
        standfirst="The line will open in 2031.",
        section=politics,
        status=Status.DRAFT,
        published_at=None,
        authors=[journalist],
    )
    sam = new_page(journalist)
    sam.set_viewport_size(LAPTOP)
    sam.goto(change_url(article))
    expect(panel(sam)).to_contain_text("Sam Whitfield, its author")
    sam.get_by_role("button", name="Submit for review").click()
    expect(status(sam)).to_have_text("In review")

    desk = new_page(editor)
    desk.goto(change_url(article))
    returning = panel(desk).locator("#workflow-return")
    returning.locator("summary").click()
    # Without the note the step is refused at the note, which stays open.
    returning.get_by_role("button", name="Return to the author as a draft").click()
    returning = panel(desk).locator("#workflow-return")
    expect(returning.locator("#id_return_note_error")).to_contain_text(
        "Tell the author what to change"
    )
    returning.get_by_label("Note to the author").fill(
        "Which year? The council says 2032."
    )
    returning.get_by_role("button", name="Return to the author as a draft").click()
    expect(desk.locator(".messagelist")).to_contain_text("Returned to author.")
    expect(panel(desk).get_by_role("alert")).to_contain_text(
        "You returned it to the author"
    )

    sam.goto("/admin/articles/article/")
    row = sam.locator("#result_list tbody tr", has_text=article.headline)
    expect(row.locator(".field-listed_state")).to_have_text(
        "Returned “Which year? The council says 2032.”"
    )
    row.get_by_role("link", name=article.headline, exact=True).click()
    expect(panel(sam).get_by_role("alert")).to_contain_text(
        "Returned to you by Alex Marsh"
    )
    photograph(sam, request, "workflow-panel-returned-1366x900")
    sam.locator("#id_standfirst").fill("The line will open in 2032.")
    sam.get_by_role("button", name="Submit for review").click()
    expect(status(sam)).to_have_text("In review")

    # A typo spotted after submitting: the author takes it back before an editor acts.
    sam.get_by_role("button", name="Recall to my drafts").click()
    expect(sam.locator(".messagelist")).to_contain_text("Back in your drafts")
    expect(status(sam)).to_have_text("Draft")
    sam.locator("#id_headline").fill("Tram line approved for east Leeds, opening 2032")
    sam.get_by_role("button", name="Submit for review").click()
    expect(status(sam)).to_have_text("In review")

    history = sam.locator("#workflow-timeline li")
    # The button saved the new headline and submitted it: one line says both.
    expect(history.nth(0)).to_contain_text(
        "Submitted by Sam Whitfield (edited: headline)"
    )
    expect(sam.locator("#workflow-timeline")).to_contain_text(
        "Recalled by Sam Whitfield"
    )
    expect(sam.locator("#workflow-timeline")).to_contain_text(
        "Returned by Alex Marsh: Which year? The council says 2032."
    )
    expect(sam.locator("#workflow-timeline")).not_to_contain_text("No fields changed")
    expect(sam.locator("#workflow-timeline")).not_to_contain_text("without changes")


def test_the_editing_notice_clears_when_the_editor_leaves_the_page(
    new_page, editor, journalist, politics
):
    article = make_article(
        headline="Harbour dredging approved",
        section=politics,
        status=Status.DRAFT,
        published_at=None,
        authors=[journalist],
    )
    alex = new_page(editor)
    alex.goto(change_url(article))
    sam = new_page(journalist)
    sam.goto(change_url(article))
    notice = sam.get_by_role("status").filter(has_text="is editing this article")
    expect(notice).to_contain_text("Alex Marsh is editing this article")

    alex.goto("/admin/articles/article/")

    # The leaving page's beacon arrives on its own time; the notice goes within moments.
    for _attempt in range(20):
        sam.reload()
        if notice.count() == 0:
            break
        sam.wait_for_timeout(250)
    expect(notice).to_have_count(0)
