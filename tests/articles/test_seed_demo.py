import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles import embeds
from articles.demo import DEMO_STAFF, DemoSeeder
from articles.models import (
    Article,
    ArticleAuthor,
    Embed,
    Gallery,
    GalleryImage,
    Section,
    Subheading,
    WorkflowEvent,
)
from articles.revisions import versions_of

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "sections": list(
            Section.objects.values_list("slug", "position", "is_active").order_by(
                "slug"
            )
        ),
        "users": list(
            get_user_model()
            .objects.values_list("username", "password")
            .order_by("username")
        ),
        "articles": list(
            Article.objects.values_list(
                "slug", "status", "published_at", "updated_at"
            ).order_by("slug")
        ),
        "subheadings": Subheading.objects.count(),
        "authorships": ArticleAuthor.objects.count(),
        "embeds": Embed.objects.count(),
        "gallery photos": GalleryImage.objects.count(),
    }


def refuse_network(*args):
    raise AssertionError("The demo asked a service over the network.")


def test_seed_demo_builds_a_realistic_newsroom_and_a_second_run_changes_nothing(
    settings, capsys, monkeypatch
):
    settings.DEBUG = True
    monkeypatch.setattr(embeds, "fetch", refuse_network)
    call_command("seed_demo")
    first = snapshot()

    sections = Section.objects.active()
    assert [s.name for s in sections][:8] == [
        "International",
        "Politics",
        "Business",
        "Crime",
        "Property",
        "Community",
        "Sport",
        "Opinion",
    ]
    published = Article.objects.published()
    assert published.count() >= 40
    for article in published.with_byline().prefetch_related("subheadings", "tags"):
        assert article.standfirst and article.hero_image and article.hero_alt
        assert 2 <= len(article.subheadings.all()) <= 5
        assert article.tags.all() and article.byline_authors
        sizes = article.hero_renditions["sizes"]
        assert [size["width"] for size in sizes] == [240, 480, 720, 960, 1440]
        assert all(size["webp_name"].endswith(".webp") for size in sizes)
    assert published.exclude(dateline="").count() >= 35
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Article.objects.filter(status=Article.Status.IN_REVIEW).count() == 1
    assert Article.objects.filter(status=Article.Status.WITHDRAWN).count() == 1
    scheduled = [a for a in Article.objects.all() if a.is_scheduled]
    assert len(scheduled) == 1
    authors = (
        get_user_model().objects.filter(authorships__article__in=published).distinct()
    )
    assert authors.count() >= 5
    assert "newsroom-editor" in capsys.readouterr().out, (
        "debug shows the demo passwords"
    )
    published_ids = set(published.values_list("pk", flat=True))
    assert published_ids <= set(
        WorkflowEvent.objects.filter(action=WorkflowEvent.Action.PUBLISH).values_list(
            "article_id", flat=True
        )
    ), "every published story has its history"
    newest = published.first()
    assert [v.revision.get_comment() for v in versions_of(newest)] == ["Created."]
    embed = Embed.objects.get()
    assert embed.is_resolved and embed.thumbnail
    assert embed.url in embed.article.subheadings.values_list("body", flat=True)[2]
    gallery = Gallery.objects.get()
    assert gallery.article.is_published
    assert [len(photo.renditions["sizes"]) for photo in gallery.images.all()] == [5] * 4
    returned = WorkflowEvent.objects.get(action=WorkflowEvent.Action.RETURN)
    assert returned.note
    assert returned.article.byline_authors[0].username == "journalist"

    call_command("seed_demo")

    assert snapshot() == first
    assert "nothing changed" in capsys.readouterr().out
    published_before = Article.objects.published().count()

    call_command("seed_demo", articles=250)

    assert Article.objects.published().count() == published_before + 250
    newest_generated = Article.objects.filter(
        slug__endswith=f"-{Article.objects.count() - 1}"
    ).get()
    assert newest_generated.subheadings.count() == 2
    assert newest_generated.authorships.count() == 1
    assert newest_generated.tags.count() == 1
    output = capsys.readouterr().out
    assert "250 / 250 articles" in output
    assert "Added 250 articles" in output


def test_demo_staff_have_no_password_outside_debug(settings):
    settings.DEBUG = False
    editor = DemoSeeder().staff_user(DEMO_STAFF[1])

    assert editor.username == "editor"
    assert not editor.has_usable_password()
    assert editor.groups.filter(name="Editor").exists()


def test_seed_demo_includes_a_live_blog_with_updates_key_events_and_a_correction(
    settings, client
):
    settings.DEBUG = True
    call_command("seed_demo")

    blog = Article.objects.published().get(is_live_blog=True)
    updates = blog.live_updates.published()
    assert updates.count() >= 5
    assert updates.filter(is_key_event=True).exists()
    assert updates.exclude(correction_note="").exists()
    html = client.get(blog.get_absolute_url()).content.decode()
    assert ">Live</p>" in html and "Key events" in html and "Corrected" in html
    journalist = get_user_model().objects.get(username="journalist")
    assert blog.authorships.filter(author=journalist).exists()
