"""The newsroom's day in the admin, in Chromium: write, review, publish, schedule, clash, withdraw."""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.timezone import localtime
from playwright.sync_api import expect

from articles.models import Article
from tests.e2e.assertions import assert_image_shown
from tests.factories import image_upload, make_article
from tests.forms import change_url

Status = Article.Status


def prose_editor(page, textarea_id):
    """Return the rich-text editor (toolbar and typing area) that fills the textarea with textarea_id."""
    return page.locator(f".prose-editor:has(#{textarea_id})")


def messages(page):
    return page.locator(".messagelist")


def status(page):
    return page.locator(".field-state .readonly")


def confirm_step(page, step):
    """Open the workflow panel's confirmation for step ("publish", "return", "withdraw") and return it."""
    confirmation = page.locator(f"#workflow-{step}")
    confirmation.locator("summary").click()
    expect(confirmation.locator(".workflow-confirm-body")).to_be_visible()
    return confirmation


def test_the_text_editors_check_spelling_and_the_lead_opens_tall(new_page, journalist):
    page = new_page(journalist)
    page.goto("/admin/articles/article/add/")

    editors = page.locator(".ProseMirror")
    expect(editors.first).to_be_visible()
    assert editors.count() >= 2, "the lead text and a subheading"
    for index in range(editors.count()):
        assert editors.nth(index).get_attribute("spellcheck") != "false"
    lead = prose_editor(page, "id_body").locator(".ProseMirror")
    assert lead.bounding_box()["height"] >= 200, "the lead text opens as a writing area"


def test_journalist_writes_an_article_and_submits_it_for_review(
    new_page, journalist, politics
):
    page = new_page(journalist)
    page.goto("/admin/articles/article/add/")

    page.locator("#id_headline").fill("Council tax to rise by 4.99% in Leeds")
    page.locator("#id_section").select_option(label="Politics")
    page.locator("#id_standfirst").fill(
        "Councillors backed the rise after a six-hour meeting."
    )
    page.locator("#id_dateline").fill("Leeds")
    lead = prose_editor(page, "id_body")
    lead.locator(".ProseMirror").click()
    page.keyboard.type("Councillors voted ")
    lead.get_by_role("button", name="bold").click()
    page.keyboard.type("by 41 to 12")
    lead.get_by_role("button", name="bold").click()
    page.keyboard.type(" for the rise. Read the budget papers")
    # ProseMirror ignores selection changes for 50 ms after an edit and then
    # puts back its own: a hand is never that quick, the test must wait.
    page.wait_for_timeout(100)
    for _ in "budget papers":
        page.keyboard.press("Shift+ArrowLeft")
    lead.get_by_role("button", name="insert link").click()
    link_dialog = page.get_by_role("dialog")
    link_dialog.get_by_label("URL").fill("https://example.org/budget")
    link_dialog.get_by_role("button", name="Update").click()
    # The editor takes the focus back once the link is in; typing elsewhere
    # before then would type into the selected words.
    expect(lead.get_by_role("link", name="budget papers")).to_have_attribute(
        "href", "https://example.org/budget"
    )
    page.locator("#id_tags").fill("Local government")

    page.locator("#id_hero_image").set_input_files(
        {
            "name": "council-chamber.jpg",
            "mimeType": "image/jpeg",
            "buffer": image_upload().read(),
        }
    )
    page.locator("#id_hero_alt").fill("Councillors raise their hands to vote")
    page.locator("#id_hero_caption").fill("The vote at Leeds Civic Hall")
    page.locator("#id_hero_credit").fill("Photograph: Tom Reyes")

    page.locator("#id_subheadings-0-heading").fill("Where the money goes")
    prose_editor(page, "id_subheadings-0-body").locator(".ProseMirror").fill(
        "Most of it pays for adult social care."
    )
    page.get_by_role("button", name="Add another Subheading").click()
    page.locator("#id_subheadings-1-heading").fill("What happens next")
    prose_editor(page, "id_subheadings-1-body").locator(".ProseMirror").fill(
        "Bills go out in March."
    )

    page.get_by_role("button", name="Save and continue editing").click()
    expect(messages(page)).to_contain_text("was added successfully")
    expect(status(page)).to_have_text("Draft")

    page.get_by_role("button", name="Submit for review").click()
    expect(messages(page)).to_contain_text("Submitted for review.")
    expect(status(page)).to_have_text("In review")
    # Under review the text is the editors' to change, not the author's.
    expect(page.get_by_role("button", name="Save", exact=True)).to_have_count(0)

    with page.expect_popup() as opened:
        page.get_by_role("link", name="Preview").click()
    preview = opened.value
    expect(preview.locator(".preview-banner")).to_contain_text(
        "Preview — not published. Status: In review."
    )
    story = preview.locator("article.story")
    expect(story.locator("h1")).to_have_text("Council tax to rise by 4.99% in Leeds")
    expect(story.locator(".dateline")).to_have_text("LEEDS:")
    expect(story.locator("strong", has_text="by 41 to 12")).to_be_visible()
    expect(story.get_by_role("link", name="budget papers")).to_have_attribute(
        "href", "https://example.org/budget"
    )
    expect(story.locator(".story-body h2")).to_have_text(
        ["Where the money goes", "What happens next"]
    )
    hero = story.get_by_role("img", name="Councillors raise their hands to vote")
    assert_image_shown(hero)
    expect(story.locator("figcaption")).to_have_text(
        "The vote at Leeds Civic Hall Photograph: Tom Reyes"
    )
    expect(story.get_by_role("link", name="Local government")).to_be_visible()


