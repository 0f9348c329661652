"""Demo content: a small, realistic newsroom, and bulk articles for load tests."""

import io
import math
import random
import time
import zlib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFilter
from taggit.models import Tag

from articles import demo_content
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleTag,
    AuthorProfile,
    Embed,
    Gallery,
    GalleryImage,
    LiveUpdate,
    Section,
    Subheading,
    WorkflowEvent,
)
from articles.revisions import save_revision

DEMO_STAFF = [
    {
        "username": "journalist",
        "first_name": "Sam",
        "last_name": "Whitfield",
        "role": "Journalist",
    },
    {
        "username": "editor",
        "first_name": "Alex",
        "last_name": "Marsh",
        "role": "Editor",
    },
    {
        "username": "admin",
        "first_name": "Jo",
        "last_name": "Adeyemi",
        "role": "Administrator",
    },
]

HOUR = timedelta(hours=1)
RETURN_NOTE = (
    "Good start. The figures in the third paragraph need a second source, "
    "and please check the spelling of the councillor’s name."
)
WITHDRAWAL_REASON = (
    "Legal advice: the claim about the contractor could not be substantiated."
)

SECTION_PALETTES = {
    "international": ((24, 64, 112), (222, 170, 92)),
    "politics": ((96, 28, 44), (214, 204, 190)),
    "business": ((20, 80, 74), (236, 196, 84)),
    "crime": ((36, 38, 52), (160, 170, 190)),
    "property": ((120, 72, 40), (200, 224, 236)),
    "community": ((46, 110, 60), (240, 214, 150)),
    "sport": ((16, 96, 150), (250, 250, 245)),
    "opinion": ((70, 50, 100), (230, 200, 210)),
}


