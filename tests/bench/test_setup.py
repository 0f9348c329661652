import math
import runpy

from bench.seed import spread_for
from bench.servers import vcl_for_backend
from tests.test_settings import PROJECT

VCL = """vcl 4.1;

backend default {
    .host = "app.internal";
    .port = "8000";
}
"""


def test_varnish_copy_points_its_backend_at_the_benchmarked_server():
    vcl = vcl_for_backend(VCL, 41234)
    assert '.host = "127.0.0.1";' in vcl
    assert '.port = "41234";' in vcl
    assert "app.internal" not in vcl


def test_read_rows_add_up_to_about_the_number_asked_for():
    articles, window_hours = 100_000, 14 * 24
    spread = spread_for(2_000_000, articles, window_hours)
    rows = sum(
        math.ceil(window_hours * spread / (rank + spread))
        for rank in range(1, articles + 1)
    )
    assert 1_950_000 < rows < 2_050_000


def test_gunicorn_runs_two_sync_workers_per_core_on_the_address_given(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9123")
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = runpy.run_path(str(PROJECT / "gunicorn.conf.py"))
    assert config["workers"] == 6
    assert config["worker_class"] == "sync"
    assert config["bind"] == "127.0.0.1:9123"
    assert config["wsgi_app"] == "newsroom.wsgi"
    assert config["max_requests_jitter"] > 0
