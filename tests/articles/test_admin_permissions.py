"""
Who may do what in the admin, driven through the test client as each role,
including POSTs crafted to do what the page does not offer.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse

from articles import workflow
from articles.models import Article, WorkflowEvent
from tests.articles.conftest import client_for
from tests.factories import PASSWORD, make_article, make_user
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db

Status = Article.Status


def posted_form(article, **changes):
    """Return the article's change form as a superuser's browser would post it, with changes."""
    superuser = get_user_model().objects.filter(is_superuser=True).first() or make_user(
        "root", is_staff=True, is_superuser=True
    )
    data = form_values(client_for(superuser).get(change_url(article)))
    data.update(changes)
    return data


def article_in(state, author, editor):
    article = make_article(
        authors=[author], status=Status.DRAFT, published_at=None, subheadings=["One"]
    )
    if state in {"in_review", "published"}:
        workflow.submit(article, author)
    if state == "published":
        workflow.publish(article, editor)
    article.refresh_from_db()
    return article


ACTIONS = {
    "save": {},
    "submit": {"_workflow": "submit"},
    "publish": {"_workflow": "publish"},
    "return": {"_workflow": "return", "return_note": "Needs a second source."},
    "withdraw": {"_workflow": "withdraw", "withdrawal_reason": "Legal advice."},
    "correct": {"_workflow": "correct", "correction_note": "Fixed a name."},
}
RESULT = {
    "save": None,
    "submit": Status.IN_REVIEW,
    "publish": Status.PUBLISHED,
    "return": Status.DRAFT,
    "withdraw": Status.WITHDRAWN,
    "correct": Status.PUBLISHED,
}

MATRIX = [
    # (who, whose article, its state, action, allowed)
    ("journalist", "own", "draft", "save", True),
    ("journalist", "own", "draft", "submit", True),
    ("journalist", "own", "draft", "publish", False),
    ("journalist", "own", "in_review", "save", False),
    ("journalist", "own", "in_review", "publish", False),
    ("journalist", "own", "in_review", "return", False),
    ("journalist", "own", "published", "save", False),
    ("journalist", "own", "published", "withdraw", False),
    ("journalist", "own", "published", "correct", False),
    ("journalist", "colleague's", "draft", "save", False),
    ("journalist", "colleague's", "draft", "submit", False),
    ("editor", "colleague's", "draft", "save", True),
    ("editor", "colleague's", "draft", "publish", True),
    ("editor", "colleague's", "in_review", "save", True),
    ("editor", "colleague's", "in_review", "publish", True),
    ("editor", "colleague's", "in_review", "return", True),
    ("editor", "colleague's", "published", "save", True),
    ("editor", "colleague's", "published", "withdraw", True),
    ("editor", "colleague's", "published", "correct", True),
    ("administrator", "colleague's", "draft", "save", False),
    ("administrator", "colleague's", "draft", "submit", False),
    ("administrator", "colleague's", "in_review", "publish", False),
    ("administrator", "colleague's", "published", "withdraw", False),
]


@pytest.mark.parametrize(
    ("role", "whose", "state", "action", "allowed"),
    MATRIX,
    ids=[f"{r}-{a}-{w}-{s}" for r, w, s, a, _allowed in MATRIX],
)
def test_permission_matrix(
    request, journalist, other_journalist, editor, role, whose, state, action, allowed
):
    author = journalist if whose == "own" else other_journalist
    article = article_in(state, author, editor)
    before = Article.objects.values().get(pk=article.pk)
    events_before = article.workflow_events.count()
    data = posted_form(article, headline="A headline from the form", **ACTIONS[action])
    actor = request.getfixturevalue(role)

    response = client_for(actor).post(change_url(article), data)

    after = Article.objects.values().get(pk=article.pk)
    if allowed:
        assert response.status_code == 302, response.content.decode()[:500]
        assert after["headline"] == "A headline from the form"
        assert after["status"] == (RESULT[action] or before["status"])
    else:
        assert response.status_code == 403
        assert after == before, "a refused request changes nothing"
        assert article.workflow_events.count() == events_before


@pytest.mark.parametrize("role", ["journalist", "editor"])
def test_a_crafted_unknown_workflow_action_is_refused_and_changes_nothing(
    request, journalist, role
):
    """It gave a server error, after checking the role against an action that is none."""
    user = request.getfixturevalue(role)
    article = make_article(authors=[user], status=Status.DRAFT, published_at=None)
    before = Article.objects.values().get(pk=article.pk)
    data = posted_form(article, headline="Changed", _workflow="delete_everything")

    response = client_for(user).post(change_url(article), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "“delete_everything” is not a workflow action."
    ]
    assert Article.objects.values().get(pk=article.pk) == before
    assert not article.workflow_events.exists()


def test_an_editor_recalls_their_own_story_from_the_review_queue_with_the_form(
    editor,
):
    """An editor who writes a story submits it for a colleague's review like anyone."""
    article = article_in("in_review", editor, editor)
    data = posted_form(article, _workflow="recall")

    response = client_for(editor).post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    event = article.workflow_events.latest("pk")
    assert (event.action, event.actor) == (WorkflowEvent.Action.RECALL, editor)


