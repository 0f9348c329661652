"""Cached fragments of public pages are never stale after an edit anyone can make in the admin."""

import re

import pytest
import redis
from django.conf import settings
from django.core.cache import caches
from django.urls import reverse
from taggit.models import Tag

from articles import workflow
from articles.models import Article, Section
from tests.articles.conftest import client_for
from tests.factories import make_article, make_section, make_user
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db


def nav_links(html):
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return re.findall(r">([^<]+)</a>", nav)


@pytest.fixture
def story(journalist):
    return make_article(
        headline="Court hears appeal",
        section=make_section(name="Crime", slug="crime"),
        authors=[journalist],
        subheadings=["What the court heard"],
        tags=["Courts"],
    )


def page(client, article):
    return client.get(article.get_absolute_url()).content.decode()


def test_editing_only_a_subheading_in_the_admin_refreshes_the_article_page(
    client, story, editor
):
    assert "What the court heard" in page(client, story)
    desk = client_for(editor)
    form = form_values(desk.get(change_url(story)))
    form["subheadings-0-heading"] = "What the jury decided"

    assert desk.post(change_url(story), form).status_code == 302

    html = page(client, story)
    assert ">What the jury decided</h2>" in html
    assert ">What the court heard</h2>" not in html


def test_a_correction_appears_on_a_cached_article_page(client, story, editor):
    page(client, story)

    workflow.correct(story, editor, "An earlier version gave the wrong date.")

    assert "An earlier version gave the wrong date." in page(client, story)


def test_renaming_a_section_in_the_admin_refreshes_navigation_and_article_pages(
    client, story, administrator
):
    assert "Crime" in nav_links(page(client, story))
    assert "Crime" in nav_links(client.get("/").content.decode())
    desk = client_for(administrator)
    url = reverse("admin:articles_section_change", args=[story.section.pk])
    form = form_values(desk.get(url), form_id="section_form")
    form["name"] = "Courts and crime"

    assert desk.post(url, form).status_code == 302

    assert nav_links(page(client, story)) == ["Home", "Courts and crime"]
    assert nav_links(client.get("/").content.decode()) == ["Home", "Courts and crime"]


def search_card(client, words):
    html = client.get("/search/", {"q": words}).content.decode()
    start = html.index('<li class="search-result">')
    return html[start : html.index("</li>", start)]


def test_editing_a_headline_in_the_admin_refreshes_its_search_result(
    client, story, editor
):
    assert "Court hears appeal" in search_card(client, "appeal")
    desk = client_for(editor)
    form = form_values(desk.get(change_url(story)))
    form["headline"] = "Court dismisses appeal"

    assert desk.post(change_url(story), form).status_code == 302

    card = search_card(client, "appeal")
    assert ">Court dismisses appeal</a>" in card
    assert "Court hears appeal" not in card


def test_renaming_a_section_or_an_author_in_the_admin_refreshes_search_results(
    client, story, journalist, administrator
):
    card = search_card(client, "appeal")
    assert ">Crime</a>" in card and "Sam Whitfield<" in card
    desk = client_for(administrator)
    url = reverse("admin:articles_section_change", args=[story.section.pk])
    form = form_values(desk.get(url), form_id="section_form")
    form["name"] = "Courts and crime"
    assert desk.post(url, form).status_code == 302

    assert ">Courts and crime</a>" in search_card(client, "appeal")

    url = reverse("admin:auth_user_change", args=[journalist.pk])
    form = form_values(desk.get(url), form_id="user_form")
    form["last_name"] = "Whitfield-Reyes"
    assert desk.post(url, form).status_code == 302

    assert "Sam Whitfield-Reyes<" in search_card(client, "appeal")


