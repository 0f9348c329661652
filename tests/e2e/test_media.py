"""A reader, logged out, in Chromium: an embed that loads only when asked, and a gallery."""

import pytest
from playwright.sync_api import expect

from tests.e2e.assertions import assert_image_shown
from tests.e2e.test_accessibility import violations
from tests.factories import make_article, make_gallery


@pytest.fixture
def embed_story(politics, fake_oembed):
    return make_article(
        headline="Council meeting streamed",
        section=politics,
        body=f"<p>The meeting was streamed.</p><p>{fake_oembed.url('ok')}</p>",
    )


def test_a_reader_loads_an_embed_by_pressing_its_button_and_not_before(
    new_page, embed_story, fake_oembed
):
    reader = new_page()
    provider_requests = []
    reader.on(
        "request",
        lambda request: (
            request.url.startswith(fake_oembed.origin)
            and provider_requests.append(request.url)
        ),
    )
    reader.goto(embed_story.get_absolute_url())

    embed = reader.locator("figure.embed")
    expect(embed).to_contain_text("Council meeting, live")
    expect(embed).to_contain_text("Loads content from Fake Video")
    expect(embed.locator("iframe")).to_have_count(0)
    assert provider_requests == []

    embed.get_by_role("button", name="Load from Fake Video").click()

    frame = embed.locator("iframe")
    expect(frame).to_have_attribute("title", "Council meeting, live")
    expect(
        reader.frame_locator("figure.embed iframe").get_by_text("Fake player playing")
    ).to_be_visible()
    assert provider_requests == [f"{fake_oembed.origin}/player/1"]


@pytest.fixture
def gallery_story(politics, fake_oembed):
    article = make_article(
        headline="Flood waters recede",
        section=politics,
        body="".join(f"<p>Paragraph {n}.</p>" for n in range(1, 4))
        + f"<p>{fake_oembed.url('ok')}</p>",
    )
    make_gallery(article, photos=3, after_paragraph=1, title="The flood in pictures")
    return article


def test_a_reader_browses_a_gallery_with_the_keyboard(new_page, gallery_story):
    reader = new_page()
    reader.goto(gallery_story.get_absolute_url())
    gallery = reader.get_by_role("region", name="The flood in pictures 3 photos")
    for image in gallery.get_by_role("img").all()[:1]:
        assert_image_shown(image)

    gallery.get_by_role("link", name="Photo 2 of 3: Photo description 2").focus()
    reader.keyboard.press("Enter")

    viewer = reader.get_by_role("dialog", name="The flood in pictures")
    expect(viewer).to_be_visible()
    expect(viewer.locator(".gallery-count")).to_have_text("Photo 2 of 3")
    photo = viewer.get_by_role("img", name="Photo description 2")
    assert_image_shown(photo)
    expect(viewer).to_contain_text("Caption 2 Photograph: Tom Reyes")

    reader.keyboard.press("ArrowRight")
    expect(viewer.locator(".gallery-count")).to_have_text("Photo 3 of 3")
    expect(viewer.get_by_role("img", name="Photo description 3")).to_be_visible()
    reader.keyboard.press("ArrowRight")
    expect(viewer.locator(".gallery-count")).to_have_text("Photo 1 of 3")
    reader.keyboard.press("ArrowLeft")
    reader.keyboard.press("ArrowLeft")
    expect(viewer.locator(".gallery-count")).to_have_text("Photo 2 of 3")

    reader.keyboard.press("Escape")
    expect(viewer).to_be_hidden()
    expect(
        gallery.get_by_role("link", name="Photo 2 of 3: Photo description 2")
    ).to_be_focused()


def test_a_page_with_a_gallery_and_an_embed_has_no_serious_accessibility_violations(
    new_page, gallery_story
):
    reader = new_page()
    reader.goto(gallery_story.get_absolute_url())

    problems = violations(reader, impacts={"serious", "critical"})
    assert not problems, "\n".join(problems)

    reader.get_by_role("link", name="Photo 1 of 3: Photo description 1").click()
    expect(reader.get_by_role("dialog")).to_be_visible()
    problems = violations(reader, impacts={"serious", "critical"})
    assert not problems, "With the viewer open:\n" + "\n".join(problems)
