"""Old slugs of live articles, and previews and share links of unpublished ones."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article, ArticleSlugHistory
from articles.preview import make_share_token, shared_article
from tests.articles.conftest import client_for
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_changing_a_live_articles_slug_keeps_the_old_one_findable():
    article = make_article(slug="ferry-cut")
    article.slug = "ferry-timetable-cut"
    article.save()

    assert list(Article.objects.by_old_slug("ferry-cut")) == [article]
    assert not Article.objects.by_old_slug("ferry-timetable-cut").exists()


def test_slugs_of_drafts_are_not_remembered():
    article = make_article(
        slug="working-title", status=Article.Status.DRAFT, published_at=None
    )
    article.slug = "final-title"
    article.save()

    assert not ArticleSlugHistory.objects.exists()


def test_every_earlier_slug_leads_to_the_article():
    article = make_article(slug="first")
    for slug in ("second", "third"):
        article = Article.objects.get(pk=article.pk)
        article.slug = slug
        article.save()

    assert list(Article.objects.by_old_slug("first")) == [article]
    assert list(Article.objects.by_old_slug("second")) == [article]


def test_going_back_to_an_old_slug_makes_it_current_again():
    article = make_article(slug="original")
    article.slug = "renamed"
    article.save()
    article.slug = "original"
    article.save()

    assert list(ArticleSlugHistory.objects.values_list("slug", flat=True)) == [
        "renamed"
    ]


def test_an_old_slug_given_up_by_another_article_moves_to_the_latest_owner():
    first = make_article(slug="budget")
    first.slug = "budget-2025"
    first.save()
    second = make_article(slug="budget")
    second.slug = "budget-2026"
    second.save()

    assert list(Article.objects.by_old_slug("budget")) == [second]


def test_slug_change_in_the_admin_is_remembered(editor):
    from tests.forms import form_values

    article = make_article(slug="old-address")
    client = client_for(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.post(url, {**form_values(client.get(url)), "slug": "new-address"})

    assert list(Article.objects.by_old_slug("old-address")) == [article]


def test_share_token_opens_the_article_for_48_hours():
    article = make_article(status=Article.Status.DRAFT, published_at=None)

    fresh = make_share_token(article, timezone.now() - timedelta(hours=47))
    stale = make_share_token(article, timezone.now() - timedelta(hours=49))

    assert shared_article(fresh, Article.objects.all()) == article
    assert shared_article(stale, Article.objects.all()) is None


def test_a_share_token_opens_its_own_article_among_many():
    first = make_article(status=Article.Status.DRAFT, published_at=None)
    second = make_article(status=Article.Status.DRAFT, published_at=None)

    assert shared_article(make_share_token(second), Article.objects.all()) == second
    assert shared_article(make_share_token(first), Article.objects.all()) == first


def test_tampered_share_token_opens_nothing():
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    other = make_article(status=Article.Status.DRAFT, published_at=None)
    token = make_share_token(article)
    _id, rest = token.split(":", 1)

    def opens(token):
        return shared_article(token, Article.objects.all())

    assert opens(f"{other.pk}.0:{rest}") is None
    assert opens(token[:-2] + "xx") is None
    assert opens("not-a-token") is None
    assert (
        opens(signing.TimestampSigner(salt="something-else").sign(f"{other.pk}.0"))
        is None
    )


def test_share_link_shows_a_draft_without_login_never_cached_or_indexed(client):
    article = make_article(
        headline="Draft for the lawyers", status=Article.Status.DRAFT, published_at=None
    )

    response = client.get(
        reverse("articles:share", kwargs={"token": make_share_token(article)})
    )

    assert response.status_code == 200
    assert "Draft for the lawyers" in response.content.decode()
    assert response.context["preview"] is True
    assert (
        "no-store" in response["Cache-Control"]
        and "private" in response["Cache-Control"]
    )
    assert "noindex" in response["X-Robots-Tag"]


def test_expired_share_link_is_not_found(client):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    token = make_share_token(article, timezone.now() - timedelta(days=3))

    assert (
        client.get(reverse("articles:share", kwargs={"token": token})).status_code
        == 404
    )


def share_page(client, token):
    return client.get(reverse("articles:share", kwargs={"token": token}))


def test_share_link_of_a_withdrawn_article_opens_nothing(client):
    """Once the public page answers 410, the share link must not keep showing the text."""
    article = make_article(headline="Pulled story")
    token = make_share_token(article)
    assert share_page(client, token).status_code == 200

    article.status = Article.Status.WITHDRAWN
    article.save()

    response = share_page(client, token)
    assert response.status_code == 404
    assert "Pulled story" not in response.content.decode()


def test_editor_revokes_every_share_link_and_the_history_says_who(editor, client):
    article = make_article(
        headline="Leaky draft", status=Article.Status.DRAFT, published_at=None
    )
    editor_client = client_for(editor)
    change_page = reverse("admin:articles_article_change", args=[article.pk])
    made = editor_client.get(
        reverse("admin:articles_article_share_link", args=[article.pk]), follow=True
    )
    old_link = next(iter(made.context["messages"])).message.split(": ", 1)[1]
    version = Article.objects.get(pk=article.pk).version
    assert "Revoke share links" in editor_client.get(change_page).content.decode()

    editor_client.post(
        reverse("admin:articles_article_revoke_share_links", args=[article.pk])
    )

    assert client.get(old_link).status_code == 404
    assert (
        "Leaky draft"
        in share_page(
            client, make_share_token(Article.objects.get(pk=article.pk))
        ).content.decode()
    ), "a new link works again"
    assert Article.objects.get(pk=article.pk).version == version, (
        "revoking is no edit: an editor's open form must still save"
    )
    history = [
        (entry.user, entry.get_change_message())
        for entry in LogEntry.objects.filter(object_id=str(article.pk)).order_by("pk")
    ]
    assert [user for user, _message in history] == [editor, editor]
    assert history[0][1].startswith("Created a share link working until ")
    assert history[1][1] == "Revoked all share links."


def test_revoking_share_links_needs_a_post_and_the_editor_role(
    journalist, editor, client
):
    article = make_article(
        authors=[journalist], status=Article.Status.DRAFT, published_at=None
    )
    token = make_share_token(article)
    revoke = reverse("admin:articles_article_revoke_share_links", args=[article.pk])

    assert client_for(journalist).post(revoke).status_code == 403
    client_for(editor).get(revoke)
    assert share_page(client, token).status_code == 200


def test_withdrawn_article_gets_no_new_share_link(editor):
    article = make_article(status=Article.Status.WITHDRAWN, published_at=None)

    response = client_for(editor).get(
        reverse("admin:articles_article_share_link", args=[article.pk]), follow=True
    )

    assert [m.message for m in response.context["messages"]] == [
        "A withdrawn article cannot be shared."
    ]


def test_preview_by_id_is_for_staff_who_may_open_the_article(
    client, journalist, other_journalist, editor
):
    own = make_article(
        status=Article.Status.DRAFT, published_at=None, authors=[journalist]
    )
    withdrawn = make_article(status=Article.Status.WITHDRAWN, published_at=None)

    def preview(user, article):
        url = reverse("articles:preview", kwargs={"pk": article.pk})
        return (client_for(user) if user else client).get(url)

    assert preview(None, own).status_code == 302, "anonymous readers are sent to log in"
    assert preview(other_journalist, own).status_code == 404
    for user, article in [(journalist, own), (editor, own), (editor, withdrawn)]:
        response = preview(user, article)
        assert response.status_code == 200
        assert response.context["preview"] is True
        assert "no-store" in response["Cache-Control"]
        assert "Preview — not published." in response.content.decode()
        assert "data-read-url" not in response.content.decode(), (
            "never counted as a read"
        )


def test_preview_by_id_needs_the_rights_of_the_admin_form(client, administrator):
    """Found by the security review: any staff account could read every unpublished article."""
    draft = make_article(
        headline="Embargoed budget leak", status=Article.Status.DRAFT, published_at=None
    )
    url = reverse("articles:preview", kwargs={"pk": draft.pk})
    change_form = reverse("admin:articles_article_change", args=[draft.pk])
    no_role = client_for(make_user("intern", is_staff=True))

    assert no_role.get(change_form).status_code == 403
    response = no_role.get(url)
    assert response.status_code == 404
    assert "Embargoed budget leak" not in response.content.decode()
    # A role that may view articles in the admin may preview them too.
    assert client_for(administrator).get(change_form).status_code == 200
    assert client_for(administrator).get(url).status_code == 200


def test_editor_gets_a_working_share_link_from_the_change_page(editor, client):
    article = make_article(
        headline="Shared draft", status=Article.Status.DRAFT, published_at=None
    )

    response = client_for(editor).get(
        reverse("admin:articles_article_share_link", args=[article.pk]), follow=True
    )

    message = next(iter(response.context["messages"])).message
    link = message.split(": ", 1)[1]
    assert "Shared draft" in client.get(link).content.decode()


def test_the_share_link_message_says_until_when_the_link_works(editor):
    article = make_article(status=Article.Status.DRAFT, published_at=None)

    before = timezone.now()
    response = client_for(editor).get(
        reverse("admin:articles_article_share_link", args=[article.pk]), follow=True
    )
    after = timezone.now()

    message = next(iter(response.context["messages"])).message
    # The minute may turn between the request and these clocks.
    expected = {
        date_format(timezone.localtime(moment + timedelta(hours=48)), "j F Y, H:i")
        for moment in (before, after)
    }
    assert any(f"until {expires}:" in message for expires in expected), message
    history = LogEntry.objects.get(object_id=str(article.pk)).get_change_message()
    assert any(f"until {expires}." in history for expires in expected), history


def test_share_tokens_are_signed_under_a_name_of_their_own_that_outlives_the_code():
    """
    Another signed value of the site (a password reset, a session) never opens
    an article, and links already sent keep working when the code is reorganised.
    """
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    value = f"{article.pk}.{article.share_links_generation}"

    def opens(token):
        return shared_article(token, Article.objects.all()) == article

    assert opens(signing.TimestampSigner(salt="articles.share-link").sign(value))
    assert not opens(signing.TimestampSigner().sign(value))
    assert not opens(
        signing.TimestampSigner(salt="articles.preview._ShareSigner").sign(value)
    )
    assert make_share_token(article).startswith(f"{value}:")


def test_view_on_site_opens_the_preview_until_the_article_is_live(editor):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    live = make_article()
    client = client_for(editor)

    def view_on_site(article):
        response = client.get(
            reverse("admin:articles_article_change", args=[article.pk])
        )
        return response.context["absolute_url"]

    assert view_on_site(draft) == reverse("articles:preview", kwargs={"pk": draft.pk})
    assert view_on_site(live) == live.get_absolute_url()
