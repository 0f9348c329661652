"""Links pasted alone in a paragraph become embeds that load nothing from the service until the reader asks."""

import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from PIL import Image

from articles import embeds
from articles.embed_providers import PROVIDERS, frame_origins
from articles.models import Embed
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def story_with(url, *, linked=False):
    paragraph = f'<p><a href="{url}">{url}</a></p>' if linked else f"<p>{url}</p>"
    return make_article(
        body=f"<p>The council met on Tuesday.</p>{paragraph}<p>It voted.</p>"
    )


def timed_save(url):
    started = time.monotonic()
    article = story_with(url)
    return article, time.monotonic() - started


def test_a_pasted_link_is_resolved_once_and_its_thumbnail_copied_to_our_media(
    fake_oembed,
):
    article = story_with(fake_oembed.url("ok"), linked=True)

    embed = article.embeds.get()
    assert embed.provider == "Fake Video"
    assert embed.title == "Council meeting, live"
    assert embed.frame_url == f"{fake_oembed.origin}/player/1"
    assert (embed.width, embed.height) == (640, 360)
    assert embed.fetched_at is not None
    with default_storage.open(embed.thumbnail.name) as stored:
        assert Image.open(stored).size == (480, 270)
    assert (embed.thumbnail_width, embed.thumbnail_height) == (480, 270)

    # Saving again asks the provider nothing more.
    fetched_at = embed.fetched_at
    article.save()
    assert article.embeds.get().fetched_at == fetched_at


def test_the_reader_gets_a_placeholder_that_loads_nothing_from_the_service(
    client, fake_oembed
):
    article = story_with(fake_oembed.url("ok"))
    article.section.is_active = True
    article.section.save()
    embed = article.embeds.get()

    html = client.get(article.get_absolute_url()).content.decode()

    assert "Council meeting, live" in html
    assert "Loads content from Fake Video" in html
    assert '<button type="button" class="embed-load"' in html
    assert f'data-embed-frame="{fake_oembed.origin}/player/1"' in html
    assert f'src="{embed.thumbnail.url}"' in html
    assert embed.thumbnail.url.startswith(settings.MEDIA_URL)
    # Nothing on the page makes the browser contact the provider by itself.
    assert "<iframe" not in html
    assert f'src="{fake_oembed.origin}' not in html
    # The paragraphs around it are kept, in order.
    assert (
        html.index("The council met")
        < html.index("Council meeting, live")
        < html.index("It voted.")
    )


@pytest.mark.parametrize("behaviour", ["slow", "drip", "missing", "huge"])
def test_a_slow_broken_or_oversized_provider_never_breaks_or_holds_up_the_save(
    client, fake_oembed, behaviour
):
    article, seconds = timed_save(fake_oembed.url(behaviour))

    # Two timeouts at most (no first byte, or the whole answer too slow).
    assert seconds < 4 * settings.EMBED_TIMEOUT_SECONDS
    embed = article.embeds.get()
    assert not embed.is_resolved
    assert embed.title == ""
    article.section.is_active = True
    article.section.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'class="embed-card"' in html
    assert f'href="{fake_oembed.url(behaviour)}"' in html
    assert "embed-load" not in html


def test_a_failed_embed_is_asked_again_only_after_an_hour(fake_oembed, monkeypatch):
    article, _seconds = timed_save(fake_oembed.url("missing"))
    asked = []
    monkeypatch.setattr(embeds, "fetch", lambda *args: asked.append(args) or b"{}")

    article.save()
    assert asked == []

    Embed.objects.update(fetched_at=article.embeds.get().fetched_at.replace(year=2000))
    article.save()
    assert len(asked) == 1


def test_nothing_hostile_in_a_provider_answer_survives(client, fake_oembed):
    article = story_with(fake_oembed.url("hostile"))
    embed = article.embeds.get()

    for hostile in (
        "<script",
        "alert",
        "onload",
        "onclick",
        "onerror",
        "srcdoc",
        "evil.example",
        "javascript:",
        "<style",
        "<img",
    ):
        assert hostile not in embed.html
    # The listed frame stays; the one from off the list is gone whole.
    assert embed.html.count("<iframe") == 1
    assert embed.frame_url == f"{fake_oembed.origin}/player/2"
    # A thumbnail that is not on the web is never fetched.
    assert not embed.thumbnail

    article.section.is_active = True
    article.section.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;Totally normal video"
        in html
    )
    assert "<script>alert" not in html


