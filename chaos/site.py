"""
What `make chaos` does with the site itself, in its own process against the
throwaway database and Redis (Django is set up for them before this module is
imported): migrate and seed, choose the pages the readers ask for, publish,
flush and count reads.
"""

import io
import uuid

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.urls import reverse

from articles import readership, workflow
from articles.models import Article, ReadCount, Section

EDITOR = "editor"  # One of the demo staff (articles/demo.py).


def prepare(articles, log):
    """Migrate, seed the demo newsroom with `articles` more, and collect the static files."""
    output = io.StringIO()
    call_command("migrate", interactive=False, verbosity=0, stdout=output)
    call_command("seed_demo", articles=articles, stdout=output)
    call_command("collectstatic", interactive=False, verbosity=0, stdout=output)
    log.write_text(output.getvalue())
    return Article.objects.published().count()


def reader_paths():
    """Return ({kind: paths} for the readers' pages, the beacon paths of live articles)."""
    live = list(Article.objects.published().values_list("pk", "section__slug", "slug"))
    pages = {
        "article": [
            reverse("articles:detail", kwargs={"section": section, "slug": slug})
            for _, section, slug in live
        ],
        "home": [reverse("sections:home")],
        "section": [section.get_absolute_url() for section in Section.objects.active()],
    }
    beacons = [reverse("articles:read", kwargs={"pk": pk}) for pk, _, _ in live]
    return pages, beacons


def draft_to_publish():
    """Return a new draft with a headline no page shows yet."""
    return Article.objects.create(
        headline=f"Chaos run {uuid.uuid4().hex[:8]}: the council meets at midnight",
        section=Section.objects.active().first(),
        standfirst="Published in the middle of the fault run.",
        body="<p>Published while the readers read.</p>",
        status=Article.Status.DRAFT,
    )


def reconnect():
    """Drop this process's connection: the database may have restarted since it was made."""
    connection.close()


def publish(article_pk):
    """
    Publish the draft as the demo editor, as the admin does; return its path
    and headline. As in the admin, the BAN to Varnish is still on its way.
    """
    reconnect()
    article = Article.objects.get(pk=article_pk)
    workflow.publish(article, get_user_model().objects.get(username=EDITOR))
    return article.get_absolute_url(), article.headline


def flush_and_count_reads():
    """Flush what Redis holds and return every read the hourly table counts."""
    reconnect()
    readership.flush_pending_reads()
    return ReadCount.objects.aggregate(total=Sum("count"))["total"] or 0


def flush_reads_is_busy(application_name):
    """Say whether flush_reads is inside a pass: its connection runs a query or holds a transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_stat_activity WHERE application_name = %s "
            "AND state IN ('active', 'idle in transaction')",
            [application_name],
        )
        return cursor.fetchone() is not None
