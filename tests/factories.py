"""Small builders for test data: make_x(**overrides) returns a saved object."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from articles.models import (
    Article,
    ArticleAuthor,
    Gallery,
    GalleryImage,
    Section,
    Subheading,
)

_sequence = itertools.count(1)
# Every user made here has this password.
PASSWORD = "correct horse battery"


def make_user(username=None, role=None, **fields):
    username = username or f"user{next(_sequence)}"
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("last_name", "Tester")
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, **fields
    )
    if role:
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=role))
    return user


def make_section(**fields):
    number = next(_sequence)
    fields.setdefault("name", f"Section {number}")
    fields.setdefault("slug", f"section-{number}")
    fields.setdefault("position", number)
    fields.setdefault("is_active", True)
    return Section.objects.create(**fields)


def make_article(authors=(), subheadings=(), tags=(), **fields):
    """Return a saved article, published an hour ago unless fields say otherwise."""
    number = next(_sequence)
    fields.setdefault("headline", f"Test story number {number}")
    # Enough to be published (workflow.publication_problems).
    fields.setdefault("standfirst", f"What happened in story number {number}.")
    fields.setdefault("body", f"<p>The first paragraph of story number {number}.</p>")
    if "section" not in fields:
        fields["section"] = make_section()
    fields.setdefault("status", Article.Status.PUBLISHED)
    if fields["status"] == Article.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - timedelta(hours=1))
    # One transaction, as the admin saves an article and its inlines: the
    # story is stored once it commits (articles/stored.py).
    with transaction.atomic():
        article = Article.objects.create(**fields)
        for position, author in enumerate(authors):
            ArticleAuthor.objects.create(
                article=article, author=author, position=position
            )
        for position, heading in enumerate(subheadings):
            Subheading.objects.create(
                article=article,
                heading=heading,
                body=f"<p>Text under {heading}.</p>",
                position=position,
            )
        if tags:
            article.tags.add(*tags)
    return article


def image_upload(
    name="photo.jpg",
    size=(1200, 800),
    image_format="JPEG",
    exif=None,
    color=(120, 140, 160),
):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(buffer, format=image_format, **options)
    content_type = {
        "JPEG": "image/jpeg",
        "PNG": "image/png",
        "WEBP": "image/webp",
        "GIF": "image/gif",
    }[image_format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_gallery(article, photos=3, **fields):
    """Return a saved gallery on article with `photos` photographs, renditions made."""
    fields.setdefault("title", "The vote in pictures")
    with transaction.atomic():
        gallery = Gallery.objects.create(article=article, **fields)
        for position in range(photos):
            GalleryImage.objects.create(
                gallery=gallery,
                image=image_upload(
                    f"photo-{position + 1}.jpg", color=(40 * position, 90, 140)
                ),
                alt=f"Photo description {position + 1}",
                caption=f"Caption {position + 1}",
                credit="Photograph: Tom Reyes",
                position=position,
            )
        # Saved again, as the gallery admin saves the article (articles/admin.py).
        article.save(update_fields=["updated_at"])
    return gallery
