"""A reader, logged out, in Chromium: an embed that loads only when asked, and a gallery."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_article


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
