"""The chaos readers against a small local server and a closed port."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.servers import free_port
from chaos.readers import as_requests, read
from chaos.report import BEACON, NO_ANSWER


class Answers(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status = 503 if self.path == "/down/" else 200
        self.send_response(status)
        if status == 503:
            self.send_header("Retry-After", "30")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def do_POST(self):
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server_port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_readers_note_each_answer_and_each_request_without_one(server_port):
    routes = {"varnish": server_port, "a": server_port, "b": free_port()}
    pages = {"article": ["/story/"], "home": ["/"], "section": ["/down/"]}
    began = time.monotonic()

    requests = as_requests(read(routes, pages, ["/reads/1/"], 4, began, began + 0.5))

    by_route = {route: [r for r in requests if r.route == route] for route in routes}
    assert len(by_route["varnish"]) > len(by_route["a"]) > 0, "half through Varnish"
    assert {r.status for r in by_route["b"]} == {NO_ANSWER}
    answered = by_route["varnish"] + by_route["a"]
    assert {r.status for r in answered if r.kind == BEACON} == {204}
    assert {(r.status, r.retry_after) for r in answered if r.kind == "section"} == {
        (503, True)
    }
    assert all(0 <= r.started <= r.ended for r in requests)
