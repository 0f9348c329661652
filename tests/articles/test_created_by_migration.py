"""Migration 0015 names as creator whoever added each existing article in the admin."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0014_hero_image_pixel_limit_help")]
AFTER = [("articles", "0015_article_created_by")]
ADMIN_LOG = ("admin", "0003_logentry_add_action_flag_choices")


# serialized_rollback puts back the rows later transactional tests expect,
# as the browser tests do (tests/e2e/conftest.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_articles_get_their_creator_from_the_admin_log():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    try:
        check_creators(executor)
    finally:
        # Later migrations' tables are needed by the tests that follow.
        MigrationExecutor(connection).migrate(latest)


def check_creators(executor):
    old = executor.loader.project_state([*BEFORE, ADMIN_LOG]).apps
    User = old.get_model("auth", "User")
    Section = old.get_model("articles", "Section")
    Article = old.get_model("articles", "Article")
    ContentType = old.get_model("contenttypes", "ContentType")
    LogEntry = old.get_model("admin", "LogEntry")
    writer = User.objects.create(username="sam")
    section = Section.objects.create(name="Politics", slug="politics")
    logged = Article.objects.create(headline="Logged", slug="logged", section=section)
    unlogged = Article.objects.create(
        headline="Unlogged", slug="unlogged", section=section
    )
    content_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="article"
    )
    LogEntry.objects.create(
        user=writer,
        content_type=content_type,
        object_id=str(logged.pk),
        object_repr="Logged",
        action_flag=1,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("articles", "Article")

    assert new.objects.get(pk=logged.pk).created_by_id == writer.pk
    assert new.objects.get(pk=unlogged.pk).created_by_id is None


@pytest.fixture(autouse=True)
def latest_schema_afterwards():
    """Migrate to the latest migrations after the test: later migrations than 0015 exist."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