def test_journalist_cannot_publish(new_page, journalist, politics):
    article = make_article(
        headline="Bypass plan goes to a public inquiry",
        section=politics,
        status=Status.DRAFT,
        authors=[journalist],
    )
    page = new_page(journalist)
    page.goto(change_url(article))
    expect(page.locator(".workflow-actions").get_by_role("button")).to_have_text(
        ["Submit for review"]
    )

    # What a journalist could still send by editing the page: the form, with
    # a changed headline, plus the publish action the page does not offer.
    page.locator("#id_headline").fill("Published without an editor")
    with page.expect_response(
        lambda response: response.request.method == "POST"
    ) as sent:
        page.evaluate(
            """() => {
                const form = document.getElementById("article_form");
                const action = document.createElement("input");
                Object.assign(action, {type: "hidden", name: "_workflow", value: "publish"});
                form.append(action);
                form.submit();
            }"""
        )
    assert sent.value.status == 403
    # The refusal is a page in the admin's look that says why and what to do.
    expect(page.get_by_role("heading", name="You cannot do this here")).to_be_visible()
    expect(page.locator(".errornote")).to_contain_text("Your role does not allow")
    expect(page.get_by_role("link", name="Back to the desk")).to_be_visible()

    page.goto(change_url(article))
    expect(status(page)).to_have_text("Draft")
    expect(page.locator("#id_headline")).to_have_value(
        "Bypass plan goes to a public inquiry"
    )
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.DRAFT, None)
    reader = new_page()
    assert reader.goto(article.get_absolute_url()).status == 404


