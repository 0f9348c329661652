"""The transitions in articles/workflow.py: what each does, and what each refuses."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from articles import workflow
from articles.models import Article, EditConflict, WorkflowEvent
from tests.factories import image_upload, make_article, make_section

pytestmark = pytest.mark.django_db

Status = Article.Status
Action = WorkflowEvent.Action


def draft(author, **fields):
    fields.setdefault("status", Status.DRAFT)
    fields.setdefault("published_at", None)
    return make_article(authors=[author], **fields)


def test_journalist_submits_own_draft_and_the_step_is_logged(journalist):
    article = draft(journalist)

    event = workflow.submit(article, journalist)

    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert article.updated_by == journalist
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        Action.SUBMIT,
        Status.DRAFT,
        Status.IN_REVIEW,
        journalist,
    )


def test_journalist_cannot_submit_someone_elses_draft(journalist, other_journalist):
    article = draft(other_journalist)

    with pytest.raises(PermissionDenied):
        workflow.submit(article, journalist)

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not article.workflow_events.exists()


@pytest.mark.parametrize("action", ["publish", "return", "withdraw", "correct"])
def test_journalist_may_use_no_editor_transition(journalist, action):
    article = draft(journalist)

    with pytest.raises(PermissionDenied):
        workflow.perform(action, article, journalist, note="A reason")

    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_editor_publishes_now(editor, journalist):
    article = draft(journalist, status=Status.IN_REVIEW)
    before = timezone.now()

    event = workflow.publish(article, editor)

    article.refresh_from_db()
    assert article.is_published
    assert before <= article.published_at <= timezone.now()
    assert (event.action, event.actor) == (Action.PUBLISH, editor)
    assert article.updated_by == editor


def test_a_publication_time_already_past_means_now(editor, journalist):
    """The form's default time is from when the page opened; publishing later must not backdate."""
    article = draft(journalist)
    opened = timezone.now() - timedelta(minutes=20)

    workflow.publish(article, editor, at=opened)

    article.refresh_from_db()
    assert article.published_at > opened + timedelta(minutes=19)


def test_editor_schedules_for_a_future_time(editor, journalist):
    article = draft(journalist)
    at = timezone.now() + timedelta(days=1)

    event = workflow.publish(article, editor, at=at)

    article.refresh_from_db()
    assert article.is_scheduled and not article.is_published
    assert article.published_at == at
    assert event.action == Action.SCHEDULE
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_scheduled_article_can_be_published_now_instead(editor, journalist):
    article = draft(journalist)
    workflow.publish(article, editor, at=timezone.now() + timedelta(days=1))

    workflow.publish(article, editor)

    assert Article.objects.published().filter(pk=article.pk).exists()


def test_live_article_cannot_be_published_again(editor):
    article = make_article()

    with pytest.raises(workflow.TransitionRefused):
        workflow.publish(article, editor)


def test_return_to_author_needs_a_note_and_makes_a_draft(editor, journalist):
    article = draft(journalist, status=Status.IN_REVIEW)

    with pytest.raises(ValidationError):
        workflow.return_to_author(article, editor, "   ")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    event = workflow.return_to_author(article, editor, "Needs a second source.")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert event.note == "Needs a second source."
    assert workflow.can_edit(journalist, article), "the author can work on it again"


def test_only_an_article_in_review_can_be_returned(editor, journalist):
    with pytest.raises(workflow.TransitionRefused):
        workflow.return_to_author(draft(journalist), editor, "Why")


def test_withdraw_needs_a_reason_and_takes_the_article_off_the_site(editor):
    article = make_article()

    with pytest.raises(ValidationError):
        workflow.withdraw(article, editor, "")
    assert Article.objects.published().filter(pk=article.pk).exists()

    event = workflow.withdraw(article, editor, "Legal advice.")
    assert not Article.objects.published().filter(pk=article.pk).exists()
    article.refresh_from_db()
    assert article.status == Status.WITHDRAWN
    assert (event.actor, event.note) == (editor, "Legal advice."), (
        "the history names who took it down and why"
    )
    assert article.updated_by == editor


def test_only_a_published_article_can_be_withdrawn(editor, journalist):
    with pytest.raises(workflow.TransitionRefused):
        workflow.withdraw(draft(journalist), editor, "Why")


def test_correction_keeps_the_article_live_moves_updated_and_keeps_the_note(editor):
    article = make_article()
    before = timezone.now()

    event = workflow.correct(
        article, editor, "An earlier version misspelt the minister’s name."
    )

    article.refresh_from_db()
    assert event.actor == editor, "the history names who corrected it"
    assert article.updated_by == editor
    assert article.is_published
    assert article.revised_at >= before
    corrections = Article.objects.for_article_page().get(pk=article.pk)
    assert [note for _when, note in corrections.public_corrections] == [
        "An earlier version misspelt the minister’s name."
    ]


