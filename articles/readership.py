"""
Counting reads and ranking the most-read articles: the only place either happens.

A read is counted from the page's beacon, at most once per visitor per article
per half hour, and kept as a count per article per clock hour. The ranking
weighs each read by its age: a read is worth 0.5 ** (hours since / half-life).
That decay factorises, so each article also keeps one running weight
(ReadScore), updated whenever hourly counts are added or pruned, and the
ranking walks an index of weights instead of summing every hourly row.
See docs/most-read.md.
"""

import enum
import hashlib
import ipaddress
import math
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache as memoize

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Exists, F, FloatField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from articles.models import AppliedReadBatch, Article, ReadCount, ReadScore
from newsroom import pagecache
from newsroom.cache import Breaker

# Crawlers, link unfurlers, monitors, scripts and headless browsers.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiv|facebookexternalhit|embedly|preview|headless|"
    r"lighthouse|pingdom|monitor|curl|wget|python|httpclient|java/|go-http|okhttp|"
    r"libwww|scrapy|axios|node-fetch|phantomjs|selenium|playwright",
    re.IGNORECASE,
)
MOST_READ_CACHE_KEY = "most-read:v1"
# Of NEWSROOM_MOST_READ_CACHE_SECONDS, each process keeps its copy of the
# list this long at most and Redis the rest; forget_most_read() drops every copy.
MOST_READ_COPY_SECONDS = 10
redis_breaker = Breaker("Redis, for counting reads")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def half_life_hours():
    return settings.NEWSROOM_MOST_READ_HALF_LIFE_HOURS


def hour_of(moment):
    """Return the clock hour a moment falls in, as hours since the Unix epoch."""
    return int(moment.timestamp() // 3600)


def base_hour(now):
    """
    Return the hour that weights are counted from at this moment.

    It moves every 400 half-lives, so that the exponents in a weight stay
    within a few hundred and a double never overflows.
    """
    span = math.ceil(400 * half_life_hours())
    return hour_of(now) // span * span


def weight_of(reads, hour, base):
    """Return what reads in this hour add to a weight counted from base."""
    return reads * 2.0 ** ((hour - base) / half_life_hours())


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


def client_network(request):
    """
    Return the reader's address, an IPv6 one cut to its /64: one home or
    phone is given a whole /64, so its other addresses are the same reader.
    """
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)


def visitor_hash(request, day):
    """
    Return an anonymous id for today's visitor; the salt is random and
    forgotten after two days. The address alone identifies the visitor:
    with the user agent too, one client sending beacons under 200 user
    agents counted 200 reads.
    """
    material = "\n".join([daily_salt(day), client_network(request)])
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def seen_key(article_id, visitor):
    """Return the cache key that marks this visitor as having read this article lately."""
    return f"read-seen:{article_id}:{visitor}"


def rate_key(visitor, now):
    """Return the cache key counting this visitor's beacons in this clock minute."""
    return f"read-rate:{visitor}:{int(now.timestamp() // 60)}"


class Outcome(enum.Enum):
    COUNTED = "counted"
    NOT_COUNTED = (
        "not counted"  # a bot, a repeat within the half hour, or too many beacons
    )
    NOT_LIVE = "not live"


# One round trip: is the article live (see is_live), is this visitor within
# its beacons a minute, has it read the article lately, and if not, count the
# read in this hour's buffer.
COUNT_IN_REDIS = """
local published = redis.call('HGET', KEYS[1], ARGV[1])
if not published then
    if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
    return -2
end
if tonumber(published) > tonumber(ARGV[2]) then return -1 end
if ARGV[5] == '1' then return 0 end
local beacons = redis.call('INCR', KEYS[4])
if beacons == 1 then redis.call('EXPIRE', KEYS[4], 120) end
if beacons > tonumber(ARGV[6]) then return 0 end
if not redis.call('SET', KEYS[2], 1, 'NX', 'EX', ARGV[3]) then return 0 end
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
return 1
"""


def record_read(article_id, request):
    """
    Count one read of a live article unless it is a bot's, a repeat, or
    beyond the visitor's beacons a minute, and say what happened.
    """
    now = timezone.now()
    if settings.REDIS_URL:
        outcome = record_in_redis_only(article_id, request, now)
        if outcome is None and redis_breaker.closed():
            # Redis answers but lost the index of live articles (a restart, say).
            try:
                rebuild_live_index(redis_client())
            except redis.RedisError as error:
                redis_breaker.failed(error)
            outcome = record_in_redis_only(article_id, request, now)
        if outcome is not None:
            return outcome
    bot = is_bot(request.META.get("HTTP_USER_AGENT", ""))
    visitor = visitor_hash(request, now.date())
    if not Article.objects.published().filter(pk=article_id).exists():
        return Outcome.NOT_LIVE
    if (
        bot
        or over_beacon_rate(visitor, now)
        or not cache.add(
            seen_key(article_id, visitor), 1, settings.NEWSROOM_READ_DEDUPE_SECONDS
        )
    ):
        return Outcome.NOT_COUNTED
    add_reads({(article_id, hour_of(now)): 1})
    return Outcome.COUNTED


