"""No lost work: the version check on save, the editing indicator and the autosave hand-off."""

from datetime import timedelta

import pytest
from django.db import OperationalError, connection, connections
from django.urls import reverse
from django.utils import timezone

from articles import editing
from articles.admin import AUTOSAVE_SAVED_COOKIE, ArticleAdminForm
from articles.models import Article, Subheading, WorkflowEvent
from tests.articles.conftest import client_for
from tests.factories import make_article
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(journalist):
    return make_article(
        authors=[journalist],
        status=Article.Status.DRAFT,
        published_at=None,
        headline="Harbour dredging approved",
        body="<p>The council voted on Tuesday.</p>",
        subheadings=["What happens next"],
    )


def test_second_save_is_refused_and_keeps_both_texts(article, editor, second_editor):
    alex, ria = client_for(editor), client_for(second_editor)
    alex_form = form_values(alex.get(change_url(article)))
    ria_form = form_values(ria.get(change_url(article)))

    alex_form["body"] = "<p>Alex’s version of the lead.</p>"
    assert alex.post(change_url(article), alex_form).status_code == 302

    ria_form["headline"] = "Ria’s sharper headline"
    ria_form["body"] = "<p>Ria’s version of the lead.</p>"
    ria_form["subheadings-0-body"] = "<p>Ria’s new paragraph.</p>"
    response = ria.post(change_url(article), ria_form)

    assert response.status_code == 200
    page = response.content.decode()
    assert "This article was changed by Alex Marsh at" in page
    assert "after you opened it" in page
    assert reverse("admin:articles_article_revisions", args=[article.pk]) in page
    for text in (
        "Ria’s sharper headline",
        "Ria’s version of the lead.",
        "Ria’s new paragraph.",
    ):
        assert text in page, "Ria's text comes back in the form"
    article.refresh_from_db()
    assert article.body == "<p>Alex’s version of the lead.</p>"
    assert article.headline == "Harbour dredging approved"


def test_after_a_conflict_saving_again_goes_through(article, editor, second_editor):
    alex, ria = client_for(editor), client_for(second_editor)
    alex_form = form_values(alex.get(change_url(article)))
    ria_form = form_values(ria.get(change_url(article)))
    alex.post(change_url(article), {**alex_form, "standfirst": "Alex’s standfirst."})
    refused = ria.post(change_url(article), {**ria_form, "headline": "Ria’s headline"})

    retry = ria.post(change_url(article), form_values(refused))

    assert retry.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Ria’s headline"


def test_a_change_to_subheadings_alone_is_also_checked(article, editor, second_editor):
    alex, ria = client_for(editor), client_for(second_editor)
    alex_form = form_values(alex.get(change_url(article)))
    ria_form = form_values(ria.get(change_url(article)))
    alex_form["subheadings-0-body"] = "<p>Alex’s paragraph.</p>"
    assert alex.post(change_url(article), alex_form).status_code == 302

    ria_form["subheadings-0-body"] = "<p>Ria’s paragraph.</p>"
    response = ria.post(change_url(article), ria_form)

    assert response.status_code == 200
    assert "Ria’s paragraph." in response.content.decode()
    assert Subheading.objects.get(article=article).body == "<p>Alex’s paragraph.</p>"


def test_a_save_racing_past_the_form_check_is_still_refused(
    article, editor, monkeypatch
):
    """Two processes can both pass the form's check; the UPDATE ... WHERE version decides."""
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))
    data["headline"] = "The second writer’s headline"
    other = Article.objects.get(pk=article.pk)
    other.headline = "The first writer’s headline"
    other.save_versioned(editor)
    # As if this request's check ran just before the other write committed.
    original_check = ArticleAdminForm._check_version
    checks = []

    def check_that_ran_too_early(form, based_on):
        checks.append(based_on)
        if len(checks) > 1:
            original_check(form, based_on)

    monkeypatch.setattr(ArticleAdminForm, "_check_version", check_that_ran_too_early)
    response = client.post(change_url(article), data)

    assert len(checks) == 2, "the write was refused and the form checked again"
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert "The second writer’s headline" in response.content.decode()
    article.refresh_from_db()
    assert article.headline == "The first writer’s headline"