def test_journalist_cannot_open_a_colleagues_article(journalist, other_journalist):
    article = make_article(authors=[other_journalist], status=Status.DRAFT)

    response = client_for(journalist).get(change_url(article))

    assert response.status_code == 403


def test_journalist_sees_own_published_article_read_only_without_buttons(
    journalist, editor
):
    article = article_in("published", journalist, editor)

    response = client_for(journalist).get(change_url(article))

    assert response.status_code == 200
    assert response.context["title"].startswith("View")
    assert 'name="_workflow"' not in response.content.decode()


def test_posting_status_published_does_not_publish(journalist):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    data = posted_form(article, status="published", published_at_0="01/01/2020")

    response = client_for(journalist).post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.published_at is None


def test_posting_status_published_on_a_new_article_makes_a_draft(journalist):
    from tests.articles.test_admin import article_form
    from tests.factories import make_section

    data = article_form(make_section(), status="published", published_at_0="01/01/2020")
    data["published_at_1"] = "10:00"

    response = client_for(journalist).post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Status.DRAFT and article.published_at is None
    assert article.byline_authors == [journalist]


def test_buttons_match_what_the_user_may_do(journalist, editor):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)

    journalist_page = client_for(journalist).get(change_url(article)).content.decode()
    editor_page = client_for(editor).get(change_url(article)).content.decode()

    assert 'value="submit"' in journalist_page
    assert 'value="publish"' not in journalist_page
    assert 'value="publish"' in editor_page


def test_bulk_publish_is_not_offered_to_journalists_and_a_crafted_one_does_nothing(
    journalist,
):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    client = client_for(journalist)
    changelist = reverse("admin:articles_article_changelist")

    actions = client.get(changelist).context["action_form"].fields["action"].choices
    assert "publish_selected" not in [name for name, _label in actions]

    client.post(
        changelist, {"action": "publish_selected", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_editor_bulk_publishes_and_is_told_which_could_not_be(editor, journalist):
    ready = make_article(
        authors=[journalist], status=Status.IN_REVIEW, published_at=None
    )
    live = make_article(authors=[journalist], headline="Already out")

    response = client_for(editor).post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, live.pk]},
        follow=True,
    )

    ready.refresh_from_db()
    assert ready.is_published
    page = response.content.decode()
    assert "Published 1 of 2 articles." in page
    assert "“Already out”: This article is already live." in page
    assert ready.workflow_events.get().action == WorkflowEvent.Action.PUBLISH


def test_journalist_bulk_submits_own_drafts(journalist):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    waiting = make_article(
        authors=[journalist],
        headline="Waiting",
        status=Status.IN_REVIEW,
        published_at=None,
    )

    response = client_for(journalist).post(
        reverse("admin:articles_article_changelist"),
        {"action": "submit_selected", "_selected_action": [article.pk, waiting.pk]},
        follow=True,
    )

    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert (
        f"“Waiting”: Your role does not allow “{WorkflowEvent.Action.SUBMIT.label}” "
        "on this article." in response.content.decode()
    )


def test_journalist_lists_only_own_articles(journalist, other_journalist, editor):
    mine = make_article(authors=[journalist])
    theirs = make_article(authors=[other_journalist])
    changelist = reverse("admin:articles_article_changelist")

    journalist_list = client_for(journalist).get(changelist).context["cl"].result_list
    editor_list = client_for(editor).get(changelist).context["cl"].result_list

    assert list(journalist_list) == [mine]
    assert set(editor_list) == {mine, theirs}


@pytest.mark.parametrize(
    ("role", "status"),
    [("journalist", 403), ("administrator", 403), ("editor", 302)],
)
def test_only_editors_create_share_links(request, journalist, role, status):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    actor = request.getfixturevalue(role)

    response = client_for(actor).get(
        reverse("admin:articles_article_share_link", args=[article.pk])
    )

    assert response.status_code == status


