"""Live blogs: posting updates, who may, what readers see, and what it costs."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles import live, workflow
from articles.models import LiveUpdate, WorkflowEvent
from tests.articles.conftest import client_for
from tests.factories import image_upload, make_article, make_section, make_user

pytestmark = pytest.mark.django_db

Action = WorkflowEvent.Action


@pytest.fixture
def blog(journalist):
    return make_article(
        headline="Election night as it happens",
        standfirst="Results from every count in the city, as they are declared.",
        section=make_section(name="Politics", slug="politics"),
        authors=[journalist],
        is_live_blog=True,
        published_at=timezone.now() - timedelta(hours=2),
    )


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the real transaction would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def post(blog, user, text, publish=True, **fields):
    update = LiveUpdate(article=blog, body=f"<p>{text}</p>", **fields)
    live.save(update, user, publish=publish)
    return update


def post_many(blog, author, count):
    """Add count published updates a minute apart, the last newest, in one insert."""
    start = timezone.now() - timedelta(minutes=count)
    LiveUpdate.objects.bulk_create(
        LiveUpdate(
            article=blog,
            author=author,
            body=f"<p>Update number {number}.</p>",
            status=LiveUpdate.Status.PUBLISHED,
            published_at=start + timedelta(minutes=number),
            is_key_event=number % 100 == 0,
            headline=f"Key event {number}" if number % 100 == 0 else "",
        )
        for number in range(1, count + 1)
    )
    blog.__class__.objects.filter(pk=blog.pk).update(updates_changed_at=timezone.now())


def update_ids(html):
    return [int(pk) for pk in re.findall(r'data-update-id="(\d+)"', html)]


# Posting and its log


def test_an_author_posts_an_update_with_time_author_and_a_log_entry(blog, journalist):
    update = post(blog, journalist, "Turnout is 62%.", headline="Turnout up")

    update.refresh_from_db()
    assert update.is_published
    assert update.author == journalist
    assert timezone.now() - update.published_at < timedelta(seconds=5)
    event = blog.workflow_events.get()
    assert event.action == Action.LIVE_POST
    assert event.actor == journalist
    assert "Turnout up" in event.note
    blog.refresh_from_db()
    assert blog.status == blog.Status.PUBLISHED
    assert blog.updates_changed_at is not None


def test_an_update_is_cleaned_like_the_body(blog, journalist):
    update = post(
        blog,
        journalist,
        'Count<script>alert(1)</script> <a href="x" onclick="y">on</a>',
    )

    update.refresh_from_db()
    assert "script" not in update.body
    assert "onclick" not in update.body


def test_a_draft_is_not_shown_until_it_is_published(client, blog, journalist):
    draft = post(blog, journalist, "Exit poll embargoed until ten.", publish=False)
    assert draft.status == LiveUpdate.Status.DRAFT
    assert draft.published_at is None
    assert "Exit poll" not in client.get(blog.get_absolute_url()).content.decode()

    live.save(draft, journalist, publish=True)

    assert "Exit poll" in client.get(blog.get_absolute_url()).content.decode()
    assert [event.action for event in blog.workflow_events.order_by("pk")] == [
        Action.LIVE_DRAFT,
        Action.LIVE_POST,
    ]


def test_changing_a_published_update_shows_readers_a_correction(client, blog, editor):
    update = post(blog, editor, "Turnout is 26%.")
    update.body = "<p>Turnout is 62%.</p>"

    live.save(update, editor, changed=["body"], note="We had the digits reversed.")

    html = client.get(blog.get_absolute_url()).content.decode()
    assert "Turnout is 62%." in html
    assert "Corrected" in html
    assert "We had the digits reversed." in html
    assert blog.workflow_events.filter(action=Action.LIVE_CORRECT).count() == 1


def test_pinning_an_update_is_not_a_correction(blog, editor):
    update = post(blog, editor, "Polls close.")
    update.is_key_event = True

    live.save(update, editor, changed=["is_key_event"])

    update.refresh_from_db()
    assert update.corrected_at is None
    assert not blog.workflow_events.filter(action=Action.LIVE_CORRECT).exists()


def test_deleting_an_update_logs_who_did_it(client, blog, editor):
    update = post(blog, editor, "Wrong count posted.")

    live.delete(update, editor)

    assert not LiveUpdate.objects.exists()
    event = blog.workflow_events.get(action=Action.LIVE_DELETE)
    assert event.actor == editor
    assert (
        "Wrong count posted."
        not in client.get(blog.get_absolute_url()).content.decode()
    )


def test_posting_leaves_the_article_version_alone(blog, editor):
    version = blog.version

    post(blog, editor, "Polls close.")

    blog.refresh_from_db()
    assert blog.version == version


# Who may post


def test_editors_and_the_blogs_authors_may_post_others_may_not(
    blog, journalist, other_journalist, editor, administrator
):
    assert live.can_post(journalist, blog)
    assert live.can_post(editor, blog)
    assert not live.can_post(other_journalist, blog)
    assert not live.can_post(administrator, blog)
    with pytest.raises(PermissionDenied):
        post(blog, other_journalist, "Not my story.")
    assert not LiveUpdate.objects.exists()


def test_an_unpublished_live_blog_takes_no_updates(journalist):
    draft = make_article(
        status="draft", is_live_blog=True, authors=[journalist], published_at=None
    )
    with pytest.raises(workflow.TransitionRefused):
        post(draft, journalist, "Too early.")


def test_an_ordinary_article_takes_no_updates(editor):
    with pytest.raises(PermissionDenied):
        post(make_article(), editor, "Not a live blog.")


def test_an_author_posts_from_the_admin_and_the_story_stays_published(blog, journalist):
    client = client_for(journalist)
    form = client.get(
        reverse("admin:articles_liveupdate_add") + f"?article={blog.pk}"
    ).content.decode()
    assert "Election night as it happens" in form

    response = client.post(
        reverse("admin:articles_liveupdate_add"),
        {
            "article": blog.pk,
            "headline": "Polls close",
            "body": "<p>Counting begins at ten.</p>",
            "image": image_upload("count.jpg"),
            "image_alt": "Counters at their tables",
            "image_caption": "",
            "publish": "True",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    update = LiveUpdate.objects.get()
    assert update.is_published
    assert update.image_renditions["sizes"]
    blog.refresh_from_db()
    assert blog.status == blog.Status.PUBLISHED
    page = client_for(make_user()).get(blog.get_absolute_url()).content.decode()
    image = re.search(r'<img [^>]*alt="Counters at their tables"[^>]*>', page)
    assert image and "srcset=" in image.group(0) and 'loading="lazy"' in image.group(0)


def test_the_admin_refuses_an_image_without_alt_text(blog, journalist):
    response = client_for(journalist).post(
        reverse("admin:articles_liveupdate_add"),
        {
            "article": blog.pk,
            "body": "<p>Counting begins.</p>",
            "image": image_upload("count.jpg"),
            "image_alt": "",
            "publish": "True",
        },
    )

    assert response.status_code == 200
    assert "Describe the picture" in response.content.decode()
    assert not LiveUpdate.objects.exists()


def test_the_admin_refuses_a_file_that_is_not_an_image(blog, journalist):
    fake = SimpleUploadedFile("count.jpg", b"not a picture", content_type="image/jpeg")
    response = client_for(journalist).post(
        reverse("admin:articles_liveupdate_add"),
        {
            "article": blog.pk,
            "body": "<p>Counting begins.</p>",
            "image": fake,
            "image_alt": "Counters",
            "publish": "True",
        },
    )

    assert response.status_code == 200
    assert "not an image we can read" in response.content.decode()
    assert not LiveUpdate.objects.exists()


def test_a_journalist_not_on_the_story_cannot_post_correct_or_delete(
    blog, journalist, other_journalist
):
    update = post(blog, journalist, "Polls close.")
    client = client_for(other_journalist)

    form = client.get(reverse("admin:articles_liveupdate_add")).content.decode()
    assert "Election night as it happens" not in form
    response = client.post(
        reverse("admin:articles_liveupdate_add"),
        {"article": blog.pk, "body": "<p>Sneaked in.</p>", "publish": "True"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    change = reverse("admin:articles_liveupdate_change", args=[update.pk])
    assert client.post(change, {"body": "<p>Changed.</p>"}).status_code == 403
    delete = reverse("admin:articles_liveupdate_delete", args=[update.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    update.refresh_from_db()
    assert update.body == "<p>Polls close.</p>"


def test_an_editor_corrects_and_deletes_from_the_admin(blog, journalist, editor):
    update = post(blog, journalist, "Turnout is 26%.")
    client = client_for(editor)

    response = client.post(
        reverse("admin:articles_liveupdate_change", args=[update.pk]),
        {
            "headline": "",
            "body": "<p>Turnout is 62%.</p>",
            "image_alt": "",
            "image_caption": "",
            "correction_note": "The digits were reversed.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    update.refresh_from_db()
    assert update.was_corrected
    assert update.correction_note == "The digits were reversed."

    response = client.post(
        reverse("admin:articles_liveupdate_delete", args=[update.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert blog.workflow_events.filter(action=Action.LIVE_DELETE, actor=editor).exists()


def test_the_article_form_links_to_its_updates(blog, editor):
    post(blog, editor, "Polls close.")
    html = (
        client_for(editor)
        .get(reverse("admin:articles_article_change", args=[blog.pk]))
        .content.decode()
    )
    assert "1 update" in html
    assert reverse("admin:articles_liveupdate_add") + f"?article={blog.pk}" in html


# The reader's page


def test_updates_show_newest_first_under_the_standfirst_with_key_events(
    client, blog, journalist
):
    post(blog, journalist, "Polls open.")
    key = post(
        blog, journalist, "Polls close.", headline="Polls close", is_key_event=True
    )
    newest = post(blog, journalist, "First result declared.")

    html = client.get(blog.get_absolute_url()).content.decode()

    assert html.index("Results from every count") < html.index("First result declared.")
    assert (
        html.index("First result declared.")
        < html.index("Polls close.")
        < html.index("Polls open.")
    )
    key_events = html[html.index('id="key-events-title"') :]
    key_events = key_events[: key_events.index("</nav>")]
    assert "Polls close" in key_events and "First result" not in key_events
    assert key.get_absolute_url() in key_events
    assert f'id="update-{newest.pk}"' in html
    assert ">Live</p>" in html


def test_the_updates_come_after_the_lead_and_before_the_background_sections(
    client, journalist
):
    story = make_article(
        body="<p>The count is under way at the arena.</p>",
        subheadings=["What is at stake"],
        authors=[journalist],
        is_live_blog=True,
        published_at=timezone.now() - timedelta(hours=1),
    )
    post(story, journalist, "The first ballot boxes have arrived.")

    html = client.get(story.get_absolute_url()).content.decode()
    html = html[html.index('<article class="story"') :]  # not the JSON-LD

    assert (
        html.index("The count is under way")
        < html.index("The first ballot boxes have arrived.")
        < html.index(">What is at stake</h2>")
    )


def test_ended_coverage_says_so_and_stops_polling(client, blog, editor):
    blog.coverage_ended_at = timezone.now()
    blog.save()

    html = client.get(blog.get_absolute_url()).content.decode()

    assert "Coverage has ended" in html
    assert ">Live</p>" not in html
    assert "data-live-updates-url" not in html


def test_twenty_updates_a_page_with_older_updates_and_permalinks_that_find_them(
    client, blog, journalist
):
    post_many(blog, journalist, 45)
    ids = list(
        LiveUpdate.objects.filter(article=blog)
        .newest_first()
        .values_list("pk", flat=True)
    )

    first = client.get(blog.get_absolute_url()).content.decode()
    assert update_ids(first) == ids[:20]
    assert 'href="?page=2">Older updates' in first
    third = client.get(blog.get_absolute_url() + "?page=3").content.decode()
    assert update_ids(third) == ids[40:]
    assert "Older updates" not in third
    assert client.get(blog.get_absolute_url() + "?page=4").status_code == 404

    oldest = LiveUpdate.objects.get(pk=ids[-1])
    response = client.get(oldest.get_absolute_url())
    assert response.status_code == 302
    assert (
        response["Location"] == f"{blog.get_absolute_url()}?page=3#update-{oldest.pk}"
    )
    newest = LiveUpdate.objects.get(pk=ids[0])
    assert client.get(newest.get_absolute_url())["Location"] == (
        f"{blog.get_absolute_url()}#update-{newest.pk}"
    )


def test_a_draft_stays_a_draft_when_edited_unless_published(blog, journalist):
    draft = post(blog, journalist, "Exit poll embargoed.", publish=False)
    client = client_for(journalist)
    change = reverse("admin:articles_liveupdate_change", args=[draft.pk])
    form = client.get(change).content.decode()
    assert re.search(r'<input[^>]*value="False"[^>]*checked', form)

    client.post(change, {"body": "<p>Exit poll at ten.</p>", "publish": "False"})
    draft.refresh_from_db()
    assert draft.status == LiveUpdate.Status.DRAFT
    client.post(change, {"body": "<p>Exit poll at ten.</p>", "publish": "True"})
    draft.refresh_from_db()
    assert draft.is_published


def test_a_withdrawn_live_blog_refuses_updates_with_a_reason(blog, journalist, editor):
    draft = post(blog, journalist, "Not yet.", publish=False)
    workflow.withdraw(blog, editor, "Legal advice.")

    response = client_for(editor).post(
        reverse("admin:articles_liveupdate_change", args=[draft.pk]),
        {"body": "<p>Now.</p>", "publish": "True"},
    )

    assert response.status_code == 200
    assert "not published" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == LiveUpdate.Status.DRAFT


def test_a_draft_update_has_no_permalink(client, blog, journalist):
    draft = post(blog, journalist, "Embargoed.", publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_live_blog_is_live_blog_posting_with_coverage_and_updates(
    client, blog, journalist
):
    post(blog, journalist, "Polls close.", headline="Polls close")
    blog.coverage_ended_at = timezone.now()
    blog.save()

    html = client.get(blog.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw.group(1))

    assert data["@type"] == "LiveBlogPosting"
    assert data["coverageStartTime"].startswith(str(blog.published_at.year))
    assert "coverageEndTime" in data
    (entry,) = data["liveBlogUpdate"]
    assert entry["@type"] == "BlogPosting"
    assert entry["headline"] == "Polls close"
    assert entry["articleBody"] == "Polls close."
    assert entry["url"].startswith("http://testserver/politics/")


def test_the_live_feed_carries_each_update_and_the_site_feed_moves(
    client, blog, journalist
):
    update = post(blog, journalist, "Polls close.", headline="Polls close")
    section, slug = blog.section.slug, blog.slug

    rss = client.get(
        reverse("articles:live-feed-rss", kwargs={"section": section, "slug": slug})
    ).content.decode()
    atom = client.get(
        reverse("articles:live-feed-atom", kwargs={"section": section, "slug": slug})
    ).content.decode()

    for feed in (rss, atom):
        assert "Polls close" in feed
        assert update.get_absolute_url() in feed
    site_feed = client.get(reverse("articles:feed-atom")).content.decode()
    blog.refresh_from_db()
    assert blog.updates_changed_at.strftime("%Y-%m-%dT%H:%M") in site_feed


# Polling, the page cache and purges


def test_the_polled_fragment_is_cached_and_each_update_purges_it_and_the_page(
    site, blog, journalist, commit
):
    fragment = reverse(
        "articles:live-updates",
        kwargs={"section": blog.section.slug, "slug": blog.slug},
    )
    page = blog.get_absolute_url()
    for path in (fragment, page):
        assert site.get(path).status == 200
        assert site.get(path).cache_state == "hit"

    first = commit(post, blog, journalist, "Polls close.")

    answer = site.get(fragment)
    assert answer.cache_state == "miss"
    assert update_ids(answer.text) == [first.pk]
    assert site.get(fragment).cache_state == "hit"
    assert "Polls close." in site.get(page).text

    first.body = "<p>Polls closed at ten.</p>"
    commit(live.save, first, journalist, changed=["body"])
    assert "Polls closed at ten." in site.get(fragment).text
    assert "Polls closed at ten." in site.get(page).text

    commit(live.delete, first, journalist)
    assert update_ids(site.get(fragment).text) == []


def test_a_draft_purges_nothing(site, blog, journalist, commit):
    page = blog.get_absolute_url()
    site.get(page)

    commit(post, blog, journalist, "Embargoed.", publish=False)

    assert site.get(page).cache_state == "hit"


def test_the_fragment_of_an_ordinary_article_is_404(client):
    article = make_article()
    url = reverse(
        "articles:live-updates",
        kwargs={"section": article.section.slug, "slug": article.slug},
    )
    assert client.get(url).status_code == 404


# What it costs


def test_a_live_blog_of_500_updates_costs_what_an_article_costs(
    client, blog, journalist, django_assert_max_num_queries
):
    post_many(blog, journalist, 500)
    for _ in range(4):
        make_article(section=blog.section)
    cache.clear()

    # The article's budget (tests/articles/test_article_page.py): the keys,
    # the article with its updates and key events, related, navigation, most read.
    with django_assert_max_num_queries(5):
        cold = client.get(blog.get_absolute_url())
    with django_assert_max_num_queries(1):
        warm = client.get(blog.get_absolute_url())

    assert cold.content == warm.content
    html = warm.content.decode()
    assert len(update_ids(html)) == 20
    start = html.index('id="key-events-title"')
    key_events = html[start : html.index("</nav>", start)]
    assert key_events.count("<li>") == 5
    # A later page: one more, the query that tells a page past the end.
    with django_assert_max_num_queries(6):
        assert client.get(blog.get_absolute_url() + "?page=25").status_code == 200


def test_the_polled_fragment_costs_two_queries_when_it_is_not_cached(
    client, blog, journalist, django_assert_max_num_queries
):
    post_many(blog, journalist, 100)
    url = reverse(
        "articles:live-updates",
        kwargs={"section": blog.section.slug, "slug": blog.slug},
    )
    with django_assert_max_num_queries(2):
        assert len(update_ids(client.get(url).content.decode())) == 20


def test_a_preview_of_a_live_blog_shows_its_updates(blog, journalist, editor):
    post(blog, journalist, "Polls close.")
    html = (
        client_for(editor)
        .get(reverse("articles:preview", kwargs={"pk": blog.pk}))
        .content.decode()
    )
    assert "Polls close." in html
    assert "data-live-updates-url" not in html


def test_a_permalink_feed_and_the_desks_list_cost_the_same_for_many_updates(
    client, blog, journalist, editor, django_assert_max_num_queries
):
    post_many(blog, journalist, 60)
    update = LiveUpdate.objects.filter(article=blog).order_by("published_at").first()
    section, slug = blog.section.slug, blog.slug

    permalink = update.get_absolute_url()
    feed = reverse("articles:live-feed-atom", kwargs={"section": section, "slug": slug})

    # The blog, the update, the count of newer ones.
    with django_assert_max_num_queries(3):
        assert client.get(permalink).status_code == 302
    with django_assert_max_num_queries(2):
        assert client.get(feed).content.decode().count("<entry>") == 30
    desk = client_for(editor)
    changelist = reverse("admin:articles_liveupdate_changelist")
    desk.get(changelist)
    # Session, user, sign-in check, two permission reads, the filter's live
    # blogs, the count, the banner, the rows with their blogs and authors.
    with django_assert_max_num_queries(9):
        response = desk.get(changelist)
    assert response.content.decode().count('class="field-written_by"') == 60


def test_coverage_cannot_be_ended_ahead_of_time(blog):
    blog.coverage_ended_at = timezone.now() + timedelta(hours=2)
    with pytest.raises(ValidationError) as refusal:
        blog.full_clean()
    assert "coverage_ended_at" in refusal.value.message_dict