def test_a_form_without_its_version_is_not_saved(article, editor):
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))
    del data["based_on_version"]

    response = client.post(change_url(article), {**data, "headline": "Blind write"})

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.headline == "Harbour dredging approved"


def test_opening_an_article_someone_else_has_open_warns_but_does_not_block(
    article, journalist, editor
):
    client_for(journalist).get(change_url(article))

    response = client_for(editor).get(change_url(article))

    page = response.content.decode()
    assert "Sam Whitfield is editing this article" in page
    assert 'name="_save"' in page, "the editor can still save"


def test_nobody_is_shown_as_editing_after_the_window(article, journalist, editor):
    editing.mark_editing(
        article.pk, journalist, now=timezone.now() - timedelta(minutes=6)
    )

    page = client_for(editor).get(change_url(article)).content.decode()

    assert "is editing this article" not in page


def test_saving_and_leaving_stops_the_warning(article, journalist, editor):
    sam = client_for(journalist)
    data = form_values(sam.get(change_url(article)))
    sam.post(change_url(article), data)

    page = client_for(editor).get(change_url(article)).content.decode()

    assert "is editing this article" not in page


def test_an_editor_who_only_returned_a_story_is_not_shown_as_editing_it(
    article, journalist, editor
):
    article.status = Article.Status.IN_REVIEW
    article.save()
    alex = client_for(editor)
    data = form_values(alex.get(change_url(article)))
    alex.post(
        change_url(article),
        {**data, "_workflow": "return", "return_note": "Needs a second source"},
        follow=True,
    )

    page = client_for(journalist).get(change_url(article)).content.decode()

    assert "Needs a second source" in page
    assert "is editing this article" not in page


def test_you_are_not_warned_about_yourself(article, editor):
    client = client_for(editor)
    client.get(change_url(article))

    assert (
        "is editing this article"
        not in client.get(change_url(article)).content.decode()
    )


def test_successful_save_tells_the_browser_to_drop_its_autosaved_copy(article, editor):
    client = client_for(editor)
    page = client.get(change_url(article))
    key = f"{article.pk}:{editor.pk}"
    assert f'data-key="{key}"' in page.content.decode()

    response = client.post(change_url(article), form_values(page))

    assert response.cookies[AUTOSAVE_SAVED_COOKIE].value == key


def test_failed_save_keeps_the_autosaved_copy(article, editor):
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))

    response = client.post(change_url(article), {**data, "headline": ""})

    assert response.status_code == 200
    assert AUTOSAVE_SAVED_COOKIE not in response.cookies
    assert 'data-bound="true"' in response.content.decode()


def test_new_article_form_starts_with_the_writer_as_first_author(journalist):
    response = client_for(journalist).get(reverse("admin:articles_article_add"))

    assert form_values(response)["authorships-0-author"] == str(journalist.pk)


def test_journalist_adds_a_colleague_as_second_author_by_name(
    article, journalist, other_journalist
):
    client = client_for(journalist)
    page = client.get(change_url(article))
    assert ">Kim Osei</option>" in page.content.decode()
    data = form_values(page)
    data.update(
        {
            "authorships-TOTAL_FORMS": "2",
            "authorships-1-author": str(other_journalist.pk),
            "authorships-1-position": "1",
        }
    )

    assert client.post(change_url(article), data).status_code == 302
    article = Article.objects.with_byline().get(pk=article.pk)
    assert article.byline_authors == [journalist, other_journalist]


def fail_once(table):
    """Return a query wrapper that fails the first write to table, as a connection dropped mid-save would."""
    failed = []

    def wrapper(execute, sql, params, many, context):
        if (
            not failed
            and sql.lstrip().startswith(("INSERT", "UPDATE"))
            and table in sql
        ):
            failed.append(sql)
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    wrapper.failed = failed
    return wrapper