def paragraphs_html(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def subheading_html(part):
    paragraphs = [f"<p>{escape(text)}</p>" for text in part["paragraphs"]]
    if part.get("quote"):
        paragraphs.insert(1, f"<blockquote><p>{escape(part['quote'])}</p></blockquote>")
    if part.get("embed"):
        paragraphs.append(f"<p>{escape(part['embed']['url'])}</p>")
    return "".join(paragraphs)


def draw_hero(seed_text, section_slug, size=(1600, 900)):
    """Draw a landscape-like picture, different for each seed_text, as JPEG bytes."""
    rng = random.Random(zlib.crc32(seed_text.encode()))
    deep, light = SECTION_PALETTES.get(section_slug, ((40, 40, 60), (220, 220, 220)))
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(light[i] * (1 - t) + deep[i] * t) for i in range(3)),
        )
    sun_x = rng.randint(width // 8, width - width // 8)
    sun_y = rng.randint(height // 8, height // 2)
    sun_r = rng.randint(width // 26, width // 11)
    draw.ellipse(
        [sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r],
        fill=(255, 236, 200),
    )
    for layer in range(4):
        base = height * (0.55 + layer * 0.1)
        shade = tuple(max(0, round(c * (0.9 - layer * 0.18))) for c in deep)
        phase, amplitude = rng.random() * math.tau, rng.randint(20, 70)
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            points.append(
                (x, base + amplitude * math.sin(x / rng.randint(120, 260) + phase))
            )
        points.append((width, height))
        draw.polygon(points, fill=shade)
    for _ in range(rng.randint(6, 14)):
        x = rng.randint(0, width)
        w, h = rng.randint(30, 90), rng.randint(80, 260)
        draw.rectangle(
            [x, height - h, x + w, height], fill=tuple(max(0, c - 30) for c in deep)
        )
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


class DemoSeeder:
    """Create the demo newsroom; every step leaves existing rows as they are."""

    def __init__(self, write=print):
        self.write = write
        self.created = {"sections": 0, "users": 0, "articles": 0}

    @transaction.atomic
    def seed(self):
        now = timezone.now()
        sections = {spec["slug"]: self.section(spec) for spec in demo_content.SECTIONS}
        staff = {spec["username"]: self.staff_user(spec) for spec in DEMO_STAFF}
        writers = {spec["username"]: self.writer(spec) for spec in demo_content.AUTHORS}
        writers.update(staff)
        for story in demo_content.STORIES:
            self.story(story, sections, writers, now)
        blog = self.story(demo_content.LIVE_BLOG, sections, writers, now)
        if blog is not None:
            self.live_updates(blog, demo_content.LIVE_BLOG["updates"], writers, now)
        return self.created

    def section(self, spec):
        section, created = Section.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                key: spec[key]
                for key in ("name", "description", "position", "is_active")
            },
        )
        self.created["sections"] += created
        return section

    def staff_user(self, spec):
        user, created = get_user_model().objects.get_or_create(
            username=spec["username"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "email": f"{spec['username']}@newsroom.example",
                "is_staff": True,
                "is_superuser": spec["username"] == "admin",
            },
        )
        if created:
            self.created["users"] += 1
            if settings.DEBUG:
                user.set_password(demo_password(spec["username"]))
            else:
                user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=spec["role"]))
        return user

    def writer(self, spec):
        user, created = get_user_model().objects.get_or_create(
            username=spec["username"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "email": f"{spec['username']}@newsroom.example",
            },
        )
        if created:
            self.created["users"] += 1
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name="Journalist"))
            profile = AuthorProfile.for_user(user)
            profile.bio = spec["bio"]
            profile.save()
        return user

    def story(self, story, sections, writers, now):
        slug = slugify(story["headline"])
        if Article.objects.filter(slug=slug).exists():
            return
        status, published_at = story_status(story, now)
        article = Article(
            headline=story["headline"],
            slug=slug,
            section=sections[story["section"]],
            standfirst=story["standfirst"],
            dateline=story["dateline"],
            body=paragraphs_html(story["lead"]),
            status=status,
            published_at=published_at,
            hero_alt=story["hero_alt"],
            hero_caption=story["hero_caption"],
            hero_credit=story["hero_credit"],
            is_live_blog="updates" in story,
        )
        article.hero_image.save(
            f"{slug[:60]}.jpg",
            ContentFile(draw_hero(slug, story["section"])),
            save=False,
        )
        article.save()
        # The demo journalist owns the unpublished work, so logging in shows some.
        usernames = (
            story["authors"] if status == Article.Status.PUBLISHED else ["journalist"]
        )
        for position, username in enumerate(usernames):
            ArticleAuthor.objects.create(
                article=article, author=writers[username], position=position
            )
        Subheading.objects.bulk_create(
            Subheading(
                article=article,
                heading=part["heading"],
                body=subheading_html(part),
                position=position,
            )
            for position, part in enumerate(story["subheadings"])
        )
        for part in story["subheadings"]:
            if part.get("embed"):
                self.embed(article, part["embed"])
        if story.get("gallery"):
            self.gallery(article, story["gallery"])
        article.tags.add(*story["tags"])
        Article.objects.filter(pk=article.pk).update_search_entries()
        self.history(article, story["status"], writers, now)
        # A first revision, as the admin keeps for an article it creates, so
        # the earliest text can be compared with and restored.
        save_revision(article, article.authorships.first().author, "Created.")
        self.created["articles"] += 1
        return article

    def live_updates(self, blog, updates, writers, now):
        """Post the live blog's updates as its authors would have, each logged."""
        Action, Status = WorkflowEvent.Action, Article.Status
        for spec in updates:
            posted = now - timedelta(minutes=spec["minutes_ago"])
            corrected = posted + timedelta(minutes=4) if "correction" in spec else None
            update = LiveUpdate.objects.create(
                article=blog,
                author=writers[spec["author"]],
                headline=spec["headline"],
                body=paragraphs_html([spec["text"]]),
                is_key_event=spec["key_event"],
                status=LiveUpdate.Status.PUBLISHED,
                published_at=posted,
                corrected_at=corrected,
                correction_note=spec.get("correction", ""),
            )
            steps = [(Action.LIVE_POST, posted)]
            if corrected:
                steps.append((Action.LIVE_CORRECT, corrected))
            WorkflowEvent.objects.bulk_create(
                WorkflowEvent(
                    article=blog,
                    action=action,
                    from_status=Status.PUBLISHED,
                    to_status=Status.PUBLISHED,
                    actor=update.author,
                    note=f"“{update}” (update {update.pk})",
                    created_at=when,
                )
                for action, when in steps
            )
        Article.objects.filter(pk=blog.pk).update(updates_changed_at=now)

    def embed(self, article, spec):
        """Store an embed as resolving it would have, with a drawn thumbnail: the subheadings were bulk-created, so nothing asked the service."""
        embed = Embed(
            article=article, fetched_at=article.published_at or timezone.now(), **spec
        )
        thumbnail = ContentFile(
            draw_hero(spec["url"], article.section.slug, size=(640, 360))
        )
        embed.thumbnail.save(f"{article.slug[:60]}-embed.jpg", thumbnail, save=False)
        embed.thumbnail_width, embed.thumbnail_height = 640, 360
        embed.save()

    def gallery(self, article, spec):
        """Add a gallery of drawn photographs, renditions made as an upload's would be."""
        gallery = Gallery.objects.create(
            article=article,
            title=spec["title"],
            after_paragraph=spec["after_paragraph"],
        )
        for position, photo in enumerate(spec["photos"]):
            image = GalleryImage(gallery=gallery, position=position, **photo)
            seed = f"{article.slug}-{position}"
            image.image.save(
                f"{article.slug[:50]}-{position + 1}.jpg",
                ContentFile(draw_hero(seed, article.section.slug, size=(1200, 800))),
                save=False,
            )
            image.save()

    def history(self, article, demo_status, writers, now):
        """Record the workflow steps the story would have been through."""
        Action, Status = WorkflowEvent.Action, Article.Status
        author, editor = article.authorships.first().author, writers["editor"]
        submitted = (Action.SUBMIT, Status.DRAFT, Status.IN_REVIEW, author)
        published = (Action.PUBLISH, Status.IN_REVIEW, Status.PUBLISHED, editor)
        scheduled = (Action.SCHEDULE, Status.IN_REVIEW, Status.PUBLISHED, editor)
        returned = (Action.RETURN, Status.IN_REVIEW, Status.DRAFT, editor)
        withdrawn = (Action.WITHDRAW, Status.PUBLISHED, Status.WITHDRAWN, editor)
        went_live = article.published_at or now
        steps = {
            "in_review": [(submitted, now - 2 * HOUR, "")],
            "published": [
                (submitted, went_live - 2 * HOUR, ""),
                (published, went_live, ""),
            ],
            "scheduled": [
                (submitted, now - 3 * HOUR, ""),
                (scheduled, now - HOUR, ""),
            ],
            "withdrawn": [
                (submitted, went_live - 2 * HOUR, ""),
                (published, went_live, ""),
                (withdrawn, went_live + 5 * HOUR, WITHDRAWAL_REASON),
            ],
        }.get(demo_status, [])
        if (
            demo_status == "draft"
            and not WorkflowEvent.objects.filter(action=Action.RETURN).exists()
        ):
            # One returned draft, so the journalist's desk shows an editor's note.
            steps = [
                (submitted, now - 5 * HOUR, ""),
                (returned, now - 4 * HOUR, RETURN_NOTE),
            ]
        WorkflowEvent.objects.bulk_create(
            WorkflowEvent(
                article=article,
                action=action,
                from_status=from_status,
                to_status=to_status,
                actor=actor,
                note=note,
                created_at=when,
            )
            for (action, from_status, to_status, actor), when, note in steps
        )


