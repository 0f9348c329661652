"""Stored stories: an article page served from the story kept at its last save."""

import os

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.utils import timezone

from articles import purge, stored, workflow
from articles.models import Article, StoredStory
from sections.models import BreakingNews
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db


def one_line(html):
    return " ".join(html.split())


@pytest.fixture
def saved_story(django_capture_on_commit_callbacks, editor):
    """A published story saved as the admin saves it: its story is stored on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(
            headline="Harbour bridge reopens after repairs",
            section=make_section(name="Community", slug="community"),
            authors=[make_user(first_name="Ada", last_name="Okafor")],
            subheadings=["What changed", "What it cost", "What comes next"],
            tags=["Transport", "Harbour"],
        )
        workflow.correct(article, editor, "The bridge is 40 metres long, not 400.")
        for _ in range(3):
            make_article(section=article.section, tags=["Transport"])
    article.refresh_from_db()
    return article


def test_saving_a_published_story_stores_it(saved_story):
    kept = StoredStory.objects.get(article=saved_story)

    assert kept.version == saved_story.version
    assert "What comes next" in kept.story_html
    assert "Ada Okafor" in kept.story_html
    assert "40 metres long" in kept.story_html


def test_a_stored_story_is_the_page_a_fresh_render_would_be(client, saved_story):
    cache.clear()
    from_stored = client.get(saved_story.get_absolute_url()).content.decode()
    StoredStory.objects.all().delete()
    cache.clear()
    rendered = client.get(saved_story.get_absolute_url()).content.decode()

    assert one_line(from_stored) == one_line(rendered)


def test_a_stored_storys_addresses_are_the_sites_own(client, saved_story, settings):
    settings.ALLOWED_HOSTS = ["news.example.com"]
    cache.clear()
    html = client.get(saved_story.get_absolute_url(), HTTP_HOST="news.example.com")

    page = html.content.decode()
    assert (
        f'<link rel="canonical" href="http://news.example.com{saved_story.get_absolute_url()}">'
        in page
    )
    assert "stored-story.invalid" not in page


def test_a_stored_story_spares_the_page_the_articles_query(
    client, saved_story, django_assert_max_num_queries
):
    BreakingNews.objects.create(
        text="Polls have closed", link="https://example.com/politics/count/"
    )
    url = saved_story.get_absolute_url()
    cache.clear()

    # The keys with the stored story, related, navigation, most read.
    with django_assert_max_num_queries(4):
        page = client.get(url)

    html = page.content.decode()
    assert "Harbour bridge reopens after repairs" in html
    assert "Polls have closed" in html
    assert html.count('<h2 id="what-') == 3


def test_an_edit_not_yet_stored_is_shown_at_once(client, saved_story):
    Article.objects.filter(pk=saved_story.pk).update(
        headline="Harbour bridge closes again",
        version=F("version") + 1,
        updated_at=timezone.now(),
    )

    html = client.get(saved_story.get_absolute_url()).content.decode()

    assert "Harbour bridge closes again" in html
    assert "reopens after repairs" not in html


def test_a_renamed_section_is_shown_in_stories_stored_before(client, saved_story):
    section = saved_story.section
    section.name = "Harbour and coast"
    section.save()
    purge.everything_changed()

    html = client.get(saved_story.get_absolute_url()).content.decode()

    assert html.count("Harbour and coast") >= 2, "the label and the navigation"
    assert ">Community<" not in html


def test_a_new_banner_leaves_stored_stories_in_use(
    client, saved_story, django_assert_max_num_queries
):
    url = saved_story.get_absolute_url()
    purge.everything_changed(stories=False)
    cache.clear()

    with django_assert_max_num_queries(4):
        client.get(url)


def test_a_story_stored_by_other_templates_or_code_is_not_used(
    client, saved_story, monkeypatch
):
    StoredStory.objects.filter(article=saved_story).update(
        story_html="<p>Rendered by an older release</p>"
    )
    monkeypatch.setattr(stored, "template_version", lambda: "a-newer-release")

    html = client.get(saved_story.get_absolute_url()).content.decode()

    assert "older release" not in html
    assert "What comes next" in html


def test_drafts_and_live_blogs_are_not_stored(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = make_article(status=Article.Status.DRAFT)
        live_blog = make_article(is_live_blog=True)

    assert not StoredStory.objects.filter(article__in=[draft, live_blog]).exists()


def test_store_stories_stores_what_is_missing_or_out_of_date(capsys, saved_story):
    imported = make_article(headline="Imported in bulk")
    stored.renew_generation()

    call_command("store_stories")
    first = capsys.readouterr().out
    call_command("store_stories")
    second = capsys.readouterr().out

    assert "Storing 5 stories" in first
    assert "Stored 5 stories in" in first
    assert StoredStory.objects.filter(article=imported).exists()
    assert "Every published story is stored and up to date." in second


# Where store_stories' processes note their process ids (each is a fork of the test's).
_store_calls_file = None
_store = stored.store


def store_noting_the_process(article_ids):
    """stored.store, noting which process ran it; a module function, so processes can be sent it."""
    with open(_store_calls_file, "a") as calls:
        calls.write(f"{os.getpid()}\n")
    return _store(article_ids)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite stores in one process"
)
# The processes read and write through connections of their own, outside any
# test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_store_stories_shares_the_work_between_processes(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(stored, "STORED_IN_BATCHES_OF", 2)
    section = make_section(name="Community", slug="community")
    articles = [
        make_article(headline=f"Harbour story {number}", section=section)
        for number in range(7)
    ]
    StoredStory.objects.all().delete()
    monkeypatch.setattr(stored, "store", store_noting_the_process)
    monkeypatch.setattr(f"{__name__}._store_calls_file", tmp_path / "store-calls.txt")

    call_command("store_stories", processes=2)

    assert "Storing 7 stories, newest first, in 2 processes" in capsys.readouterr().out
    kept = dict(StoredStory.objects.values_list("article__headline", "story_html"))
    assert sorted(kept) == sorted(article.headline for article in articles)
    assert all(headline in html for headline, html in kept.items())
    # Four batches, none stored by the command's own process.
    processes = (tmp_path / "store-calls.txt").read_text().split()
    assert len(processes) == 4
    assert str(os.getpid()) not in processes


def test_store_stories_needs_at_least_one_process():
    with pytest.raises(CommandError, match="--processes must be 1 or more"):
        call_command("store_stories", processes=0)
