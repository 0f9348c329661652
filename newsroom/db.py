"""
Server-side prepared statements for the reading site's hand-written queries.

PostgreSQL plans a query sent as text every time: the article page's keys
query (a join, two subqueries and two left joins) took 1.0 ms a run at
100,000 articles, 0.8 ms of it planning, and 0.2 ms prepared. psycopg2
prepares nothing itself, so prepared_sql() prepares a query once per
database connection under a name and returns the EXECUTE to send instead.
See docs/prepared-statements.md.
"""

import re

from django.conf import settings
from django.db import connection
from django.db.backends.signals import connection_created
from django.dispatch import receiver

_PLACEHOLDER = re.compile(r"%s")


@receiver(connection_created)
def start_without_prepared_statements(sender, **kwargs):
    """
    A new connection to the database holds no prepared statement yet. Where
    it will hold them, it plans each once: PostgreSQL otherwise plans a
    prepared query afresh for its values whenever it guesses that pays (the
    related query: 0.7 ms planning a 0.2 ms run, every time).
    """
    new_connection = kwargs["connection"]
    new_connection.prepared_statements = {}
    if prepares_statements(new_connection):
        with new_connection.cursor() as cursor:
            cursor.execute("SET plan_cache_mode = force_generic_plan")


def prepares_statements(database=connection):
    """
    Return whether this connection keeps what it prepares: PostgreSQL with
    persistent connections, and no transaction-pooling PgBouncer in between
    (the next transaction may run on another server connection).
    """
    return (
        database.vendor == "postgresql"
        and database.settings_dict["CONN_MAX_AGE"] != 0
        and not settings.DATABASE_TRANSACTION_POOLING
    )


def prepared_sql(name, sql):
    """
    Return what to send for sql (parameters written %s, each passed in order):
    `EXECUTE name(%s, …)` once sql is prepared on this connection as name,
    or sql itself where statements are not prepared. name must be given to
    one query only.
    """
    if not prepares_statements():
        return sql
    # Opened first: a connection opened now starts with no statement prepared.
    connection.ensure_connection()
    # Name -> the EXECUTE to send, counted once rather than on every call.
    prepared = getattr(connection, "prepared_statements", None)
    if prepared is None:
        prepared = connection.prepared_statements = {}
    if name not in prepared:
        count = len(_PLACEHOLDER.findall(sql))
        numbers = iter(range(1, count + 1))
        with connection.cursor() as cursor:
            cursor.execute(
                f"PREPARE {name} AS "
                + _PLACEHOLDER.sub(lambda _: f"${next(numbers)}", sql)
            )
        prepared[name] = f"EXECUTE {name}({', '.join(['%s'] * count)})"
    return prepared[name]