def test_editor_returns_an_article_the_journalist_fixes_and_the_editor_publishes_it(
    new_page, journalist, editor, politics
):
    article = make_article(
        headline="Tram line approved for east Leeds",
        standfirst="The line will open in 2031.",
        section=politics,
        status=Status.IN_REVIEW,
        authors=[journalist],
    )
    desk = new_page(editor)
    desk.goto("/admin/articles/article/")
    desk.locator("#changelist-filter").get_by_role("link", name="In review").click()
    row = desk.locator("#result_list tbody tr", has_text=article.headline)
    expect(row.locator(".field-listed_state")).to_have_text("In review")
    row.get_by_role("link", name=article.headline, exact=True).click()

    returning = confirm_step(desk, "return")
    returning.get_by_label("Note to the author").fill(
        "Which year? The council says 2032."
    )
    returning.get_by_role("button", name="Return to the author as a draft").click()
    expect(messages(desk)).to_contain_text("Returned to author.")
    expect(status(desk)).to_have_text("Returned “Which year? The council says 2032.”")

    author = new_page(journalist)
    author.goto(change_url(article))
    returned = author.get_by_role("alert")
    expect(returned).to_contain_text("Returned to you by Alex Marsh")
    expect(returned).to_contain_text("Which year? The council says 2032.")
    author.locator("#id_standfirst").fill("The line will open in 2032.")
    author.get_by_role("button", name="Submit for review").click()
    expect(messages(author)).to_contain_text("Submitted for review.")

    desk.reload()
    expect(status(desk)).to_have_text("In review")
    expect(desk.locator("#id_standfirst")).to_have_value("The line will open in 2032.")
    with desk.expect_popup() as opened:
        desk.get_by_role("link", name="Preview").click()
    preview = opened.value
    expect(preview.get_by_role("status")).to_contain_text("Preview — not published.")
    expect(preview.locator(".standfirst")).to_have_text("The line will open in 2032.")
    preview.close()

    confirm_step(desk, "publish").get_by_role("button", name="Publish now").click()
    expect(messages(desk)).to_contain_text("Published.")
    expect(status(desk)).to_have_text("Published")

    reader = new_page()
    reader.goto("/")
    expect(
        reader.get_by_role("link", name=article.headline, exact=True)
    ).to_be_visible()
    reader.get_by_role("navigation", name="Sections").get_by_role(
        "link", name="Politics"
    ).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Politics")
    reader.get_by_role("link", name=article.headline, exact=True).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(article.headline)
    expect(reader.locator(".standfirst")).to_have_text("The line will open in 2032.")


def test_scheduled_article_reaches_readers_when_its_time_comes(
    new_page, journalist, editor, politics
):
    article = make_article(
        headline="Mayor to announce bus fare cap",
        section=politics,
        status=Status.IN_REVIEW,
        authors=[journalist],
    )
    desk = new_page(editor)
    desk.goto(change_url(article))
    in_two_minutes = localtime() + timedelta(minutes=2)
    publishing = confirm_step(desk, "publish")
    publishing.get_by_label("Publication date").fill(
        in_two_minutes.strftime("%d/%m/%Y")
    )
    publishing.get_by_label("Publication time").fill(
        in_two_minutes.strftime("%H:%M:%S")
    )
    # The button says what it will do with the time chosen, before it is pressed.
    schedule = f"Schedule for {in_two_minutes.strftime('%a %-d %b, %H:%M')}"
    publishing.get_by_role("button", name=schedule).click()
    scheduled_for = in_two_minutes.strftime("%-d %B %Y, %H:%M")
    expect(messages(desk)).to_contain_text(f"Scheduled for {scheduled_for}.")

    reader = new_page()
    reader.goto("/")
    expect(reader.locator("main")).not_to_contain_text(article.headline)
    reader.goto("/politics/")
    expect(reader.locator("main")).not_to_contain_text(article.headline)
    assert reader.goto(article.get_absolute_url()).status == 404

    # Two minutes pass: the publication time is moved back rather than the
    # test waiting, since being live is only ever "published_at <= now" (no
    # job runs at the time) and the server shares this test's database.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )

    reader.goto("/")
    expect(
        reader.get_by_role("link", name=article.headline, exact=True)
    ).to_be_visible()
    reader.goto("/politics/")
    expect(
        reader.get_by_role("link", name=article.headline, exact=True)
    ).to_be_visible()
    assert reader.goto(article.get_absolute_url()).status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(article.headline)


