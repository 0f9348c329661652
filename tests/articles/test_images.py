"""What an uploaded photo becomes in storage: upright, and carrying nothing but its pixels."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from articles import images

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
