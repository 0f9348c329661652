"""What an uploaded photo becomes in storage: upright, and carrying nothing but its pixels."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from articles import images
from tests.articles.test_admin_images import png_claiming_size

RED, BLUE = (220, 0, 0), (0, 0, 220)


def phone_photo(orientation=None, comment=None):
    """
    Return a 60 × 40 JPEG, red on its left half and blue on its right, as a
    phone stores a picture taken upright: sideways, with an EXIF tag saying so.
    """
    picture = Image.new("RGB", (60, 40), RED)
    picture.paste(BLUE, (30, 0, 60, 40))
    options = {}
    if orientation is not None:
        exif = Image.Exif()
        exif[ExifTags.Base.Orientation] = orientation
        options["exif"] = exif.tobytes()
    if comment is not None:
        options["comment"] = comment
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=95, **options)
    return SimpleUploadedFile("phone.jpg", buffer.getvalue(), "image/jpeg")


def stored(upload):
    return Image.open(io.BytesIO(images.clean_upload(upload).read()))


def near(colour, expected):
    return all(abs(got - want) < 40 for got, want in zip(colour, expected, strict=True))


def test_a_phone_photo_tagged_as_turned_is_stored_upright():
    """Orientation 6: the stored rows are the picture's columns, its left side its top."""
    with stored(phone_photo(orientation=6)) as upright:
        assert upright.size == (40, 60)
        assert near(upright.getpixel((20, 5)), RED), "the top is the left of the file"
        assert near(upright.getpixel((20, 55)), BLUE)
        assert ExifTags.Base.Orientation not in upright.getexif(), (
            "no tag is left to turn it a second time"
        )


def test_a_photo_without_an_orientation_tag_is_stored_as_it_is():
    with stored(phone_photo()) as picture:
        assert picture.size == (60, 40)
        assert near(picture.getpixel((5, 20)), RED)
        assert near(picture.getpixel((55, 20)), BLUE)


def test_a_jpeg_comment_never_reaches_storage():
    """Cameras and editing tools write names, places and serial numbers into comments."""
    upload = phone_photo(comment=b"Shot by J. Smith at 51.5N 0.1W")
    assert b"J. Smith" in upload.read(), "the test photo has a comment"
    upload.seek(0)

    data = images.clean_upload(upload).read()

    assert b"J. Smith" not in data
    assert "comment" not in Image.open(io.BytesIO(data)).info


def refusal(upload):
    """Return the code and the message a journalist is shown for a refused upload."""
    with pytest.raises(ValidationError) as refused:
        images.clean_upload(upload)
    return refused.value.code, refused.value.messages[0]


def padded_photo(size):
    """Return a JPEG of exactly size bytes: trailing bytes do not stop it decoding."""
    data = phone_photo().read()
    return SimpleUploadedFile(
        "big.jpg", data + b"\0" * (size - len(data)), "image/jpeg"
    )


def test_a_photo_of_exactly_ten_megabytes_is_taken_and_one_byte_more_refused():
    assert images.clean_upload(padded_photo(10 * 1024 * 1024))

    assert refusal(padded_photo(10 * 1024 * 1024 + 1)) == (
        "too_large",
        "This image is 10.0 MB; the limit is 10 MB. Export it smaller "
        "(e.g. 2400 px wide) and upload again.",
    )


def test_refusals_name_the_problem_and_the_fix():
    bmp = io.BytesIO()
    Image.new("RGB", (40, 30)).save(bmp, format="BMP")

    assert refusal(SimpleUploadedFile("scan.bmp", bmp.getvalue(), "image/bmp")) == (
        "bad_format",
        "This file is a BMP image; upload a JPEG, PNG, WebP or GIF instead.",
    )
    assert refusal(SimpleUploadedFile("notes.jpg", b"Meeting notes", "image/jpeg")) == (
        "unreadable",
        "This file is not an image we can read, or it is damaged. "
        "Upload a JPEG, PNG, WebP or GIF.",
    )
    assert refusal(
        SimpleUploadedFile("big.png", png_claiming_size(6250, 4000), "image/png")
    ) == (
        "too_many_pixels",
        "This image is 6250 × 4000 pixels; the limit is 24 megapixels "
        "(e.g. 6000 × 4000). Upload a smaller export.",
    )
    assert refusal(
        SimpleUploadedFile("bomb.png", png_claiming_size(20000, 20000), "image/png")
    ) == (
        "too_many_pixels",
        "This image has too many pixels to be a photograph (the limit is 24 "
        "megapixels). Upload a smaller export.",
    )


def test_a_photo_of_exactly_24_megapixels_is_taken():
    upload = SimpleUploadedFile(
        "full-frame.png", png_claiming_size(6000, 4000), "image/png"
    )
    code, _message = refusal(upload)

    assert code == "unreadable", "refused as a damaged file, not for its size"


def test_a_refused_photo_is_told_its_own_size():
    assert refusal(padded_photo(13_274_972)) == (
        "too_large",
        "This image is 12.7 MB; the limit is 10 MB. Export it smaller "
        "(e.g. 2400 px wide) and upload again.",
    )


def test_a_100_megapixel_image_is_refused_before_it_is_decoded():
    """Pillow only warns between 89 and 179 megapixels; the warning must refuse it too."""
    upload = SimpleUploadedFile(
        "poster.png", png_claiming_size(10_000, 10_000), "image/png"
    )

    assert refusal(upload) == (
        "too_many_pixels",
        "This image has too many pixels to be a photograph (the limit is 24 "
        "megapixels). Upload a smaller export.",
    )


def test_a_webp_is_stored_as_a_webp_and_a_transparent_png_stays_transparent():
    webp = io.BytesIO()
    Image.new("RGB", (60, 40), RED).save(webp, format="WEBP")
    png = io.BytesIO()
    Image.new("RGBA", (60, 40), (0, 0, 0, 0)).save(png, format="PNG")

    stored_webp = images.clean_upload(
        SimpleUploadedFile("logo.webp", webp.getvalue(), "image/webp")
    )
    with stored(SimpleUploadedFile("logo.png", png.getvalue(), "image/png")) as logo:
        assert logo.getpixel((5, 5))[3] == 0, "the background is still see-through"

    assert stored_webp.name == "logo.webp"
    with Image.open(io.BytesIO(stored_webp.read())) as picture:
        assert picture.format == "WEBP"
        assert near(picture.convert("RGB").getpixel((5, 5)), RED)


def test_a_transparent_png_and_a_1440_px_photo_get_every_rendition():
    """Widths above the original are skipped; the original width is offered once."""
    for name, picture, image_format in [
        ("logo.png", Image.new("RGBA", (1440, 720), (0, 0, 0, 0)), "PNG"),
        ("wide.jpg", Image.new("RGB", (1440, 720), RED), "JPEG"),
    ]:
        buffer = io.BytesIO()
        picture.save(buffer, format=image_format)
        stored_name = default_storage.save(f"heroes/{name}", buffer)

        description = images.make_renditions(stored_name)

        assert [size["width"] for size in description["sizes"]] == [
            240,
            480,
            720,
            960,
            1440,
        ]
        assert description["sizes"][-1]["height"] == 720


def test_a_long_file_name_is_cut_to_80_characters():
    upload = phone_photo()
    upload.name = "n" * 100 + ".jpg"

    assert images.clean_upload(upload).name == "n" * 80 + ".jpg"
