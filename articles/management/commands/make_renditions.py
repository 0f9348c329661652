"""
Make the hero renditions that stored articles lack, e.g. the WebP files for
images uploaded before WebP was added.

Articles save their renditions when their image changes; this catches up the
rest without editing them (no new revision, no change to `updated_at`). Each
distinct image file is rendered once, however many articles share it. Safe to
run again: images whose renditions are complete are skipped.
"""

import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from articles import purge
from articles.images import make_renditions, renditions_are_current
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Make the JPEG and WebP hero renditions that articles lack (safe to run again)."
    )

    def handle(self, *args, **options):
        articles_per_image, up_to_date = Counter(), 0
        stored = (
            Article.objects.exclude(hero_image="")
            .values_list("hero_image", "hero_renditions")
            .iterator(chunk_size=2000)
        )
        for image_name, renditions in stored:
            if renditions_are_current(renditions, image_name):
                up_to_date += 1
            else:
                articles_per_image[image_name] += 1
        total = len(articles_per_image)
        self.stdout.write(
            f"{total:,} image(s) to render for {articles_per_image.total():,} article(s); "
            f"{up_to_date:,} article(s) already up to date."
        )
        made, failed, started = 0, [], time.monotonic()
        for number, image_name in enumerate(sorted(articles_per_image), 1):
            try:
                renditions = make_renditions(image_name)
            except OSError as error:
                # A missing or unreadable file: Pillow's errors are OSErrors too.
                failed.append(image_name)
                self.stderr.write(f"  {image_name}: {error}")
                continue
            Article.objects.filter(hero_image=image_name).update(
                hero_renditions=renditions
            )
            made += 1
            self.stdout.write(
                f"  {number:>6,} / {total:,}  {image_name}  ({time.monotonic() - started:.1f} s)"
            )
        self.stdout.write(
            f"Made renditions for {made:,} image(s) in {time.monotonic() - started:.1f} s."
        )
        if made:
            # Cached pages still point at the old renditions.
            purge.everything_changed()
            self.stdout.write("Purged the cached pages.")
        if failed:
            raise CommandError(
                f"{len(failed):,} image(s) could not be read (listed above); "
                "upload them again in the admin or restore the files, then run this again."
            )
