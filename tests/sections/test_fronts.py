import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section
from tests.articles.conftest import client_for
from tests.factories import make_article, make_section, make_user
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db


def nav_links(response):
    html = response.content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return re.findall(r">([^<]+)</a>", nav)


def test_navigation_lists_live_sections_in_position_order_on_every_page(client):
    politics = make_section(name="Politics", slug="politics", position=2)
    make_section(name="International", slug="international", position=1)
    make_section(name="Archive", slug="archive", position=0, is_active=False)
    article = make_article(section=politics)

    for path in ["/", "/politics/", article.get_absolute_url(), "/tags/none/"]:
        response = client.get(path)
        if response.status_code == 200:
            assert nav_links(response) == ["Home", "International", "Politics"], path


def test_section_front_shows_its_description_and_published_articles_newest_first(
    client,
):
    section = make_section(
        name="Crime", slug="crime", description="Courts and policing."
    )
    now = timezone.now()
    older = make_article(
        section=section,
        published_at=now - timedelta(days=2),
        standfirst="Older summary.",
    )
    newer = make_article(
        section=section,
        published_at=now - timedelta(hours=2),
        authors=[make_user(first_name="Ada", last_name="Vance")],
    )
    make_article(section=section, status=Article.Status.DRAFT)
    make_article(section=section, published_at=now + timedelta(hours=1))
    make_article()

    response = client.get("/crime/")
    html = response.content.decode()

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [newer, older]
    assert "Courts and policing." in html
    assert "Older summary." in html
    assert 'By <a class="byline-name" href="/authors/ada-vance/">Ada Vance</a>' in html


def test_section_front_paginates_twenty_a_page(client):
    section = make_section()
    now = timezone.now()
    articles = [
        make_article(section=section, published_at=now - timedelta(minutes=minutes))
        for minutes in range(1, 46)
    ]

    first = client.get(section.get_absolute_url())
    third = client.get(section.get_absolute_url(), {"page": 3})

    assert list(first.context["object_list"]) == articles[:20]
    assert list(third.context["object_list"]) == articles[40:]
    first_html, third_html = first.content.decode(), third.content.decode()
    assert "Page 1</span>" in first_html
    assert 'rel="next" href="?page=2"' in first_html
    assert 'rel="prev"' not in first_html
    assert "Page 3</span>" in third_html
    assert 'rel="prev" href="?page=2"' in third_html
    assert 'rel="next"' not in third_html


