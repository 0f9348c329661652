"""The exact words the workflow says when it refuses: each names the field or the state, and the fix."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

Action, Status = workflow.Action, workflow.Status


def test_an_empty_article_is_told_everything_it_lacks_to_go_live():
    article = Article(
        headline=" ",
        standfirst=" ",
        body="<p> </p>",
        hero_image="heroes/harbour.jpg",
        hero_alt=" ",
    )

    assert workflow.publication_problems(article) == {
        "headline": "Write a headline before publishing.",
        "standfirst": "Write a standfirst before publishing: one paragraph that sums up the story.",
        "body": "Write the story's text before publishing.",
        "section": "Choose a live section before publishing: readers cannot reach a hidden one.",
        "hero_alt": "Describe the hero image for readers who cannot see it, e.g. "
        "“Firefighters outside the flooded station”, before publishing.",
    }


@pytest.mark.parametrize(
    ("action", "code", "message"),
    [
        (
            Action.RETURN,
            "note_required",
            "Tell the author what to change, e.g. “Needs a second source for the figures”.",
        ),
        (
            Action.WITHDRAW,
            "reason_required",
            "Give the reason for withdrawing, e.g. “Legal advice: the claim about the council is unproven”.",
        ),
    ],
)
def test_returning_and_withdrawing_ask_for_a_note(action, code, message):
    with pytest.raises(ValidationError) as refused:
        workflow.require_note(action, "   ")

    assert (refused.value.code, refused.value.messages) == (code, [message])
    workflow.require_note(action, "Checked with legal.")


def refusal(action, article, user):
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check(action, user, article)
    return str(refused.value)


def test_each_refused_transition_says_why(editor, journalist):
    draft = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    live = make_article(authors=[journalist])
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=2))

    assert refusal(Action.PUBLISH, Article(), editor) == "Save the article first."
    assert refusal(Action.SUBMIT, live, editor) == (
        "Only a draft can be submitted for review."
    )
    assert refusal(Action.RECALL, draft, journalist) == (
        "Only an article in review can be recalled."
    )
    assert refusal(Action.PUBLISH, live, editor) == "This article is already live."
    assert refusal(Action.RETURN, draft, editor) == (
        "Only an article in review can be returned to its author."
    )
    assert refusal(Action.WITHDRAW, draft, editor) == (
        "Only a published or scheduled article can be withdrawn."
    )
    assert refusal(Action.CORRECT, scheduled, editor) == (
        "Only a live article can be corrected; edit a draft or scheduled article directly."
    )
    workflow.check(Action.WITHDRAW, editor, scheduled)
    workflow.check(Action.PUBLISH, editor, scheduled)


def test_the_editor_reads_each_publication_warning_in_full():
    article = make_article(
        headline="H" * 71,
        standfirst="Short.",
        subheadings=["Who is affected", "What next"],
    )
    article.subheadings.update(body="<p> </p>")

    assert workflow.publication_warnings(article) == {
        "headline": "The headline is 71 characters; over 70 it is cut short "
        "on cards and in search results.",
        "standfirst": "The standfirst is 1 word; aim for 25 to 45.",
        "hero_image": "There is no hero image: the story shows without a picture "
        "on fronts and when shared.",
        "subheadings": "The subheadings “Who is affected”, “What next” have no "
        "text under them.",
    }
    article.standfirst = " ".join(["word"] * 46)
    assert workflow.publication_warnings(article)["standfirst"] == (
        "The standfirst is 46 words; aim for 25 to 45."
    )


def test_the_desk_says_who_holds_a_draft(journalist, other_journalist):
    shared = make_article(
        authors=[journalist, other_journalist], status=Status.DRAFT, published_at=None
    )
    unsigned = make_article(status=Status.DRAFT, published_at=None)

    assert workflow.holder(shared) == "Sam Whitfield, Kim Osei, its authors"
    assert workflow.holder(unsigned) == "Its author"