def test_nobody_but_a_superuser_deletes_articles(editor):
    article = make_article()

    response = client_for(editor).post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_administrator_manages_sections_but_not_articles(administrator):
    client = client_for(administrator)

    response = client.post(
        reverse("admin:articles_section_add"),
        {
            "name": "Science",
            "slug": "science",
            "description": "",
            "position": "3",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    assert client.get(reverse("admin:articles_article_add")).status_code == 403


def test_administrator_manages_users_but_cannot_make_a_superuser(administrator):
    colleague = make_user("newbie", is_staff=True)
    client = client_for(administrator)
    url = reverse("admin:auth_user_change", args=[colleague.pk])
    data = form_values(client.get(url), form_id="user_form")
    data.update(
        first_name="Nia",
        is_superuser="on",
        groups=str(Group.objects.get(name="Journalist").pk),
    )

    response = client.post(url, data)

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.first_name == "Nia"
    assert colleague.groups.filter(name="Journalist").exists()
    assert not colleague.is_superuser


def test_administrator_cannot_grant_a_permission_outside_the_roles(administrator):
    """The publish permission alone would make a journalist an editor without the role."""
    colleague = make_user("newbie", role="Journalist")
    url = reverse("admin:auth_user_change", args=[colleague.pk])
    client = client_for(administrator)
    data = form_values(client.get(url), form_id="user_form")
    data.update(
        first_name="Nia",
        user_permissions=str(Permission.objects.get(codename="publish_article").pk),
    )

    assert client.post(url, data).status_code == 302
    colleague.refresh_from_db()
    assert colleague.first_name == "Nia"
    assert not colleague.user_permissions.exists()
    article = make_article(status=Status.IN_REVIEW, published_at=None)
    assert "publish" not in workflow.available_actions(colleague, article)


@pytest.mark.parametrize("role", ["Editor", "Administrator"])
def test_only_a_superuser_grants_the_editor_and_administrator_roles(
    administrator, role
):
    """Found by the security review: an administrator could make anyone an editor."""
    colleague = make_user("newbie", role="Journalist")
    superuser = make_user("root", is_staff=True, is_superuser=True)
    url = reverse("admin:auth_user_change", args=[colleague.pk])

    def grant(granting_user):
        client = client_for(granting_user)
        data = form_values(client.get(url), form_id="user_form")
        data["groups"] = [
            str(group.pk)
            for group in Group.objects.filter(name__in=["Journalist", role])
        ]
        return client.post(url, data)

    response = grant(administrator)
    assert response.status_code == 200
    assert f"Only a superuser may grant the {role} role." in response.content.decode()
    assert not colleague.groups.filter(name=role).exists()

    assert grant(superuser).status_code == 302
    assert colleague.groups.filter(name=role).exists()


def test_an_administrator_cannot_change_their_own_roles(administrator):
    """Found by the security review: an administrator joined the Editor group, then published."""
    url = reverse("admin:auth_user_change", args=[administrator.pk])
    client = client_for(administrator)
    data = form_values(client.get(url), form_id="user_form")
    data.update(first_name="Joanne", groups=str(Group.objects.get(name="Editor").pk))

    assert client.post(url, data).status_code == 302
    administrator.refresh_from_db()
    assert administrator.first_name == "Joanne"
    assert list(administrator.groups.values_list("name", flat=True)) == [
        "Administrator"
    ]
    article = make_article(status=Status.DRAFT, published_at=None)
    assert "publish" not in workflow.available_actions(administrator, article)


def test_administrator_cannot_change_a_superuser(administrator):
    root = make_user("root", is_staff=True, is_superuser=True)
    url = reverse("admin:auth_user_change", args=[root.pk])
    client = client_for(administrator)

    assert (
        client.post(url, {"username": "root", "first_name": "Taken"}).status_code == 403
    )
    assert (
        client.post(
            reverse("admin:auth_user_password_change", args=[root.pk]),
            {"password1": "a-new-pass-phrase-1", "password2": "a-new-pass-phrase-1"},
        ).status_code
        == 403
    )
    root.refresh_from_db()
    assert root.first_name != "Taken"
    assert root.check_password("correct horse battery")


@pytest.mark.parametrize("role", ["Editor", "Administrator"])
def test_an_administrator_cannot_set_the_password_of_an_editor_or_another_administrator(
    administrator, role
):
    """Setting an editor's password would be another way to publish as them."""
    senior = make_user("senior", role=role)
    journalist = make_user("newbie", role="Journalist")
    client = client_for(administrator)

    def set_password(user):
        return client.post(
            reverse("admin:auth_user_password_change", args=[user.pk]),
            {
                "password1": "a-new-pass-phrase-1",
                "password2": "a-new-pass-phrase-1",
                "usable_password": "true",
            },
        )

    assert set_password(senior).status_code == 403
    assert (
        client.post(
            reverse("admin:auth_user_change", args=[senior.pk]),
            {"username": "senior", "first_name": "Taken"},
        ).status_code
        == 403
    )
    senior.refresh_from_db()
    assert senior.first_name != "Taken"
    assert senior.check_password(PASSWORD)

    assert set_password(journalist).status_code == 302
    journalist.refresh_from_db()
    assert journalist.check_password("a-new-pass-phrase-1")


def test_staff_allowed_to_delete_users_delete_a_colleague_but_not_a_superuser(
    administrator,
):
    """The Administrator role cannot delete; a superuser may grant it to one person."""
    administrator.user_permissions.add(Permission.objects.get(codename="delete_user"))
    root = make_user("root", is_staff=True, is_superuser=True)
    leaver = make_user("leaver", role="Journalist")
    client = client_for(administrator)

    def delete(user):
        url = reverse("admin:auth_user_delete", args=[user.pk])
        return client.post(url, {"post": "yes"})

    assert delete(root).status_code == 403
    assert delete(leaver).status_code == 302
    assert list(
        get_user_model()
        .objects.filter(pk__in=[root.pk, leaver.pk])
        .values_list("username", flat=True)
    ) == ["root"]


def test_administrator_sees_every_article_read_only(
    administrator, journalist, other_journalist
):
    """Administrators view articles (to answer a complaint, say) but change none."""
    draft = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)
    live = make_article(authors=[other_journalist])
    client = client_for(administrator)

    listed = client.get(reverse("admin:articles_article_changelist"))
    page = client.get(change_url(draft))
    data = posted_form(draft, headline="Changed by an administrator")
    posted = client.post(change_url(draft), data)

    assert set(listed.context["cl"].result_list) == {draft, live}
    assert page.status_code == 200
    assert page.context["title"].startswith("View")
    assert draft.headline in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert posted.status_code == 403
    draft.refresh_from_db()
    assert draft.headline != "Changed by an administrator"


def test_staff_without_an_article_role_see_no_articles(journalist):
    make_article(authors=[journalist])
    client = client_for(make_user("intern", is_staff=True))

    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
    assert Article.objects.visible_to(make_user("reader", is_staff=True)).count() == 0


def test_the_delete_article_permission_alone_does_not_let_anyone_delete(editor):
    """Articles are withdrawn, never deleted: only a superuser clears test content."""
    editor.user_permissions.add(
        Permission.objects.get(
            codename="delete_article", content_type__app_label="articles"
        )
    )
    editor = get_user_model().objects.get(pk=editor.pk)  # forgets cached permissions
    assert editor.has_perm("articles.delete_article")
    article = make_article()
    client = client_for(editor)

    single = client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    bulk = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )

    assert single.status_code == 403
    assert bulk.status_code in {200, 302, 403}
    assert Article.objects.filter(pk=article.pk).exists()


