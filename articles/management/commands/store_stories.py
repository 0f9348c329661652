"""
Store the rendered story of every published article whose stored story is
missing or out of date (articles/stored.py).

Saving an article stores its story; this is for the rest: after a deploy
that changed the templates, after a section, tag or author was renamed,
and for articles imported in bulk. Until then those pages are rendered
as before, only slower. Safe to run at any time, and again.
"""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from articles import stored


class Command(BaseCommand):
    help = (
        "Render and store the story of every published article that has none "
        "up to date, so that archive pages need no render (after a deploy or a rename)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--processes",
            type=int,
            default=1,
            help=(
                "Render in this many processes at once (PostgreSQL only), e.g. "
                f"{os.cpu_count() or 1} for every core of this machine. Default: 1."
            ),
        )

    def handle(self, *args, processes, **options):
        if processes < 1:
            raise CommandError("--processes must be 1 or more, e.g. --processes 2.")
        ids = list(stored.unstored_ids())
        if not ids:
            self.stdout.write("Every published story is stored and up to date.")
            return
        total = len(ids)
        batches = [
            ids[first : first + stored.STORED_IN_BATCHES_OF]
            for first in range(0, total, stored.STORED_IN_BATCHES_OF)
        ]
        # SQLite's database is one file (or, under test, one process's memory):
        # processes would only queue for its lock.
        if connection.vendor != "postgresql":
            processes = 1
        self.stdout.write(
            f"Storing {total:,} stories, newest first"
            + (f", in {processes} processes" if processes > 1 else "")
            + " …"
        )
        started = reported = time.monotonic()
        done = 0
        batches_stored = enumerate(self.store_all(batches, processes), start=1)
        for number, stored_in_batch in batches_stored:
            done += stored_in_batch
            now = time.monotonic()
            if now - reported >= 5 or number == len(batches):
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

    def store_all(self, batches, processes):
        """Store each batch, yielding how many stories each stored, in order."""
        if processes == 1:
            yield from map(stored.store, batches)
            return
        # Forked children must not share this process's database connection;
        # each opens its own.
        connections.close_all()
        with ProcessPoolExecutor(
            processes, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            yield from pool.map(stored.store, batches)
