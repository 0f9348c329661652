"""The version check between two database connections, as two server processes would have."""

import threading

import pytest
from django.db import connection, connections, transaction

from articles.models import Article, EditConflict
from tests.factories import make_article, make_user


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_connections_saving_the_same_version_the_second_is_refused():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers per database; the race needs row locks")
    first_writer, second_writer = make_user(), make_user()
    article = make_article(headline="Original")
    second_has_read = threading.Event()
    first_has_claimed = threading.Event()
    outcome = {}

    def first():
        try:
            copy = Article.objects.get(pk=article.pk)
            second_has_read.wait(5)
            with transaction.atomic():
                copy.headline = "First writer"
                copy.save_versioned(first_writer)
                first_has_claimed.set()
                # The second writer is now waiting on the row lock.
                threading.Event().wait(0.3)
            outcome["first"] = "saved"
        finally:
            connections.close_all()

    def second():
        try:
            copy = Article.objects.get(pk=article.pk)
            second_has_read.set()
            first_has_claimed.wait(5)
            copy.headline = "Second writer"
            try:
                with transaction.atomic():
                    copy.save_versioned(second_writer)
                outcome["second"] = "saved"
            except EditConflict:
                outcome["second"] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert outcome == {"first": "saved", "second": "refused"}
    article.refresh_from_db()
    assert (article.headline, article.version) == ("First writer", 2)