def test_a_superuser_deletes_test_content():
    root = make_user("root", is_staff=True, is_superuser=True)
    article = make_article()

    response = client_for(root).post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def inline_rights(user, article):
    """Return (add, change, delete) for each inline row type of the article form, as user."""
    request = RequestFactory().get("/")
    request.user = user
    article_admin = admin.site._registry[Article]
    return {
        type(inline).__name__: (
            inline.has_add_permission(request, article),
            inline.has_change_permission(request, article),
            inline.has_delete_permission(request, article),
        )
        for inline in article_admin.get_inline_instances(request, article)
    }


def test_authors_subheadings_and_galleries_follow_the_article_rights(
    journalist, editor
):
    """Whoever may not edit an article may not add, change or delete its rows either."""
    own_draft = article_in("draft", journalist, editor)
    own_live = article_in("published", journalist, editor)

    assert set(inline_rights(journalist, own_draft).values()) == {(True, True, True)}
    assert set(inline_rights(journalist, None).values()) == {(True, True, True)}
    assert inline_rights(journalist, own_live) == {
        "ArticleAuthorInline": (False, False, False),
        "SubheadingInline": (False, False, False),
        "GalleryInline": (False, False, False),
    }
    assert set(inline_rights(editor, own_live).values()) == {(True, True, True)}
