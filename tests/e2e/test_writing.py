"""
Writing aids and layout in Chromium: live counts, subheadings reordered by
dragging and by keyboard, sections dragged into navigation order, and the
article form and list at a 1366-pixel laptop and a phone.
"""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Section
from tests.e2e.conftest import screenshot_folder
from tests.factories import make_article, make_section
from tests.forms import change_url

Status = Article.Status
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
LONG_HEADLINE = (
    "Ministers promise a review of flood defences along the Rhine after towns "
    "spend a second week clearing mud from homes, schools and the high street"
)


def photograph(request, page, name):
    """Save a full-page screenshot in the e2e artifacts folder, for people to look at."""
    folder = screenshot_folder(request.config)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def overlap(first, second):
    """Return whether two bounding boxes share any area."""
    return not (
        first["x"] + first["width"] <= second["x"]
        or second["x"] + second["width"] <= first["x"]
        or first["y"] + first["height"] <= second["y"]
        or second["y"] + second["height"] <= first["y"]
    )


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_article_form_headline_never_overlaps_its_tools(
    request, new_page, editor, viewport
):
    article = make_article(headline=LONG_HEADLINE, subheadings=["Before the flood"])
    page = new_page(editor)
    page.set_viewport_size(viewport)
    page.goto(change_url(article))

    title = page.locator("#content h2").first
    expect(title).to_contain_text("Ministers promise")
    tools = page.locator(".object-tools li")
    assert tools.count() >= 4, "Revisions, Preview, share links, History, View on site"
    # The heading is a full-width block; what must stay clear is its text.
    title_lines = title.evaluate(
        """title => {
            const range = document.createRange();
            range.selectNodeContents(title);
            return Array.from(range.getClientRects(), rect => ({
                x: rect.x, y: rect.y, width: rect.width, height: rect.height,
            }));
        }"""
    )
    for index in range(tools.count()):
        tool = tools.nth(index)
        for line in title_lines:
            assert not overlap(line, tool.bounding_box()), (
                f"the headline overlaps “{tool.inner_text()}”"
            )
    width = page.evaluate("document.documentElement.scrollWidth")
    photograph(request, page, f"article-form-{viewport['width']}")
    assert width <= viewport["width"] or viewport is PHONE


def test_the_article_list_shows_headlines_on_at_most_two_lines(
    request, new_page, editor
):
    for number in range(5):
        make_article(headline=f"{LONG_HEADLINE} ({number})")
    page = new_page(editor)
    page.set_viewport_size(LAPTOP)
    page.goto("/admin/articles/article/")

    cells = page.locator("#result_list tbody th.field-headline")
    expect(cells).to_have_count(5)
    line_height = float(
        cells.first.evaluate("cell => parseFloat(getComputedStyle(cell).lineHeight)")
    )
    for index in range(5):
        box = cells.nth(index).locator("a").bounding_box()
        assert box["height"] <= 2 * line_height + 1, (
            f"headline {index} is {box['height'] / line_height:.1f} lines tall"
        )
    results = page.locator("#changelist .results")
    assert results.evaluate("box => box.scrollWidth <= box.clientWidth"), (
        "the list is wider than the page and scrolls sideways"
    )
    photograph(request, page, "article-list-1366")
    page.set_viewport_size(PHONE)
    photograph(request, page, "article-list-390")


def test_counts_follow_the_typing(request, new_page, journalist, politics):
    page = new_page(journalist)
    page.set_viewport_size(LAPTOP)
    page.goto("/admin/articles/article/add/")

    page.locator("#id_headline").fill("Flood " * 14)  # 84 characters
    expect(page.locator("#id_headline_count")).to_have_text(
        "84 characters: 14 over the 70 advised."
    )
    page.locator("#id_standfirst").fill("Towns along the Rhine clear mud. " * 5)
    expect(page.locator("#id_standfirst_count")).to_have_text(
        "30 words, within the 25–45 advised."
    )
    page.get_by_role("textbox", name="Lead text").click()
    page.keyboard.type("The water rose overnight.")
    page.keyboard.press("Enter")
    page.keyboard.type("Nobody was hurt.")
    expect(page.locator("#id_body_count")).to_have_text("7 words")
    page.locator("summary").filter(has_text="Search and sharing").click()
    page.locator("#id_seo_title").fill("Rhine floods")
    expect(page.locator("#id_seo_title_count")).to_have_text("12 of 70 characters")
    describedby = page.locator("#id_headline").get_attribute("aria-describedby")
    assert "id_headline_count" in describedby.split()
    photograph(request, page, "article-form-counts")