def story_status(story, now):
    hours = story["hours_ago"]
    published_at = None if hours is None else now - timedelta(hours=hours)
    status = {
        "published": Article.Status.PUBLISHED,
        "scheduled": Article.Status.PUBLISHED,
        "draft": Article.Status.DRAFT,
        "in_review": Article.Status.IN_REVIEW,
        "withdrawn": Article.Status.WITHDRAWN,
    }[story["status"]]
    return status, published_at


def demo_password(username):
    return f"newsroom-{username}"


HEADLINE_SUBJECTS = [
    "Council",
    "Ministers",
    "Port authority",
    "Rail operator",
    "Health board",
    "Police",
    "Residents",
    "Regulator",
    "Union leaders",
    "Water company",
    "University",
    "Court",
]
HEADLINE_VERBS = [
    "approves",
    "delays",
    "rejects",
    "reviews",
    "defends",
    "announces",
    "questions",
    "expands",
    "scraps",
    "funds",
    "pauses",
    "backs",
]
HEADLINE_OBJECTS = [
    "flood defence plan",
    "new bus routes",
    "housing scheme",
    "school budget",
    "late-night licence",
    "bridge repairs",
    "energy grants",
    "market redevelopment",
    "harbour dredging",
    "library hours",
    "cycle lanes",
    "hospital car park",
]
HEADLINE_PLACES = [
    "Brighton",
    "Leeds",
    "Cardiff",
    "Glasgow",
    "Belfast",
    "Norwich",
    "Bristol",
    "York",
    "Geneva",
    "Lisbon",
    "Nairobi",
    "Ottawa",
]
FILLER_PARAGRAPH = (
    "Officials said the decision followed months of consultation with residents, "
    "businesses and community groups, and that a full report would be published "
    "before the next meeting. Critics argued that the timetable left too little room "
    "for scrutiny and called for an independent review of the costs."
)


