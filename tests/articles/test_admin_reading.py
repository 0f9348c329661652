"""
What a person who may only read an article sees, who keeps a story they
started, and how the admin says no.
"""

import pytest
from django.test import Client
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.articles.conftest import client_for
from tests.articles.test_admin import article_form
from tests.factories import make_article, make_section
from tests.forms import change_url

pytestmark = pytest.mark.django_db

Status = Article.Status
ADD_URL = reverse("admin:articles_article_add")


def test_a_submitted_story_reads_as_text_with_authors_by_name(
    journalist, other_journalist
):
    article = make_article(
        authors=[journalist, other_journalist],
        status=Status.DRAFT,
        published_at=None,
        body="<p>The first people arrived at dawn.</p><blockquote>We waited.</blockquote>",
        subheadings=["At the border"],
    )
    article.subheadings.update(body="<p>Lorries <strong>queued</strong>.</p>")
    workflow.submit(article, journalist)

    page = client_for(journalist).get(change_url(article)).content.decode()

    assert (
        "<p>The first people arrived at dawn.</p><blockquote>We waited.</blockquote>"
        in page
    )
    assert "&lt;p&gt;" not in page
    assert "<p>Lorries <strong>queued</strong>.</p>" in page
    assert "Sam Whitfield" in page and "Kim Osei" in page
    assert ">sam<" not in page and ">kim<" not in page


def test_a_view_only_role_reads_rich_text_as_text(administrator):
    article = make_article(body="<p>Councillors voted <em>late</em>.</p>")

    page = client_for(administrator).get(change_url(article)).content.decode()

    assert "<p>Councillors voted <em>late</em>.</p>" in page
    assert "&lt;p&gt;" not in page


def test_the_editable_form_still_offers_the_editor(journalist):
    article = make_article(authors=[journalist], status=Status.DRAFT, published_at=None)

    response = client_for(journalist).get(change_url(article))

    assert "body" in response.context["adminform"].form.fields


def test_a_journalist_who_names_a_colleague_as_author_keeps_the_story(
    journalist, other_journalist
):
    client = client_for(journalist)
    data = article_form(
        make_section(),
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-author": str(other_journalist.pk),
            "authorships-0-position": "0",
        },
    )

    response = client.post(ADD_URL, data, follow=True)

    assert response.status_code == 200
    article = Article.objects.get()
    assert article.byline_authors == [other_journalist]
    assert article.created_by == journalist
    assert client.get(change_url(article)).status_code == 200
    listed = client.get(reverse("admin:articles_article_changelist"), {"mine": "yes"})
    assert [a.pk for a in listed.context["cl"].result_list] == [article.pk]
    workflow.submit(article, journalist)
    assert workflow.available_actions(journalist, article) == [workflow.Action.RECALL]


def test_a_colleagues_story_is_refused_on_a_page_that_says_what_to_do(
    journalist, other_journalist
):
    article = make_article(authors=[other_journalist], status=Status.DRAFT)

    response = client_for(journalist).get(change_url(article))

    assert response.status_code == 403
    page = response.content.decode()
    assert 'id="site-name"' in page  # the admin's header
    assert "not one of yours" in page
    assert "ask an editor or an administrator" in page
    assert reverse("admin:index") in page


def test_a_page_outside_the_role_is_refused_in_the_admins_look(journalist):
    response = client_for(journalist).get(reverse("admin:auth_user_changelist"))

    assert response.status_code == 403
    assert 'id="site-name"' in response.content.decode()
    assert "does not include this page" in response.content.decode()


def test_an_expired_form_is_refused_in_the_admins_look(journalist):
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)

    response = client.post(ADD_URL, article_form(make_section()))

    assert response.status_code == 403
    page = response.content.decode()
    assert "nothing was saved" in page and "send it again" in page
    assert not Article.objects.exists()