def record_in_redis_only(article_id, request, now):
    """
    Count the read as record_read() would, in Redis alone; return None when
    Redis cannot settle it (down, or the index of live articles missing).
    """
    if not redis_breaker.closed():
        return None
    bot = is_bot(request.META.get("HTTP_USER_AGENT", ""))
    visitor = visitor_hash(request, now.date())
    try:
        return record_in_redis(article_id, visitor, now, bot)
    except redis.RedisError as error:
        redis_breaker.failed(error)
        return None


def over_beacon_rate(visitor, now):
    """Count a beacon from visitor in the cache; return whether it is beyond this minute's allowance."""
    key = rate_key(visitor, now)
    cache.add(key, 0, 120)
    try:
        beacons = cache.incr(key)
    except ValueError:  # Evicted or expired between add and incr: start again.
        cache.set(key, 1, 120)
        beacons = 1
    return beacons > settings.NEWSROOM_READ_BEACONS_PER_MINUTE


def record_in_redis(article_id, visitor, now, bot):
    """Return the read's outcome, or None while the index of live articles is missing."""
    prefix = settings.NEWSROOM_REDIS_PREFIX
    answer = count_in_redis()(
        keys=[
            live_key(),
            f"{prefix}:{seen_key(article_id, visitor)}",
            pending_key(),
            f"{prefix}:{rate_key(visitor, now)}",
        ],
        args=[
            article_id,
            now.timestamp(),
            settings.NEWSROOM_READ_DEDUPE_SECONDS,
            f"{article_id}:{hour_of(now)}",
            "1" if bot else "0",
            settings.NEWSROOM_READ_BEACONS_PER_MINUTE,
        ],
    )
    return {-2: None, -1: Outcome.NOT_LIVE, 0: Outcome.NOT_COUNTED}.get(
        answer, Outcome.COUNTED
    )


@memoize
def count_in_redis():
    return redis_client().register_script(COUNT_IN_REDIS)


def add_reads(counts):
    """Add {(article_id, hour): reads} to the hourly table and the articles' weights."""
    existing = set(
        Article.objects.filter(
            pk__in={article_id for article_id, _ in counts}
        ).values_list("pk", flat=True)
    )
    # In key order, so that concurrent flushes lock rows in the same order.
    rows = sorted(
        (article_id, hour, reads)
        for (article_id, hour), reads in counts.items()
        if article_id in existing
    )
    if not rows:
        return 0
    table = connection.ops.quote_name(ReadCount._meta.db_table)
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    # PostgreSQL and SQLite share this upsert; the ORM's cannot add to the stored count.
    sql = (
        f"INSERT INTO {table} (article_id, hour, count) VALUES {values} "
        f"ON CONFLICT (article_id, hour) DO UPDATE SET count = {table}.count + excluded.count"
    )
    base = base_hour(timezone.now())
    weights = {}
    for article_id, hour, reads in rows:
        weights[article_id] = weights.get(article_id, 0.0) + weight_of(
            reads, hour, base
        )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
        add_weights(cursor, weights, base)
    return sum(reads for _, _, reads in rows)


def add_weights(cursor, weights, base):
    """
    Add {article_id: weight} to the articles' scores counted from base.

    A score counted from another base or half-life is left alone: it is out
    of date, and rebuild_scores() recomputes it from the hourly table.
    """
    table = connection.ops.quote_name(ReadScore._meta.db_table)
    half_life = float(half_life_hours())
    for batch in batches(sorted(weights.items())):
        values = ", ".join(["(%s, %s, %s, %s)"] * len(batch))
        cursor.execute(
            f"INSERT INTO {table} (article_id, weight, base_hour, half_life) "
            f"VALUES {values} ON CONFLICT (article_id) DO UPDATE SET weight = CASE "
            f"WHEN {table}.base_hour = excluded.base_hour "
            f"AND {table}.half_life = excluded.half_life "
            f"THEN {table}.weight + excluded.weight ELSE {table}.weight END",
            [
                value
                for article_id, weight in batch
                for value in (article_id, float(weight), base, half_life)
            ],
        )