def test_correction_without_a_note_moves_updated_but_shows_no_note(editor):
    article = make_article()

    workflow.correct(article, editor)

    article.refresh_from_db()
    assert article.revised_at is not None
    assert article.public_corrections == []


def test_public_corrections_come_oldest_first_with_their_dates_in_one_query(
    editor, django_assert_num_queries
):
    first, second = make_article(), make_article()
    workflow.correct(first, editor, "First note.")
    workflow.correct(first, editor, "Second note.")
    workflow.withdraw(second, editor, "Not public: a withdrawal reason.")

    with django_assert_num_queries(1):
        articles = list(Article.objects.for_article_page().order_by("pk"))
        notes = [[note for _when, note in a.public_corrections] for a in articles]

    assert notes == [["First note.", "Second note."], []]
    when, _note = articles[0].public_corrections[0]
    assert when <= timezone.now()


def test_a_scheduled_article_cannot_be_corrected(editor, journalist):
    article = draft(journalist)
    workflow.publish(article, editor, at=timezone.now() + timedelta(hours=2))

    with pytest.raises(workflow.TransitionRefused):
        workflow.correct(article, editor, "Note")


def test_available_actions_follow_role_and_state(editor, journalist):
    article = draft(journalist)
    assert workflow.available_actions(journalist, article) == [Action.SUBMIT]
    assert workflow.available_actions(editor, article) == [
        Action.SUBMIT,
        Action.PUBLISH,
    ]

    workflow.submit(article, journalist)
    assert workflow.available_actions(journalist, article) == [Action.RECALL]
    assert workflow.available_actions(editor, article) == [
        Action.PUBLISH,
        Action.RETURN,
    ]

    workflow.publish(article, editor)
    assert workflow.available_actions(editor, article) == [
        Action.WITHDRAW,
        Action.CORRECT,
    ]


def test_transition_signal_is_sent_only_after_commit(
    editor, django_capture_on_commit_callbacks
):
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    received = []
    workflow.transitioned.connect(
        lambda sender, article, event, **kwargs: received.append(event.action),
        weak=False,
        dispatch_uid="test-receiver",
    )
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            workflow.publish(article, editor)
        assert received == [], "nothing is announced before the commit"
        for callback in callbacks:
            callback()
        assert received == [Action.PUBLISH]
    finally:
        workflow.transitioned.disconnect(dispatch_uid="test-receiver")


def test_transition_on_a_stale_copy_is_refused(editor, second_editor):
    article = make_article()
    stale = Article.objects.get(pk=article.pk)
    workflow.correct(article, editor, "First")

    with pytest.raises(EditConflict):
        workflow.withdraw(stale, second_editor, "Reason")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.workflow_events.count() == 1


def test_publish_scheduled_logs_each_go_live_once(editor, journalist):
    due = draft(journalist)
    later = draft(journalist)
    workflow.publish(due, editor, at=timezone.now() + timedelta(minutes=5))
    workflow.publish(later, editor, at=timezone.now() + timedelta(days=1))
    # The scheduled time passes.
    Article.objects.filter(pk=due.pk).update(
        published_at=timezone.now() - timedelta(minutes=1)
    )

    call_command("publish_scheduled", stdout=StringIO())
    call_command("publish_scheduled", stdout=StringIO())

    assert list(due.workflow_events.values_list("action", flat=True)) == [
        Action.GO_LIVE,
        Action.SCHEDULE,
    ]
    assert not later.workflow_events.filter(action=Action.GO_LIVE).exists()
    go_live = due.workflow_events.get(action=Action.GO_LIVE)
    assert (go_live.actor, go_live.note) == (None, ""), "the history shows no note"


def test_an_article_whose_time_has_not_come_is_not_logged_as_gone_live(
    editor, journalist
):
    article = draft(journalist)
    workflow.publish(article, editor, at=timezone.now() + timedelta(hours=1))

    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.go_live(article)

    assert str(refused.value) == "This article is not live yet."
    assert not article.workflow_events.filter(action=Action.GO_LIVE).exists()


def test_publish_scheduled_ignores_articles_published_directly(editor, journalist):
    article = draft(journalist)
    workflow.publish(article, editor)

    call_command("publish_scheduled", stdout=StringIO())

    assert not article.workflow_events.filter(action=Action.GO_LIVE).exists()


