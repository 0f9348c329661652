import pytest
from django.core.cache import cache


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
    yield
    cache.clear()