def batches(items, size=5_000):
    """Split items into lists small enough for one statement's parameters on any database."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def scores_out_of_date(now=None):
    """Say whether rebuild_scores() is due: the half-life or the base hour changed, or scores were never built."""
    now = now or timezone.now()
    base, half_life = base_hour(now), float(half_life_hours())
    # Spelt as ranges, not "not current", so that it is a few probes of the index.
    stale = (
        Q(base_hour__lt=base)
        | Q(base_hour__gt=base)
        | Q(base_hour=base, half_life__lt=half_life)
        | Q(base_hour=base, half_life__gt=half_life)
    )
    if ReadScore.objects.exists():
        return ReadScore.objects.filter(stale).exists()
    return ReadCount.objects.exists()


def rebuild_scores(now=None):
    """
    Recompute every article's weight from the hourly table, in one statement;
    return how many articles have one.

    Needed when the half-life or the base hour changes, and after anything
    writes the hourly table in bulk without add_reads().
    """
    now = now or timezone.now()
    base = base_hour(now)
    scores = connection.ops.quote_name(ReadScore._meta.db_table)
    counts = connection.ops.quote_name(ReadCount._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Holds off writers of hourly counts until the new weights are
            # committed, so no read is added between the sum and its storage.
            cursor.execute(f"LOCK TABLE {counts} IN SHARE MODE")
        # Django gives SQLite a POWER(); the casts keep PostgreSQL out of NUMERIC.
        cursor.execute(
            f"INSERT INTO {scores} (article_id, weight, base_hour, half_life) "
            f"SELECT article_id, SUM(CAST(count AS DOUBLE PRECISION) * POWER("
            f"CAST(2 AS DOUBLE PRECISION), CAST(hour - %s AS DOUBLE PRECISION) / %s)), "
            f"%s, %s FROM {counts} GROUP BY article_id "
            f"ON CONFLICT (article_id) DO UPDATE SET weight = excluded.weight, "
            f"base_hour = excluded.base_hour, half_life = excluded.half_life",
            [base, float(half_life_hours()), base, float(half_life_hours())],
        )
        cursor.execute(
            f"DELETE FROM {scores} WHERE NOT EXISTS "
            f"(SELECT 1 FROM {counts} WHERE {counts}.article_id = {scores}.article_id)"
        )
        if connection.vendor == "postgresql":
            # Without fresh statistics the planner scans every article for the
            # ranking (700 ms at 100,000) instead of walking the weight index.
            cursor.execute(f"ANALYZE {scores}")
    return ReadScore.objects.count()


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
    pagecache.forget_remembered()


def pending_key():
    return f"{settings.NEWSROOM_REDIS_PREFIX}:reads:pending"


def batches_key():
    """Return the key of the set that lists the batches waiting to be flushed."""
    return f"{settings.NEWSROOM_REDIS_PREFIX}:reads:batches"


def batch_key(batch_id):
    return f"{settings.NEWSROOM_REDIS_PREFIX}:reads:flushing:{batch_id}"


# One step, so that no crash can leave a batch that is not listed.
START_BATCH = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
"""


@memoize
def start_batch():
    return redis_client().register_script(START_BATCH)


def flush_pending_reads():
    """
    Move counts buffered in Redis into the hourly table; return how many reads moved.

    The pending hash is renamed to a batch of its own, listed in a set, before
    it is read, so reads arriving meanwhile start a new hash. A batch's counts
    are committed together with a record that it was applied, so a flush that
    dies at any point is safe to run again: a batch left in Redis is applied by
    the next run, or only deleted if its counts are already in the table. The
    set, not a SCAN of the keyspace, finds the batches, so a flush costs the
    same few commands however many other keys Redis holds.
    """
    client = redis_client()
    new_batch = uuid.uuid4().hex
    start_batch()(
        keys=[pending_key(), batch_key(new_batch), batches_key()], args=[new_batch]
    )
    moved = 0
    for member in client.smembers(batches_key()):
        batch_id = member.decode()
        counts = {}
        for field, reads in client.hgetall(batch_key(batch_id)).items():
            article_id, hour = (int(part) for part in field.decode().split(":"))
            counts[(article_id, hour)] = int(reads)
        with transaction.atomic():
            # A concurrent flush of the same batch waits here on the primary key.
            _, new = AppliedReadBatch.objects.get_or_create(batch_id=batch_id)
            if new:
                moved += add_reads(counts)
        # In this order: a batch still listed but gone is only unlisted next time.
        client.delete(batch_key(batch_id))
        client.srem(batches_key(), batch_id)
    # A batch is found again only by the run right after a crash.
    AppliedReadBatch.objects.filter(
        applied_at__lt=timezone.now() - timedelta(days=7)
    ).delete()
    return moved


