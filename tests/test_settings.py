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
    "'health_checks': settings.DATABASES['default']['CONN_HEALTH_CHECKS'], "
    "'server_side_cursors': not settings.DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS'), "
    "'storage': settings.STORAGES['default'], 'serve_media': settings.SERVE_MEDIA}))"
)


def load_settings(**env):
    """Import the settings in a fresh interpreter with exactly the given variables set."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_", "REDIS_URL", "AWS_", "SERVE_MEDIA")
        )
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
    assert values["engine"] == "newsroom.postgresql"
    assert values["cache"] == "newsroom.cache.ResilientRedisCache"
    assert values["conn_max_age"] == 600
    assert values["health_checks"] is True
    assert values["server_side_cursors"] is True


def test_behind_pgbouncer_in_transaction_mode_no_cursor_or_connection_outlives_a_transaction():
    result = load_settings(
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://newsroom@127.0.0.1:6432/newsroom",
        DATABASE_TRANSACTION_POOLING="1",
    )
    values = json.loads(result.stdout)

    assert values["server_side_cursors"] is False
    assert values["conn_max_age"] == 0
    assert values["health_checks"] is True


def test_how_long_connections_are_kept_can_be_set():
    pooled = load_settings(
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://newsroom@127.0.0.1:6432/newsroom",
        DATABASE_TRANSACTION_POOLING="1",
        DATABASE_CONN_MAX_AGE="60",
    )
    direct = load_settings(
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom",
        DATABASE_CONN_MAX_AGE="0",
    )

    assert json.loads(pooled.stdout)["conn_max_age"] == 60
    assert json.loads(pooled.stdout)["server_side_cursors"] is False
    assert json.loads(direct.stdout)["conn_max_age"] == 0


def test_starting_without_a_secret_key_outside_debug_fails_with_a_clear_message():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_migration_commands_run_without_a_secret_key_and_other_commands_do_not():
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_URL"))
    }

    def manage(*arguments):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT,
            env=clean,
            capture_output=True,
            text=True,
        )

    checked = manage("makemigrations", "--check", "--dry-run")
    assert (checked.returncode, checked.stdout.strip()) == (0, "No changes detected")
    refused = manage("check")
    assert refused.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in refused.stderr


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


def test_without_a_bucket_uploads_stay_on_disk_and_the_app_serves_them():
    values = json.loads(load_settings(DJANGO_SECRET_KEY="x").stdout)

    assert values["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert values["serve_media"] is True


def test_a_bucket_name_stores_uploads_in_it_with_public_year_long_addresses():
    values = json.loads(
        load_settings(
            DJANGO_SECRET_KEY="x",
            AWS_STORAGE_BUCKET_NAME="newsroom-media",
            AWS_S3_ENDPOINT_URL="https://s3.example.net",
            AWS_S3_CUSTOM_DOMAIN="media.example.com",
        ).stdout
    )

    assert values["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = values["storage"]["OPTIONS"]
    assert options["bucket_name"] == "newsroom-media"
    assert options["endpoint_url"] == "https://s3.example.net"
    assert options["custom_domain"] == "media.example.com"
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["object_parameters"]["CacheControl"] == settings.MEDIA_CACHE_CONTROL
    assert values["serve_media"] is False


def test_serve_media_can_be_turned_off_for_a_web_server_in_front():
    values = json.loads(load_settings(DJANGO_SECRET_KEY="x", SERVE_MEDIA="0").stdout)

    assert values["serve_media"] is False
