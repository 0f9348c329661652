"""The production files in deploy/: the backup script run for real, and the systemd units checked."""

import os
import shlex
import shutil
import subprocess
from configparser import ConfigParser
from pathlib import Path

import pytest
from django.core.management import load_command_class
from django.db import connection

from tests.factories import make_article

PROJECT = Path(__file__).resolve().parent.parent
DEPLOY = PROJECT / "deploy"
BACKUP_SCRIPT = DEPLOY / "backup-restore-check.sh"
UNITS = sorted((DEPLOY / "systemd").glob("newsroom*"))
SHIPPED_CHECKOUT = "/srv/newsroom/app"


def database_url():
    """Return the postgres:// address of the suite's own test database."""
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def run_backup(folder, **env):
    return subprocess.run(
        [BACKUP_SCRIPT, str(folder)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_backup_restores_into_a_scratch_database_with_every_article(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the backup script dumps and restores PostgreSQL")
    for number in range(3):
        make_article(headline=f"Story {number}")

    result = run_backup(
        tmp_path, BACKUP_DATABASE_URL=database_url(), DATABASE_URL="unused"
    )

    assert result.returncode == 0, result.stderr
    assert "restores all 3 articles" in result.stdout
    (dump,) = tmp_path.glob(f"{connection.settings_dict['NAME']}-*.dump")
    listing = subprocess.run(
        ["pg_restore", "--list", str(dump)], capture_output=True, text=True
    )
    assert "TABLE DATA public articles_article" in listing.stdout
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE %s",
            [f"{connection.settings_dict['NAME']}_restore_check_%"],
        )
        assert cursor.fetchone()[0] == 0, "the scratch database is dropped"


def test_the_backup_refuses_to_run_without_a_postgresql_address(tmp_path):
    env = {"BACKUP_DATABASE_URL": "", "DATABASE_URL": "sqlite:///db.sqlite3"}

    result = run_backup(tmp_path, **env)

    assert result.returncode == 2
    assert "postgres://" in result.stderr
    assert list(tmp_path.iterdir()) == []


def manage_commands(unit):
    """Return the argument lists of the manage.py commands a unit runs."""
    parser = ConfigParser(interpolation=None, strict=False)
    parser.read(unit)
    commands = []
    for line in parser.get("Service", "ExecStart", fallback="").splitlines():
        words = shlex.split(line)
        if "manage.py" in words:
            commands.append(words[words.index("manage.py") + 1 :])
    return commands


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_the_commands_the_units_run_exist_with_those_options(unit):
    for name, *arguments in manage_commands(unit):
        command = load_command_class("articles", name)
        command.create_parser("manage.py", name).parse_args(arguments)


def test_the_jobs_run_every_minute():
    commands = [command for unit in UNITS for command in manage_commands(unit)]

    assert ["flush_reads", "--every", "60"] in commands
    assert ["publish_scheduled"] in commands
    timer = ConfigParser(interpolation=None)
    timer.read(DEPLOY / "systemd" / "newsroom-publish-scheduled.timer")
    assert timer.get("Timer", "OnCalendar") == "*-*-* *:*:00"


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze checks units"
)
def test_systemd_accepts_the_units(tmp_path):
    # Pointed at this checkout, so that every program they start exists.
    for unit in UNITS:
        (tmp_path / unit.name).write_text(
            unit.read_text().replace(SHIPPED_CHECKOUT, str(PROJECT))
        )

    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *sorted(tmp_path.iterdir())],
        capture_output=True,
        text=True,
    )

    # A setting systemd cannot read is only a warning, and ignored.
    assert (result.returncode, result.stderr) == (0, "")