def add_generated_articles(count, progress=print, batch_size=2000):
    """Bulk-insert count published articles with bylines, subheadings and tags."""
    sections = list(Section.objects.active())
    authors = list(get_user_model().objects.filter(groups__name="Journalist"))
    if not sections or not authors:
        raise ValueError(
            "Run seed_demo without --articles first: generated articles need sections and authors."
        )
    heroes = list(
        Article.objects.exclude(hero_image="")
        .exclude(hero_renditions={})
        .values("hero_image", "hero_renditions", "hero_alt")[:20]
    )
    for author in authors:
        AuthorProfile.for_user(author)
    tags = [
        Tag.objects.get_or_create(name=name)[0]
        for name in (
            "Local government",
            "Transport",
            "Housing",
            "Environment",
            "Education",
            "Health",
        )
    ]
    rng = random.Random(count)
    now = timezone.now()
    start = Article.objects.count()
    started = time.monotonic()
    done = 0
    while done < count:
        size = min(batch_size, count - done)
        batch = []
        for offset in range(size):
            number = start + done + offset
            headline = " ".join(
                [
                    rng.choice(HEADLINE_SUBJECTS),
                    rng.choice(HEADLINE_VERBS),
                    rng.choice(HEADLINE_OBJECTS),
                    "in",
                    rng.choice(HEADLINE_PLACES),
                ]
            )
            hero = rng.choice(heroes) if heroes else {}
            batch.append(
                Article(
                    headline=headline,
                    slug=f"{slugify(headline)}-{number}",
                    section=rng.choice(sections),
                    standfirst=f"{headline}. {FILLER_PARAGRAPH[:140]}",
                    dateline=rng.choice(HEADLINE_PLACES).upper(),
                    body=f"<p>{FILLER_PARAGRAPH}</p>",
                    status=Article.Status.PUBLISHED,
                    published_at=now
                    - timedelta(minutes=rng.randint(60, 60 * 24 * 730)),
                    hero_image=hero.get("hero_image", ""),
                    hero_renditions=hero.get("hero_renditions", {}),
                    hero_alt=hero.get("hero_alt", ""),
                )
            )
        with transaction.atomic():
            articles = Article.objects.bulk_create(batch)
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(
                    article=article,
                    author=rng.choice(authors),
                    article_published_at=article.listed_at,
                )
                for article in articles
            )
            Subheading.objects.bulk_create(
                Subheading(
                    article=article,
                    heading=heading,
                    body=f"<p>{FILLER_PARAGRAPH}</p>",
                    position=position,
                )
                for article in articles
                for position, heading in enumerate(
                    ("What was decided", "What happens next")
                )
            )
            ArticleTag.objects.bulk_create(
                ArticleTag(
                    tag=rng.choice(tags),
                    content_object=article,
                    article_published_at=article.listed_at,
                )
                for article in articles
            )
            Article.objects.filter(
                pk__in=[article.pk for article in articles]
            ).update_search_entries()
        done += size
        progress(done, count, time.monotonic() - started)
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner judges the next queries by an empty
        # table; VACUUM also marks the pages all-visible, which index-only
        # scans (list pages) need. VACUUM cannot run inside a transaction.
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            )
    return time.monotonic() - started
