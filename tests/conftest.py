import uuid

import pytest
import redis
from django.core.cache import cache

from articles import readership
from newsroom import pagecache
from tests.factories import make_user
from tests.oembed import FakeOEmbedServer, use_fake_provider
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
def fake_oembed(settings):
    """A local oEmbed provider over real HTTP, the only one on the embed list while the test runs."""
    with FakeOEmbedServer() as server:
        use_fake_provider(settings, server)
        yield server


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


# The local Redis server that development machines and CI run; database 11 is
# the suite's, and each test keeps to a key prefix of its own.
LOCAL_REDIS_URL = "redis://127.0.0.1:6379/11"


@pytest.fixture
def local_redis(settings):
    """Count reads in the local Redis server, as production does, whatever REDIS_URL says."""
    client = redis.Redis.from_url(LOCAL_REDIS_URL, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(
            f"No Redis server answers at {LOCAL_REDIS_URL} ({error}); start one "
            "(e.g. apt-get install redis-server) to test counting reads in Redis."
        )
    settings.REDIS_URL = LOCAL_REDIS_URL
    settings.NEWSROOM_REDIS_PREFIX = f"test-{uuid.uuid4().hex}"
    forget_redis_connections()
    yield client
    for key in client.scan_iter(match=f"{settings.NEWSROOM_REDIS_PREFIX}:*"):
        client.delete(key)
    forget_redis_connections()
    client.close()


def forget_redis_connections():
    """Make readership connect afresh to the Redis server settings name, with a closed breaker."""
    readership.redis_client.cache_clear()
    readership.count_in_redis.cache_clear()
    readership.start_batch.cache_clear()
    readership.redis_breaker.open_until = 0.0
