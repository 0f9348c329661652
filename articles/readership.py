"""
Counting reads and ranking the most-read articles: the only place either happens.

A read is counted from the page's beacon, at most once per visitor per article
per half hour, and kept as a count per article per clock hour. The ranking
weighs each read by its age: a read is worth 0.5 ** (hours since / half-life).
See docs/most-read.md.
"""

import enum
import hashlib
import re
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from functools import cache as memoize

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import ExpressionWrapper, F, FloatField, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Power
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ReadCount
from newsroom.cache import Breaker

# Crawlers, link unfurlers, monitors, scripts and headless browsers.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiv|facebookexternalhit|embedly|preview|headless|"
    r"lighthouse|pingdom|monitor|curl|wget|python|httpclient|java/|go-http|okhttp|"
    r"libwww|scrapy|axios|node-fetch|phantomjs|selenium|playwright",
    re.IGNORECASE,
)
MOST_READ_CACHE_KEY = "most-read:v1"
redis_breaker = Breaker("Redis, for counting reads")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def half_life_hours():
    return settings.NEWSROOM_MOST_READ_HALF_LIFE_HOURS


def hour_of(moment):
    """Return the clock hour a moment falls in, as hours since the Unix epoch."""
    return int(moment.timestamp() // 3600)


def is_bot(user_agent):
    return not user_agent.strip() or bool(BOT_USER_AGENT.search(user_agent))


def client_ip(request):
    header = settings.NEWSROOM_CLIENT_IP_HEADER
    if header and request.META.get(header):
        # The nearest proxy appends the address it saw last.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


_salts = {}


def daily_salt(day):
    """Return the day's random salt, shared by every process through the cache."""
    if day not in _salts:
        key = f"read-salt:{day.isoformat()}"
        cache.add(key, secrets.token_hex(16), 2 * 24 * 3600)
        salt = cache.get(key)
        if salt is None:
            # The cache is down: a salt of this process's own, not remembered,
            # so that every process agrees again once the cache is back.
            return secrets.token_hex(16)
        _salts.clear()
        _salts[day] = salt
    return _salts[day]


def visitor_hash(request, day):
    """Return an anonymous id for today's visitor; the salt is random and forgotten after two days."""
    material = "\n".join(
        [daily_salt(day), client_ip(request), request.META.get("HTTP_USER_AGENT", "")]
    )
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def seen_key(article_id, request, now):
    """Return the cache key that marks this visitor as having read this article lately."""
    return f"read-seen:{article_id}:{visitor_hash(request, now.date())}"


class Outcome(enum.Enum):
    COUNTED = "counted"
    NOT_COUNTED = "not counted"  # a bot, or a repeat within the half hour
    NOT_LIVE = "not live"


# One round trip: is the article live (see is_live), has this visitor read it
# lately, and if not, count the read in this hour's buffer.
COUNT_IN_REDIS = """
local published = redis.call('HGET', KEYS[1], ARGV[1])
if not published then
    if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
    return -2
end
if tonumber(published) > tonumber(ARGV[2]) then return -1 end
if ARGV[5] == '1' then return 0 end
if not redis.call('SET', KEYS[2], 1, 'NX', 'EX', ARGV[3]) then return 0 end
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
return 1
"""


def record_read(article_id, request):
    """Count one read of a live article unless it is a bot's or a repeat, and say what happened."""
    bot = is_bot(request.META.get("HTTP_USER_AGENT", ""))
    now = timezone.now()
    if settings.REDIS_URL and redis_breaker.closed():
        try:
            outcome = record_in_redis(article_id, request, now, bot)
            if outcome is None:
                rebuild_live_index(redis_client())
                outcome = record_in_redis(article_id, request, now, bot)
            if outcome is not None:
                return outcome
        except redis.RedisError as error:
            redis_breaker.failed(error)
    if not Article.objects.published().filter(pk=article_id).exists():
        return Outcome.NOT_LIVE
    if bot or not cache.add(
        seen_key(article_id, request, now), 1, settings.NEWSROOM_READ_DEDUPE_SECONDS
    ):
        return Outcome.NOT_COUNTED
    add_reads({(article_id, hour_of(now)): 1})
    return Outcome.COUNTED


def record_in_redis(article_id, request, now, bot):
    """Return the read's outcome, or None while the index of live articles is missing."""
    answer = count_in_redis()(
        keys=[
            live_key(),
            f"{settings.NEWSROOM_REDIS_PREFIX}:{seen_key(article_id, request, now)}",
            pending_key(),
        ],
        args=[
            article_id,
            now.timestamp(),
            settings.NEWSROOM_READ_DEDUPE_SECONDS,
            f"{article_id}:{hour_of(now)}",
            "1" if bot else "0",
        ],
    )
    return {-2: None, -1: Outcome.NOT_LIVE, 0: Outcome.NOT_COUNTED}.get(
        answer, Outcome.COUNTED
    )


@memoize
def count_in_redis():
    return redis_client().register_script(COUNT_IN_REDIS)


def add_reads(counts):
    """Add {(article_id, hour): reads} to the hourly table in one statement."""
    existing = set(
        Article.objects.filter(
            pk__in={article_id for article_id, _ in counts}
        ).values_list("pk", flat=True)
    )
    rows = [
        (article_id, hour, reads)
        for (article_id, hour), reads in counts.items()
        if article_id in existing
    ]
    if not rows:
        return 0
    table = connection.ops.quote_name(ReadCount._meta.db_table)
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    # PostgreSQL and SQLite share this upsert; the ORM's cannot add to the stored count.
    sql = (
        f"INSERT INTO {table} (article_id, hour, count) VALUES {values} "
        f"ON CONFLICT (article_id, hour) DO UPDATE SET count = {table}.count + excluded.count"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
    return sum(reads for _, _, reads in rows)


@memoize
def redis_client():
    # A Redis that does not answer must cost a reader a fraction of a second, not a worker.
    return redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=0.25, socket_timeout=0.5
    )


def live_key():
    return f"{settings.NEWSROOM_REDIS_PREFIX}:reads:live"


def rebuild_live_index(client):
    """Fill the hash of published articles from the database, one process at a time."""
    if not client.set(f"{live_key()}:rebuilding", 1, nx=True, ex=60):
        return
    rows = Article.objects.filter(status=Article.Status.PUBLISHED).values_list(
        "pk", "published_at"
    )
    building = f"{live_key()}:building"
    client.delete(building)
    batch = {}
    for pk, published_at in rows.iterator(chunk_size=10_000):
        batch[pk] = published_at.timestamp()
        if len(batch) == 10_000:
            client.hset(building, mapping=batch)
            batch = {}
    # A placeholder keeps an empty newsroom's hash in existence.
    client.hset(building, mapping={**batch, 0: float("inf")})
    # Refreshed daily, so nothing that slipped past update_live() lasts.
    client.expire(building, 24 * 60 * 60)
    client.rename(building, live_key())
    client.delete(f"{live_key()}:rebuilding")


def update_live(article_id, published_at):
    """Record in Redis from when an article is published (None: it is not)."""
    if not settings.REDIS_URL:
        return
    try:
        client = redis_client()
        if published_at is None:
            client.hdel(live_key(), article_id)
        elif client.exists(live_key()):
            client.hset(live_key(), article_id, published_at.timestamp())
    except redis.RedisError:
        pass  # The hash is rebuilt from the database once it has expired.


def forget_most_read():
    """Drop the cached ranking, e.g. after an article in it was withdrawn."""
    cache.delete(MOST_READ_CACHE_KEY)


def pending_key():
    return f"{settings.NEWSROOM_REDIS_PREFIX}:reads:pending"


def flush_pending_reads():
    """
    Move counts buffered in Redis into the hourly table; return how many reads moved.

    The pending hash is renamed before it is read, so reads arriving meanwhile
    start a new hash; a flush that dies half-way leaves its renamed hash to be
    picked up by the next run.
    """
    client = redis_client()
    flushing_prefix = f"{settings.NEWSROOM_REDIS_PREFIX}:reads:flushing:"
    if client.exists(pending_key()):
        try:
            client.rename(pending_key(), f"{flushing_prefix}{uuid.uuid4().hex}")
        except redis.ResponseError:
            pass  # Another flush renamed it first.
    moved = 0
    for key in client.scan_iter(match=f"{flushing_prefix}*"):
        counts = {}
        for field, reads in client.hgetall(key).items():
            article_id, hour = (int(part) for part in field.decode().split(":"))
            counts[(article_id, hour)] = int(reads)
        with transaction.atomic():
            moved += add_reads(counts)
        client.delete(key)
    return moved


def prune_old_reads(now=None):
    """Delete hourly counts older than the ranking window; return how many rows went."""
    now = now or timezone.now()
    oldest = hour_of(now - timedelta(days=settings.NEWSROOM_MOST_READ_WINDOW_DAYS + 1))
    deleted, _ = ReadCount.objects.filter(hour__lt=oldest).delete()
    return deleted


RANKED_FIELDS = (
    "id",
    "headline",
    "slug",
    "published_at",
    "section__name",
    "section__slug",
    "score",
)


def ranked_articles(limit, now=None):
    """
    Return up to limit published articles as dicts, by decayed readership,
    best first, topped up with the newest published ones: one query.

    The query is the union of the articles read within the window (found from
    the hourly table's index) and the newest `limit` articles (found from the
    publication-time index), so it never scans the whole archive.
    """
    now = now or timezone.now()
    first_hour = hour_of(now - timedelta(days=settings.NEWSROOM_MOST_READ_WINDOW_DAYS))
    published = Article.objects.published()
    hours_since = ExpressionWrapper(
        Value(now.timestamp() / 3600) - F("read_counts__hour"),
        output_field=FloatField(),
    )
    weight = ExpressionWrapper(
        F("read_counts__count")
        * Power(Value(0.5), hours_since / Value(float(half_life_hours()))),
        output_field=FloatField(),
    )
    read_recently = (
        published.filter(read_counts__hour__gte=first_hour)
        .annotate(score=Sum(weight))
        .values(*RANKED_FIELDS)
        .order_by()
    )
    # With fewer than `limit` articles there is no limit-th newest: take them all.
    oldest_of_the_newest = Coalesce(
        Subquery(published.newest_first().values("published_at")[limit - 1 : limit]),
        Value(EPOCH),
    )
    newest = (
        published.filter(published_at__gte=oldest_of_the_newest)
        .annotate(score=Value(0.0, output_field=FloatField()))
        .values(*RANKED_FIELDS)
        .order_by()
    )
    # An article can be in both parts; twice the limit leaves room to drop repeats.
    rows = read_recently.union(newest, all=True).order_by(
        "-score", "-published_at", "-id"
    )[: 2 * limit]
    ranked, seen = [], set()
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            ranked.append(row)
    return ranked[:limit]


def most_read(exclude=None, size=None):
    """
    Return the most-read list as dicts for the sidebar, without the excluded
    article; cached for NEWSROOM_MOST_READ_CACHE_SECONDS.
    """
    size = size or settings.NEWSROOM_MOST_READ_SIZE
    ranked = cache.get(MOST_READ_CACHE_KEY)
    if ranked is None:
        ranked = [
            {
                "id": row["id"],
                "headline": row["headline"],
                "section": row["section__name"],
                "published_at": row["published_at"],
                "url": reverse(
                    "articles:detail",
                    kwargs={"section": row["section__slug"], "slug": row["slug"]},
                ),
            }
            for row in ranked_articles(settings.NEWSROOM_MOST_READ_SIZE + 1)
        ]
        cache.set(
            MOST_READ_CACHE_KEY, ranked, settings.NEWSROOM_MOST_READ_CACHE_SECONDS
        )
    excluded_id = getattr(exclude, "pk", exclude)
    return [entry for entry in ranked if entry["id"] != excluded_id][:size]
