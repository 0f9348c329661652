"""The workflow panel on the article form, its confirmations and errors, the timeline and the editing notice."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import editing, revisions, workflow
from articles.models import Article, WorkflowEvent
from tests.articles.conftest import client_for
from tests.factories import image_upload, make_article, make_user
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db

Status = Article.Status
STANDFIRST = " ".join(["word"] * 30)


def in_review(journalist, **fields):
    fields.setdefault("standfirst", STANDFIRST)
    return make_article(
        authors=[journalist], status=Status.IN_REVIEW, published_at=None, **fields
    )


def panel_of(response):
    page = response.content.decode()
    return page.split('id="workflow-panel"', 1)[1].split("</section>", 1)[0]


def test_the_panel_comes_before_the_form_fields_with_status_holder_and_labelled_steps(
    editor, journalist
):
    article = in_review(journalist)

    page = client_for(editor).get(change_url(article)).content.decode()

    assert page.index('id="workflow-panel"') < page.index('name="headline"')
    panel = page.split('id="workflow-panel"', 1)[1].split("</section>", 1)[0]
    assert "In review" in panel and "The editors, for review" in panel
    assert "Publish now</span>…" in panel
    assert "Return to author…" in panel
    assert "Submit for review" not in panel


def test_a_scheduled_story_offers_to_schedule_at_its_time(editor, journalist):
    article = in_review(journalist)
    workflow.publish(
        article,
        editor,
        at=datetime(2036, 11, 27, 9, 0, tzinfo=ZoneInfo("Europe/London")),
    )

    panel = panel_of(client_for(editor).get(change_url(article)))

    assert "Schedule for Thu 27 Nov, 09:00" in panel
    assert "Withdraw…" in panel


def test_a_journalist_sees_only_submit_on_their_draft(journalist):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)

    panel = panel_of(client_for(journalist).get(change_url(article)))

    assert 'value="submit"' in panel
    assert 'value="publish"' not in panel and 'value="return"' not in panel
    assert "Sam Whitfield, its author" in panel


def test_the_publish_step_shows_the_warnings_before_confirming(editor, journalist):
    article = in_review(journalist, headline="H" * 80)

    panel = panel_of(client_for(editor).get(change_url(article)))

    assert "The headline is 80 characters" in panel
    assert "There is no hero image" in panel
    assert (
        'name="publication_warnings_seen" id="id_publication_warnings_seen" value="headline hero_image"'
        in panel
    )


def test_a_warning_the_editor_has_not_seen_stops_the_publication_and_asks_again(
    editor, journalist
):
    article = in_review(journalist, hero_image=image_upload(), hero_alt="A harbour")
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))
    assert data["publication_warnings_seen"] == ""

    # The headline grew past 70 characters after the page showed no warnings.
    response = client.post(
        change_url(article), {**data, "_workflow": "publish", "headline": "H" * 80}
    )

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW and article.headline != "H" * 80
    page = response.content.decode()
    assert "Read the warnings, then confirm again." in page
    assert 'href="#id_publication_warnings_seen_error"' in page
    assert 'id="workflow-publish" open' in page
    assert "The headline is 80 characters" in panel_of(response)

    response = client.post(
        change_url(article),
        {**form_values(response), "_workflow": "publish"},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published and article.headline == "H" * 80


def test_each_error_is_linked_from_the_banner_to_its_field(editor, journalist):
    article = in_review(journalist, standfirst="", body="")
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))

    response = client.post(change_url(article), {**data, "_workflow": "publish"})

    page = response.content.decode()
    banner = page.split('class="errornote workflow-errors"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_standfirst_error">Standfirst</a>' in banner
    assert '<a href="#id_body_error">' in banner
    assert 'id="id_standfirst_error"' in page and 'id="id_body_error"' in page
    assert "Please correct the errors below" not in page


def test_return_needs_its_note_in_its_own_field_and_keeps_the_step_open(
    editor, journalist
):
    article = in_review(journalist)
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))

    response = client.post(
        change_url(article),
        {**data, "_workflow": "return", "withdrawal_reason": "Wrong box"},
    )

    errors = response.context["adminform"].form.errors
    assert list(errors) == ["return_note"]
    page = response.content.decode()
    assert 'id="workflow-return" open' in page
    assert '<a href="#id_return_note_error">Note to the author</a>' in page


def test_withdrawal_reason_stays_internal_and_the_correction_note_is_separate(editor):
    article = make_article()
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))

    response = client.post(
        change_url(article),
        {
            **data,
            "_workflow": "withdraw",
            "withdrawal_reason": "Legal advice.",
            "return_note": "Not this one",
            "correction_note": "Nor this one",
        },
    )

    assert response.status_code == 302
    event = article.workflow_events.get()
    assert (event.action, event.note) == (
        WorkflowEvent.Action.WITHDRAW,
        "Legal advice.",
    )
    article.refresh_from_db()
    assert article.public_corrections == []


def test_the_timeline_tells_steps_and_edits_in_order_with_full_names(
    editor, journalist
):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    sam, alex = client_for(journalist), client_for(editor)
    data = form_values(sam.get(change_url(article)))
    sam.post(change_url(article), {**data, "standfirst": STANDFIRST})
    sam.post(change_url(article), form_values(sam.get(change_url(article))))
    data = form_values(sam.get(change_url(article)))
    sam.post(change_url(article), {**data, "_workflow": "submit", "dateline": "Leeds"})
    data = form_values(alex.get(change_url(article)))
    alex.post(
        change_url(article),
        {**data, "_workflow": "return", "return_note": "Needs a second source"},
    )

    timeline = alex.get(change_url(article)).context["timeline"]

    lines = [(entry.what, entry.who, entry.detail, entry.edits) for entry in timeline]
    assert lines == [
        ("Returned", "Alex Marsh", "Needs a second source", ""),
        ("Submitted", "Sam Whitfield", "", "dateline"),
        ("Edited", "Sam Whitfield", "standfirst", ""),
    ]


def test_an_unchanged_save_keeps_no_new_version_once_there_is_one(editor, journalist):
    article = make_article(authors=[journalist])
    client = client_for(editor)

    client.post(change_url(article), form_values(client.get(change_url(article))))
    client.post(change_url(article), form_values(client.get(change_url(article))))

    assert [v.revision.get_comment() for v in revisions.versions_of(article)] == [
        revisions.UNCHANGED
    ]
    assert client.get(change_url(article)).context["timeline"] == []


def test_the_change_form_query_count_does_not_grow_with_the_history(editor, journalist):
    article = in_review(journalist)
    client = client_for(editor)

    def queries_to_open():
        client.get(change_url(article))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(change_url(article)).status_code == 200
        return len(queries)

    few = queries_to_open()
    for number in range(6):
        data = form_values(client.get(change_url(article)))
        client.post(change_url(article), {**data, "dateline": f"Leeds {number}"})
        article.refresh_from_db()
        workflow.return_to_author(article, editor, f"Round {number}")
        workflow.submit(article, make_user(role="Editor"))
        article.refresh_from_db()

    assert queries_to_open() == few


def editing_left(client, article, token):
    return client.post(
        reverse("admin:articles_article_editing_left", args=[article.pk]),
        {"token": token},
    )


def test_leaving_the_page_clears_the_editing_notice(editor, journalist):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    alex = client_for(editor)
    token = alex.get(change_url(article)).context["editing_token"]
    sam = client_for(journalist)
    assert "Alex Marsh is editing" in sam.get(change_url(article)).content.decode()

    assert editing_left(alex, article, token).status_code == 204

    assert "is editing" not in sam.get(change_url(article)).content.decode()


def test_a_late_leave_from_an_older_page_keeps_the_newer_one_noted(editor, journalist):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    alex = client_for(editor)
    old_token = alex.get(change_url(article)).context["editing_token"]
    alex.get(change_url(article))

    editing_left(alex, article, old_token)

    assert [name for name, _at in editing.other_editors(article.pk, journalist)] == [
        "Alex Marsh"
    ]


def test_leaving_answers_only_a_post_from_someone_who_may_see_the_article(
    editor, journalist, other_journalist
):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    url = reverse("admin:articles_article_editing_left", args=[article.pk])

    assert client_for(editor).get(url).status_code == 405
    assert editing_left(client_for(other_journalist), article, "x").status_code == 403
