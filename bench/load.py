"""
Put load on a server for a while and say what it measured: with wrk when it is
installed (Debian's `wrk`), otherwise with a small Python load generator that
keeps the same connections and reports the same figures.
"""

import http.client
import itertools
import shutil
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.report import LoadResult, parse_wrk_output, percentile

HERE = Path(__file__).resolve().parent
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


@dataclass
class Load:
    """
    What to send: one path again and again, or each path of paths_file in turn;
    beacon sends each as an empty POST from a distinct reader (X-Real-IP).
    """

    path: str = "/"
    paths_file: Path | None = None
    beacon: bool = False
    # As a browser asks: the page cache keeps pages compressed and sends them so.
    headers: dict = field(default_factory=lambda: {"Accept-Encoding": "gzip, br"})


@contextmanager
def step(write, what):
    """Say what is being done, then how long it took."""
    write(f"▸ {what} …")
    started = time.monotonic()
    yield
    write(f"  done in {time.monotonic() - started:.1f} s")


def cycling_loads(workdir, name, paths, warm_up_count, **options):
    """
    Return the Load and its warm-up cycling through paths: the first
    warm_up_count for the warm-up, the rest measured, each from a file of its
    own in workdir, so that no measured request finds what the warm-up left.
    """
    warm_up_file = Path(workdir) / f"{name}-warm-up.txt"
    warm_up_file.write_text("\n".join(paths[:warm_up_count]) + "\n")
    measured_file = Path(workdir) / f"{name}.txt"
    measured_file.write_text("\n".join(paths[warm_up_count:]) + "\n")
    return (
        Load(paths[-1], paths_file=measured_file, **options),
        Load(paths[0], paths_file=warm_up_file, **options),
    )


def measure(write, label, port, load, warm_up, seconds, warm_up_seconds, **shape):
    """Warm the server up with warm_up, then load it with load; say and return the result."""
    with step(write, f"{label}: {warm_up_seconds} s warm-up, {seconds} s measured"):
        run_load(port, warm_up, seconds=warm_up_seconds, **shape)
        result = run_load(port, load, seconds=seconds, **shape)
    write(
        f"  {result.requests_per_second:,.1f} req/s, p50 {result.p50_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms, {result.errors} errors"
    )
    return result


def wrk_installed():
    return shutil.which("wrk") is not None


def run_load(port, load, seconds, threads, connections, workdir, python=False):
    """Load 127.0.0.1:port for seconds with the given shape; return a LoadResult."""
    if wrk_installed() and not python:
        return run_wrk(port, load, seconds, threads, connections, workdir)
    return run_python_load(port, load, seconds, connections)


def wrk_script(load, workdir):
    """Write the Lua script for this load into workdir and return its path."""
    script = (HERE / "report.lua").read_text()
    if load.paths_file is not None:
        script = (HERE / "cycle.lua").read_text() + "\n" + script
    path = Path(workdir) / "load.lua"
    path.write_text(script)
    return path


def run_wrk(port, load, seconds, threads, connections, workdir):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(wrk_script(load, workdir)),
    ]
    for name, value in load.headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{load.path}")
    if load.paths_file is not None:
        command += ["--", str(load.paths_file), str(threads)]
        if load.beacon:
            command.append("beacon")
    finished = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    return parse_wrk_output(finished.stdout)


def run_python_load(port, load, seconds, connections):
    """Keep `connections` threads each sending requests back to back; slower than wrk."""
    paths = (
        load.paths_file.read_text().split()
        if load.paths_file is not None
        else [load.path]
    )
    turns = itertools.count()
    latencies, errors = [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def send_requests():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            turn = next(turns)
            path = paths[turn % len(paths)]
            headers = dict(load.headers)
            if load.beacon:
                # A reader of its own each time, as nginx would say (X-Real-IP).
                headers["User-Agent"] = BROWSER_USER_AGENT
                headers["X-Real-IP"] = (
                    f"10.{turn // 65536 % 256}.{turn // 256 % 256}.{turn % 256}"
                )
            started = time.perf_counter()
            try:
                connection.request(
                    "POST" if load.beacon else "GET",
                    path,
                    body=b"" if load.beacon else None,
                    headers=headers,
                )
                response = connection.getresponse()
                response.read()
                failed = response.status >= 400
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException):
                failed = True
                connection.close()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed * 1000)
                errors[0] += failed
        connection.close()

    started = time.monotonic()
    workers = [
        threading.Thread(target=send_requests, daemon=True) for _ in range(connections)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    latencies.sort()
    return LoadResult(
        requests=len(latencies),
        seconds=time.monotonic() - started,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
        errors=errors[0],
    )
