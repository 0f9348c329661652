import pytest
from django.test import Client


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords cheaply; the suite logs in dozens of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def client_for(user):
    client = Client()
    client.force_login(user)
    client.user = user
    return client