def prune_old_reads(now=None):
    """
    Delete hourly counts older than the ranking window and take them out of
    the articles' weights; return how many rows went.

    An article left with no reads loses its score row, so that rounding
    leftovers never rank it above the newest articles.
    """
    now = now or timezone.now()
    oldest = hour_of(now - timedelta(days=settings.NEWSROOM_MOST_READ_WINDOW_DAYS))
    base = base_hour(now)
    counts = connection.ops.quote_name(ReadCount._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {counts} WHERE hour < %s RETURNING article_id, hour, count",
            [oldest],
        )
        pruned = cursor.fetchall()
        if not pruned:
            return 0
        weights = {}
        for article_id, hour, reads in pruned:
            weights[article_id] = weights.get(article_id, 0.0) - weight_of(
                reads, hour, base
            )
        add_weights(cursor, weights, base)
        has_reads = Exists(ReadCount.objects.filter(article=OuterRef("pk")))
        for batch in batches(list(weights)):
            ReadScore.objects.filter(pk__in=batch).exclude(has_reads).delete()
    return len(pruned)


RANKED_FIELDS = (
    "id",
    "headline",
    "slug",
    "published_at",
    "section__name",
    "section__slug",
    "score",
)


@dataclass
class HourOfReads:
    starts: datetime
    reads: int


def reads_per_hour(article_id, hours, now=None):
    """
    Return the article's reads in each of the last `hours` clock hours, the
    current one included, oldest first; an hour without reads counts 0.
    """
    last = hour_of(now or timezone.now())
    first = last - hours + 1
    counts = (
        ReadCount.objects.filter(article_id=article_id).in_hours(first, last).per_hour()
    )
    return [
        HourOfReads(EPOCH + timedelta(hours=hour), counts.get(hour, 0))
        for hour in range(first, last + 1)
    ]


def most_read_between(first_hour, last_hour, section=None, limit=20):
    """
    Return [(article, reads)] for the live articles read most in the clock
    hours first_hour to last_hour, most read first, from the hourly table the
    most-read list is built from.
    """
    counts = ReadCount.objects.in_hours(first_hour, last_hour).filter(
        article__in=Article.objects.published()
    )
    if section is not None:
        counts = counts.filter(article__section=section)
    top = list(counts.per_article()[:limit])
    articles = Article.objects.with_byline().in_bulk([row["article"] for row in top])
    return [
        (articles[row["article"]], row["reads"])
        for row in top
        if row["article"] in articles
    ]


def ranked_articles(limit, now=None):
    """
    Return up to limit published articles as dicts, by decayed readership,
    best first, topped up with the newest published ones: one query.

    The query is the union of the `limit` best-read articles (found by walking
    the index of weights) and the newest `limit` articles (found from the
    publication-time index), so its cost depends on neither the number of
    reads nor the size of the archive. Only weights counted from the current
    base hour and half-life rank; flush_reads rebuilds the others.
    """
    now = now or timezone.now()
    base = base_hour(now)
    half_life = float(half_life_hours())
    published = Article.objects.published()
    best_read_ids = (
        published.filter(read_score__base_hour=base, read_score__half_life=half_life)
        .order_by("-read_score__weight", "-published_at", "-pk")
        .values("pk")[:limit]
    )
    # The weight counts from the base hour; this brings it to the present.
    to_now = 2.0 ** ((base - now.timestamp() / 3600) / half_life)
    best_read = (
        Article.objects.filter(pk__in=best_read_ids)
        .annotate(
            score=F("read_score__weight") * Value(to_now, output_field=FloatField())
        )
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
    rows = best_read.union(newest, all=True).order_by("-score", "-published_at", "-id")[
        : 2 * limit
    ]
    ranked, seen = [], set()
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            ranked.append(row)
    return ranked[:limit]


def stories_with_reads(now=None):
    """
    Return the ids of the stories in the public most-read list that are
    there for their reads; the rest of the list is topped up with the newest.
    """
    size = settings.NEWSROOM_MOST_READ_SIZE
    return [row["id"] for row in ranked_articles(size, now) if row["score"] > 0]


def most_read(exclude=None, size=None):
    """
    Return the most-read list as dicts for the sidebar, without the excluded
    article; at most NEWSROOM_MOST_READ_CACHE_SECONDS old.
    """
    size = size or settings.NEWSROOM_MOST_READ_SIZE
    _shared_seconds, copy_seconds = most_read_lifetimes()
    ranked = pagecache.remembered(MOST_READ_CACHE_KEY, shared_most_read, copy_seconds)
    excluded_id = getattr(exclude, "pk", exclude)
    return [entry for entry in ranked if entry["id"] != excluded_id][:size]


def most_read_lifetimes():
    """Split the list's lifetime between Redis and each process's copy: (shared, copy) seconds."""
    total = settings.NEWSROOM_MOST_READ_CACHE_SECONDS
    copy_seconds = min(MOST_READ_COPY_SECONDS, total // 2)
    return total - copy_seconds, copy_seconds


def shared_most_read():
    """Return the ranked list every process shares, ranking it when the cache has none."""
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
        shared_seconds, _copy_seconds = most_read_lifetimes()
        cache.set(MOST_READ_CACHE_KEY, ranked, shared_seconds)
    return ranked
