"""Each change a reader can see purges exactly the cached pages that show it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import workflow
from articles.models import Article, AuthorProfile
from tests.articles.conftest import client_for
from tests.factories import make_article, make_section, make_user
from tests.forms import change_url, form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def community():
    return make_section(name="Community", slug="community", position=1)


@pytest.fixture
def politics():
    return make_section(name="Politics", slug="politics", position=2)


@pytest.fixture
def reporter():
    user = make_user("nia", role="Journalist", first_name="Nia", last_name="Okafor")
    AuthorProfile.for_user(user)
    return user


@pytest.fixture
def story(community, reporter):
    return make_article(
        headline="Harbour bridge reopens",
        standfirst="Traffic flows again after two years of repairs.",
        section=community,
        authors=[reporter],
        tags=["Transport"],
    )


@pytest.fixture
def unrelated(politics):
    return make_article(headline="Budget vote delayed", section=politics)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the real transaction would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def warm(site, *paths):
    for path in paths:
        site.get(path)
        assert site.get(path).cache_state == "hit", path


def author_path(user):
    return reverse("articles:author", kwargs={"slug": user.author_profile.slug})


def test_publishing_shows_the_story_on_every_page_that_lists_it(
    site, story, unrelated, community, reporter, editor, commit
):
    draft = make_article(
        headline="Lifeboat crew rescues kayakers",
        section=community,
        authors=[reporter],
        tags=["Transport"],
        status=Article.Status.IN_REVIEW,
        published_at=None,
    )
    listing = [
        "/",
        "/community/",
        "/tags/transport/",
        author_path(reporter),
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/sections/community/rss/",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
        "/search/?q=kayakers",
    ]
    warm(site, *listing, unrelated.get_absolute_url())

    commit(workflow.publish, draft, editor)

    for path in listing:
        answer = site.get(path)
        assert "kayakers" in answer.text, path
    assert site.get(unrelated.get_absolute_url()).cache_state == "hit"


def test_a_scheduled_story_appears_when_publish_scheduled_runs(
    site, community, editor, commit
):
    draft = make_article(
        headline="Night market opens",
        section=community,
        status=Article.Status.IN_REVIEW,
        published_at=None,
    )
    commit(workflow.publish, draft, editor, timezone.now() + timedelta(minutes=5))
    warm(site, "/", "/community/")
    Article.objects.filter(pk=draft.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )

    commit(call_command, "publish_scheduled", stdout=open("/dev/null", "w"))

    assert "Night market opens" in site.get("/").text
    assert "Night market opens" in site.get("/community/").text


def test_editing_a_live_story_in_the_admin_shows_at_once(
    site, story, unrelated, editor, commit
):
    warm(
        site, story.get_absolute_url(), "/", "/community/", unrelated.get_absolute_url()
    )
    desk = client_for(editor)
    data = form_values(desk.get(change_url(story)))
    data["headline"] = "Harbour bridge reopens to buses first"

    response = commit(desk.post, change_url(story), data)

    assert response.status_code == 302
    for path in (story.get_absolute_url(), "/", "/community/"):
        assert "to buses first" in site.get(path).text, path
    assert site.get(unrelated.get_absolute_url()).cache_state == "hit"


def test_a_correction_shows_its_note_at_once(site, story, editor, commit):
    warm(site, story.get_absolute_url())

    commit(workflow.correct, story, editor, "The bridge is 40 metres long, not 400.")

    assert "not 400" in site.get(story.get_absolute_url()).text


def test_withdrawing_takes_the_story_off_every_page_and_list(
    site, story, unrelated, editor, commit, client
):
    client.post(reverse("articles:read", args=[story.pk]), HTTP_USER_AGENT="Firefox")
    listing = ["/", "/community/", "/tags/transport/", "/feeds/rss/", "/most-read/"]
    warm(site, story.get_absolute_url(), *listing)
    assert "Harbour bridge reopens" in site.get("/most-read/").text

    commit(workflow.withdraw, story, editor, "Legal advice")

    assert site.get(story.get_absolute_url()).status == 410
    for path in listing:
        assert "Harbour bridge reopens" not in site.get(path).text, path
    assert site.get(unrelated.get_absolute_url()).status == 200


def test_a_new_slug_redirects_the_old_cached_address(site, story, editor, commit):
    old_url = story.get_absolute_url()
    warm(site, old_url)
    desk = client_for(editor)
    data = form_values(desk.get(change_url(story)))
    data["slug"] = "harbour-bridge-reopens-to-traffic"

    commit(desk.post, change_url(story), data)

    moved = site.get(old_url)
    assert moved.status == 301
    assert moved.headers["location"].endswith("/harbour-bridge-reopens-to-traffic/")


def test_moving_a_story_to_another_section_updates_both_fronts(
    site, story, politics, editor, commit
):
    old_url = story.get_absolute_url()
    warm(site, old_url, "/community/", "/politics/")
    desk = client_for(editor)
    data = form_values(desk.get(change_url(story)))
    data["section"] = str(politics.pk)

    commit(desk.post, change_url(story), data)

    assert "Harbour bridge reopens" not in site.get("/community/").text
    assert "Harbour bridge reopens" in site.get("/politics/").text
    assert site.get(old_url).status == 301


@pytest.mark.parametrize(
    "change",
    [
        {"name": "Our Town"},
        {"position": "99"},
        {"is_active": ""},
    ],
    ids=["renamed", "reordered", "hidden"],
)
def test_a_section_change_reaches_the_navigation_on_every_page(
    site, story, unrelated, community, politics, administrator, commit, change
):
    warm(site, "/", unrelated.get_absolute_url(), "/politics/")
    desk = client_for(administrator)
    url = reverse("admin:articles_section_change", args=[community.pk])
    data = {
        "name": community.name,
        "slug": community.slug,
        "description": community.description,
        "position": str(community.position),
        "is_active": "on",
        **change,
    }

    response = commit(desk.post, url, data)

    assert response.status_code == 302
    for path in ("/", unrelated.get_absolute_url(), "/politics/"):
        answer = site.get(path)
        assert answer.cache_state == "miss", path
        navigation = answer.text[answer.text.index("<nav") :]
        navigation = navigation[: navigation.index("</nav>")]
        if "name" in change:
            assert "Our Town" in navigation
        if "is_active" in change:
            assert "Community" not in navigation


def test_renaming_a_tag_shows_on_the_stories_that_carry_it(site, story, editor, commit):
    warm(site, story.get_absolute_url())
    tag = Tag.objects.get(slug="transport")
    desk = client_for(editor)

    commit(
        desk.post,
        reverse("admin:taggit_tag_change", args=[tag.pk]),
        {"name": "Roads and transport", "slug": "transport"},
    )

    assert "Roads and transport" in site.get(story.get_absolute_url()).text


def test_an_authors_new_name_shows_in_the_byline(site, story, reporter, commit):
    superuser = make_user("root", is_staff=True, is_superuser=True)
    warm(site, story.get_absolute_url(), author_path(reporter))
    desk = client_for(superuser)
    url = reverse("admin:auth_user_change", args=[reporter.pk])
    data = form_values(desk.get(url), form_id="user_form")
    data["last_name"] = "Okafor-Hughes"

    response = commit(desk.post, url, data)

    assert response.status_code == 302
    assert "Okafor-Hughes" in site.get(story.get_absolute_url()).text
    assert "Okafor-Hughes" in site.get(author_path(reporter)).text


def test_deleting_a_story_removes_it_from_the_fronts(site, story, commit):
    superuser = make_user("root", is_staff=True, is_superuser=True)
    warm(site, "/", "/community/", story.get_absolute_url())
    desk = client_for(superuser)

    commit(
        desk.post,
        reverse("admin:articles_article_delete", args=[story.pk]),
        {"post": "yes"},
    )

    assert "Harbour bridge reopens" not in site.get("/").text
    assert "Harbour bridge reopens" not in site.get("/community/").text
    assert site.get(story.get_absolute_url()).status == 404


def test_editing_a_draft_purges_nothing(site, story, community, editor, commit):
    draft = make_article(
        headline="Unfinished piece",
        section=community,
        status=Article.Status.DRAFT,
        published_at=None,
    )
    warm(site, "/", story.get_absolute_url())
    desk = client_for(editor)
    data = form_values(desk.get(change_url(draft)))
    data["headline"] = "Still unfinished"

    commit(desk.post, change_url(draft), data)

    assert site.get("/").cache_state == "hit"
    assert site.get(story.get_absolute_url()).cache_state == "hit"
