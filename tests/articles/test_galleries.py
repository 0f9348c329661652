"""Galleries: photographs between paragraphs, checked like the hero, in a grid that opens a viewer."""

import re

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Gallery, GalleryImage
from tests.articles.conftest import client_for
from tests.factories import image_upload, make_article, make_gallery, make_section
from tests.forms import form_values

pytestmark = pytest.mark.django_db

FOUR_PARAGRAPHS = "".join(f"<p>Paragraph {n}.</p>" for n in range(1, 5))


def story(**fields):
    fields.setdefault("section", make_section(is_active=True))
    fields.setdefault("body", FOUR_PARAGRAPHS)
    return make_article(**fields)


def page_of(client, article):
    return client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("after", "before_text", "after_text"),
    [
        (0, None, "Paragraph 1."),
        (2, "Paragraph 2.", "Paragraph 3."),
        (4, "Paragraph 4.", "Where it happened"),
        (5, "Text under Where it happened.", None),
        (99, "Text under Where it happened.", None),
    ],
)
def test_a_gallery_sits_after_the_paragraph_it_names(
    client, after, before_text, after_text
):
    article = story(subheadings=["Where it happened"])
    make_gallery(article, after_paragraph=after)

    html = page_of(client, article)

    gallery = html.index('class="gallery"')
    if before_text:
        assert html.index(before_text) < gallery
    if after_text:
        assert gallery < html.index(after_text)


def test_readers_get_a_grid_of_renditions_lazy_after_the_first_and_labelled_for_screen_readers(
    client,
):
    article = story()
    gallery = make_gallery(article, photos=3, after_paragraph=1)
    first = gallery.images.first()

    html = page_of(client, article)

    assert "The vote in pictures" in html
    assert [
        int(n)
        for n in re.findall(r'aria-label="Photo (\d) of 3: Photo description \d"', html)
    ] == [1, 2, 3]
    images = re.findall(
        r'<img src="[^"]+" srcset="[^"]+"[^>]*alt="Photo description \d"[^>]*>', html
    )
    assert len(images) == 3
    assert "loading=" not in images[0]
    assert all('loading="lazy"' in image for image in images[1:])
    assert "-240w.jpg 240w" in images[0] and "-960w.jpg 960w" in images[0]
    assert html.count('<source type="image/webp" srcset="') >= 3
    assert f'href="{first.largest["url"]}"' in html
    assert '<dialog class="gallery-viewer"' in html
    assert "Caption 1" in html and "Photograph: Tom Reyes" in html


def test_a_gallery_without_photographs_is_not_shown(client):
    article = story()
    Gallery.objects.create(article=article, title="Empty for now", after_paragraph=1)

    assert "Empty for now" not in page_of(client, article)


def test_photographs_are_checked_and_stripped_like_the_hero_and_keep_the_order_dragged(
    journalist,
):
    article = story(status="draft", published_at=None, authors=[journalist])
    gallery = Gallery.objects.create(
        article=article, title="The flood", after_paragraph=1
    )
    client = client_for(journalist)
    url = reverse("admin:articles_gallery_change", args=[gallery.pk])
    values = form_values(client.get(url), "gallery_form")
    prefix = "images"

    refused = client.post(
        url,
        {
            **values,
            f"{prefix}-0-image": SimpleUploadedFile(
                "notes.jpg", b"not an image at all"
            ),
            f"{prefix}-0-alt": "Sandbags at a door",
            f"{prefix}-0-position": "1",
        },
    )
    assert refused.status_code == 200
    assert "This file is not an image we can read" in refused.content.decode()
    assert not GalleryImage.objects.exists()

    exif = Image.Exif()
    exif[0x0110] = "Camera model with a serial"
    values[f"{prefix}-TOTAL_FORMS"] = "2"
    saved = client.post(
        url,
        {
            **values,
            f"{prefix}-0-image": image_upload("door.jpg", exif=exif.tobytes()),
            f"{prefix}-0-alt": "Sandbags at a door",
            f"{prefix}-0-position": "2",
            f"{prefix}-1-image": image_upload("street.png", image_format="PNG"),
            f"{prefix}-1-alt": "A flooded street",
            f"{prefix}-1-position": "1",
        },
    )
    assert saved.status_code == 302, saved.content.decode()[:3000]
    assert list(gallery.images.values_list("alt", flat=True)) == [
        "A flooded street",
        "Sandbags at a door",
    ]
    door = gallery.images.get(alt="Sandbags at a door")
    with default_storage.open(door.image.name) as stored:
        assert not Image.open(stored).getexif()
    assert [size["width"] for size in door.renditions["sizes"]][-1] == 1200
    article.refresh_from_db()
    assert article.version == 2, "a gallery change is a new version of its story"


def test_a_journalist_cannot_open_the_galleries_of_stories_they_do_not_hold(
    journalist, other_journalist
):
    article = story(status="draft", published_at=None, authors=[other_journalist])
    gallery = make_gallery(article, photos=1)
    client = client_for(journalist)

    assert (
        client.get(
            reverse("admin:articles_gallery_change", args=[gallery.pk])
        ).status_code
        == 302
    )
    assert (
        "The vote in pictures"
        not in client.get(reverse("admin:articles_gallery_changelist")).content.decode()
    )


def test_an_article_page_with_embeds_and_galleries_keeps_its_query_budget(
    client, django_assert_max_num_queries, fake_oembed
):
    article = story(
        body=FOUR_PARAGRAPHS + f"<p>{fake_oembed.url('ok')}</p>",
        subheadings=["More", "Even more"],
    )
    for after in (1, 3, 6):
        make_gallery(article, photos=4, after_paragraph=after)
    cache.clear()

    with django_assert_max_num_queries(5):
        cold = page_of(client, article)
    with django_assert_max_num_queries(1):
        warm = page_of(client, article)

    assert cold == warm
    assert cold.count('class="gallery"') == 3
    assert cold.count('class="embed"') == 1
