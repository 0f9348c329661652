import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from articles import readership

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Move read counts buffered in Redis into the hourly table and delete hourly "
        "counts older than the ranking window; first recompute the articles' read "
        "scores if they are out of date (a new half-life or base hour). Run it every "
        "minute (from cron, or as a service with --every 60); it is safe to run while "
        "readers are counted, twice at once, and again after a crash."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running, flushing every SECONDS (e.g. 60), for a process "
            "manager such as systemd; stop it with Ctrl-C or SIGTERM.",
        )

    def handle(self, *args, every=None, **options):
        if every is not None and every < 1:
            raise CommandError(
                "--every takes a number of seconds of 1 or more, e.g. 60."
            )
        if every is None:
            self.flush()
            return
        self.stdout.write(f"Flushing reads every {every} s; Ctrl-C stops.")
        try:
            while True:
                started = time.monotonic()
                try:
                    self.flush()
                except Exception:
                    # Redis or the database may be restarting: what this pass
                    # left is safe, and the next pass picks it up.
                    logger.exception(
                        "Flushing reads failed; trying again in %d s.", every
                    )
                # A database restarted meanwhile is reconnected to on the next pass.
                close_old_connections()
                time.sleep(max(0.0, every - (time.monotonic() - started)))
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")

    def flush(self):
        if readership.scores_out_of_date():
            scored = readership.rebuild_scores()
            self.stdout.write(f"Recomputed the read scores of {scored:,} articles.")
        if settings.REDIS_URL:
            moved = readership.flush_pending_reads()
            self.stdout.write(
                f"Moved {moved:,} reads from Redis into the hourly table."
            )
        else:
            self.stdout.write(
                "No REDIS_URL: reads are written straight to the hourly table."
            )
        pruned = readership.prune_old_reads()
        self.stdout.write(
            f"Deleted {pruned:,} hourly rows older than the ranking window."
        )
