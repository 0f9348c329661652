"""Revisions: every admin save keeps one; history, diff and restore in the admin."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from reversion.models import Version

from articles import revisions, workflow
from articles.models import Article
from tests.articles.conftest import client_for
from tests.factories import image_upload, make_article
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db


def revisions_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


def save_through_admin(client, article, **changes):
    data = form_values(client.get(change_url(article)))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:800]
    article.refresh_from_db()


@pytest.fixture
def article(journalist):
    return make_article(
        authors=[journalist],
        status=Article.Status.DRAFT,
        published_at=None,
        headline="Ferry timetable cut",
        body="<p>Two sailings a day will stop in May.</p>",
        subheadings=["Who is affected", "What the operator says"],
        tags=["Transport"],
    )


def test_each_admin_save_keeps_a_version_with_who_and_what(article, editor):
    client = client_for(editor)
    save_through_admin(client, article, headline="Ferry timetable cut again")

    versions = list(revisions.versions_of(article))

    assert len(versions) == 1
    assert versions[0].revision.user == editor
    assert versions[0].revision.get_comment() == "Edited: headline"
    page = client.get(revisions_url(article)).content.decode()
    assert "Alex Marsh" in page and "Edited: headline" in page


def test_restore_brings_back_text_subheadings_and_tags_exactly(article, editor):
    client = client_for(editor)
    save_through_admin(client, article)  # the version to come back to
    original = revisions.versions_of(article).get()
    data = form_values(client.get(change_url(article)))
    data.update(
        {
            "headline": "Ferry timetable restored",
            "body": "<p>New lead.</p>",
            "tags": "Ferries, Islands",
            "subheadings-0-heading": "Rewritten heading",
            "subheadings-1-DELETE": "on",
            "subheadings-2-heading": "A third part",
            "subheadings-2-body": "<p>Added later.</p>",
            "subheadings-2-position": "5",
        }
    )
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()

    response = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, original.pk]),
        {"based_on_version": article.version},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Ferry timetable cut"
    assert article.body == "<p>Two sailings a day will stop in May.</p>"
    assert [(s.heading, s.body, s.position) for s in article.subheadings.all()] == [
        ("Who is affected", "<p>Text under Who is affected.</p>", 0),
        ("What the operator says", "<p>Text under What the operator says.</p>", 1),
    ]
    assert list(article.tags.names()) == ["Transport"]
    assert article.byline_authors[0].username == "sam"
    assert revisions.versions_of(article).count() == 3, (
        "the restore is itself a revision"
    )


def test_after_a_restore_search_finds_the_restored_text_not_the_replaced_one(
    client, editor
):
    article = make_article(headline="Ferry timetable cut")
    admin = client_for(editor)
    save_through_admin(admin, article)  # the version to come back to
    original = revisions.versions_of(article).get()
    save_through_admin(
        admin,
        article,
        **{
            "subheadings-0-heading": "An airship",
            "subheadings-0-body": "<p>A zeppelin flew over the harbour.</p>",
            "subheadings-0-position": "0",
        },
    )
    assert search_results(client, "zeppelin") == [article]

    admin.post(
        reverse("admin:articles_article_restore", args=[article.pk, original.pk]),
        {"based_on_version": article.version},
    )

    assert search_results(client, "zeppelin") == []
    assert search_results(client, "timetable") == [article]


def search_results(client, query):
    response = client.get("/search/", {"q": query})
    return [found for found, _snippet in response.context["results"]]


def test_restore_keeps_the_workflow_state(article, editor):
    client = client_for(editor)
    save_through_admin(client, article)
    draft_version = revisions.versions_of(article).get()
    workflow.publish(article, editor)
    article.refresh_from_db()

    revisions.restore(article, draft_version, editor, based_on=article.version)

    article.refresh_from_db()
    assert article.is_published, "restoring text never unpublishes"


def test_restore_on_a_stale_page_restores_nothing(article, editor, second_editor):
    client = client_for(editor)
    save_through_admin(client, article)
    old = revisions.versions_of(article).get()
    stale_version = article.version
    save_through_admin(client_for(second_editor), article, headline="Newer headline")

    response = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, old.pk]),
        {"based_on_version": stale_version},
        follow=True,
    )

    article.refresh_from_db()
    assert article.headline == "Newer headline"
    assert "changed after you opened this page" in response.content.decode()


def test_journalist_cannot_restore_an_article_they_may_not_edit(
    article, journalist, editor
):
    client = client_for(editor)
    save_through_admin(client, article)
    old = revisions.versions_of(article).get()
    save_through_admin(client, article, headline="Edited by the desk")
    workflow.submit(article, journalist)
    article.refresh_from_db()

    response = client_for(journalist).post(
        reverse("admin:articles_article_restore", args=[article.pk, old.pk]),
        {"based_on_version": article.version},
    )

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Edited by the desk"


def test_a_version_of_another_article_cannot_be_restored_onto_this_one(article, editor):
    other = make_article(headline="Unrelated")
    client = client_for(editor)
    save_through_admin(client, other)
    foreign = Version.objects.get_for_object(other).get()

    response = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, foreign.pk]),
        {"based_on_version": article.version},
    )

    assert response.status_code == 404
    article.refresh_from_db()
    assert article.headline == "Ferry timetable cut"


def test_compare_shows_words_removed_and_added_per_field(article, editor):
    client = client_for(editor)
    save_through_admin(client, article)
    save_through_admin(
        client,
        article,
        headline="Ferry timetable cut in half",
        **{"subheadings-1-body": "<p>The operator apologised.</p>"},
    )
    newer, older = revisions.versions_of(article)

    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"older": older.pk, "newer": newer.pk},
    )

    changes = dict(response.context["changes"])
    assert set(changes) == {"Headline", "Subheadings"}
    assert changes["Headline"] == "Ferry timetable cut<ins> in half</ins>"
    assert "<del>" in changes["Subheadings"] and "apologised" in changes["Subheadings"]


def test_diff_escapes_the_text_it_shows():
    html = revisions.inline_diff("a <b>", "a <script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_history_page_is_refused_to_a_journalist_who_may_not_see_the_article(
    article, other_journalist
):
    response = client_for(other_journalist).get(revisions_url(article))
    assert response.status_code == 403


def test_compare_without_two_versions_asks_for_them(article, editor):
    client = client_for(editor)
    save_through_admin(client, article)
    only = revisions.versions_of(article).get()

    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"newer": only.pk},
        follow=True,
    )

    assert response.status_code == 200
    assert "Choose two versions to compare." in response.content.decode()


def test_workflow_controls_are_not_reported_as_changes(article, editor):
    # The publication-time control defaults to "now", so a form opened a
    # minute before it is saved always differs from its default.
    save_through_admin(
        client_for(editor), article, standfirst="New summary.", workflow_at_1="00:00"
    )

    comment = revisions.versions_of(article)[0].revision.get_comment()
    assert comment == "Edited: standfirst"


def restore_through_admin(client, article, version):
    return client.post(
        reverse("admin:articles_article_restore", args=[article.pk, version.pk]),
        {"based_on_version": article.version},
        follow=True,
    )


def give_hero_image(client, article, name):
    data = form_values(client.get(change_url(article)))
    data.update(hero_image=image_upload(name), hero_alt=f"Alt for {name}")
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:800]
    article.refresh_from_db()


def test_restore_brings_back_the_hero_image_of_that_version(article, editor):
    client = client_for(editor)
    give_hero_image(client, article, "harbour.jpg")
    with_harbour = revisions.versions_of(article).first()
    harbour = article.hero_image.name
    give_hero_image(client, article, "ferry.jpg")
    assert article.hero_image.name != harbour

    response = restore_through_admin(client, article, with_harbour)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.hero_image.name == harbour
    assert article.hero_alt == "Alt for harbour.jpg"
    assert "Restored the version of" in response.content.decode()


def test_restore_keeps_the_current_image_when_that_versions_file_was_deleted(
    article, editor
):
    client = client_for(editor)
    give_hero_image(client, article, "harbour.jpg")
    with_harbour = revisions.versions_of(article).first()
    default_storage.delete(article.hero_image.name)
    give_hero_image(client, article, "ferry.jpg")
    ferry = article.hero_image.name

    response = restore_through_admin(client, article, with_harbour)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.hero_image.name == ferry
    page = response.content.decode()
    assert "Restored the version of" in page
    assert "hero image has since been deleted, so the current image stays" in page
