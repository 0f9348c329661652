"""
A fake oEmbed provider over real HTTP, in a thread on a free port.

The address a test pastes says how the provider behaves:
http://127.0.0.1:<port>/watch/<behaviour>, where behaviour is `ok`,
`slow` (answers after the timeout), `drip` (a byte at a time, forever),
`missing` (404), `huge` (more than the size limit) or `hostile` (script,
event handlers and a frame from off the list). The provider's player page,
/player/<name>, is what an allow-listed frame loads in the browser tests.
"""

import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from PIL import Image

from articles.embed_providers import frame_origins

TIMEOUT_SECONDS = 0.5
MAX_BYTES = 64 * 1024


def thumbnail_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (480, 270), (30, 90, 150)).save(buffer, format="JPEG")
    return buffer.getvalue()


class FakeProvider(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path == "/oembed":
            pasted = parse_qs(parts.query)["url"][0]
            behaviour = urlsplit(pasted).path.rsplit("/", 1)[-1]
            getattr(self, f"answer_{behaviour}")()
        elif parts.path == "/thumbnail.jpg":
            self.send_body(thumbnail_bytes(), "image/jpeg")
        elif parts.path.startswith("/player/"):
            self.send_body(
                b"<!doctype html><title>Fake player</title><p>Fake player playing</p>",
                "text/html",
            )
        else:
            self.send_error(404)

    @property
    def origin(self):
        return f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"

    def send_body(self, body, content_type, length=None):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, answer):
        self.send_body(json.dumps(answer).encode(), "application/json")

    def answer_ok(self):
        self.send_json(
            {
                "version": "1.0",
                "type": "video",
                "title": "Council meeting, live",
                "provider_name": "Fake Video",
                "html": f'<iframe src="{self.origin}/player/1" width="640" height="360" allowfullscreen></iframe>',
                "width": 640,
                "height": 360,
                "thumbnail_url": f"{self.origin}/thumbnail.jpg",
            }
        )

    def answer_slow(self):
        time.sleep(TIMEOUT_SECONDS * 4)
        self.answer_ok()

    def answer_drip(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(TIMEOUT_SECONDS / 5)
        except OSError:
            pass

    def answer_missing(self):
        self.send_error(404)

    def answer_huge(self):
        padding = "x" * (MAX_BYTES * 2)
        body = json.dumps({"title": "Huge", "html": "", "padding": padding}).encode()
        # No Content-Length: the limit must hold while reading too.
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass
        self.close_connection = True

    def answer_hostile(self):
        self.send_json(
            {
                "type": "rich",
                "title": "<script>alert('title')</script>Totally normal video",
                "html": (
                    "<script>alert('script')</script>"
                    '<iframe src="https://evil.example/frame" onload="alert(\'load\')"></iframe>'
                    f'<iframe src="{self.origin}/player/2" onload="alert(\'load\')" srcdoc="<script>alert(1)</script>"></iframe>'
                    '<p onclick="alert(\'click\')">Hello <img src="x" onerror="alert(\'img\')">'
                    "<a href=\"javascript:alert('link')\">link</a></p>"
                    "<style>body{display:none}</style>"
                ),
                "thumbnail_url": "file:///etc/passwd",
            }
        )


class FakeOEmbedServer:
    """The fake provider running; `provider` is its entry for settings.EMBED_PROVIDERS."""

    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), FakeProvider)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.provider = {
            "name": "Fake Video",
            "patterns": [rf"{self.origin}/watch/\w+"],
            "endpoint": f"{self.origin}/oembed",
            "frame_origins": [self.origin],
        }
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def url(self, behaviour):
        """Return the address a journalist would paste for a provider behaving so."""
        return f"{self.origin}/watch/{behaviour}"


def use_fake_provider(settings, server):
    """Point settings at the fake provider alone, the Content Security Policy's frame-src too."""
    settings.EMBED_PROVIDERS = [server.provider]
    settings.EMBED_TIMEOUT_SECONDS = TIMEOUT_SECONDS
    settings.EMBED_MAX_BYTES = MAX_BYTES
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = {
        **policy,
        "DIRECTIVES": {
            **policy["DIRECTIVES"],
            "frame-src": frame_origins(settings.EMBED_PROVIDERS),
        },
    }
