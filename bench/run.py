"""
The benchmark, step by step: seed, count queries in-process, measure Wagtail
8.0.1 on this machine (the targets' basis), then serve the site under
gunicorn (page cache off, then on), put each scenario under load, and report.
Every server started here is stopped when the run ends, fails or is
interrupted.
"""

import gzip
import http.client
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from articles import readership
from articles.models import Article, ReadCount, Section
from bench import servers, wagtail_baseline
from bench.load import (
    BROWSER_USER_AGENT,
    Load,
    cycling_loads,
    measure,
    step,
    wrk_installed,
)
from bench.report import (
    Line,
    Run,
    check_targets,
    markdown_table,
    replace_docs_table,
    table_rows,
    text_table,
)
from bench.seed import read_rows_present, seed_reads

REPOSITORY = servers.REPOSITORY
RESULTS = REPOSITORY / "bench" / "results.json"
DOCS = REPOSITORY / "docs" / "performance.md"
ADMIN_USERNAME = "bench-admin"
CACHED_PAGE_SECONDS = 300
CRAWL_WARM_UP_ARTICLES = 5_000
CRAWL_ARTICLES = 30_000
MOST_READ_TIMING_BUDGET_MS = 5_000


@dataclass
class Options:
    articles: int
    read_rows: int
    seconds: int
    warm_up_seconds: int
    threads: int
    connections: int
    python_load: bool
    # --skip-wagtail (`make bench SKIP_WAGTAIL=1`): a quicker run, held to
    # issue 10's figures alone.
    skip_wagtail: bool = False


@dataclass
class Scenario:
    """A line of the table that is put under load."""

    key: str
    label: str
    load: Load
    page_cache: bool = False
    warm_up: Load | None = None  # Defaults to the same load.
    # Whether the cold query count starts from an empty cache. A crawl's request
    # finds the site-wide fragments warm and only its article's cold; a page
    # cache's first request is its miss.
    cold_starts_empty: bool = True

    def __post_init__(self):
        self.warm_up = self.warm_up or self.load


