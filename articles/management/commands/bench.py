from django.core.management.base import BaseCommand

from bench.run import Benchmark, Options


class Command(BaseCommand):
    help = (
        "Benchmark the site over HTTP: serve it under gunicorn (page cache off, "
        "then on), load each page with wrk, and write bench/results.json and the "
        "table in docs/performance.md. Run it through `make bench`, which sets up "
        "PostgreSQL, Redis and production settings."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=100_000,
            metavar="N",
            help="First seed generated articles until the database holds at least N (default 100,000).",
        )
        parser.add_argument(
            "--read-rows",
            type=int,
            default=2_000_000,
            metavar="N",
            help="Hourly read rows to seed, reused when present (default 2,000,000).",
        )
        parser.add_argument(
            "--seconds",
            type=int,
            default=12,
            help="Seconds each scenario is measured, after its warm-up (default 12).",
        )
        parser.add_argument(
            "--warm-up", type=int, default=3, help="Seconds of warm-up (default 3)."
        )
        parser.add_argument(
            "--threads", type=int, default=2, help="wrk -t (default 2)."
        )
        parser.add_argument(
            "--connections", type=int, default=16, help="wrk -c (default 16)."
        )
        parser.add_argument(
            "--python-load",
            action="store_true",
            help="Use the Python load generator even when wrk is installed.",
        )
        parser.add_argument(
            "--skip-wagtail",
            action="store_true",
            help=(
                "Do not measure Wagtail 8.0.1 beside the site (a quicker run; the "
                "article and crawl are then held to issue 10's 480 and 275 req/s)."
            ),
        )

    def handle(self, *args, **options):
        Benchmark(
            Options(
                articles=options["articles"],
                read_rows=options["read_rows"],
                seconds=options["seconds"],
                warm_up_seconds=options["warm_up"],
                threads=options["threads"],
                connections=options["connections"],
                python_load=options["python_load"],
                skip_wagtail=options["skip_wagtail"],
            ),
            write=self.stdout.write,
        ).run()
