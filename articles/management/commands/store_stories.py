"""
Store the rendered story of every published article whose stored story is
missing or out of date (articles/stored.py).

Saving an article stores its story; this is for the rest: after a deploy
that changed the templates, after a section, tag or author was renamed,
and for articles imported in bulk. Until then those pages are rendered
as before, only slower. Safe to run at any time, and again.
"""

import time

from django.core.management.base import BaseCommand

from articles import stored


class Command(BaseCommand):
    help = (
        "Render and store the story of every published article that has none "
        "up to date, so that archive pages need no render (after a deploy or a rename)."
    )

    def handle(self, *args, **options):
        ids = list(stored.unstored_ids())
        if not ids:
            self.stdout.write("Every published story is stored and up to date.")
            return
        total = len(ids)
        self.stdout.write(f"Storing {total:,} stories, newest first …")
        started = time.monotonic()
        done = 0
        reported = started
        for first in range(0, total, stored.STORED_IN_BATCHES_OF):
            done += stored.store(ids[first : first + stored.STORED_IN_BATCHES_OF])
            now = time.monotonic()
            if now - reported >= 5 or first + stored.STORED_IN_BATCHES_OF >= total:
                reported = now
                self.stdout.write(
                    f"  {done:,} / {total:,} stories ({now - started:.1f} s)"
                )
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Stored {done:,} stories in {elapsed:.1f} s "
                f"({done / max(elapsed, 0.001):,.0f} a second)."
            )
        )
