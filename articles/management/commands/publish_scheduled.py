"""
Record scheduled articles going live, for the work that must happen then.

Readers see a scheduled article from its publication time whether or not this
runs: ArticleQuerySet.published() compares with the clock. What this adds is
a "Went live as scheduled" WorkflowEvent per article, whose after-commit
`workflow.transitioned` signal is where go-live work (e.g. purging cached
pages) hooks in. It also removes the front pins and the breaking-news banner
whose time has passed, which purges the pages showing them: readers see an
expiry within a minute, cached pages included (sections/fronts.py). Run it
every minute from cron; running it again, or twice at once, logs nothing twice.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles import workflow
from articles.models import Article
from sections import fronts


class Command(BaseCommand):
    help = "Log scheduled articles whose publication time has passed (safe to run every minute)."

    def handle(self, *args, **options):
        announced = 0
        with transaction.atomic():
            # skip_locked lets an overlapping run pass over rows this one holds.
            due = Article.objects.due_to_go_live().select_for_update(skip_locked=True)
            for article in due:
                workflow.go_live(article)
                announced += 1
        self.stdout.write(f"{announced} scheduled article(s) went live.")
        expired = fronts.remove_expired()
        self.stdout.write(f"{expired} expired front pin(s) or banner removed.")
