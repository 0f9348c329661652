"""Staff sign-in is throttled per username and address (django-axes, docs/sign-in.md)."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")


def sign_in(username, password, address="203.0.113.7", **headers):
    return Client(REMOTE_ADDR=address, **headers).post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
    )


def fail_five_times(username, **kwargs):
    """Fail five times; the fifth answer already says the sign-in is paused."""
    answers = [sign_in(username, "wrong password", **kwargs) for _attempt in range(5)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]


def is_signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_five_failures_lock_a_username_for_that_address_for_15_minutes(editor):
    fail_five_times("alex")

    locked = sign_in("alex", PASSWORD)
    assert locked.status_code == 429
    assert "paused for 15 minutes" in locked.content.decode()
    assert is_signed_in(sign_in("alex", PASSWORD, address="198.51.100.20")), (
        "another address is not locked out"
    )

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert is_signed_in(sign_in("alex", PASSWORD))


def test_four_failures_then_the_right_password_signs_in_and_starts_afresh(editor):
    for _round in range(2):
        for _attempt in range(4):
            sign_in("alex", "wrong password")
        assert is_signed_in(sign_in("alex", PASSWORD))


def without_csrf_token(response):
    return re.sub(
        r'value="[^"]+" name="csrfmiddlewaretoken"|name="csrfmiddlewaretoken" value="[^"]+"',
        "",
        response.content.decode(),
    )


def test_the_lockout_does_not_tell_whether_the_username_exists(editor):
    """An existing and an unknown username get the same answers, failure after failure."""
    for _attempt in range(6):
        known = sign_in("alex", "wrong password")
        unknown = sign_in("nobody-by-this-name", "wrong password")
        assert known.status_code == unknown.status_code
        assert without_csrf_token(known).replace(
            "alex", "nobody-by-this-name"
        ) == without_csrf_token(unknown)
    assert known.status_code == 429


def test_behind_a_proxy_each_reader_address_is_counted_apart(settings, editor):
    """Behind nginx every request comes from 127.0.0.1: the lock follows CLIENT_IP_HEADER, as read counting does."""
    settings.NEWSROOM_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    fail_five_times("alex", address="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7")

    assert (
        sign_in(
            "alex", PASSWORD, address="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7"
        ).status_code
        == 429
    )
    assert is_signed_in(
        sign_in("alex", PASSWORD, address="127.0.0.1", HTTP_X_REAL_IP="198.51.100.20")
    )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
