from django.conf import settings
from django.core.management.base import BaseCommand

from articles import readership


class Command(BaseCommand):
    help = (
        "Move read counts buffered in Redis into the hourly table and delete hourly "
        "counts older than the ranking window; first recompute the articles' read "
        "scores if they are out of date (a new half-life or base hour). Run it every minute (e.g. from cron); "
        "it is safe to run while readers are counted and after a crash."
    )

    def handle(self, *args, **options):
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
