import pytest
from django.core.cache import cache

from newsroom import pagecache
from tests.factories import make_user
from tests.site import Site


@pytest.fixture(autouse=True)
def isolated_storage_and_cache(settings, tmp_path):
    """Give each test its own media folder and an empty cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # The suite does not run collectstatic, so the manifest storage has nothing to read.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    # Hashing at production strength would dominate the run time of the suite.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    pagecache.reset_store()
    yield
    cache.clear()
    pagecache.reset_store()


@pytest.fixture
def site():
    """An anonymous reader reaching the site through the page cache."""
    return Site()


# The newsroom's people, one per role; the browser tests and the admin tests share them.
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