def test_reordering_and_hiding_sections_from_the_list_refreshes_navigation(
    client, administrator
):
    first = make_section(name="First", position=1)
    second = make_section(name="Second", position=2)
    third = make_section(name="Third", position=3)
    assert nav_links(client.get("/").content.decode()) == [
        "Home",
        "First",
        "Second",
        "Third",
    ]

    desk = client_for(administrator)
    # Dragging First below the others posts the new positions at once.
    dragged = desk.post(
        reverse("admin:articles_section_sortable_update"),
        {"updatedItems": [[str(second.pk), 1], [str(third.pk), 2], [str(first.pk), 3]]},
        content_type="application/json",
    )
    assert dragged.status_code == 200
    assert nav_links(client.get("/").content.decode()) == [
        "Home",
        "Second",
        "Third",
        "First",
    ]

    response = desk.post(
        reverse("admin:articles_section_changelist"),
        {
            "form-TOTAL_FORMS": "3",
            "form-INITIAL_FORMS": "3",
            "form-0-id": second.pk,
            "form-0-is_active": "on",
            "form-1-id": third.pk,
            "form-2-id": first.pk,
            "form-2-is_active": "on",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    assert not Section.objects.get(pk=third.pk).is_active
    assert nav_links(client.get("/").content.decode()) == ["Home", "Second", "First"]


def test_renaming_a_tag_in_the_admin_refreshes_the_article_page(client, story, editor):
    assert ">Courts</a>" in page(client, story)
    tag = Tag.objects.get(name="Courts")
    desk = client_for(editor)
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    form = form_values(desk.get(url), form_id="tag_form")
    form["name"] = "Justice"

    assert desk.post(url, form).status_code == 302

    html = page(client, story)
    assert ">Justice</a>" in html
    assert ">Courts</a>" not in html


def test_renaming_an_author_in_the_admin_refreshes_bylines(
    client, story, journalist, administrator
):
    assert "Sam Whitfield" in page(client, story)
    assert "Sam Whitfield" in client.get("/").content.decode()
    desk = client_for(administrator)
    url = reverse("admin:auth_user_change", args=[journalist.pk])
    form = form_values(desk.get(url), form_id="user_form")
    form["last_name"] = "Whitfield-Reyes"

    assert desk.post(url, form).status_code == 302

    assert "Sam Whitfield-Reyes" in page(client, story)
    assert "Sam Whitfield-Reyes" in client.get("/").content.decode()


def test_publishing_and_withdrawing_refresh_the_cached_home_page(client, story, editor):
    draft = make_article(
        headline="Ferry strike called off",
        status=Article.Status.DRAFT,
        published_at=None,
        authors=[make_user()],
    )
    assert "Ferry strike called off" not in client.get("/").content.decode()

    workflow.publish(draft, editor)
    assert "Ferry strike called off" in client.get("/").content.decode()

    workflow.withdraw(draft, editor, "Legal advice.")
    assert "Ferry strike called off" not in client.get("/").content.decode()


def test_deleting_an_article_in_the_admin_refreshes_the_cached_home_page(
    client, story, admin_client
):
    make_article(section=story.section, headline="A later story")
    card = f'class="card-headline"><a href="{story.get_absolute_url()}"'
    assert card in client.get("/").content.decode()

    admin_client.post(
        reverse("admin:articles_article_delete", args=[story.pk]), {"post": "yes"}
    )

    assert not Article.objects.filter(pk=story.pk).exists()
    assert card not in client.get("/").content.decode()


def test_a_warm_home_page_costs_one_query(client, story, django_assert_num_queries):
    client.get("/")

    with django_assert_num_queries(1):
        assert client.get("/").status_code == 200


@pytest.mark.skipif(not settings.REDIS_URL, reason="The memory tier fronts Redis only.")
def test_warm_fragments_come_from_the_process_without_asking_redis(
    client, story, django_assert_max_num_queries
):
    first = page(client, story)
    # Gone from Redis (evicted, say): this process's copies still answer.
    shared = redis.Redis.from_url(settings.REDIS_URL)
    assert shared.delete(*shared.keys("*template.cache.*")) >= 3

    with django_assert_max_num_queries(1):
        assert page(client, story) == first

    story.headline = "Court hears new evidence"
    story.save()
    assert "Court hears new evidence" in page(client, story)


@pytest.mark.skipif(not settings.REDIS_URL, reason="Redis is the shared cache.")
def test_the_related_list_stays_in_the_process_that_rendered_it(client, story):
    make_article(section=story.section, headline="Jury retires to consider verdict")
    shared = redis.Redis.from_url(settings.REDIS_URL)

    first = page(client, story)
    # Another process, which has none of this one's copies, renders it alike.
    caches["worker_fragments"].clear()
    again = page(client, story)

    assert "Jury retires to consider verdict" in first
    assert again == first
    assert shared.keys("*template.cache.article-related.*") == []
    assert shared.keys("*template.cache.navigation.*") != []
