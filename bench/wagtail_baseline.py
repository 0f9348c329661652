"""
Wagtail 8.0.1 on this machine, the figure issue 10's targets are reckoned
from: the news site in bench/wagtail/, in a virtualenv of its own
(.venv-wagtail) on a database of its own (newsroom_bench_wagtail), served by
the same gunicorn.conf.py and loaded as the benchmark loads Newsroom. The
virtualenv and the seeded database are made once and reused. Every server
started here is stopped when the run ends, fails or is interrupted.

`python -m bench.wagtail_baseline` runs it on its own; bench/run.py runs it
once per `make bench`.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from psycopg2 import sql

from bench import servers
from bench.load import Load, cycling_loads, measure, step
from bench.report import LoadResult

REPOSITORY = servers.REPOSITORY
SITE = REPOSITORY / "bench" / "wagtail"
VENV = REPOSITORY / ".venv-wagtail"
REQUIREMENTS = ["wagtail==8.0.1", "psycopg2-binary", "gunicorn", "whitenoise"]
DATABASE = "newsroom_bench_wagtail"
SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
# add_child takes about 30 ms a page on 2 cores: 2,000 pages seed in about a minute.
ARTICLES = 2_000
# As many read rows an article as Newsroom's bench seeds (2,000,000 for 100,000).
READ_ROWS = 40_000
CRAWL_WARM_UP_ARTICLES = 400


@dataclass
class Baseline:
    """What Wagtail did on this machine."""

    article: LoadResult
    crawl: LoadResult
    queries_cold: int
    queries_warm: int
    most_read_ms: float
    page_bytes: int


def run(
    seconds=12,
    warm_up_seconds=3,
    threads=2,
    connections=16,
    python_load=False,
    write=print,
):
    """Set up (once), serve and load the Wagtail site; return a Baseline."""
    install(write)
    with step(write, f"Wagtail's database {DATABASE}: migrate and seed once"):
        create_database(write)
        manage("migrate", "--noinput", "-v0")
        manage(
            "seed_news",
            f"--articles={ARTICLES}",
            f"--read-rows={READ_ROWS}",
            progress=write,
        )
    with tempfile.TemporaryDirectory(prefix="newsroom-wagtail-") as workdir:
        workdir = Path(workdir)
        env = site_env(workdir)
        with step(write, "Wagtail: collectstatic, paths and query counts"):
            manage("collectstatic", "--noinput", "-v0", env=env)
            # Its last line: warnings may come before.
            paths = json.loads(manage("bench_paths", env=env).splitlines()[-1])
            write(
                f"  {paths['article']}: {paths['queries_cold']} queries cold, "
                f"{paths['queries_warm']} warm, {paths['bytes']:,} bytes; "
                f"most-read ranking {paths['most_read_ms']:.1f} ms"
            )
        crawl = paths["crawl"]
        crawl_load, crawl_warm_up = cycling_loads(
            workdir, "crawl", crawl, CRAWL_WARM_UP_ARTICLES
        )
        port = servers.free_port()
        with step(write, f"gunicorn serving Wagtail on port {port}"):
            server = ExitStack()
            server.enter_context(
                servers.gunicorn(
                    port,
                    env,
                    workdir / "gunicorn-wagtail.log",
                    "wagtailsite.wsgi",
                    executable=VENV / "bin" / "gunicorn",
                    cwd=SITE,
                )
            )
        with server:
            shape = {
                "seconds": seconds,
                "warm_up_seconds": warm_up_seconds,
                "threads": threads,
                "connections": connections,
                "workdir": workdir,
                "python": python_load,
            }
            article = measure(
                write,
                f"Wagtail, article {paths['article']}",
                port,
                Load(paths["article"]),
                Load(paths["article"]),
                **shape,
            )
            crawled = measure(
                write,
                f"Wagtail, crawl of {len(crawl) - CRAWL_WARM_UP_ARTICLES:,} articles",
                port,
                crawl_load,
                crawl_warm_up,
                **shape,
            )
    return Baseline(
        article=article,
        crawl=crawled,
        queries_cold=paths["queries_cold"],
        queries_warm=paths["queries_warm"],
        most_read_ms=paths["most_read_ms"],
        page_bytes=paths["bytes"],
    )


def install(write):
    """Make .venv-wagtail with REQUIREMENTS unless it already has them."""
    marker = VENV / ".installed"
    wanted = "\n".join(REQUIREMENTS) + "\n"
    if marker.exists() and marker.read_text() == wanted:
        return
    with step(
        write,
        f"Wagtail's virtualenv {VENV.name}: pip install {' '.join(REQUIREMENTS)} "
        "(first time only, about 30 s)",
    ):
        if not (VENV / "bin" / "python").exists():
            checked([sys.executable, "-m", "venv", str(VENV)])
        checked(
            [
                str(VENV / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                *REQUIREMENTS,
            ]
        )
        marker.write_text(wanted)


def create_database(write):
    connection = psycopg2.connect(dbname="postgres", **SERVER)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE])
            if cursor.fetchone() is None:
                cursor.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE))
                )
                write(
                    f"  created {DATABASE}; migrating and seeding it takes about two minutes"
                )
    finally:
        connection.close()


def site_env(workdir=None):
    """Return the environment the Wagtail site runs in: its settings, its database."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="wagtailsite.settings",
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"postgres://{SERVER['user']}@{SERVER['host']}:{SERVER['port']}/{DATABASE}",
        PATH=f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        # Progress lines as they are written, not when the pipe's buffer fills.
        PYTHONUNBUFFERED="1",
    )
    if workdir is not None:
        env["STATIC_ROOT"] = str(Path(workdir) / "static")
    return env


def manage(*arguments, env=None, progress=None):
    """
    Run a manage.py command of the Wagtail site in its virtualenv and return
    its output, passing each line to progress as it comes when given.
    """
    return checked(
        [str(VENV / "bin" / "python"), "manage.py", *arguments],
        progress=progress,
        env=env or site_env(),
        cwd=SITE,
    )


def checked(command, progress=None, **kwargs):
    """Run command and return its output; on failure, raise with the end of it."""
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **kwargs,
    ) as process:
        lines = []
        for line in process.stdout:
            lines.append(line)
            if progress is not None:
                progress(f"  {line.rstrip()}")
    output = "".join(lines)
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:4])} … exited with {process.returncode}:\n"
            f"{output[-3000:]}"
        )
    return output


def main():
    started = time.monotonic()
    baseline = run()
    print(
        f"\nWagtail 8.0.1 on this machine ({time.monotonic() - started:.0f} s in all):\n"
        f"  article: {baseline.article.requests_per_second:,.1f} req/s, "
        f"p50 {baseline.article.p50_ms:.1f} ms, p99 {baseline.article.p99_ms:.1f} ms, "
        f"{baseline.article.errors} errors, "
        f"{baseline.queries_cold} queries cold / {baseline.queries_warm} warm\n"
        f"  crawl:   {baseline.crawl.requests_per_second:,.1f} req/s, "
        f"p50 {baseline.crawl.p50_ms:.1f} ms, p99 {baseline.crawl.p99_ms:.1f} ms, "
        f"{baseline.crawl.errors} errors"
    )


if __name__ == "__main__":
    main()
