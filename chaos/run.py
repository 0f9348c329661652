"""
`make chaos`, step by step: start a throwaway PostgreSQL and Redis, seed
them, serve the site from two gunicorn instances with Varnish in front, let
64 readers read for a minute while the faults happen on a fixed timeline,
then count and report. Everything started here is stopped when the run ends,
fails or is interrupted.
"""

import concurrent.futures
import json
import os
import platform
import runpy
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import django
from django.utils import timezone

from bench import servers
from bench.report import replace_docs_table
from chaos import readers
from chaos.report import (
    DOCS_MARKERS,
    FlushStats,
    Phase,
    Run,
    Sighting,
    account,
    markdown_report,
    per_route,
    tally_beacons,
    text_report,
)
from chaos.services import FlushLoop, PostgreSQL, Redis
from newsroom.cache import RETRY_AFTER_SECONDS

REPOSITORY = servers.REPOSITORY
RESULTS = REPOSITORY / "chaos" / "results.json"
DOCS = REPOSITORY / "docs" / "reliability.md"

READERS = 64
SECONDS = 60
ARTICLES = 300
# The timeline, in seconds from the start of the load.
REDIS_STOP_AT, REDIS_DOWN_FOR = 8, 5
POSTGRES_STOP_AT, POSTGRES_DOWN_FOR = 23, 3
FLUSH_PHASE_AT, FLUSH_KILLS = 34, 3
PUBLISH_AT = 47
# How long to look for flush_reads inside a pass before killing it anyway.
FLUSH_KILL_WAIT_SECONDS = 3
PUBLISH_WAIT_SECONDS = 10
HEALTH_INTERVAL_SECONDS = 0.1
FLUSH_APPLICATION_NAME = "newsroom-chaos-flush-reads"
ROUTE_NAMES = {"varnish": "Varnish", "a": "A", "b": "B"}


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