@pytest.mark.parametrize(
    ("page", "shown"),
    [("abc", 1), ("-1", 1), ("0", 1), ("1.5", 1), ("2", 2), ("%00", 1)],
)
def test_page_numbers_that_are_not_whole_numbers_above_zero_show_page_one(
    client, page, shown
):
    section = make_section()
    for _ in range(21):
        make_article(section=section)

    response = client.get(section.get_absolute_url(), {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == shown


@pytest.mark.parametrize("page", ["3", "999999", "9" * 400])
def test_pages_past_the_end_are_404_not_the_last_page(client, page):
    section = make_section()
    for _ in range(21):
        make_article(section=section)

    assert client.get(section.get_absolute_url(), {"page": page}).status_code == 404


def test_an_empty_section_still_shows_its_first_page(client):
    section = make_section(name="Quiet")

    response = client.get(section.get_absolute_url())

    assert response.status_code == 200
    assert "Nothing has been published in Quiet yet." in response.content.decode()


def test_inactive_and_unknown_sections_are_404(client):
    hidden = make_section(is_active=False)
    make_article(section=hidden)

    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/no-such-section/").status_code == 404


def test_home_shows_a_lead_top_stories_the_latest_and_a_block_per_live_section(
    client,
):
    now = timezone.now()
    politics = make_section(name="Politics", position=1)
    sport = make_section(name="Sport", position=2)
    quiet = make_section(name="Quiet", position=3, is_active=False)
    sport_stories = [
        make_article(section=sport, published_at=now - timedelta(hours=hours))
        for hours in range(1, 15)
    ]
    politics_stories = [
        make_article(section=politics, published_at=now - timedelta(days=days))
        for days in range(1, 7)
    ]
    make_article(section=quiet, published_at=now - timedelta(days=3))

    response = client.get("/")
    context = response.context

    assert context["lead"] == sport_stories[0]
    assert context["top_stories"] == sport_stories[1:5]
    assert context["latest"] == sport_stories[5:11]
    blocks = dict(context["section_blocks"])
    assert list(blocks) == [politics, sport]
    assert blocks[politics] == politics_stories[:4]
    assert blocks[sport] == sport_stories[11:]
    assert 'class="most-read"' in response.content.decode()


def test_home_page_with_nothing_published_still_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No stories have been published yet." in response.content.decode()


def test_tag_page_lists_published_articles_with_the_tag(client):
    tagged = make_article(tags=["Diplomacy"])
    make_article(tags=["Diplomacy"], status=Article.Status.DRAFT)
    make_article(tags=["Sport"])

    response = client.get("/tags/diplomacy/")

    assert list(response.context["object_list"]) == [tagged]
    assert client.get("/tags/unknown/").status_code == 404


@pytest.mark.parametrize("stories", [2, 12])
def test_home_query_budget_does_not_grow_with_stories_or_sections(
    client, django_assert_max_num_queries, stories
):
    sections = [make_section() for _ in range(stories // 2)]
    for number in range(stories * 2):
        make_article(
            section=sections[number % len(sections)],
            authors=[make_user()],
            tags=["One", "Two"],
        )

    with django_assert_max_num_queries(10):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("stories", [2, 25])
def test_section_front_query_budget_does_not_grow_with_stories(
    client, django_assert_max_num_queries, stories
):
    section = make_section()
    for _ in range(stories):
        make_article(section=section, authors=[make_user(), make_user()], tags=["One"])

    # Cold: the section, the page's ids, the fronts' version, the pinned top
    # story, the cards with their bylines, the navigation and the banner.
    with django_assert_max_num_queries(8):
        assert client.get(section.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(section.get_absolute_url()).status_code == 200, "cards cached"
    with django_assert_max_num_queries(6):
        response = client.get(section.get_absolute_url(), {"page": 2})
        assert response.status_code == (200 if stories > 20 else 404)


@pytest.mark.parametrize("stories", [2, 25])
def test_tag_page_query_budget_does_not_grow_with_stories(
    client, django_assert_max_num_queries, stories
):
    for _ in range(stories):
        make_article(authors=[make_user()], tags=["Budget"])

    with django_assert_max_num_queries(7):
        assert client.get("/tags/budget/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/tags/budget/").status_code == 200, "cards cached"
    with django_assert_max_num_queries(6):
        response = client.get("/tags/budget/", {"page": 2})
        assert response.status_code == (200 if stories > 20 else 404)


def test_navigation_marks_where_the_reader_is(client):
    section = make_section(name="Crime", slug="crime")
    article = make_article(section=section)

    def current(path):
        return re.findall(
            r'aria-current="page">([^<]+)<', client.get(path).content.decode()
        )

    assert current("/") == ["Home"]
    assert current("/crime/") == ["Crime"]
    assert current(article.get_absolute_url()) == ["Crime"]
    assert current("/search/") == []


def test_a_new_section_joins_the_end_of_the_navigation_hidden_until_made_live(
    client, administrator
):
    make_section(name="Politics", position=1)
    make_section(name="Crime", position=7)
    admin = client_for(administrator)
    add = reverse("admin:articles_section_add")
    data = form_values(admin.get(add), form_id="section_form")
    data.update(name="Property", slug="property")

    assert admin.post(add, data).status_code == 302

    property_section = Section.objects.get(slug="property")
    assert (property_section.position, property_section.is_active) == (8, False)
    assert nav_links(client.get("/")) == ["Home", "Politics", "Crime"]


def test_a_hidden_section_keeps_its_stories_readable_and_leaves_the_choices(
    client, journalist
):
    hidden = make_section(name="Community", slug="community", is_active=False)
    make_section(name="Politics")
    story = make_article(section=hidden, headline="Allotment waiting list shrinks")
    draft = make_article(
        authors=[journalist], status=Article.Status.DRAFT, published_at=None
    )

    page = client.get(story.get_absolute_url())
    assert page.status_code == 200
    assert '<span class="section-label">Community</span>' in page.content.decode()
    assert 'href="/community/"' not in page.content.decode()
    assert client.get("/community/").status_code == 404

    offered = client_for(journalist).get(change_url(draft)).context["adminform"].form
    assert "Community" not in [s.name for s in offered.fields["section"].queryset]
    draft.section = hidden
    draft.save()
    offered = client_for(journalist).get(change_url(draft)).context["adminform"].form
    assert "Community" in [s.name for s in offered.fields["section"].queryset], (
        "an article already in a hidden section keeps it"
    )
