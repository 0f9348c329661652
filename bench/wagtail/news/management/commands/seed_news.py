import math
import random
import time
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from news.models import ArticlePage, HourlyReads, SectionPage, hour_of

SECTIONS = ["World", "Politics", "Business", "Local", "Science", "Sport"]
SUBJECTS = ["Council", "Ministers", "Residents", "Campaigners", "Regulator", "Mayor"]
VERBS = ["approves", "rejects", "delays", "questions", "backs", "reviews"]
OBJECTS = [
    "flood defence plan",
    "new bus routes",
    "housing scheme",
    "school budget",
    "bridge repairs",
    "energy grants",
    "cycle lanes",
    "library hours",
]
PLACES = ["Brighton", "Leeds", "Cardiff", "Glasgow", "Belfast", "Norwich", "York"]
TAGS = ["Local government", "Transport", "Housing", "Environment", "Education"]
PARAGRAPH = (
    "Officials said the decision followed months of consultation with residents, "
    "businesses and community groups, and that a full report would be published "
    "before the next meeting. Critics argued that the timetable left too little room "
    "for scrutiny and called for an independent review of the costs."
)
WINDOW_HOURS = 14 * 24


class Command(BaseCommand):
    help = (
        "Seed sections, articles (as an editor would add them, through add_child) "
        "and hourly read counts; what is already there is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000)
        parser.add_argument("--read-rows", type=int, default=40_000)

    def handle(self, *args, articles, read_rows, **options):
        rng = random.Random(articles)
        sections = self.sections()
        missing = articles - ArticlePage.objects.count()
        if missing > 0:
            # Indexing each page as it is saved takes more than half the time
            # (the database search backend averages every title it holds);
            # the whole site is indexed afterwards instead.
            index_later = override_settings(
                WAGTAILSEARCH_BACKENDS={
                    name: {**backend, "AUTO_UPDATE": False}
                    for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
                }
            )
            with index_later, disable_reference_index_auto_update():
                self.add_articles(missing, sections, rng)
            started = time.monotonic()
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
            self.stdout.write(
                f"  search and reference indexes rebuilt in {time.monotonic() - started:.1f} s"
            )
        if not self.reads_present(read_rows):
            self.add_reads(read_rows, rng)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write(
            f"{ArticlePage.objects.count():,} articles, "
            f"{HourlyReads.objects.count():,} hourly read rows"
        )

    def sections(self):
        site = Site.objects.get(is_default_site=True)
        if not site.site_name:
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
        home = site.root_page
        existing = {page.title: page for page in SectionPage.objects.child_of(home)}
        for title in SECTIONS:
            if title not in existing:
                existing[title] = home.add_child(
                    instance=SectionPage(title=title, show_in_menus=True)
                )
        return [existing[title] for title in SECTIONS]

    def add_articles(self, count, sections, rng):
        now = timezone.now()
        first = ArticlePage.objects.count()
        started = time.monotonic()
        for number in range(first, first + count):
            headline = (
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
                f"{rng.choice(OBJECTS)} in {rng.choice(PLACES)}"
            )
            published_at = now - timedelta(minutes=rng.randint(60, 60 * 24 * 60))
            article = ArticlePage(
                title=headline,
                slug=f"{slugify(headline)}-{number}",
                standfirst=f"{headline}. {PARAGRAPH[:140]}",
                dateline=rng.choice(PLACES).upper(),
                body=[
                    ("paragraph", f"<p>{PARAGRAPH}</p>"),
                    ("subheading", "What was decided"),
                    ("paragraph", f"<p>{PARAGRAPH}</p>"),
                    ("subheading", "What happens next"),
                    ("paragraph", f"<p>{PARAGRAPH}</p>"),
                ],
                first_published_at=published_at,
                last_published_at=published_at,
            )
            article.tags.add(rng.choice(TAGS))
            with transaction.atomic():
                rng.choice(sections).add_child(instance=article)
            done = number - first + 1
            if done % 500 == 0 or done == count:
                elapsed = time.monotonic() - started
                self.stdout.write(
                    f"  {done:,} / {count:,} articles in {elapsed:.1f} s "
                    f"({elapsed / done * 1000:.0f} ms each)"
                )

    def reads_present(self, row_count):
        """Say whether about row_count read rows are there, ending in the last day."""
        if HourlyReads.objects.count() < row_count * 0.9:
            return False
        newest = HourlyReads.objects.order_by("-hour").values_list("hour", flat=True)
        return newest[0] >= hour_of(timezone.now()) - 24

    def add_reads(self, row_count, rng):
        """
        Replace the read rows with about row_count: the article ranked r (newest
        first) is read in its latest ceil(window · k / (r + k)) hours, up to
        200 · k / (r + k) times an hour, k chosen to give about row_count rows.
        """
        started = time.monotonic()
        this_hour = hour_of(timezone.now())
        pages = list(
            ArticlePage.objects.live()
            .order_by("-first_published_at")
            .values_list("pk", flat=True)
        )
        spread = spread_for(row_count, len(pages), WINDOW_HOURS)
        HourlyReads.objects.all().delete()
        batch = []
        for rank, page in enumerate(pages, start=1):
            share = spread / (rank + spread)
            for hours_ago in range(math.ceil(WINDOW_HOURS * share)):
                count = 1 + int(rng.random() * 200 * share)
                batch.append(
                    HourlyReads(page_id=page, hour=this_hour - hours_ago, count=count)
                )
            if len(batch) >= 10_000:
                HourlyReads.objects.bulk_create(batch)
                batch = []
        HourlyReads.objects.bulk_create(batch)
        self.stdout.write(
            f"  {HourlyReads.objects.count():,} read rows in "
            f"{time.monotonic() - started:.1f} s"
        )


def spread_for(row_count, page_count, window_hours):
    """Return the k for which the rows add up to about row_count (see add_reads)."""
    low, high = 1e-3, 1e9
    for _ in range(100):
        k = (low + high) / 2
        rows = min(
            window_hours * k * math.log((page_count + k) / k), window_hours * page_count
        )
        if rows < row_count - page_count / 2:
            low = k
        else:
            high = k
    return (low + high) / 2
