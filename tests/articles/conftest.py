import pytest
from django.test import Client

from tests.factories import make_user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords cheaply; the suite logs in dozens of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def client_for(user):
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def journalist():
    return make_user("sam", role="Journalist", first_name="Sam", last_name="Whitfield")


@pytest.fixture
def other_journalist():
    return make_user("kim", role="Journalist", first_name="Kim", last_name="Osei")


@pytest.fixture
def editor():
    return make_user("alex", role="Editor", first_name="Alex", last_name="Marsh")


@pytest.fixture
def second_editor():
    return make_user("ria", role="Editor", first_name="Ria", last_name="Patel")


@pytest.fixture
def administrator():
    return make_user("jo", role="Administrator", first_name="Jo", last_name="Adeyemi")