class Benchmark:
    def __init__(self, options, write):
        self.options = options
        self.write = write
        self.lines = {}
        self.worker_rss = []
        self.workers = 0
        self.load_average = 0.0

    def step(self, what):
        """Say what is being done, then how long it took."""
        return step(self.write, what)

    def run(self):
        options = self.options
        self.load_average = os.getloadavg()[0]
        self.write(f"Load average before the run: {self.load_average:.1f}")
        with self.step(f"Articles: at least {options.articles:,}"):
            missing = options.articles - Article.objects.count()
            if missing > 0:
                call_command("seed_demo", articles=missing)
            article_count = Article.objects.count()
            self.write(f"  {article_count:,} articles")
        with self.step("VACUUM ANALYZE, as autovacuum keeps a production database"):
            # A migration that rewrote every row leaves the list pages' index-only
            # scans visiting the table until the pages are marked all-visible.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        with self.step(f"Read rows: about {options.read_rows:,}"):
            if read_rows_present(options.read_rows):
                read_rows = ReadCount.objects.count()
                self.write(f"  reusing {read_rows:,} rows")
            else:
                read_rows = seed_reads(options.read_rows)
                self.write(f"  inserted {read_rows:,} rows")
            if readership.scores_out_of_date():
                started = time.perf_counter()
                readership.rebuild_scores()
                self.write(
                    f"  scored them per article in {time.perf_counter() - started:.1f} s"
                )
        with self.step("Most-read ranking, timed in-process"):
            self.time_most_read(read_rows)
        with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as workdir:
            workdir = Path(workdir)
            scenarios, admin_password = self.prepare(workdir)
            with self.step("collectstatic into a temporary STATIC_ROOT"):
                env = self.server_env(workdir)
                subprocess.run(
                    [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                    cwd=REPOSITORY,
                    env=env,
                    check=True,
                )
            with (
                self.step("Stored stories, as saving each article leaves them"),
                # The stored head links the publisher's logo by its collected name.
                override_settings(STATIC_ROOT=workdir / "static"),
            ):
                # On every core: after a change of template every story is stored again.
                call_command("store_stories", processes=os.cpu_count() or 1)
            with self.step("Query counts per request, cold and warm, in-process"):
                for scenario in scenarios:
                    self.count_queries(scenario, workdir)
            # Just before Newsroom's own loads, on the same quiet machine.
            self.load_wagtail()
            self.load_uncached(scenarios, workdir, env, admin_password)
            self.load_cached(scenarios, workdir, env)
            self.load_bare(workdir, env)
        worker_line = Line(
            "worker_rss",
            f"gunicorn worker memory (RSS) after the runs, largest of {len(self.worker_rss)}",
            value=max(self.worker_rss, default=None),
            unit="MB",
        )
        self.lines[worker_line.key] = worker_line
        return self.report(article_count, read_rows)

    def time_most_read(self, read_rows):
        """Time the ranking query with no cache: once cold, then warm while time allows."""
        size = settings.NEWSROOM_MOST_READ_SIZE + 1
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            readership.ranked_articles(size)
            cold = (time.perf_counter() - started) * 1000
        warm = []
        while len(warm) < 5 and cold + sum(warm) < MOST_READ_TIMING_BUDGET_MS:
            started = time.perf_counter()
            readership.ranked_articles(size)
            warm.append((time.perf_counter() - started) * 1000)
        then = f", then {statistics.median(warm):,.0f} ms" if warm else ""
        self.lines["most_read"] = Line(
            "most_read",
            f"most-read ranking at {read_rows:,} read rows, first call{then}",
            queries_cold=len(queries),
            queries_warm=len(queries),
            value=cold,
            unit="ms",
        )
        self.write(f"  first call {cold:,.1f} ms{then}")

    def prepare(self, workdir):
        """Choose the pages, write the crawl's path files, and set up the admin user."""
        published = Article.objects.published()
        article = published.newest_first().select_related("section").first()
        rows = list(
            published.exclude(pk=article.pk)
            .order_by("?")
            .values_list("pk", "section__slug", "slug")[:CRAWL_ARTICLES]
        )
        crawl_paths = [
            reverse("articles:detail", kwargs={"section": section, "slug": slug})
            for _, section, slug in rows
        ]
        beacon_paths = [
            reverse("articles:read", kwargs={"pk": pk}) for pk, _, _ in rows
        ]
        search_paths = [
            new_search_path(slug, number) for number, (_, _, slug) in enumerate(rows)
        ]
        crawl, crawl_warm_up = cycling_loads(
            workdir, "crawl", crawl_paths, CRAWL_WARM_UP_ARTICLES
        )
        beacon, beacon_warm_up = cycling_loads(
            workdir, "beacon", beacon_paths, CRAWL_WARM_UP_ARTICLES, beacon=True
        )
        search_new, search_new_warm_up = cycling_loads(
            workdir, "search", search_paths, CRAWL_WARM_UP_ARTICLES
        )
        section = (
            Section.objects.active()
            .annotate(article_count=Count("articles"))
            .order_by("-article_count")
            .first()
        )
        section_path = section.get_absolute_url()
        article_path = article.get_absolute_url()
        changelist = reverse("admin:articles_article_changelist")
        admin_password = self.admin_password()

        search = "/search/?q=council+budget"
        # Pages without the most-read list first, so that the article's cold
        # count computes it last and leaves it held for the crawl and the load.
        scenarios = [
            Scenario(
                "beacon",
                "read beacon (POST), a different article and reader each time",
                beacon,
                warm_up=beacon_warm_up,
            ),
            Scenario("admin", "admin article list, logged in", Load(changelist)),
            Scenario("search", 'search "council budget"', Load(search)),
            Scenario(
                "search_new",
                "search, never the same query (two words of a headline)",
                search_new,
                warm_up=search_new_warm_up,
            ),
            Scenario("section", "section front, page 1", Load(section_path)),
            Scenario(
                "section_500",
                "section front, page 500",
                Load(f"{section_path}?page=500"),
            ),
            Scenario("home", "home", Load("/")),
            Scenario("article", "article, page cache off", Load(article_path)),
            Scenario(
                "crawl",
                "crawl: every request a different article, page cache off",
                crawl,
                warm_up=crawl_warm_up,
                cold_starts_empty=False,
            ),
            Scenario(
                "article_cached",
                "article, page cache on",
                Load(article_path),
                page_cache=True,
                cold_starts_empty=False,
            ),
        ]
        return scenarios, admin_password

    def admin_password(self):
        """Give the benchmark's superuser a fresh random password; return it."""
        password = f"bench-{random.SystemRandom().getrandbits(128):x}"
        user, _ = get_user_model().objects.get_or_create(
            username=ADMIN_USERNAME,
            defaults={"is_staff": True, "is_superuser": True},
        )
        user.set_password(password)
        user.save()
        return password

    def count_queries(self, scenario, workdir):
        """
        Count one request's queries cold, then again warm. The counts run with
        the most-read list held as under load, so the last cold one leaves it
        computed for the run.
        """
        client = Client()
        if scenario.key == "admin":
            # A sign-in without a request, which django-axes refuses.
            client.force_login(get_user_model().objects.get(username=ADMIN_USERNAME))
        path = scenario.load.path
        counts = []
        with override_settings(
            STATIC_ROOT=workdir / "static",
            PAGE_CACHE_SECONDS=CACHED_PAGE_SECONDS if scenario.page_cache else 0,
        ):
            if scenario.cold_starts_empty:
                cache.clear()
            for reader in (1, 2):
                with CaptureQueriesContext(connection) as queries:
                    if scenario.page_cache:
                        # The page cache is a WSGI layer the test client never reaches.
                        response = get_through_wsgi(path)
                    elif scenario.load.beacon:
                        # Two readers: the visitor is the address.
                        response = client.post(
                            path,
                            HTTP_USER_AGENT=BROWSER_USER_AGENT,
                            REMOTE_ADDR=f"10.0.0.{reader}",
                        )
                    else:
                        response = client.get(path)
                if response.status_code >= 400:
                    raise RuntimeError(f"{path} answered {response.status_code}")
                counts.append(len(queries))
        self.lines[scenario.key] = Line(
            scenario.key, scenario.label, queries_cold=counts[0], queries_warm=counts[1]
        )
        self.write(f"  {scenario.label}: {counts[0]} cold, {counts[1]} warm")

    def server_env(self, workdir):
        return {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "STATIC_ROOT": str(workdir / "static"),
            # Beacons say which reader sent them as nginx would (X-Real-IP):
            # one address is one reader, with a few beacons a minute.
            "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        }

    def load_wagtail(self):
        """Measure Wagtail 8.0.1's article and crawl, or say why not."""
        article = Line(
            "wagtail_article", "Wagtail 8.0.1, article, no page cache (same machine)"
        )
        crawl = Line(
            "wagtail_crawl",
            "Wagtail 8.0.1, crawl: every request a different article, no page cache",
        )
        self.lines[article.key] = article
        self.lines[crawl.key] = crawl
        if self.options.skip_wagtail:
            article.skipped = crawl.skipped = "--skip-wagtail"
            self.write("▸ Wagtail 8.0.1 baseline: skipped (--skip-wagtail)")
            return
        options = self.options
        self.write(
            "▸ Wagtail 8.0.1 baseline on this machine, "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        try:
            baseline = wagtail_baseline.run(
                seconds=options.seconds,
                warm_up_seconds=options.warm_up_seconds,
                threads=options.threads,
                connections=options.connections,
                python_load=options.python_load,
                write=lambda text: self.write(f"  {text}"),
            )
        except Exception as error:
            # Whatever stops it (no network for pip, no PostgreSQL), Newsroom's
            # own run goes on; Ctrl-C is no Exception and still ends the run.
            reason = str(error).strip().splitlines()[0][:120]
            article.skipped = crawl.skipped = f"could not run: {reason}"
            self.write("  Wagtail could not run, so issue 10's figures stand:")
            for line in str(error).strip().splitlines():
                self.write(f"    {line}")
            return
        article.load = baseline.article
        article.queries_cold = baseline.queries_cold
        article.queries_warm = baseline.queries_warm
        crawl.load = baseline.crawl

    def load_bare(self, workdir, env):
        port = servers.free_port()
        bare = Scenario(
            "bare",
            "for scale: a bare WSGI app, 17 KB from memory, same gunicorn",
            Load("/"),
        )
        with self.step(f"gunicorn with a bare WSGI app, on port {port}"):
            server = ExitStack()
            server.enter_context(
                servers.gunicorn(
                    port, env, workdir / "gunicorn-bare.log", "bench.bare:application"
                )
            )
        with server:
            self.measure(bare, port, workdir)

    def load_uncached(self, scenarios, workdir, env, admin_password):
        port = servers.free_port()
        with self.step(f"gunicorn, page cache off, on port {port}"):
            server = ExitStack()
            process = server.enter_context(
                servers.gunicorn(
                    port,
                    {**env, "PAGE_CACHE_SECONDS": "0"},
                    workdir / "gunicorn-uncached.log",
                )
            )
        with server:
            session = log_in(port, ADMIN_USERNAME, admin_password)
            for scenario in scenarios:
                if scenario.page_cache:
                    continue
                if scenario.key == "admin":
                    scenario.load.headers["Cookie"] = session
                self.measure(scenario, port, workdir)
            self.record_worker_rss(process)

    def record_worker_rss(self, process):
        sizes = servers.worker_rss_mb(process.pid)
        self.workers = len(sizes)
        self.worker_rss += sizes
        self.write(f"  worker RSS: {', '.join(f'{size:.0f}' for size in sizes)} MB")

    def load_cached(self, scenarios, workdir, env):
        port = servers.free_port()
        with self.step(
            f"gunicorn, page cache on ({CACHED_PAGE_SECONDS} s), on port {port}"
        ):
            server = ExitStack()
            process = server.enter_context(
                servers.gunicorn(
                    port,
                    {**env, "PAGE_CACHE_SECONDS": str(CACHED_PAGE_SECONDS)},
                    workdir / "gunicorn-cached.log",
                )
            )
        with server:
            cached = next(s for s in scenarios if s.key == "article_cached")
            self.measure(cached, port, workdir)
            self.write(f"  X-Page-Cache: {page_cache_answer(port, cached.load.path)}")
            self.load_front_caches(cached, port, workdir)
            self.record_worker_rss(process)

    def load_front_caches(self, cached, backend_port, workdir):
        """Load the cached article through Varnish, and from nginx as a plain file."""
        vcl = REPOSITORY / "deploy" / "varnish.vcl"
        path = cached.load.path
        front = Scenario(
            "varnish", "article through Varnish (deploy/varnish.vcl)", cached.load, True
        )
        if not vcl.exists():
            self.lines["varnish"] = Line(
                "varnish", front.label, skipped="no deploy/varnish.vcl"
            )
            self.write("▸ Varnish: skipped: no deploy/varnish.vcl")
        elif shutil.which("varnishd") is None:
            self.lines["varnish"] = Line(
                "varnish", front.label, skipped="no varnishd installed"
            )
            self.write("▸ Varnish: skipped: varnishd is not installed")
        else:
            port = servers.free_port()
            self.lines["varnish"] = Line("varnish", front.label)
            with self.step(f"Varnish on port {port} in front of gunicorn"):
                stack = ExitStack()
                stack.enter_context(servers.varnish(vcl, backend_port, port, workdir))
            with stack:
                self.measure(front, port, workdir)
        static = Scenario(
            "nginx", "the same article HTML from nginx, as a file", cached.load, True
        )
        self.lines["nginx"] = Line("nginx", static.label)
        if shutil.which("nginx") is None:
            self.lines["nginx"].skipped = "nginx is not installed"
            return
        page = workdir / "html" / path.strip("/") / "index.html"
        page.parent.mkdir(parents=True)
        with urllib.request.urlopen(
            f"http://127.0.0.1:{backend_port}{path}"
        ) as response:
            html = response.read()
        page.write_bytes(html)
        page.with_suffix(".html.gz").write_bytes(gzip.compress(html))
        port = servers.free_port()
        with self.step(f"nginx on port {port}"):
            stack = ExitStack()
            stack.enter_context(servers.nginx(workdir / "html", port, workdir))
        with stack:
            self.measure(static, port, workdir)

    def measure(self, scenario, port, workdir):
        options = self.options
        result = measure(
            self.write,
            scenario.label,
            port,
            scenario.load,
            scenario.warm_up,
            seconds=options.seconds,
            warm_up_seconds=options.warm_up_seconds,
            threads=options.threads,
            connections=options.connections,
            workdir=workdir,
            python=options.python_load,
        )
        line = self.lines.setdefault(scenario.key, Line(scenario.key, scenario.label))
        line.load = result

    def report(self, article_count, read_rows):
        order = [
            "article",
            "crawl",
            "wagtail_article",
            "wagtail_crawl",
            "article_cached",
            "bare",
            "varnish",
            "nginx",
            "home",
            "section",
            "section_500",
            "search",
            "search_new",
            "beacon",
            "admin",
            "most_read",
            "worker_rss",
        ]
        lines = [self.lines[key] for key in order if key in self.lines]
        today = timezone.localdate()
        run = Run(
            date=today.isoformat(),
            cores=os.cpu_count() or 1,
            workers=self.workers,
            load=self.load_description(),
            articles=article_count,
            read_rows=read_rows,
            commit=current_commit(),
            load_average=round(self.load_average, 1),
            lines=lines,
        )
        RESULTS.write_text(run.as_json())
        rows = table_rows(lines, check_targets(lines))
        self.write("")
        self.write(text_table(rows))
        heading = (
            f"{today:%-d %B %Y}, {run.cores} cores ({platform.machine()}), "
            f"{run.workers} gunicorn sync workers, `{run.load}`, {article_count:,} articles, "
            f"{read_rows:,} read rows, load average {run.load_average} before the run; "
            "page cache off except where the line says so:"
        )
        DOCS.write_text(
            replace_docs_table(DOCS.read_text(), heading, markdown_table(rows))
        )
        self.write(
            f"\nWrote {RESULTS.relative_to(REPOSITORY)} and the table in {DOCS.relative_to(REPOSITORY)}."
        )
        return run

    def load_description(self):
        options = self.options
        generator = (
            "wrk"
            if wrk_installed() and not options.python_load
            else "python load generator"
        )
        return (
            f"{generator} -t{options.threads} -c{options.connections} "
            f"-d{options.seconds}s after {options.warm_up_seconds} s warm-up"
        )


def new_search_path(slug, number):
    """
    Return a search for two words of an article's slug (a headline's words)
    that no other request makes: the generated headlines repeat, so the
    words alone would mostly meet cached results. Excluding a word no article
    has (`-zz<number>`) keeps the matches and makes the query new.
    """
    words = [word for word in slug.split("-") if len(word) > 3 and word.isalpha()]
    return f"/search/?q={'+'.join(words[:2] or ['council'])}+-zz{number}"


def get_through_wsgi(path):
    """GET path from the WSGI application gunicorn serves, in this process."""
    from newsroom.wsgi import application

    environ = {"PATH_INFO": path, "HTTP_ACCEPT_ENCODING": "gzip, br"}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status_code"] = int(status.split()[0])

    body = application(environ, start_response)
    try:
        b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return SimpleNamespace(**answer)


def log_in(port, username, password):
    """Sign in through the admin's login form; return the Cookie header that carries the session."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/admin/login/")
    response = connection.getresponse()
    form = response.read().decode()
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie", []):
        cookies.load(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        "/admin/login/?next=/admin/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken'].value}",
        },
    )
    response = connection.getresponse()
    response.read()
    if response.status != 302:
        raise RuntimeError(f"Logging in to the admin answered {response.status}")
    for header in response.headers.get_all("Set-Cookie", []):
        cookies.load(header)
    return "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())


def page_cache_answer(port, path):
    """Return what the page cache says it did for one more request (hit, miss, pass)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": "gzip, br"}
    )
    with urllib.request.urlopen(request) as response:
        return response.headers.get("X-Page-Cache", "none")


def current_commit():
    finished = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
    )
    return finished.stdout.strip()