def test_a_frame_from_off_the_list_is_never_offered_even_when_stored(
    client, fake_oembed
):
    article = story_with(fake_oembed.url("ok"))
    Embed.objects.update(frame_url="https://evil.example/player")
    article.section.is_active = True
    article.section.save()
    cache.clear()

    html = client.get(article.get_absolute_url()).content.decode()

    assert "evil.example" not in html.replace(f'href="{fake_oembed.url("ok")}"', "")
    assert 'class="embed-card"' in html


def test_links_among_other_text_and_addresses_of_no_service_stay_links(fake_oembed):
    article = make_article(
        body=(
            f'<p>Watch <a href="{fake_oembed.url("ok")}">the meeting</a> in full.</p>'
            "<p>https://example.org/not-a-service</p>"
        )
    )

    assert not article.embeds.exists()


def test_the_sanitiser_and_the_content_security_policy_frame_the_same_origins(client):
    assert settings.EMBED_PROVIDERS is PROVIDERS
    origins = frame_origins(PROVIDERS)
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"] == origins
    header = client.get("/").headers["Content-Security-Policy"]
    assert "frame-src " + " ".join(origins) in header
    for origin in origins:
        assert embeds.frame_allowed(f"{origin}/embed/1")
    assert not embeds.frame_allowed("https://evil.example/embed/1")
    assert not embeds.frame_allowed("https://www.youtube.com.evil.example/embed/1")
    assert not embeds.frame_allowed("javascript:alert(1)")


@pytest.mark.parametrize(
    ("url", "provider"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube"),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube"),
        ("https://vimeo.com/76979871", "Vimeo"),
        ("https://x.com/nasa/status/1234567890123456789", "X"),
        ("https://twitter.com/nasa/status/1234567890123456789", "X"),
        ("https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l", "Bluesky"),
        ("https://www.instagram.com/p/C8s2abcDEF1/", "Instagram"),
        ("https://www.tiktok.com/@scout2015/video/6718335390845095173", "TikTok"),
        ("https://www.facebook.com/nasa/posts/pfbid02abc", "Facebook"),
        ("https://soundcloud.com/forss/flickermood", "SoundCloud"),
        ("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "Spotify"),
        ("https://public.flourish.studio/visualisation/1234567/", "Flourish"),
        ("https://datawrapper.dwcdn.net/AbC12/1/", "Datawrapper"),
        ("https://www.google.com/maps/embed?pb=!1m18!1m12", "Google Maps"),
    ],
)
def test_each_service_journalists_use_is_recognised(url, provider):
    found, _match = embeds.provider_for(url)
    assert found["name"] == provider


def test_a_google_map_needs_no_oembed_and_frames_its_own_address():
    section = make_section(is_active=True)
    url = "https://www.google.com/maps/embed?pb=!1m18!1m12"

    article = make_article(section=section, body=f"<p>{url}</p>")

    embed = article.embeds.get()
    assert embed.provider == "Google Maps"
    assert embed.frame_url == url
    assert embed.is_resolved


def test_services_whose_oembed_is_a_script_are_framed_from_their_own_address(
    fake_oembed, settings
):
    settings.EMBED_PROVIDERS = PROVIDERS

    found = embeds.resolve("https://x.com/nasa/status/1234567890123456789")

    # X's answer needs its script, which never runs here: the frame is built
    # from the address, even when the provider cannot be reached.
    assert (
        found["frame_url"]
        == "https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&dnt=true"
    )


def test_an_article_page_with_embeds_keeps_its_query_budget(
    client, django_assert_max_num_queries, fake_oembed
):
    article = make_article(
        section=make_section(is_active=True),
        body="".join(f"<p>{fake_oembed.url(b)}</p>" for b in ("ok", "missing")),
        subheadings=["More"],
    )
    subheading = article.subheadings.get()
    subheading.body = f"<p>{fake_oembed.url('hostile')}</p>"
    subheading.save()
    cache.clear()

    with django_assert_max_num_queries(5):
        html = client.get(article.get_absolute_url()).content.decode()

    assert html.count('class="embed"') == 3
