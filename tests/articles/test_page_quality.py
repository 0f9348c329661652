"""What outside tools check on every public page: image weight, valid HTML, icons, canonical addresses."""

import io
import json
import re
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test.utils import override_script_prefix
from django.utils import timezone
from PIL import Image

from articles.demo import draw_hero
from articles.models import Article, AuthorProfile, WorkflowEvent
from tests.articles.test_article_page import outline
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string", as every page should write it: no fraction of a second.
WHOLE_SECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def with_hero(article, size=(640, 360)):
    """Give a saved article a drawn hero image, saved as an editor's upload is."""
    article.hero_image.save(
        f"{article.slug}.jpg",
        ContentFile(draw_hero(article.slug, "international", size=size)),
        save=False,
    )
    article.hero_alt = "Hills under a pale sun"
    article.save()
    return article


def without_webp(renditions):
    """Return renditions as they were stored before WebP was added."""
    return {
        **renditions,
        "sizes": [
            {key: value for key, value in size.items() if not key.startswith("webp")}
            for size in renditions["sizes"]
        ],
    }


@pytest.fixture
def newsroom():
    """A small published site: two sections, an author, a tag, images on every story."""
    writer = make_user(first_name="Amara", last_name="Okafor")
    world = make_section(name="International", slug="international")
    business = make_section(name="Business", slug="business")
    now = timezone.now()
    stories = [
        with_hero(
            make_article(
                section=section,
                authors=[writer],
                tags=["Climate"],
                published_at=now - timedelta(hours=hours, microseconds=123456),
            )
        )
        for hours, section in enumerate([world, business] * 4, start=1)
    ]
    return {"writer": writer, "stories": stories}


def public_pages(newsroom):
    slug = AuthorProfile.objects.get(user=newsroom["writer"]).slug
    return [
        "/",
        "/international/",
        newsroom["stories"][0].get_absolute_url(),
        "/search/?q=story",
        "/tags/climate/",
        f"/authors/{slug}/",
    ]


def test_a_saved_hero_gets_webp_renditions_beside_the_jpeg_ones():
    article = with_hero(make_article(), size=(1600, 900))

    sizes = article.hero_renditions["sizes"]
    assert [size["width"] for size in sizes] == [240, 480, 720, 960, 1440]
    for size in sizes:
        assert size["name"].endswith(".jpg")
        with default_storage.open(size["webp_name"]) as stored:
            webp = Image.open(stored)
            assert webp.format == "WEBP"
            assert webp.size == (size["width"], size["height"])
        assert size["webp_bytes"] == default_storage.size(size["webp_name"])


def test_saving_an_article_whose_renditions_predate_webp_adds_them():
    article = with_hero(make_article())
    Article.objects.filter(pk=article.pk).update(
        hero_renditions=without_webp(article.hero_renditions)
    )
    article.refresh_from_db()

    article.save()

    article.refresh_from_db()
    assert all(
        default_storage.exists(size["webp_name"])
        for size in article.hero_renditions["sizes"]
    )