class Chaos:
    def __init__(self, workdir):
        self.workdir = workdir
        self.began = 0.0
        self.events = []
        self.health = []
        self.kills_inside_a_pass = 0

    def now(self):
        return time.monotonic() - self.began

    def at(self, seconds):
        """Wait until `seconds` into the load."""
        time.sleep(max(0.0, self.began + seconds - time.monotonic()))

    def event(self, text):
        self.events.append((round(self.now(), 2), text))
        say(f"  {self.now():5.1f} s  {text}")

    def run(self, stack):
        load_average = os.getloadavg()[0]
        say(f"Load average before the run: {load_average:.1f}; work in {self.workdir}")
        self.postgres = PostgreSQL(self.workdir / "postgresql", servers.free_port())
        self.redis = Redis(self.workdir / "redis", servers.free_port())
        say(
            f"▸ PostgreSQL (initdb) on port {self.postgres.port}, Redis on port {self.redis.port}"
        )
        stack.callback(self.postgres.kill)
        self.postgres.create()
        stack.callback(self.redis.stop)
        self.redis.start()

        ports = {"a": servers.free_port(), "b": servers.free_port()}
        varnish_port = servers.free_port()
        env = self.environment(varnish_port)
        # Settings are read once, at set-up: from here on this process is a
        # client of the throwaway services only.
        os.environ.update(env)
        django.setup()
        from chaos import site

        say(f"▸ migrate, seed_demo --articles {ARTICLES}, collectstatic")
        articles = site.prepare(ARTICLES, self.workdir / "prepare.log")
        pages, beacon_paths = site.reader_paths()
        draft = site.draft_to_publish()
        say(f"  {articles} live articles")

        for name, port in ports.items():
            say(f"▸ gunicorn {name.upper()} on port {port}")
            log = self.workdir / f"gunicorn-{name}.log"
            stack.enter_context(servers.gunicorn(port, env, log))
        say(f"▸ Varnish on port {varnish_port}, round robin over A and B")
        stack.enter_context(
            servers.varnish(
                REPOSITORY / "deploy" / "varnish.vcl",
                list(ports.values()),
                varnish_port,
                self.workdir,
            )
        )
        flush_loop = FlushLoop(
            {
                **env,
                "DATABASE_URL": f"{self.postgres.url}?application_name={FLUSH_APPLICATION_NAME}",
            },
            self.workdir / "flush_reads.log",
        )
        stack.callback(flush_loop.stop)
        flush_loop.start()
        reads_before = site.flush_and_count_reads()

        routes = {"varnish": varnish_port, **ports}
        say(
            f"▸ {READERS} readers for {SECONDS} s, half through Varnish, a quarter on each instance"
        )
        self.began = time.monotonic() + 3  # Time for the readers' process to start.
        plan, result = self.workdir / "readers.json", self.workdir / "requests.json"
        plan.write_text(
            json.dumps(
                {
                    "routes": routes,
                    "pages": pages,
                    "beacon_paths": beacon_paths,
                    "readers": READERS,
                    "began": self.began,
                    "until": self.began + SECONDS,
                }
            )
        )
        reading = stack.enter_context(
            servers.started(
                [sys.executable, "-m", "chaos.readers", str(plan), str(result)],
                self.workdir / "readers.log",
                cwd=REPOSITORY,
            )
        )
        stop_polling = threading.Event()
        poller = threading.Thread(
            target=self.poll_health, args=(ports, stop_polling), daemon=True
        )
        self.at(0)
        poller.start()
        try:
            phases, sightings = self.faults(site, flush_loop, draft, routes)
        finally:
            stop_polling.set()
        if reading.wait(timeout=60) != 0:
            raise RuntimeError(
                f"The readers failed:\n{(self.workdir / 'readers.log').read_text()[-3000:]}"
            )
        poller.join()
        flush_loop.stop()
        requests = readers.as_requests(json.loads(result.read_text()))
        say(f"▸ {len(requests):,} requests; final flush")
        beacons = tally_beacons(requests, phases, RETRY_AFTER_SECONDS)
        beacons.counted = site.flush_and_count_reads() - reads_before
        results = account(requests, phases, self.health)
        return Run(
            date=timezone.localdate().isoformat(),
            cores=os.cpu_count() or 1,
            load_average=round(load_average, 1),
            commit=current_commit(),
            readers=READERS,
            seconds=SECONDS,
            articles=articles,
            workers_per_instance=workers_per_instance(),
            phases=results,
            publish_sightings=sightings,
            beacons=beacons,
            flush_loop=FlushStats(
                FLUSH_KILLS, self.kills_inside_a_pass, *flush_loop.passes()
            ),
            routes=per_route(requests),
            events=self.events,
        )

    def environment(self, varnish_port):
        return {
            **os.environ,
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url,
            "DJANGO_DEBUG": "0",
            # Plain HTTP end to end: nothing in front speaks TLS.
            "SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECRET_KEY": "chaos-only-not-a-secret",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # The readers say who they are as nginx would (chaos/readers.py).
            "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "FRONTEND_CACHE_PURGE_URLS": f"http://127.0.0.1:{varnish_port}",
        }

    def faults(self, site, flush_loop, draft, routes):
        """Run the timeline; return its phases and where the publication was found."""
        phases = [Phase("steady", "steady, before any fault", 0, 0)]

        def begin(phase):
            phases[-1].end = phase.start
            phases.append(phase)

        self.at(REDIS_STOP_AT)
        down = Phase(
            "redis", f"Redis stopped for {REDIS_DOWN_FOR} s", self.now(), 0, "redis"
        )
        begin(down)
        self.redis.stop()
        self.event("Redis stopped")
        self.at(REDIS_STOP_AT + REDIS_DOWN_FOR)
        self.redis.start()
        down.down_until = self.now()
        self.event("Redis answers again")
        begin(Phase("after_redis", "after Redis is back", self.now(), 0))

        self.at(POSTGRES_STOP_AT)
        down = Phase(
            "postgresql",
            f"PostgreSQL stopped for ~{POSTGRES_DOWN_FOR} s",
            self.now(),
            0,
            "postgresql",
        )
        begin(down)
        self.postgres.stop()
        self.event("PostgreSQL stopped (pg_ctl stop -m fast)")
        self.at(POSTGRES_STOP_AT + POSTGRES_DOWN_FOR)
        self.postgres.start()
        down.down_until = self.now()
        self.event("PostgreSQL answers again")
        begin(Phase("after_postgresql", "after PostgreSQL is back", self.now(), 0))

        self.at(FLUSH_PHASE_AT)
        begin(
            Phase(
                "flush_reads",
                f"flush_reads --every 1 SIGKILLed {FLUSH_KILLS} times",
                self.now(),
                0,
            )
        )
        for _ in range(FLUSH_KILLS):
            self.kill_flush_loop(site, flush_loop)
            time.sleep(2)

        self.at(PUBLISH_AT)
        begin(Phase("publish", "publish, then steady", self.now(), 0))
        sightings = self.publish(site, draft, routes)
        self.at(SECONDS)
        phases[-1].end = self.now()
        return phases, sightings

    def kill_flush_loop(self, site, flush_loop):
        """SIGKILL flush_reads, inside a pass if one is seen within a few seconds, and start it again."""
        site.reconnect()
        deadline = time.monotonic() + FLUSH_KILL_WAIT_SECONDS
        inside = False
        while time.monotonic() < deadline:
            if site.flush_reads_is_busy(FLUSH_APPLICATION_NAME):
                inside = True
                break
            time.sleep(0.002)
        flush_loop.kill()
        self.kills_inside_a_pass += inside
        self.event(
            "flush_reads SIGKILLed "
            + ("inside a pass" if inside else "between passes")
            + "; started again"
        )
        flush_loop.start()

    def publish(self, site, draft, routes):
        """Publish, then look for the article on every route at once, each on its own."""
        path, headline = site.publish(draft.pk)
        published = time.monotonic()
        self.event(f"published {path}")

        def look_for(port):
            look = 0
            while time.monotonic() < published + PUBLISH_WAIT_SECONDS:
                look += 1
                started = time.monotonic()
                if shows(port, path, headline):
                    return Sighting(look, round(started - published, 3))
                time.sleep(0.05)
            return None

        with concurrent.futures.ThreadPoolExecutor(len(routes)) as lookers:
            looking = {
                ROUTE_NAMES[route]: lookers.submit(look_for, port)
                for route, port in routes.items()
            }
            sightings = {route: future.result() for route, future in looking.items()}
        self.event(
            "found on " + ", ".join(route for route, seen in sightings.items() if seen)
        )
        return sightings

    def poll_health(self, ports, stop):
        """Sample /healthz on every instance until stop is set."""
        while not stop.is_set():
            started = time.monotonic()
            for port in ports.values():
                healthy = answers(port, "/healthz") == 200
                # Timed by its answer, as the readers' requests are.
                self.health.append((round(self.now(), 2), healthy))
            stop.wait(max(0.0, HEALTH_INTERVAL_SECONDS - (time.monotonic() - started)))


