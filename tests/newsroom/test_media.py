"""Uploaded images in production: from MEDIA_ROOT through the app, or from an S3-compatible bucket."""

import json
import re
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from tests.factories import image_upload, make_article
from tests.test_settings import load_settings

pytestmark = pytest.mark.django_db

YEAR = "public, max-age=31536000, immutable"


def hero_src(page):
    """Return the address of the page's hero picture, as the browser reads it."""
    return re.search(r'<img src="([^"]+)"', page).group(1)


def test_a_hero_image_is_served_from_media_root_and_kept_for_a_year(site):
    story = make_article(hero_image=image_upload("harbour.jpg"))
    page = site.get(story.get_absolute_url())
    src = hero_src(page.text)
    webp = re.search(r'type="image/webp" srcset="(\S+)', page.text).group(1)

    image = site.get(src)
    webp_image = site.get(webp)

    assert src.startswith("/media/renditions/")
    assert image.status == 200
    assert image.headers["content-type"] == "image/jpeg"
    assert image.headers["cache-control"] == YEAR
    assert image.body[:3] == b"\xff\xd8\xff"
    assert webp_image.status == 200
    assert webp_image.headers["content-type"] == "image/webp"


def test_an_unchanged_image_is_not_sent_again(site):
    story = make_article(hero_image=image_upload())
    src = hero_src(site.get(story.get_absolute_url()).text)
    first = site.get(src)

    again = site.get(src, if_modified_since=first.headers["last-modified"])

    assert again.status == 304
    assert again.body == b""


@pytest.mark.parametrize(
    "name",
    ["shell.php", "page.html", "drawing.svg", "script.js", "upload.jpg.php", "notes"],
)
def test_files_in_media_root_other_than_images_are_never_sent(site, name):
    folder = Path(django_settings.MEDIA_ROOT) / "heroes"
    folder.mkdir(parents=True)
    (folder / name).write_text("<?php system($_GET['c']); ?><script>alert(1)</script>")

    answer = site.get(f"/media/heroes/{name}")

    assert answer.status == 404
    assert b"<script>" not in answer.body and b"system(" not in answer.body


def test_folders_are_not_listed_and_paths_cannot_leave_media_root(site, tmp_path):
    folder = Path(django_settings.MEDIA_ROOT) / "heroes"
    folder.mkdir(parents=True)
    (folder / "a.jpg").write_bytes(image_upload().read())
    (tmp_path / "secret.jpg").write_bytes(b"not for readers")

    assert site.get("/media/heroes/").status == 404
    assert site.get("/media/heroes").status == 404
    for escape in ("/media/../secret.jpg", "/media/heroes/../../secret.jpg"):
        answer = site.get(escape)
        assert answer.status in {400, 404}, escape
        assert b"not for readers" not in answer.body


def test_with_serve_media_off_the_app_leaves_media_to_the_web_server(site, settings):
    settings.SERVE_MEDIA = False
    story = make_article(hero_image=image_upload())
    src = hero_src(site.get(story.get_absolute_url()).text)

    assert site.get(src).status == 404


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """Store uploads in a new bucket on the test's S3 server, configured as settings.py does from the environment."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "newsroom-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "newsroom-test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3", endpoint_url=s3_server)
    name = f"newsroom-media-{len(client.list_buckets()['Buckets'])}"
    client.create_bucket(Bucket=name)
    # Readers fetch the images from the bucket: docs/deploy.md sets the same policy.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read(name)))
    storage = load_storage_settings(
        AWS_STORAGE_BUCKET_NAME=name, AWS_S3_ENDPOINT_URL=s3_server
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.SERVE_MEDIA = False
    client.name = name
    return client


def public_read(bucket_name):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket_name}/*",
            }
        ],
    }


def load_storage_settings(**env):
    """Return STORAGES["default"] as newsroom/settings.py builds it from env."""
    result = load_settings(DJANGO_SECRET_KEY="x", **env)
    return json.loads(result.stdout)["storage"]


def test_with_a_bucket_uploads_land_in_it_and_pages_link_to_it(bucket, site, settings):
    story = make_article(hero_image=image_upload("harbour.jpg"))
    src = hero_src(site.get(story.get_absolute_url()).text)

    keys = {
        item["Key"] for item in bucket.list_objects_v2(Bucket=bucket.name)["Contents"]
    }
    assert story.hero_image.name in keys
    assert {size["name"] for size in story.hero_sizes} <= keys
    assert not (Path(settings.MEDIA_ROOT) / story.hero_image.name).exists()
    endpoint = settings.STORAGES["default"]["OPTIONS"]["endpoint_url"]
    assert src.startswith(f"{endpoint}/{bucket.name}/renditions/")
    assert "?" not in src, "a plain address: cached pages must not hold expiring links"
    with urllib.request.urlopen(src) as image:
        assert image.headers["Content-Type"] == "image/jpeg"
        assert image.headers["Cache-Control"] == YEAR


def test_with_a_bucket_two_uploads_of_the_same_name_are_both_kept(bucket):
    first = make_article(hero_image=image_upload("photo.jpg", color=(200, 0, 0)))
    second = make_article(hero_image=image_upload("photo.jpg", color=(0, 0, 200)))

    assert first.hero_image.name != second.hero_image.name
    red, blue = (
        default_storage.open(article.hero_image.name).read()
        for article in (first, second)
    )
    assert red != blue
    assert first.hero_sizes[0]["url"] != second.hero_sizes[0]["url"]
