"""Editors choose the fronts' top stories and the breaking-news banner; readers see each change at once."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from sections.models import BreakingNews, FrontChange, FrontPin
from tests.articles.conftest import client_for
from tests.factories import make_article, make_section, make_user
from tests.forms import form_values

pytestmark = pytest.mark.django_db

PIN_ADD = reverse("admin:sections_frontpin_add")
BANNER_ADD = reverse("admin:sections_breakingnews_add")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the real transaction would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def politics():
    return make_section(name="Politics", slug="politics", position=1)


@pytest.fixture
def stories(politics):
    """Five stories, newest first: the main story of the day is the oldest."""
    now = timezone.now()
    return [
        make_article(
            section=politics,
            headline=f"Story {number}",
            published_at=now - timedelta(minutes=10 * (number + 1)),
        )
        for number in range(5)
    ]


def lead_headline(html):
    lead = html[html.index('class="card card-lead"') :]
    return lead[lead.index('class="card-headline">') :].split(">")[2].split("<")[0]


def pin_form(admin, **values):
    data = form_values(admin.get(PIN_ADD), form_id="frontpin_form")
    data.update({"expires_at_0": "", "expires_at_1": "", **values})
    return data


def warm(site, *paths):
    for path in paths:
        site.get(path)
        assert site.get(path).cache_state == "hit", path


def test_an_editor_pins_the_lead_and_the_next_anonymous_reader_sees_it(
    site, editor, stories, commit
):
    warm(site, "/")
    assert lead_headline(site.get("/").text) == "Story 0"
    admin = client_for(editor)

    response = commit(
        admin.post,
        PIN_ADD,
        pin_form(admin, slot=FrontPin.Slot.LEAD, article=stories[4].pk),
    )

    assert response.status_code == 302
    answer = site.get("/")
    assert answer.cache_state == "miss"
    assert lead_headline(answer.text) == "Story 4"
    change = FrontChange.objects.get()
    assert (change.user, change.action, change.subject, change.front) == (
        editor,
        FrontChange.Action.PIN,
        "Story 4",
        "Home page, Lead",
    )


def test_unpinning_brings_back_the_newest_lead_at_once(site, editor, stories, commit):
    pin = FrontPin.objects.create(slot=FrontPin.Slot.LEAD, article=stories[3])
    warm(site, "/")
    assert lead_headline(site.get("/").text) == "Story 3"

    commit(
        client_for(editor).post,
        reverse("admin:sections_frontpin_delete", args=[pin.pk]),
        {"post": "yes"},
    )

    assert lead_headline(site.get("/").text) == "Story 0"
    assert FrontChange.objects.get().action == FrontChange.Action.UNPIN


def test_top_story_slots_keep_the_editors_order_and_empty_slots_fill_with_the_newest(
    client, stories
):
    FrontPin.objects.create(slot=FrontPin.Slot.TOP_2, article=stories[4])
    FrontPin.objects.create(slot=FrontPin.Slot.TOP_4, article=stories[3])

    context = client.get("/").context

    assert context["lead"] == stories[0]
    assert context["top_stories"] == [stories[1], stories[4], stories[2], stories[3]]


def test_a_pinned_story_that_is_withdrawn_scheduled_or_deleted_drops_out(
    client, editor, stories
):
    withdrawn, deleted = stories[4], stories[3]
    scheduled = make_article(
        section=stories[0].section,
        headline="Embargoed report",
        published_at=timezone.now() + timedelta(hours=2),
    )
    FrontPin.objects.create(slot=FrontPin.Slot.LEAD, article=withdrawn)
    FrontPin.objects.create(slot=FrontPin.Slot.TOP_1, article=scheduled)
    FrontPin.objects.create(slot=FrontPin.Slot.TOP_2, article=deleted)
    assert client.get("/").context["lead"] == withdrawn

    workflow.withdraw(withdrawn, editor, "Legal advice.")
    deleted.delete()
    context = client.get("/").context

    assert context["lead"] == stories[0]
    assert context["top_stories"] == stories[1:3]
    assert "Embargoed report" not in client.get("/").content.decode()

    scheduled.published_at = timezone.now() - timedelta(seconds=1)
    scheduled.save()
    assert client.get("/").context["top_stories"][0] == scheduled


def test_an_expired_pin_is_ignored_and_removed_within_a_minute(site, stories, commit):
    pin = FrontPin.objects.create(
        slot=FrontPin.Slot.LEAD,
        article=stories[4],
        expires_at=timezone.now() + timedelta(hours=1),
    )
    warm(site, "/")
    assert lead_headline(site.get("/").text) == "Story 4"

    FrontPin.objects.filter(pk=pin.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    commit(call_command, "publish_scheduled", stdout=io.StringIO())

    assert not FrontPin.objects.exists()
    assert lead_headline(site.get("/").text) == "Story 0"
    change = FrontChange.objects.get()
    assert (change.action, change.user) == (FrontChange.Action.PIN_EXPIRED, None)


def test_an_expired_pin_shows_nowhere_even_before_it_is_removed(client, stories):
    FrontPin.objects.create(
        slot=FrontPin.Slot.LEAD,
        article=stories[4],
        expires_at=timezone.now() + timedelta(hours=1),
    )
    assert client.get("/").context["lead"] == stories[4]

    FrontPin.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    context = client.get("/").context
    assert context["lead"] == stories[0]
    assert context["top_stories"] == stories[1:5], "back in its place by time"


def test_a_section_front_shows_its_pinned_top_story_first_and_once(
    site, editor, stories, politics, commit
):
    warm(site, "/politics/")
    admin = client_for(editor)

    commit(
        admin.post,
        PIN_ADD,
        pin_form(
            admin, section=politics.pk, slot=FrontPin.Slot.LEAD, article=stories[4].pk
        ),
    )

    html = site.get("/politics/").text
    assert lead_headline(html) == "Story 4"
    assert html.count(stories[4].get_absolute_url()) == 1, "not also in the list"


def test_pins_are_checked_with_messages_that_say_what_to_do(editor, stories, politics):
    admin = client_for(editor)
    elsewhere = make_article(headline="Cup final tonight")
    FrontPin.objects.create(slot=FrontPin.Slot.LEAD, article=stories[0])

    taken = admin.post(PIN_ADD, pin_form(admin, slot=0, article=stories[1].pk))
    section_slot = admin.post(
        PIN_ADD, pin_form(admin, section=politics.pk, slot=2, article=stories[1].pk)
    )
    other_section = admin.post(
        PIN_ADD, pin_form(admin, section=politics.pk, slot=0, article=elsewhere.pk)
    )

    assert "This home page slot already has a pin" in taken.content.decode()
    assert "A section front has one pinned story" in section_slot.content.decode()
    assert "“Cup final tonight” is in" in other_section.content.decode()
    assert FrontPin.objects.count() == 1


def test_the_story_chooser_searches_published_and_scheduled_stories_only(
    editor, politics
):
    live = make_article(headline="Budget passes")
    scheduled = make_article(
        headline="Budget analysis", published_at=timezone.now() + timedelta(hours=3)
    )
    make_article(
        headline="Budget draft", status=Article.Status.DRAFT, published_at=None
    )
    admin = client_for(editor)

    answer = admin.get(
        reverse("admin:autocomplete"),
        {
            "term": "budget",
            "app_label": "sections",
            "model_name": "frontpin",
            "field_name": "article",
        },
    ).json()

    found = {int(result["id"]) for result in answer["results"]}
    assert found == {live.pk, scheduled.pk}


def test_journalists_cannot_pin_or_set_the_banner(journalist):
    writer = client_for(journalist)

    assert writer.get(PIN_ADD).status_code == 403
    assert writer.get(BANNER_ADD).status_code == 403
    assert writer.get(reverse("admin:sections_frontpin_changelist")).status_code == 403


def test_the_banner_shows_on_every_public_page_until_cleared(
    site, editor, stories, politics, commit
):
    pages = ["/", "/politics/", stories[0].get_absolute_url(), "/search/?q=story"]
    warm(site, *pages)
    admin = client_for(editor)
    data = form_values(admin.get(BANNER_ADD), form_id="breakingnews_form")
    data.update(
        text="Polls have closed: follow the count live",
        link="https://example.com/politics/count/",
        expires_at_0="",
        expires_at_1="",
    )

    assert commit(admin.post, BANNER_ADD, data).status_code == 302

    for path in pages:
        assert "Polls have closed: follow the count live" in site.get(path).text, path
    warm(site, *pages)
    banner = BreakingNews.objects.get()
    commit(
        admin.post,
        reverse("admin:sections_breakingnews_delete", args=[banner.pk]),
        {"post": "yes"},
    )
    for path in pages:
        assert "Polls have closed" not in site.get(path).text, path
    assert [change.action for change in FrontChange.objects.order_by("pk")] == [
        FrontChange.Action.BANNER_SET,
        FrontChange.Action.BANNER_CLEARED,
    ]
    assert admin.get(BANNER_ADD).status_code == 200, "a new banner can be set again"


def test_an_expired_banner_leaves_cached_pages_within_a_minute(site, stories, commit):
    BreakingNews.objects.create(
        text="Road closed after crash",
        link="https://example.com/",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    warm(site, "/")
    assert "Road closed after crash" in site.get("/").text

    BreakingNews.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    commit(call_command, "publish_scheduled", stdout=io.StringIO())

    assert "Road closed after crash" not in site.get("/").text
    assert FrontChange.objects.get().action == FrontChange.Action.BANNER_EXPIRED


def test_only_one_banner_can_be_set(editor):
    BreakingNews.objects.create(text="First", link="https://example.com/")

    assert client_for(editor).get(BANNER_ADD).status_code == 403


@pytest.mark.parametrize("pins", [0, 5])
def test_home_with_pins_keeps_its_query_budget_and_one_query_warm(
    client, django_assert_max_num_queries, django_assert_num_queries, pins
):
    sections = [make_section() for _ in range(3)]
    articles = [
        make_article(section=sections[n % 3], authors=[make_user()], tags=["One"])
        for n in range(12)
    ]
    for slot in range(pins):
        FrontPin.objects.create(slot=slot, article=articles[-1 - slot])
    FrontPin.objects.create(section=sections[0], article=articles[0])

    with django_assert_max_num_queries(12):
        assert client.get("/").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/").status_code == 200


def test_a_pin_change_refreshes_the_cached_home_fragments(client, stories):
    assert client.get("/").context["lead"] == stories[0]
    pin = FrontPin.objects.create(slot=FrontPin.Slot.LEAD, article=stories[2])
    assert lead_headline(client.get("/").content.decode()) == "Story 2"

    pin.article = stories[3]
    pin.save()
    assert lead_headline(client.get("/").content.decode()) == "Story 3"

    pin.delete()
    assert lead_headline(client.get("/").content.decode()) == "Story 0"


def test_the_editors_desk_lists_front_changes_in_constant_queries(
    editor, second_editor, journalist, stories, commit
):
    desk = client_for(editor)

    def pin_and_unpin(count):
        for number in range(count):
            commit(
                desk.post,
                PIN_ADD,
                pin_form(desk, slot=FrontPin.Slot.LEAD, article=stories[number].pk),
            )
            FrontPin.objects.get().delete()

    pin_and_unpin(1)
    with CaptureQueriesContext(connection) as few:
        first = client_for(second_editor).get(reverse("admin:index"))
    pin_and_unpin(4)
    with CaptureQueriesContext(connection) as many:
        page = client_for(second_editor).get(reverse("admin:index"))

    assert len(many.captured_queries) == len(few.captured_queries)
    assert "Front page changes" in first.content.decode()
    html = page.content.decode()
    assert "Alex Marsh pinned · Home page, Lead" in " ".join(html.split())
    assert "Story 3" in html
    assert (
        "Front page changes"
        not in client_for(journalist).get(reverse("admin:index")).content.decode()
    )


@pytest.mark.parametrize("rows", [1, 4])
def test_the_pin_and_change_lists_keep_their_query_budget(
    editor, politics, django_assert_max_num_queries, rows
):
    sections = [politics, *(make_section() for _ in range(rows - 1))]
    for section in sections:
        story = make_article(section=section, authors=[make_user()])
        FrontPin.objects.create(section=section, article=story, pinned_by=editor)
        FrontChange.objects.create(
            action=FrontChange.Action.PIN, user=editor, subject="x", article=story
        )
    admin = client_for(editor)

    # Session, user, permissions, the list, its filter's sections, and the like.
    with django_assert_max_num_queries(10):
        pins = admin.get(reverse("admin:sections_frontpin_changelist"))
    with django_assert_max_num_queries(10):
        changes = admin.get(reverse("admin:sections_frontchange_changelist"))

    assert pins.content.decode().count("Alex Marsh") == rows
    assert changes.content.decode().count("Alex Marsh") == rows


def test_a_pinned_story_moved_to_another_section_leaves_that_front(
    client, stories, politics
):
    FrontPin.objects.create(section=politics, article=stories[4])
    assert client.get("/politics/").context["top_story"] == stories[4]

    stories[4].section = make_section(name="Business")
    stories[4].save()

    response = client.get("/politics/")
    assert not response.context["top_story"]
    assert list(response.context["object_list"]) == stories[:4]