def answers(port, path):
    """Return the status of a GET, or 0 without an answer."""
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}{path}", timeout=2
        ) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def shows(port, path, headline):
    """Say whether the home page on port lists the headline and the article's page answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            home = response.read().decode(errors="replace")
    except OSError:
        return False
    return headline in home and answers(port, path) == 200


def workers_per_instance():
    return runpy.run_path(str(REPOSITORY / "gunicorn.conf.py"))["workers"]


def current_commit():
    finished = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
    )
    return finished.stdout.strip()


def report(run):
    say("")
    say(text_report(run))
    RESULTS.write_text(run.as_json())
    heading = (
        f"{date.fromisoformat(run.date):%-d %B %Y}, {run.cores} cores "
        f"({platform.machine()}), load average {run.load_average} before the run; "
        f"{run.readers} readers for {run.seconds} s, half through Varnish and a "
        f"quarter straight to each of two gunicorn instances "
        f"({run.workers_per_instance} sync workers each), {run.articles} live articles, "
        f"commit {run.commit}:"
    )
    DOCS.write_text(
        replace_docs_table(
            DOCS.read_text(),
            heading,
            markdown_report(run),
            markers=DOCS_MARKERS,
        )
    )
    say(
        f"\nWrote {RESULTS.relative_to(REPOSITORY)} and the table in {DOCS.relative_to(REPOSITORY)}."
    )


def main():
    started = time.monotonic()
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    with tempfile.TemporaryDirectory(prefix="newsroom-chaos-") as workdir:
        # The postgres user, Varnish and nginx drop to other users.
        workdir = servers.readable_by_all(workdir)
        with ExitStack() as stack:
            run = Chaos(Path(workdir)).run(stack)
        say(f"Everything stopped; {time.monotonic() - started:.0f} s in all.")
    report(run)
