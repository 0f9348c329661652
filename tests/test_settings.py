import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

PROJECT = Path(__file__).resolve().parent.parent
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), "
    "'cache': settings.CACHES['default']['BACKEND'], 'debug': settings.DEBUG, "
    "'tz': settings.TIME_ZONE, 'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE'], "
    "'health_checks': settings.DATABASES['default']['CONN_HEALTH_CHECKS']}))"
)


def load_settings(**env):
    """Import the settings in a fresh interpreter with exactly the given variables set."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_without_database_url_the_site_uses_the_sqlite_file_in_the_project():
    result = load_settings(DJANGO_SECRET_KEY="x")
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(PROJECT / "db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["debug"] is False
    assert values["tz"] == "Europe/London"


def test_database_and_redis_urls_choose_postgresql_and_redis_with_persistent_connections():
    result = load_settings(
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["cache"] == "newsroom.cache.ResilientRedisCache"
    assert values["conn_max_age"] == 600
    assert values["health_checks"] is True


def test_starting_without_a_secret_key_outside_debug_fails_with_a_clear_message():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_runs_without_a_secret_key():
    result = load_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is True


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_configured_redis_really_stores_cache_entries():
    import redis

    cache.set("settings-test", "kept", 30)
    stored = redis.Redis.from_url(settings.REDIS_URL).keys("*settings-test")
    assert cache.get("settings-test") == "kept"
    assert stored, "the value must be in the Redis server, not in process memory"