def test_an_empty_story_in_a_hidden_section_cannot_be_published_or_scheduled(
    editor, journalist
):
    hidden = make_section(name="Archive", is_active=False)
    article = draft(
        journalist,
        status=Status.IN_REVIEW,
        standfirst="",
        body="<p> </p>",
        section=hidden,
    )

    for at in (None, timezone.now() + timedelta(days=1)):
        with pytest.raises(ValidationError) as refused:
            workflow.publish(article, editor, at=at)
        assert set(refused.value.message_dict) == {"standfirst", "body", "section"}

    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not article.workflow_events.exists()


def test_a_hero_image_without_alt_text_keeps_a_story_from_going_live(
    editor, journalist
):
    article = draft(journalist, hero_image=image_upload("quay.jpg"), hero_alt=" ")

    with pytest.raises(ValidationError) as refused:
        workflow.publish(article, editor)

    assert list(refused.value.message_dict) == ["hero_alt"]


def test_an_author_recalls_a_submitted_story_until_an_editor_works_on_it(
    journalist, other_journalist, editor
):
    article = draft(journalist)
    workflow.submit(article, journalist)

    with pytest.raises(PermissionDenied):
        workflow.recall(article, other_journalist)
    event = workflow.recall(article, journalist)

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert (event.action, event.actor) == (Action.RECALL, journalist)

    workflow.submit(article, journalist)
    article.headline = "Edited by the desk"
    article.save_versioned(editor)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.recall(article, journalist)
    assert str(refused.value) == (
        "An editor has already worked on it; ask them to return it to you instead."
    )


def words(count):
    return " ".join(["word"] * count)


@pytest.mark.parametrize(
    ("length", "warned"), [(70, False), (71, True)], ids=["70 chars", "71 chars"]
)
def test_a_headline_over_70_characters_is_a_warning(length, warned):
    article = make_article(headline="H" * length, hero_image=image_upload())

    warnings = workflow.publication_warnings(article)

    assert ("headline" in warnings) is warned
    if warned:
        assert "71 characters" in warnings["headline"]


@pytest.mark.parametrize(
    ("count", "warned"), [(24, True), (25, False), (45, False), (46, True)]
)
def test_a_standfirst_outside_25_to_45_words_is_a_warning(count, warned):
    article = make_article(standfirst=words(count), hero_image=image_upload())

    warnings = workflow.publication_warnings(article)

    assert ("standfirst" in warnings) is warned
    if warned:
        assert f"{count} words; aim for 25 to 45" in warnings["standfirst"]


def test_an_empty_standfirst_is_a_problem_not_a_warning():
    article = make_article(standfirst="", hero_image=image_upload())

    assert "standfirst" not in workflow.publication_warnings(article)
    assert "standfirst" in workflow.publication_problems(article)


def test_a_story_without_a_hero_image_is_warned_and_one_with_an_image_is_not():
    without = make_article(standfirst=words(30))
    with_image = make_article(standfirst=words(30), hero_image=image_upload())

    assert set(workflow.publication_warnings(without)) == {"hero_image"}
    assert workflow.publication_warnings(with_image) == {}


def test_a_subheading_with_no_text_is_a_warning_naming_it():
    article = make_article(
        standfirst=words(30),
        hero_image=image_upload(),
        subheadings=["Who is affected", "What next"],
    )
    article.subheadings.filter(heading="What next").update(body="<p> </p>")

    warnings = workflow.publication_warnings(article)

    assert warnings == {
        "subheadings": "The subheading “What next” has no text under it."
    }


def test_warnings_do_not_stop_publication(editor):
    article = draft(editor, headline="H" * 90, standfirst="Short.")

    workflow.publish(article, editor)

    assert article.is_published


def test_the_publish_button_says_now_or_when_it_schedules():
    now = timezone.now()
    thursday_morning = datetime(2036, 11, 27, 9, 0, tzinfo=ZoneInfo("Europe/London"))

    assert workflow.publish_label(None) == "Publish now"
    assert workflow.publish_label(now - timedelta(minutes=5), now=now) == "Publish now"
    assert workflow.publish_label(thursday_morning) == "Schedule for Thu 27 Nov, 09:00"


def test_who_holds_the_story_follows_its_status(journalist, editor):
    article = draft(journalist)
    article = Article.objects.with_byline().get(pk=article.pk)
    assert workflow.holder(article) == "Sam Whitfield, its author"

    workflow.submit(article, journalist)
    assert workflow.holder(article) == "The editors, for review"

    workflow.publish(article, editor)
    assert workflow.holder(article) == "The editors"