def test_second_of_two_editors_saving_sees_the_conflict_and_keeps_their_text(
    new_page, journalist, editor, second_editor, politics
):
    article = make_article(
        headline="Library closures paused",
        standfirst="Five branches stay open for now.",
        section=politics,
        status=Status.IN_REVIEW,
        authors=[journalist],
    )
    alex = new_page(editor)
    alex.goto(change_url(article))
    ria = new_page(second_editor)
    ria.goto(change_url(article))
    expect(ria.get_by_role("status")).to_contain_text(
        "Alex Marsh is editing this article"
    )

    alex.locator("#id_standfirst").fill("Five branches stay open until April.")
    alex.get_by_role("button", name="Save and continue editing").click()
    expect(messages(alex)).to_contain_text("was changed successfully")

    ria.locator("#id_standfirst").fill("Five branches stay open after a late deal.")
    ria.get_by_role("button", name="Save and continue editing").click()
    expect(ria.get_by_role("alert")).to_contain_text(
        re.compile(
            r"This article was changed by Alex Marsh at \d\d:\d\d after you opened it\."
        )
    )
    expect(ria.locator("#id_standfirst")).to_have_value(
        "Five branches stay open after a late deal."
    )
    article.refresh_from_db()
    assert article.standfirst == "Five branches stay open until April."


def test_withdrawn_article_tells_readers_it_was_withdrawn(
    new_page, journalist, editor, politics
):
    article = make_article(
        headline="Councillor accused of fraud",
        section=politics,
        authors=[journalist],
    )
    reader = new_page()
    assert reader.goto(article.get_absolute_url()).status == 200

    desk = new_page(editor)
    desk.goto(change_url(article))
    withdrawing = confirm_step(desk, "withdraw")
    withdrawing.get_by_label("Reason for withdrawing").fill(
        "Legal advice: the claim about the councillor is unproven."
    )
    withdrawing.get_by_role("button", name="Withdraw it from the site").click()
    expect(messages(desk)).to_contain_text("Withdrawn.")
    expect(status(desk)).to_have_text("Withdrawn")

    assert reader.reload().status == 410
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "This article has been withdrawn"
    )


def test_text_of_a_save_that_never_came_back_is_offered_when_the_article_reopens(
    new_page, journalist, politics
):
    article = make_article(
        headline="Harbour dredging approved",
        section=politics,
        status=Status.DRAFT,
        published_at=None,
        authors=[journalist],
    )
    page = new_page(journalist)
    page.goto(change_url(article))

    def database_down(route):
        # What the site answers while PostgreSQL is away (articles.views.server_error).
        if route.request.method == "POST":
            route.fulfill(
                status=503, content_type="text/html", body="<h1>Back in a moment</h1>"
            )
        else:
            route.continue_()

    page.route(f"**{change_url(article)}", database_down)
    page.locator("#id_headline").fill("Dredging starts in March")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.get_by_role("heading", name="Back in a moment")).to_be_visible()

    page.unroute(f"**{change_url(article)}")
    page.goto(change_url(article))
    expect(page.locator("#id_headline")).to_have_value("Harbour dredging approved")
    expect(page.locator("#autosave")).to_contain_text("Restore unsaved text from")
    page.get_by_role("button", name="Restore").click()
    expect(page.locator("#id_headline")).to_have_value("Dredging starts in March")


def test_logging_out_leaves_no_autosaved_text_in_the_browser(
    new_page, journalist, politics
):
    article = make_article(
        headline="Harbour dredging approved",
        section=politics,
        status=Status.DRAFT,
        published_at=None,
        authors=[journalist],
    )
    page = new_page(journalist)
    page.goto(change_url(article))
    page.locator("#id_headline").fill("Dredging starts in March")

    def autosaved():
        return page.evaluate(
            "() => Object.keys(localStorage).filter(key => key.startsWith('newsroom-autosave:'))"
        )

    # autosave.js keeps what is typed after a short pause.
    page.wait_for_function(
        "() => Object.keys(localStorage).some(key => key.startsWith('newsroom-autosave:'))"
    )
    page.get_by_role("button", name="Log out").click()

    expect(page.get_by_role("heading", name="Logged out")).to_be_visible()
    assert autosaved() == []
