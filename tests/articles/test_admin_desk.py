"""What the desk sees: the article list, the status and history on the change page, the return note."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Section
from tests.articles.conftest import client_for
from tests.factories import make_article, make_section, make_user
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
# The desk shows times in settings.TIME_ZONE (Europe/London: GMT in November).
LONDON_2036_11_27_0900 = datetime(2036, 11, 27, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def listed(client, **params):
    return [
        a.headline for a in client.get(CHANGELIST, params).context["cl"].result_list
    ]


def test_changelist_query_count_does_not_grow_with_rows(editor):
    client = client_for(editor)
    section = make_section()
    writers = [make_user(role="Journalist") for _ in range(3)]

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            # "_facets" asks for filter counts; the desk list never runs them.
            assert client.get(CHANGELIST, {"_facets": "1"}).status_code == 200
        return len(queries)

    for number in range(3):
        make_article(section=section, authors=writers[: number % 3 + 1])
    with_three = count_queries()
    for number in range(27):
        make_article(section=make_section(), authors=writers[: number % 3 + 1])
    with_thirty = count_queries()

    assert with_thirty == with_three
    assert with_thirty <= 12


def test_changelist_shows_authors_and_scheduled_time(editor, journalist):
    at = LONDON_2036_11_27_0900
    article = make_article(headline="Budget day", authors=[journalist], published_at=at)

    response = client_for(editor).get(CHANGELIST)

    page = response.content.decode()
    assert "Scheduled for 27 Nov 2036, 09:00" in page
    assert "Sam Whitfield" in page
    assert response.context["cl"].show_full_result_count is False
    assert article in response.context["cl"].result_list


def test_changelist_filters_by_state_author_and_mine(
    editor, journalist, other_journalist
):
    make_article(headline="Live story", authors=[journalist])
    make_article(
        headline="Future story",
        authors=[other_journalist],
        published_at=timezone.now() + timedelta(hours=3),
    )
    make_article(
        headline="Sam’s draft",
        authors=[journalist],
        status=Article.Status.DRAFT,
        published_at=None,
    )
    client = client_for(editor)

    assert listed(client, state="scheduled") == ["Future story"]
    assert listed(client, state="live") == ["Live story"]
    assert listed(client, state="draft") == ["Sam’s draft"]
    assert sorted(listed(client, author=journalist.pk)) == ["Live story", "Sam’s draft"]
    assert listed(client_for(other_journalist), mine="yes") == ["Future story"]
    assert listed(client, mine="yes") == []


def test_changelist_searches_the_standfirst(editor):
    make_article(headline="Council vote", standfirst="The harbour will be dredged.")
    make_article(headline="School budget", standfirst="Cuts to libraries.")

    assert listed(client_for(editor), q="dredged") == ["Council vote"]


def test_change_page_says_scheduled_for_when(editor, journalist):
    article = make_article(
        authors=[journalist], status=Article.Status.DRAFT, published_at=None
    )
    workflow.publish(article, editor, at=LONDON_2036_11_27_0900)

    page = client_for(editor).get(change_url(article)).content.decode()

    assert "Scheduled for 27 November 2036, 09:00" in page


def test_editor_schedules_from_the_change_page(editor, journalist):
    article = make_article(
        authors=[journalist], status=Article.Status.IN_REVIEW, published_at=None
    )
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))
    data.update(_workflow="publish", workflow_at_0="27/11/2036", workflow_at_1="09:00")

    response = client.post(change_url(article), data, follow=True)

    article.refresh_from_db()
    assert article.is_scheduled
    assert (
        timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M")
        == "2036-11-27 09:00"
    )
    assert "Scheduled for 27 November 2036, 09:00." in response.content.decode()


def test_return_without_a_note_is_a_form_error_and_nothing_changes(editor, journalist):
    article = make_article(
        authors=[journalist], status=Article.Status.IN_REVIEW, published_at=None
    )
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))

    response = client.post(
        change_url(article), {**data, "_workflow": "return", "headline": "Edited"}
    )

    assert response.status_code == 200
    assert "return_note" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW and article.headline != "Edited"


def test_journalist_sees_the_return_note_prominently_and_the_history(
    editor, journalist
):
    article = make_article(
        authors=[journalist], status=Article.Status.DRAFT, published_at=None
    )
    workflow.submit(article, journalist)
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))
    client.post(
        change_url(article),
        {
            **data,
            "_workflow": "return",
            "return_note": "Needs a second source for the figures.",
        },
    )

    page = client_for(journalist).get(change_url(article)).content.decode()

    returned_box = page.split('class="workflow-returned"', 1)[1].split("</div>", 1)[0]
    assert "Returned to you by Alex Marsh" in returned_box
    assert "Needs a second source for the figures." in returned_box
    history = page.split('id="workflow-timeline"', 1)[1]
    assert "Submitted by Sam Whitfield" in history
    assert "Returned by Alex Marsh: Needs a second source for the figures." in history


def test_return_note_disappears_once_resubmitted(editor, journalist):
    article = make_article(
        authors=[journalist], status=Article.Status.IN_REVIEW, published_at=None
    )
    workflow.return_to_author(article, editor, "Shorter, please.")
    workflow.submit(article, journalist)

    page = client_for(editor).get(change_url(article)).content.decode()

    assert 'class="workflow-returned"' not in page


def test_editor_corrects_a_live_article_with_a_public_note(editor):
    article = make_article(headline="Minister resigns")
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))
    data.update(
        _workflow="correct",
        headline="Minister offers to resign",
        correction_note="An earlier version said the minister had resigned.",
    )

    client.post(change_url(article), data)

    article.refresh_from_db()
    assert article.is_published and article.headline == "Minister offers to resign"
    assert article.revised_at is not None
    assert [note for _when, note in article.public_corrections] == [
        "An earlier version said the minister had resigned."
    ]


def test_plain_save_of_a_live_article_keeps_it_live_without_a_correction(editor):
    article = make_article()
    client = client_for(editor)

    client.post(
        change_url(article),
        {**form_values(client.get(change_url(article))), "dateline": "LEEDS"},
    )

    article.refresh_from_db()
    assert article.is_published and article.dateline == "LEEDS"
    assert article.revised_at is None


def test_sections_are_hidden_from_the_list(administrator):
    first, second = (
        make_section(name="Politics", position=1),
        make_section(name="Sport", position=2),
    )
    client = client_for(administrator)
    url = reverse("admin:articles_section_changelist")
    data = form_values(client.get(url), form_id="changelist-form")
    rows = {data[f"form-{i}-id"]: i for i in range(2)}
    data.pop(f"form-{rows[str(second.pk)]}-is_active", None)
    data["_save"] = "Save"

    response = client.post(url, data)

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_active and not second.is_active


def test_dragging_a_section_saves_the_navigation_order(administrator):
    """The section list's drag handles post the new positions (django-admin-sortable2)."""
    politics, sport, culture = (
        make_section(name="Politics", position=1),
        make_section(name="Sport", position=2),
        make_section(name="Culture", position=3),
    )
    client = client_for(administrator)

    response = client.post(
        reverse("admin:articles_section_sortable_update"),
        {
            "updatedItems": [
                [str(culture.pk), 1],
                [str(politics.pk), 2],
                [str(sport.pk), 3],
            ]
        },
        content_type="application/json",
    )

    assert response.status_code == 200
    assert [section.name for section in Section.objects.active()] == [
        "Culture",
        "Politics",
        "Sport",
    ]