def test_make_renditions_backfills_each_image_once_and_then_has_nothing_to_do(
    capsys, site, django_capture_on_commit_callbacks
):
    first = with_hero(make_article())
    old = without_webp(first.hero_renditions)
    sharing = make_article()
    Article.objects.filter(pk__in=[first.pk, sharing.pk]).update(
        hero_image=first.hero_image.name, hero_renditions=old
    )
    current = with_hero(make_article())
    updated_at = Article.objects.get(pk=first.pk).updated_at
    site.get(first.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_renditions")

    assert ".webp" in site.get(first.get_absolute_url()).text, "cached pages purged"
    output = capsys.readouterr().out
    assert (
        "1 image(s) to render for 2 article(s); 1 article(s) already up to date."
        in output
    )
    assert f"1 / 1  {first.hero_image.name}" in output
    assert "Made renditions for 1 image(s)" in output
    for article in Article.objects.filter(pk__in=[first.pk, sharing.pk]):
        assert article.hero_webp_srcset.count(".webp") == 3
    assert Article.objects.get(pk=first.pk).updated_at == updated_at
    assert Article.objects.get(pk=current.pk).hero_renditions == current.hero_renditions

    call_command("make_renditions")

    assert (
        "0 image(s) to render for 0 article(s); 3 article(s) already up to date."
        in capsys.readouterr().out
    )


def test_make_renditions_names_an_image_it_cannot_read_and_carries_on(capsys):
    lost = make_article()
    Article.objects.filter(pk=lost.pk).update(hero_image="heroes/lost.jpg")
    readable = with_hero(make_article())
    Article.objects.filter(pk=readable.pk).update(
        hero_renditions=without_webp(readable.hero_renditions)
    )

    with pytest.raises(CommandError, match="1 image\\(s\\) could not be read"):
        call_command("make_renditions")

    assert "heroes/lost.jpg" in capsys.readouterr().err
    assert Article.objects.get(pk=readable.pk).hero_webp_srcset


def test_home_lead_image_loads_first_and_offers_webp(client, newsroom):
    page = outline(client.get("/"))
    lead, *others = [image for image in page.images if image.get("srcset")]
    lead_webp, *other_webps = page.sources

    assert lead["fetchpriority"] == "high" and "loading" not in lead
    assert (lead["width"], lead["height"]) == ("640", "360")
    assert lead_webp["type"] == "image/webp"
    assert lead_webp["srcset"].count(".webp ") == 3
    # The lead fills the column beside the most-read rail: 832 px at most.
    assert lead["sizes"] == lead_webp["sizes"]
    assert lead["sizes"].startswith("(min-width: 76rem) 832px,")
    assert others and all(image["loading"] == "lazy" for image in others)
    assert all("fetchpriority" not in image for image in others)
    assert len(other_webps) == len(others)


def test_list_pages_draw_thumbnails_at_the_card_column_width(client, newsroom):
    for path in ["/international/", "/tags/climate/"]:
        page = outline(client.get(path))
        assert page.images and page.sources, path
        for image in page.images + page.sources:
            assert image["sizes"] == "(min-width: 48rem) 12rem, 7.5rem", path


def test_every_image_on_public_pages_has_width_and_height(client, newsroom):
    AuthorProfile.objects.filter(user=newsroom["writer"]).update(
        photo="authors/amara.jpg"
    )
    for path in public_pages(newsroom):
        images = outline(client.get(path)).images
        for image in images:
            assert image.get("width", "").isdigit(), (path, image)
            assert image.get("height", "").isdigit(), (path, image)


def test_machine_readable_times_are_whole_seconds_everywhere(client, newsroom):
    story = newsroom["stories"][0]
    Article.objects.filter(pk=story.pk).update(
        revised_at=timezone.now() - timedelta(minutes=5, microseconds=5)
    )
    WorkflowEvent.objects.create(
        article=story,
        action=WorkflowEvent.Action.CORRECT,
        from_status=Article.Status.PUBLISHED,
        to_status=Article.Status.PUBLISHED,
        note="A figure was wrong.",
    )
    for path in public_pages(newsroom):
        html = client.get(path).content.decode()
        times = re.findall(r'<time datetime="([^"]*)"', html)
        assert times, path
        for value in times:
            assert WHOLE_SECONDS.fullmatch(value), (path, value)

    page = outline(client.get(story.get_absolute_url()))
    data = json.loads(page.json_ld[0])
    for value in [
        page.meta["article:published_time"],
        page.meta["article:modified_time"],
        data["datePublished"],
        data["dateModified"],
    ]:
        assert WHOLE_SECONDS.fullmatch(value), value


def test_favicon_is_served_and_every_page_links_its_icons(client, newsroom):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as icon:
        assert icon.format == "ICO"
    for path in public_pages(newsroom):
        icons = [
            link for link in outline(client.get(path)).links if link["rel"] == "icon"
        ]
        assert [link["href"] for link in icons] == [
            "/favicon.ico",
            "/static/newsroom/icons/favicon.svg",
        ], path
    assert finders.find("newsroom/icons/favicon.svg")


def test_fronts_tag_and_author_pages_name_their_canonical_address(client):
    writer = make_user(first_name="Amara", last_name="Okafor")
    section = make_section(name="International", slug="international")
    for _ in range(21):
        make_article(section=section, authors=[writer], tags=["Climate"])
    slug = AuthorProfile.objects.get(user=writer).slug

    for path in ["/", "/international/", "/tags/climate/", f"/authors/{slug}/"]:
        canonical = [
            link["href"]
            for link in outline(client.get(path, {"utm_source": "mail"})).links
            if link["rel"] == "canonical"
        ]
        assert canonical == [f"http://testserver{path}"], path
        if path != "/":
            later = outline(client.get(path, {"page": 2})).links
            assert {
                "rel": "canonical",
                "href": f"http://testserver{path}?page=2",
            } in later, path


def test_pages_link_home_search_and_the_feeds_under_the_sites_own_address(
    client, newsroom
):
    def chrome_links(path):
        html = client.get(path).content.decode()
        return {
            "home": re.search(r'class="masthead-title" href="([^"]*)"', html)[1],
            "search": re.search(r'class="masthead-search"[^>]* action="([^"]*)"', html)[
                1
            ],
            "feeds": re.findall(
                r'<link rel="alternate" type="[^"]*"[^>]* href="([^"]*)"', html
            ),
        }

    for path in public_pages(newsroom):
        served_at_root = chrome_links(path)
        # The same site served under a path of a larger one.
        with override_script_prefix("/news/"):
            served_under_news = chrome_links(path)

        assert served_at_root["home"] == "/"
        assert served_at_root["search"] == "/search/"
        assert served_under_news["home"] == "/news/"
        assert served_under_news["search"] == "/news/search/"
        assert served_under_news["feeds"] == [
            "/news" + feed for feed in served_at_root["feeds"]
        ], path
        if path == "/":
            assert served_at_root["feeds"] == ["/feeds/rss/", "/feeds/atom/"]
