"""The desk: the admin's start page shows each person what is theirs to act on."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import readership, workflow
from articles.models import Article, ReadCount
from tests.articles.conftest import client_for
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db

DESK = reverse("admin:index")


def panels(response):
    return {str(panel.title): panel for panel in response.context["desk"].panels}


def headlines(panel):
    return [row.article.headline for row in panel.rows]


def test_a_journalist_sees_their_own_stories_by_state(
    journalist, other_journalist, editor
):
    draft = make_article(
        headline="My draft", authors=[journalist], status=Article.Status.DRAFT
    )
    make_article(
        headline="Someone else's draft",
        authors=[other_journalist],
        status=Article.Status.DRAFT,
    )
    sent_back = make_article(
        headline="Sent back", authors=[journalist], status=Article.Status.DRAFT
    )
    workflow.submit(sent_back, journalist)
    workflow.return_to_author(sent_back, editor, "Needs a second source.")
    waiting = make_article(
        headline="Waiting", authors=[journalist], status=Article.Status.DRAFT
    )
    workflow.submit(waiting, journalist)
    make_article(
        headline="Tomorrow's",
        authors=[journalist],
        published_at=timezone.now() + timedelta(days=1),
    )
    make_article(headline="Went live", authors=[journalist])
    make_article(
        headline="Last month",
        authors=[journalist],
        published_at=timezone.now() - timedelta(days=30),
    )

    response = client_for(journalist).get(DESK)

    assert response.status_code == 200
    desk = panels(response)
    assert headlines(desk["My drafts"]) == [draft.headline]
    assert headlines(desk["Returned to me"]) == ["Sent back"]
    assert desk["Returned to me"].rows[0].note == "Needs a second source."
    assert headlines(desk["Mine in review"]) == ["Waiting"]
    assert headlines(desk["Mine scheduled"]) == ["Tomorrow's"]
    assert headlines(desk["Mine published in the last 7 days"]) == ["Went live"]
    page = response.content.decode()
    assert "Journalist’s desk" in page
    assert "Needs a second source." in page
    assert "Write a story" in page
    assert f'href="{reverse("admin:articles_article_add")}"' in page
    assert "Someone else" not in page


def test_each_panel_links_to_the_article_list_filtered_the_same_way(journalist, editor):
    draft = make_article(authors=[journalist], status=Article.Status.DRAFT)
    sent_back = make_article(authors=[journalist], status=Article.Status.DRAFT)
    workflow.submit(sent_back, journalist)
    workflow.return_to_author(sent_back, editor, "Check the figures.")
    client = client_for(journalist)
    desk = panels(client.get(DESK))

    def listed(panel):
        changelist = client.get(panel.list_url).context["cl"]
        return [article.pk for article in changelist.result_list]

    assert listed(desk["Returned to me"]) == [sent_back.pk]
    assert listed(desk["My drafts"]) == [draft.pk]


def test_journalists_see_the_reads_of_their_recent_stories(journalist):
    article = make_article(headline="Read a lot", authors=[journalist])
    this_hour = readership.hour_of(timezone.now())
    ReadCount.objects.create(article=article, hour=this_hour, count=7)
    ReadCount.objects.create(article=article, hour=this_hour - 5, count=30)
    ReadCount.objects.create(article=article, hour=this_hour - 30, count=500)

    response = client_for(journalist).get(DESK)

    row = panels(response)["Mine published in the last 7 days"].rows[0]
    assert (row.reads_hour, row.reads_day) == (7, 37)
    assert "7 reads in the last hour · 37 in 24 hours" in response.content.decode()


def test_an_editor_sees_the_review_queue_oldest_first_and_the_schedule(
    editor, journalist, other_journalist
):
    first = make_article(
        headline="Filed first", authors=[journalist], status=Article.Status.DRAFT
    )
    second = make_article(
        headline="Filed second", authors=[other_journalist], status=Article.Status.DRAFT
    )
    workflow.submit(first, journalist)
    workflow.submit(second, other_journalist)
    make_article(headline="At dawn", published_at=timezone.now() + timedelta(hours=6))
    make_article(headline="Next week", published_at=timezone.now() + timedelta(days=7))
    make_article(headline="This morning", published_at=timezone.now())
    withdrawn = make_article(headline="Pulled")
    workflow.withdraw(withdrawn, editor, "Legal asked us to.")

    response = client_for(editor).get(DESK)

    desk = panels(response)
    assert headlines(desk["Waiting for review"]) == ["Filed first", "Filed second"]
    assert headlines(desk["Going live in the next 24 hours"]) == ["At dawn"]
    assert "This morning" in headlines(desk["Published today"])
    assert headlines(desk["Recent corrections and withdrawals"]) == ["Pulled"]
    page = response.content.decode()
    assert "Editor’s desk" in page
    assert "Sam Whitfield" in page
    assert "Legal asked us to." in page
    assert "Withdrawn" in page
    assert response.context["desk"].sections is None


def test_most_read_now_is_the_public_ranking_with_each_storys_reads(editor):
    this_hour = readership.hour_of(timezone.now())
    quiet, busy = make_article(headline="Quiet"), make_article(headline="Busy")
    pulled = make_article(headline="Pulled")
    readership.add_reads(
        {
            (quiet.pk, this_hour): 3,
            (busy.pk, this_hour - 2): 40,
            (busy.pk, this_hour - 30): 10,
            (pulled.pk, this_hour): 99,
        }
    )
    workflow.withdraw(pulled, editor, "Wrong.")

    response = client_for(editor).get(DESK)

    panel = panels(response)["Most read now"]
    assert headlines(panel) == ["Busy", "Quiet"]
    assert [(row.reads_hour, row.reads_day) for row in panel.rows] == [(0, 40), (3, 3)]
    public = [entry["headline"] for entry in readership.most_read()]
    assert public[:2] == headlines(panel)
    assert (
        "Only 2 stories have reads: the public most-read list is topped up"
        in response.content.decode()
    )


def test_an_administrator_sees_the_editors_desk_and_the_sections(
    administrator, journalist
):
    politics = make_section(name="Politics")
    make_section(name="Property", is_active=False)
    make_article(section=politics)
    make_article(section=politics)
    waiting = make_article(authors=[journalist], status=Article.Status.DRAFT)
    workflow.submit(waiting, journalist)

    response = client_for(administrator).get(DESK)

    desk = response.context["desk"]
    assert str(desk.role) == "Administrator"
    assert headlines(panels(response)["Waiting for review"]) == [waiting.headline]
    counts = {
        row.section.name: (row.section.is_active, row.article_count)
        for row in desk.sections
    }
    assert counts["Politics"] == (True, 2)
    assert counts["Property"] == (False, 0)
    assert not desk.can_write
    assert "Write a story" not in response.content.decode()


def test_no_raw_app_label_shows_on_the_desk():
    superuser = make_user("root", is_staff=True, is_superuser=True)
    page = client_for(superuser).get(DESK).content.decode()

    assert "People and roles" in page and "Sign-in lockouts" in page
    for label in ("AXES", "OTP_TOTP", "Otp_Totp", "Axes"):
        assert f">{label}<" not in page


def test_tags_are_listed_with_the_newsrooms_models_under_a_human_name(editor):
    page = client_for(editor).get(DESK).content.decode()

    assert "taggit" not in page.replace("/admin/taggit/", "").lower()
    assert reverse("admin:taggit_tag_changelist") in page


@pytest.mark.parametrize("role", ["journalist", "editor", "administrator"])
def test_the_desks_query_count_does_not_grow_with_the_archive(role, request):
    user = request.getfixturevalue(role)
    journalist = request.getfixturevalue("journalist")

    def fill(count):
        for _ in range(count):
            make_article(authors=[journalist])
            draft = make_article(authors=[journalist], status=Article.Status.DRAFT)
            workflow.submit(draft, journalist)

    client = client_for(user)
    fill(1)
    with CaptureQueriesContext(connection) as few:
        client.get(DESK)
    fill(8)
    with CaptureQueriesContext(connection) as many:
        client.get(DESK)

    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_returned_story_says_when_the_editor_returned_it_not_when_it_was_last_saved(
    journalist, editor
):
    story = make_article(authors=[journalist], status=Article.Status.DRAFT)
    workflow.submit(story, journalist)
    workflow.return_to_author(story, editor, "Check the figures.")
    returned_at = story.workflow_events.latest("created_at").created_at
    # The journalist works on it for an hour afterwards.
    Article.objects.filter(pk=story.pk).update(
        updated_at=returned_at + timedelta(hours=1)
    )

    desk = panels(client_for(journalist).get(DESK))

    assert desk["Returned to me"].rows[0].when == returned_at
