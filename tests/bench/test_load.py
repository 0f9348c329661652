import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.load import Load, run_python_load, run_wrk, wrk_installed


class Site(BaseHTTPRequestHandler):
    """Answers /missing/ with 404, everything else with an empty 204; remembers what it saw."""

    protocol_version = "HTTP/1.1"
    seen = []

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.seen.append((self.command, self.path, self.headers["X-Real-IP"]))
        self.send_response(404 if self.path == "/missing/" else 204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    Site.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_python_load_counts_answers_and_errors(site):
    port = site.server_address[1]
    good = run_python_load(port, Load("/"), seconds=0.3, connections=2)
    bad = run_python_load(port, Load("/missing/"), seconds=0.3, connections=2)
    assert good.requests > 10
    assert good.errors == 0
    assert 0 < good.p50_ms <= good.p95_ms <= good.p99_ms
    assert bad.requests > 10
    assert bad.errors == bad.requests


def test_python_beacon_load_posts_each_path_in_turn_as_a_distinct_reader(
    site, tmp_path
):
    paths = tmp_path / "paths.txt"
    paths.write_text("/reads/1/\n/reads/2/\n/reads/3/\n")
    run_python_load(
        site.server_address[1],
        Load(paths_file=paths, beacon=True),
        seconds=0.3,
        connections=1,
    )
    first_three = Site.seen[:3]
    assert [(method, path) for method, path, _ in first_three] == [
        ("POST", "/reads/1/"),
        ("POST", "/reads/2/"),
        ("POST", "/reads/3/"),
    ]
    addresses = {address for _, _, address in Site.seen}
    assert len(addresses) == len(Site.seen), "each beacon from an address of its own"


@pytest.mark.skipif(not wrk_installed(), reason="wrk is not installed")
def test_wrk_crawl_asks_for_every_path_of_the_file(site, tmp_path):
    paths = tmp_path / "paths.txt"
    paths.write_text("".join(f"/news/story-{number}/\n" for number in range(40)))
    result = run_wrk(
        site.server_address[1],
        Load("/news/story-0/", paths_file=paths),
        seconds=1,
        threads=2,
        connections=2,
        workdir=tmp_path,
    )
    assert result.requests >= 40
    assert result.errors == 0
    asked = {path for _, path, _ in Site.seen}
    assert asked == {f"/news/story-{number}/" for number in range(40)}
