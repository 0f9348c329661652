"""Hero images: checking uploads and making the renditions pages serve."""

import io
import warnings
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A 24-megapixel camera's full frame (6000 × 4000). Decoding costs about 9
# bytes a pixel inside the request: 40 megapixels took 370 MB and 2.5 s.
MAX_PIXELS = 24_000_000
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# 240 and 720 fit the list thumbnails and a phone-wide picture at common pixel densities.
RENDITION_WIDTHS = (240, 480, 720, 960, 1440)
RENDITION_QUALITY = 82
WEBP_QUALITY = 80


def clean_upload(uploaded):
    """
    Return a safe copy of an uploaded image, or raise ValidationError.

    The copy is re-encoded from pixels, so EXIF (GPS position, camera serial
    numbers) and other metadata never reach storage; EXIF orientation is
    applied first so the picture stays upright.
    """
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _(
                "This image is %(size).1f MB; the limit is 10 MB. Export it smaller (e.g. 2400 px wide) and upload again."
            ),
            code="too_large",
            params={"size": uploaded.size / 1024 / 1024},
        )
    uploaded.seek(0)
    data = uploaded.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format
            width, height = image.size
            if image_format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _(
                        "This file is a %(format)s image; upload a JPEG, PNG, WebP or GIF instead."
                    ),
                    code="bad_format",
                    params={"format": image_format or _("unknown")},
                )
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(width, height)
            image.verify()
            # verify() leaves the image unusable; decoding needs a fresh open.
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _(
                "This image has too many pixels to be a photograph (the limit is %(limit)s megapixels). Upload a smaller export."
            ),
            code="too_many_pixels",
            params={"limit": MAX_PIXELS // 1_000_000},
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(
            _(
                "This file is not an image we can read, or it is damaged. Upload a JPEG, PNG, WebP or GIF."
            ),
            code="unreadable",
        ) from None

    image = ImageOps.exif_transpose(image)
    image.info = {}
    buffer = io.BytesIO()
    save_options = {"format": image_format}
    if image_format == "JPEG":
        image = image.convert("RGB")
        save_options.update(quality=90, optimize=True)
    elif image_format == "WEBP":
        save_options.update(quality=90)
    image.save(buffer, **save_options)
    name = PurePosixPath(uploaded.name or "image").stem[:80] or "image"
    return ContentFile(
        buffer.getvalue(), name=f"{name}.{ACCEPTED_FORMATS[image_format]}"
    )


def _too_many_pixels(width, height):
    return ValidationError(
        _(
            "This image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels (e.g. 6000 × 4000). Upload a smaller export."
        ),
        code="too_many_pixels",
        params={"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
    )


def make_renditions(image_name, storage=default_storage):
    """
    Write JPEG and WebP renditions of a stored image at the standard widths and
    return their description: {"source", "width", "height", "sizes"}, where
    sizes is [{"width", "height", "name", "bytes", "webp_name", "webp_bytes"}],
    narrowest first.

    Widths above the original's are skipped, except that the original width is
    always offered when it is narrower than the widest rendition. Writing them
    again gives the same names, so running it twice changes nothing.
    """
    with storage.open(image_name, "rb") as source:
        original = Image.open(source)
        original.load()
    original = original.convert("RGB")
    widths = [w for w in RENDITION_WIDTHS if w < original.width]
    if original.width <= RENDITION_WIDTHS[-1]:
        widths.append(original.width)
    stem = PurePosixPath(image_name)
    renditions = []
    for width in widths:
        height = round(original.height * width / original.width)
        resized = (
            original
            if width == original.width
            else original.resize((width, height), Image.LANCZOS)
        )
        base = f"renditions/{stem.parent}/{stem.stem}-{width}w"
        jpeg_name, jpeg_bytes = _store(
            resized,
            f"{base}.jpg",
            storage,
            format="JPEG",
            quality=RENDITION_QUALITY,
            optimize=True,
            progressive=True,
        )
        webp_name, webp_bytes = _store(
            resized, f"{base}.webp", storage, format="WEBP", quality=WEBP_QUALITY
        )
        renditions.append(
            {
                "width": width,
                "height": height,
                "name": jpeg_name,
                "bytes": jpeg_bytes,
                "webp_name": webp_name,
                "webp_bytes": webp_bytes,
            }
        )
    return {
        "source": image_name,
        "width": original.width,
        "height": original.height,
        "sizes": renditions,
    }


def renditions_are_current(description, image_name):
    """Say whether description lists every rendition make_renditions writes for image_name today."""
    sizes = description.get("sizes")
    return (
        description.get("source") == image_name
        and bool(sizes)
        and all("webp_name" in size for size in sizes)
    )


def _store(image, target, storage, **save_options):
    """Encode image at target, replacing any earlier file there; return (name, bytes)."""
    buffer = io.BytesIO()
    image.save(buffer, **save_options)
    if storage.exists(target):
        storage.delete(target)
    return storage.save(target, ContentFile(buffer.getvalue())), buffer.tell()
