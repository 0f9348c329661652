"""Hero images through the admin form: each rejection is a form error that keeps the typed text."""

import io
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from articles.models import Article
from tests.articles.conftest import client_for
from tests.articles.test_admin import article_form
from tests.factories import image_upload, make_section
from tests.forms import form_values

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def png_claiming_size(width, height):
    """Return a tiny PNG whose header claims width × height pixels."""

    def chunk(kind, data):
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def truncated_jpeg():
    data = image_upload(size=(800, 600)).read()
    return SimpleUploadedFile("cut.jpg", data[: len(data) // 2], "image/jpeg")


def bmp():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30)).save(buffer, format="BMP")
    return SimpleUploadedFile("scan.bmp", buffer.getvalue(), "image/bmp")


REJECTED = {
    "bad-type": (bmp, "This file is a BMP image"),
    "not-an-image": (
        lambda: SimpleUploadedFile(
            "notes.jpg", b"Meeting notes, not a photo.", "image/jpeg"
        ),
        "not an image we can read",
    ),
    "truncated": (truncated_jpeg, "not an image we can read, or it is damaged"),
    "oversize-bytes": (
        lambda: SimpleUploadedFile(
            "huge.jpg", b"\0" * (10 * 1024 * 1024 + 1), "image/jpeg"
        ),
        "the limit is 10 MB",
    ),
    "over-24-megapixels": (
        # 25 megapixels, as a 170 KB file: the review's 40 took 370 MB to decode.
        lambda: SimpleUploadedFile(
            "big.png", png_claiming_size(6250, 4000), "image/png"
        ),
        "the limit is 24 megapixels",
    ),
    "html-page-named-as-an-image": (
        lambda: SimpleUploadedFile(
            "photo.jpg",
            b"GIF89a<html><script>alert(document.cookie)</script></html>",
            "image/jpeg",
        ),
        "not an image we can read",
    ),
    "decompression-bomb": (
        lambda: SimpleUploadedFile(
            "bomb.png", png_claiming_size(20000, 20000), "image/png"
        ),
        "too many pixels",
    ),
}


@pytest.mark.parametrize("case", list(REJECTED))
def test_rejected_image_is_a_form_error_and_everything_typed_comes_back(
    journalist, case
):
    make_upload, message = REJECTED[case]
    data = article_form(make_section(), hero_image=make_upload(), hero_alt="A harbour")

    response = client_for(journalist).post(ADD_URL, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors["hero_image"])
    page = response.content.decode()
    for typed in (
        "Ceasefire talks resume in Geneva",
        "Negotiators returned on Monday.",
        "Aid waits at the crossing",
        "&lt;p&gt;Lorries queued.&lt;/p&gt;",
        "A harbour",
    ):
        assert typed in page
    assert not Article.objects.exists()


def test_a_picture_that_is_also_a_page_or_an_archive_is_stored_as_pixels_only(
    journalist,
):
    payload = b"<html><script>alert(1)</script></html>PK\x03\x04polyglot"
    upload = image_upload()
    polyglot = SimpleUploadedFile("photo.jpg", upload.read() + payload, "image/jpeg")
    data = article_form(make_section(), hero_image=polyglot, hero_alt="A harbour")

    assert client_for(journalist).post(ADD_URL, data).status_code == 302
    stored = default_storage.open(Article.objects.get().hero_image.name).read()
    assert b"<script>" not in stored and b"polyglot" not in stored


@pytest.mark.parametrize(
    "name",
    ["../../newsroom/settings.jpg", "..\\..\\manage.jpg", "/etc/passwd.jpg"],
)
def test_file_names_cannot_leave_the_upload_folder_or_overwrite(journalist, name):
    stored = []
    for headline in ("First", "Second"):
        upload = image_upload(name=name, color=(10, 20, 30) if stored else (200, 0, 0))
        data = article_form(
            make_section(), hero_image=upload, hero_alt="A harbour", headline=headline
        )
        assert client_for(journalist).post(ADD_URL, data).status_code == 302
        stored.append(Article.objects.get(headline=headline).hero_image.name)

    assert stored[0] != stored[1], "the second upload does not replace the first"
    for stored_name in stored:
        assert stored_name.startswith("heroes/") and ".." not in stored_name
        assert "\\" not in stored_name and "/etc/" not in stored_name
    with Image.open(default_storage.open(stored[0])) as first:
        assert first.getpixel((0, 0))[0] > 150, "the first picture is intact"


def test_image_without_alt_text_is_refused(journalist):
    data = article_form(make_section(), hero_image=image_upload(), hero_alt="  ")

    response = client_for(journalist).post(ADD_URL, data)

    assert response.status_code == 200
    assert "hero_alt" in response.context["adminform"].form.errors


def test_stored_image_has_no_location_and_gets_renditions(journalist):
    exif = Image.Exif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 0.0)
    upload = image_upload(exif=exif.tobytes())
    assert Image.open(upload).getexif().get_ifd(ExifTags.IFD.GPSInfo), (
        "the test photo has a location"
    )
    upload.seek(0)
    data = article_form(make_section(), hero_image=upload, hero_alt="Aid lorries queue")

    response = client_for(journalist).post(ADD_URL, data)

    assert response.status_code == 302
    article = Article.objects.get()
    with Image.open(article.hero_image.path) as stored:
        assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not stored.getexif()
    assert article.hero_renditions["width"] == 1200
    sizes = article.hero_renditions["sizes"]
    assert [size["width"] for size in sizes] == [240, 480, 720, 960, 1200]
    for size in sizes:
        with Image.open(default_storage.path(size["webp_name"])) as webp:
            assert webp.format == "WEBP"
            assert webp.size == (size["width"], size["height"])
            assert not webp.getexif()


def test_saving_without_a_new_upload_keeps_the_image(journalist):
    client = client_for(journalist)
    data = article_form(
        make_section(), hero_image=image_upload(), hero_alt="Aid lorries"
    )
    client.post(ADD_URL, data)
    article = Article.objects.get()
    stored = article.hero_image.name
    url = reverse("admin:articles_article_change", args=[article.pk])

    response = client.post(
        url, {**form_values(client.get(url)), "headline": "New headline"}
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.hero_image.name == stored
    assert article.headline == "New headline"