def test_a_save_the_database_fails_comes_back_with_everything_typed(
    article, journalist
):
    client = client_for(journalist)
    data = form_values(client.get(change_url(article)))
    data["headline"] = "Dredging starts in March"
    data["body"] = "<p>Work begins after the spawning season.</p>"
    data["subheadings-0-body"] = "<p>The new paragraph.</p>"

    dropped = fail_once("articles_article")
    with connection.execute_wrapper(dropped):
        response = client.post(change_url(article), data)

    assert dropped.failed, "the save reached the database and failed"
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "The database did not answer, so this was not saved." in page
    assert "press Save again in a moment" in page
    for text in (
        "Dredging starts in March",
        "Work begins after the spawning season.",
        "The new paragraph.",
    ):
        assert text in page, "the typed text comes back in the form"
    assert 'data-bound="true"' in page, "autosave keeps the redisplayed text"
    assert AUTOSAVE_SAVED_COOKIE not in response.cookies
    article.refresh_from_db()
    assert article.headline == "Harbour dredging approved"

    again = client.post(change_url(article), form_values(response))

    assert again.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Dredging starts in March"
    assert Subheading.objects.get(article=article).body == "<p>The new paragraph.</p>"


def test_a_new_article_the_database_fails_to_save_comes_back_too(journalist, editor):
    client = client_for(journalist)
    data = form_values(client.get(reverse("admin:articles_article_add")))
    section = make_article().section
    data.update(
        headline="Ferry timetable changes",
        slug="ferry-timetable-changes",
        section=str(section.pk),
        body="<p>Sailings move to the hour.</p>",
    )

    with connection.execute_wrapper(fail_once("articles_article")):
        response = client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 503
    assert "Ferry timetable changes" in response.content.decode()
    assert "Sailings move to the hour." in response.content.decode()
    assert not Article.objects.filter(slug="ferry-timetable-changes").exists()


def test_a_publish_the_database_fails_part_way_is_not_announced(article, editor):
    """The publish is written, then the admin log fails: all of it is rolled back, and no "Published." shows."""
    client = client_for(editor)
    article.status = Article.Status.IN_REVIEW
    article.save()
    data = form_values(client.get(change_url(article)))

    with connection.execute_wrapper(fail_once("django_admin_log")):
        response = client.post(change_url(article), {**data, "_workflow": "publish"})

    assert response.status_code == 503
    page = response.content.decode()
    assert "The database did not answer" in page
    assert "Published." not in page
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert not WorkflowEvent.objects.filter(article=article).exists()
    follow_up = client.get(change_url(article)).content.decode()
    assert "Published." not in follow_up, "no message left over for the next page"


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_a_save_while_the_database_stays_down_answers_the_503_page(article, journalist):
    client = client_for(journalist)
    client.raise_request_exception = False
    data = form_values(client.get(change_url(article)))

    with connection.execute_wrapper(refuse_every_query):
        response = client.post(change_url(article), {**data, "headline": "Lost?"})

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "text you were writing is kept in this browser" in response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_the_database_drops_mid_save_is_replaced(article, journalist):
    """A real dropped connection (as in a database restart or failover), on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("terminating a server connection needs PostgreSQL")
    client = client_for(journalist)
    data = form_values(client.get(change_url(article)))
    data["headline"] = "Dredging starts in March"
    terminated = []

    def terminate_this_connection(execute, sql, params, many, context):
        if not terminated and sql.startswith("UPDATE") and "articles_article" in sql:
            pid = context["connection"].connection.info.backend_pid
            other = connections.create_connection("default")
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            other.close()
            terminated.append(pid)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(terminate_this_connection):
        response = client.post(change_url(article), data)

    assert terminated
    assert response.status_code == 503
    assert "Dredging starts in March" in response.content.decode()
    assert connection.connection.info.backend_pid != terminated[0]
    again = client.post(change_url(article), form_values(response))
    assert again.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Dredging starts in March"
