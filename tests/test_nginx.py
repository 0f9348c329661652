"""
deploy/nginx.conf in a real nginx in front of the live test server.

Each test starts Debian's nginx on free ports with a copy of the shipped site
whose ports, paths and certificate (self-signed, made by openssl) are the
test's, and stops it by its PID afterwards. It is skipped only where nginx is
not installed (`apt-get install -y nginx-light`).
"""

import http.client
import os
import re
import shutil
import ssl
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from articles.images import MAX_UPLOAD_BYTES
from bench.servers import free_port
from tests.factories import image_upload, make_article

SITE = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
OPENSSL = shutil.which("openssl")
YEAR = "public, max-age=31536000, immutable"

pytestmark = [
    pytest.mark.skipif(
        NGINX is None, reason="nginx is not installed; apt-get install -y nginx-light"
    ),
    pytest.mark.skipif(OPENSSL is None, reason="openssl makes the test certificate"),
    # The live server answers from another thread (its own connection on
    # PostgreSQL), so the tests commit; the migrations' rows are restored after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode(errors="replace")


@dataclass
class Nginx:
    http_port: int
    https_port: int
    certificate: Path

    def connection(self):
        context = ssl.create_default_context(cafile=self.certificate)
        return http.client.HTTPSConnection(
            "127.0.0.1", self.https_port, context=context, timeout=10
        )

    def request(self, method, path, body=None, headers=None, secure=True):
        connection = (
            self.connection()
            if secure
            else http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        )
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Answer(response.status, response.headers, response.read())
        finally:
            connection.close()

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)


def site_for_test(shipped, *, app_port, http_port, https_port, certificate, media):
    """Return the shipped site with the test's ports, paths and certificate; fail if one is missing."""
    replacements = {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:443 ssl http2;": "",
        "server_name news.example.com;": "server_name localhost;",
        "/etc/letsencrypt/live/news.example.com/fullchain.pem": str(certificate),
        "/etc/letsencrypt/live/news.example.com/privkey.pem": str(
            certificate.with_name("key.pem")
        ),
        "alias /srv/newsroom/media/;": f"alias {media}/;",
    }
    for shipped_text, test_text in replacements.items():
        assert shipped_text in shipped, f"the test replaces {shipped_text!r}"
        shipped = shipped.replace(shipped_text, test_text)
    return shipped


MAIN = """
{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/newsroom.conf;
}}
"""


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        [
            OPENSSL, "req", "-x509", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return folder / "cert.pem"


@pytest.fixture
def requests_seen(live_server):
    """Record the WSGI environ of every request that reaches the app."""
    server = live_server.thread.httpd
    application = server.get_app()
    seen = []

    def recording(environ, start_response):
        seen.append(dict(environ))
        return application(environ, start_response)

    server.set_app(recording)
    yield seen
    server.set_app(application)


@pytest.fixture
def nginx(live_server, requests_seen, certificate, tmp_path):
    folder = tmp_path / "nginx"
    folder.mkdir()
    media = Path(django_settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    front = Nginx(free_port(), free_port(), certificate)
    (folder / "newsroom.conf").write_text(
        site_for_test(
            SITE.read_text(),
            app_port=live_server.thread.port,
            http_port=front.http_port,
            https_port=front.https_port,
            certificate=certificate,
            media=media,
        )
    )
    # As root, nginx's workers would run as nobody, who cannot enter pytest's
    # private temporary folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(MAIN.format(user=user, folder=folder))
    command = [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")]
    checked = subprocess.run(
        [*command, "-e", str(folder / "error.log"), "-t"],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        [*command, "-e", str(folder / "error.log"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                pytest.fail(f"nginx exited:\n{(folder / 'error.log').read_text()}")
            try:
                # Answered by nginx itself, without the app.
                if front.request("GET", "/", secure=False).status == 301:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.05)
        yield front
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_hero_images_are_served_by_nginx_with_a_year_of_caching(nginx, settings):
    # Were the request to reach the app, it would answer 404.
    settings.SERVE_MEDIA = False
    story = make_article(hero_image=image_upload("harbour.jpg"))

    page = nginx.get(story.get_absolute_url())
    src = re.search(r'<img src="([^"]+)"', page.text).group(1)
    webp = re.search(r'type="image/webp" srcset="(\S+)', page.text).group(1)
    image, webp_image = nginx.get(src), nginx.get(webp)

    assert page.status == 200
    assert (image.status, webp_image.status) == (200, 200)
    assert image.headers["Content-Type"] == "image/jpeg"
    assert webp_image.headers["Content-Type"] == "image/webp"
    assert image.headers["Cache-Control"] == YEAR
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    assert image.body[:3] == b"\xff\xd8\xff"


def test_scripts_pages_and_listings_in_media_are_never_served(nginx, requests_seen):
    folder = Path(django_settings.MEDIA_ROOT) / "heroes"
    folder.mkdir(parents=True)
    payload = "<?php system($_GET['c']); ?><script>alert(1)</script>"
    for name in ("shell.php", "page.html", "drawing.svg", "run.py", "a.jpg.php"):
        (folder / name).write_text(payload)
    (folder / "a.jpg").write_bytes(image_upload().read())

    for name in ("shell.php", "page.html", "drawing.svg", "run.py", "a.jpg.php", ""):
        answer = nginx.get(f"/media/heroes/{name}")
        assert answer.status == 404, name
        assert b"<script>" not in answer.body and b"a.jpg" not in answer.body, name
    assert nginx.get("/media/heroes/../../../etc/passwd").status in {400, 404}
    assert requests_seen == [], "media is nginx's alone: nothing reached the app"


def test_plain_http_is_sent_to_https(nginx):
    answer = nginx.request(
        "GET", "/politics/?page=2", headers={"Host": "localhost"}, secure=False
    )

    assert answer.status == 301
    assert answer.headers["Location"] == "https://localhost/politics/?page=2"


def test_the_app_sees_the_reader_the_host_and_https(nginx, requests_seen):
    assert nginx.get("/robots.txt").status == 200

    environ = requests_seen[-1]
    assert environ["HTTP_HOST"] == "127.0.0.1"
    assert environ["HTTP_X_REAL_IP"] == "127.0.0.1"
    assert environ["HTTP_X_FORWARDED_PROTO"] == "https"
    assert environ["HTTP_X_FORWARDED_FOR"].endswith("127.0.0.1")


def test_readers_cannot_purge_or_ban_through_nginx(nginx, requests_seen):
    for method in ("PURGE", "BAN"):
        assert nginx.request(method, "/").status == 405

    assert requests_seen == []


def test_every_form_the_app_accepts_gets_through_and_larger_ones_do_not(
    nginx, requests_seen
):
    limit = int(
        re.search(r"client_max_body_size (\d+)m;", SITE.read_text()).group(1)
    ) * (1024 * 1024)
    largest_form = MAX_UPLOAD_BYTES + django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert largest_form <= limit <= largest_form + 4 * 1024 * 1024

    # An image too large for the app reaches it, to be refused with advice.
    too_large_image = b"x" * (MAX_UPLOAD_BYTES + 1024 * 1024)
    reached = nginx.request("POST", "/reads/1/", body=too_large_image)
    assert reached.status != 413
    assert requests_seen, "the app answered"

    connection = nginx.connection()
    try:
        connection.putrequest("POST", "/reads/1/")
        connection.putheader("Content-Length", str(limit + 1))
        connection.endheaders()
        assert connection.getresponse().status == 413
    finally:
        connection.close()
