"""The health check load balancers poll: is this app server able to serve?"""

from functools import cache as memoize

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe


@memoize
def redis_client():
    return redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5
    )


def database_problem():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return str(error).strip() or error.__class__.__name__
    return ""


def redis_problem():
    if not settings.REDIS_URL:
        return ""
    try:
        redis_client().ping()
    except redis.RedisError as error:
        return str(error) or error.__class__.__name__
    return ""


@require_safe
def healthz(request):
    """200 when the database and Redis answer; 503 naming the one that does not."""
    problems = {
        name: problem
        for name, problem in (
            ("database", database_problem()),
            ("redis", redis_problem()),
        )
        if problem
    }
    response = JsonResponse(
        {
            "status": "unavailable" if problems else "ok",
            "database": problems.get("database", "ok"),
            "redis": problems.get("redis", "ok" if settings.REDIS_URL else "not used"),
        },
        status=503 if problems else 200,
    )
    patch_cache_control(response, no_store=True)
    return response