def drag(page, source, target):
    """Drag source by its left end to the top of target, in steps, as a hand does."""
    # Both must be inside the window: the mouse cannot reach what is not shown.
    target.evaluate(
        "element => { element.scrollIntoView({block: 'start'}); window.scrollBy(0, -100); }"
    )
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + 8, start["y"] + start["height"] / 2)
    page.mouse.down()
    # Past the target's top edge, as a hand puts a row above another.
    page.mouse.move(end["x"] + 8, end["y"] + 1, steps=20)
    # A little more movement once there: the list may still be animating the
    # last swap (150 ms) when the pointer arrives, and only a move after it
    # has ended places the row.
    page.wait_for_timeout(200)
    page.mouse.move(end["x"] + 12, end["y"] + 2, steps=5)
    page.mouse.up()


def subheading_order(page):
    return page.locator(
        ".inline-related.has_original input[name$='-heading']"
    ).evaluate_all("inputs => inputs.map(input => input.value)")


def test_subheadings_are_reordered_by_dragging_and_by_keyboard(
    request, new_page, journalist
):
    article = make_article(
        authors=[journalist],
        status=Status.DRAFT,
        published_at=None,
        subheadings=["First", "Second", "Third"],
    )
    page = new_page(journalist)
    page.set_viewport_size(LAPTOP)
    page.goto(change_url(article))
    titles = page.locator(".inline-related.has_original h3")
    expect(titles).to_have_count(3)

    drag(page, titles.nth(2), titles.nth(0))
    expect(
        page.locator(".inline-related.has_original input[name$='-heading']").first
    ).to_have_value("Third")
    assert subheading_order(page) == ["Third", "First", "Second"]

    move_down = page.get_by_role("button", name="Move down").first
    move_down.focus()
    page.keyboard.press("Enter")
    assert subheading_order(page) == ["First", "Third", "Second"]
    expect(page.get_by_role("status").filter(has_text="moved")).to_have_text(
        "“Third” moved to position 2 of 3."
    )
    focused = page.evaluate(
        """() => [
            document.activeElement.textContent,
            document.activeElement.closest('.inline-related')
                .querySelector("input[name$='-heading']").value,
        ]"""
    )
    assert focused == ["Move down", "Third"], "focus stays on the button pressed"
    photograph(request, page, "subheadings-reordered")

    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = list(article.subheadings.order_by("position", "pk"))
    assert [part.heading for part in saved] == ["First", "Third", "Second"]
    assert [part.body for part in saved] == [
        f"<p>Text under {heading}.</p>" for heading in ("First", "Third", "Second")
    ]
    assert subheading_order(page) == ["First", "Third", "Second"]


def test_sections_are_put_in_navigation_order_by_dragging(
    request, new_page, administrator
):
    for position, name in enumerate(["Politics", "Sport", "Culture"], start=1):
        make_section(name=name, slug=name.lower(), position=position)
    page = new_page(administrator)
    page.set_viewport_size(LAPTOP)
    page.goto("/admin/articles/section/")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)

    with page.expect_response("**/adminsortable2_update/") as answer:
        rows.nth(2).locator(".handle").drag_to(rows.nth(0).locator(".handle"))
    assert answer.value.status == 200

    assert [section.name for section in Section.objects.active()] == [
        "Culture",
        "Politics",
        "Sport",
    ]
    photograph(request, page, "sections-dragged")
    page.goto("/")
    expect(page.locator("nav a").filter(has_text="Culture").first).to_be_visible()
