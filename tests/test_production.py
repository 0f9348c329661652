"""
The README's production steps, followed for real: exported variables with
DJANGO_DEBUG=0, migrate, collectstatic, then gunicorn with gunicorn.conf.py,
and the site's pages and images answer. The run has its own SQLite file and
folders; the suite's database and cache are not touched.
"""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.servers import free_port

PROJECT = Path(__file__).resolve().parent.parent
YEAR = "public, max-age=31536000, immutable"


def fetch(url):
    """Return (status, headers, body) for url; error statuses too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_URL", "AWS_", "SERVE_"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="production-test-only-not-a-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
    )

    def manage(*arguments):
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
        )

    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")
    # An article with a hero image, uploaded as the admin stores one.
    manage(
        "shell",
        "-c",
        "from tests.factories import image_upload, make_article; "
        "make_article(headline='Harbour bridge reopens', hero_image=image_upload('harbour.jpg'))",
    )
    log = folder / "gunicorn.log"
    with log.open("wb") as output:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn"],
            cwd=PROJECT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if gunicorn.poll() is not None:
                pytest.fail(f"gunicorn exited:\n{log.read_text()}")
            try:
                if fetch(f"{base}/robots.txt")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not answer in 30 s:\n{log.read_text()}")
            time.sleep(0.1)
        yield base
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=10)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
            gunicorn.wait()


def test_in_production_the_hero_image_and_the_styles_load(production_site):
    status, _, body = fetch(f"{production_site}/")
    page = body.decode()
    images = re.findall(r'<img src="(/media/[^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)

    assert status == 200
    assert "Harbour bridge reopens" in page
    assert images, "the home page shows the hero image"
    image_status, headers, image = fetch(production_site + images[0])
    assert image_status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["Cache-Control"] == YEAR
    assert image[:3] == b"\xff\xd8\xff"
    assert styles and all(fetch(production_site + href)[0] == 200 for href in styles), (
        "WhiteNoise serves the collected styles"
    )
    # Named by their content's hash, so that browsers may keep them a year.
    assert all(re.search(r"\.[0-9a-f]{12}\.css$", href) for href in styles), styles
