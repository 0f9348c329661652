from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.demo import DEMO_STAFF, DemoSeeder, add_generated_articles, demo_password


class Command(BaseCommand):
    help = (
        "Fill the database with a demo newsroom (sections, staff, stories). "
        "Safe to run again: existing content is left as it is. "
        "With --articles N, also add N generated articles for load testing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            metavar="N",
            help="Add N generated published articles (bulk insert), e.g. --articles 100000.",
        )

    def handle(self, *args, articles, **options):
        if articles < 0:
            raise CommandError(
                "--articles must be zero or a positive number, e.g. --articles 1000."
            )
        created = DemoSeeder(write=self.stdout.write).seed()
        self.stdout.write(
            "Demo newsroom: {sections} sections, {users} users and {articles} articles created.".format(
                **created
            )
            if any(created.values())
            else "Demo newsroom already in place: nothing changed."
        )
        if articles:
            self.stdout.write(f"Adding {articles:,} generated articles…")
            try:
                seconds = add_generated_articles(articles, progress=self.progress)
            except ValueError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added {articles:,} articles in {seconds:.1f} s ({articles / seconds:,.0f} a second)."
                )
            )
        self.print_logins()

    def progress(self, done, total, seconds):
        self.stdout.write(f"  {done:>9,} / {total:,} articles  ({seconds:5.1f} s)")

    def print_logins(self):
        if not settings.DEBUG:
            self.stdout.write(
                "Demo staff accounts have no password outside debug mode; "
                "set one with `manage.py changepassword <username>`."
            )
            return
        self.stdout.write("Sign in at /admin/ as:")
        for staff in DEMO_STAFF:
            self.stdout.write(
                f"  {staff['role']:<14} {staff['username']:<11} password: {demo_password(staff['username'])}"
            )