def test_a_journalist_cannot_reorder_sections(journalist):
    politics = make_section(name="Politics", position=1)
    make_section(name="Sport", position=2)

    response = client_for(journalist).post(
        reverse("admin:articles_section_sortable_update"),
        {"updatedItems": [[str(politics.pk), 9]]},
        content_type="application/json",
    )

    assert response.status_code == 403
    politics.refresh_from_db()
    assert politics.position == 1


def test_publishing_a_headline_only_story_names_each_missing_piece_at_its_field(
    editor, journalist
):
    article = make_article(
        authors=[journalist],
        status=Article.Status.IN_REVIEW,
        published_at=None,
        standfirst="",
        body="",
    )
    client = client_for(editor)
    data = form_values(client.get(change_url(article)))

    response = client.post(change_url(article), {**data, "_workflow": "publish"})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"standfirst", "body"}
    assert "Write a standfirst before publishing" in errors["standfirst"][0]
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_bulk_publishing_says_what_each_unready_story_lacks(editor, journalist):
    unready = make_article(
        authors=[journalist],
        headline="Half written",
        status=Article.Status.IN_REVIEW,
        published_at=None,
        standfirst="",
    )

    response = client_for(editor).post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [unready.pk]},
        follow=True,
    )

    unready.refresh_from_db()
    assert not unready.is_published
    page = response.content.decode()
    assert "Published 0 of 1 articles." in page
    assert "“Half written”: Write a standfirst before publishing" in page


def test_a_returned_story_says_so_in_the_list_with_the_editors_note(editor, journalist):
    article = make_article(
        authors=[journalist],
        headline="Bridge closure",
        status=Article.Status.IN_REVIEW,
        published_at=None,
    )
    make_article(
        authors=[journalist],
        headline="Plain draft",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    workflow.return_to_author(article, editor, "Needs a second source")
    changelist = reverse("admin:articles_article_changelist")
    client = client_for(journalist)

    page = client.get(changelist).content.decode()
    assert "Returned" in page and "“Needs a second source”" in page
    returned = client.get(changelist, {"state": "returned"}).content.decode()
    assert "Bridge closure" in returned and "Plain draft" not in returned

    workflow.submit(article, journalist)
    assert (
        "Bridge closure"
        not in client.get(changelist, {"state": "returned"}).content.decode()
    )


def test_a_journalist_recalls_their_story_from_its_read_only_page(journalist):
    article = make_article(
        authors=[journalist],
        headline="Typo in the standfirst",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    workflow.submit(article, journalist)
    client = client_for(journalist)
    assert "Recall to my drafts" in client.get(change_url(article)).content.decode()

    response = client.post(
        reverse("admin:articles_article_recall", args=[article.pk]), follow=True
    )

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert "Back in your drafts" in response.content.decode()
    assert "Submit for review" in response.content.decode()
