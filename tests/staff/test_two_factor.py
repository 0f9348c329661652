"""Two-factor sign-in for staff (staff/twofactor.py, docs/sign-in.md)."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from staff.views import ENROLMENT_KEY
from tests.factories import PASSWORD, make_article

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")
ENROL = reverse("staff:enrol")
VERIFY = reverse("staff:verify")


@pytest.fixture
def required_for_senior_roles(settings):
    settings.NEWSROOM_REQUIRE_2FA_FOR = ["Editor", "Administrator"]


def signed_in_with_password(user):
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": user.get_username(), "password": PASSWORD, "next": ADMIN},
    )
    assert response.status_code == 302
    return client


def code(key, steps_ahead=0):
    """Return the code an authenticator app shows for key (hex), steps_ahead periods from now."""
    totp = TOTP(bytes.fromhex(key))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sent_to(response, page):
    return response.status_code == 302 and response["Location"].startswith(page + "?")


def enrol(client):
    page = client.get(ENROL)
    assert "<svg" in page.content.decode(), "a QR code to scan"
    key = client.session[ENROLMENT_KEY]
    return key, client.post(ENROL, {"code": code(key), "next": ADMIN})


def test_a_password_alone_does_not_open_the_admin_to_a_role_that_requires_a_code(
    required_for_senior_roles, editor, administrator
):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    for user in (editor, administrator):
        client = signed_in_with_password(user)
        for page in (
            ADMIN,
            reverse("admin:articles_article_change", args=[draft.pk]),
            reverse("articles:preview", kwargs={"pk": draft.pk}),
        ):
            assert sent_to(client.get(page), ENROL)
    client = signed_in_with_password(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    assert sent_to(response, ENROL)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_an_editor_sets_up_the_app_then_gives_a_code_at_each_sign_in(
    required_for_senior_roles, editor
):
    client = signed_in_with_password(editor)
    page = client.get(ENROL).content.decode()
    key = client.session[ENROLMENT_KEY]
    manual_key = re.search(r'<code class="manual-key">([A-Z2-7 ]+)</code>', page)[1]
    assert len(manual_key.replace(" ", "")) == 32, "a key to type when scanning fails"
    wrong = client.post(ENROL, {"code": "000000", "next": ADMIN})
    assert "That code does not match" in wrong.content.decode()

    response = client.post(ENROL, {"code": code(key), "next": ADMIN})

    assert response.status_code == 302 and response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200
    assert TOTPDevice.objects.get(user=editor).confirmed

    later = signed_in_with_password(editor)
    assert sent_to(later.get(ADMIN), VERIFY)
    assert (
        later.post(VERIFY, {"code": code(key, steps_ahead=1), "next": ADMIN})[
            "Location"
        ]
        == ADMIN
    )
    assert later.get(ADMIN).status_code == 200


def test_a_journalist_may_opt_in_and_is_then_asked_for_a_code(
    required_for_senior_roles, journalist
):
    client = signed_in_with_password(journalist)
    assert client.get(ADMIN).status_code == 200, "not required for journalists"
    _key, response = enrol(client)
    assert response["Location"] == ADMIN

    assert sent_to(signed_in_with_password(journalist).get(ADMIN), VERIFY)


def test_without_the_setting_a_password_opens_the_admin(editor):
    assert signed_in_with_password(editor).get(ADMIN).status_code == 200


def test_wrong_codes_are_throttled(editor):
    client = signed_in_with_password(editor)
    key, _response = enrol(client)
    later = signed_in_with_password(editor)
    wrong = later.post(VERIFY, {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()

    # django-otp makes each wrong code double the wait before the next is tried.
    response = later.post(VERIFY, {"code": code(key, steps_ahead=1)})

    assert "Too many wrong codes" in response.content.decode()
    assert sent_to(later.get(ADMIN), VERIFY)
