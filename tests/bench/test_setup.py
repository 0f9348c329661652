import math
import runpy
import shutil
import subprocess

import pytest

from bench.seed import spread_for
from bench.servers import vcl_for_backend, vcl_for_backends
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


def test_varnish_copy_for_two_servers_takes_them_in_turn_with_the_shipped_probe():
    shipped = (PROJECT / "deploy" / "varnish.vcl").read_text()

    vcl = vcl_for_backends(shipped, [41234, 41235])

    assert vcl.count(".probe = {") == 2
    assert '.port = "41234";' in vcl
    assert '.port = "41235";' in vcl
    assert "directors.round_robin()" in vcl
    assert "add_backend(newsroom_1)" in vcl
    assert "add_backend(newsroom_2)" in vcl
    # The director is chosen before the shipped vcl_recv checks its health.
    assert vcl.index("_pool.backend()") < vcl.index("std.healthy(req.backend_hint)")


@pytest.mark.skipif(
    shutil.which("varnishd") is None, reason="varnishd is not installed"
)
def test_varnish_compiles_the_copy_for_two_servers(tmp_path):
    shipped = (PROJECT / "deploy" / "varnish.vcl").read_text()
    vcl = tmp_path / "two.vcl"
    vcl.write_text(vcl_for_backends(shipped, [41234, 41235]))

    compiled = subprocess.run(
        ["varnishd", "-C", "-j", "none", "-f", str(vcl)],
        capture_output=True,
        text=True,
    )

    assert compiled.returncode == 0, compiled.stderr[-2000:]


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
