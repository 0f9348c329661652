"""
Gunicorn settings for Newsroom, production and `make bench` alike.

`gunicorn` run from the repository root reads this file; each value can be
overridden from the environment (GUNICORN_BIND, WEB_CONCURRENCY,
FORWARDED_ALLOW_IPS) or the command line. See docs/performance.md for why these
values and docs/deploy.md for the proxies in front.
"""

import os

wsgi_app = "newsroom.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The proxies (nginx, Varnish) whose X-Forwarded-Proto is believed, so that a
# request that reached nginx over TLS is secure to Django; comma-separated.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Sync workers: every page is CPU-bound Python with short database queries, so
# two per core keep the cores busy while one waits on PostgreSQL or Redis.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))

# A request that takes 30 s is stuck; its worker is killed and replaced.
timeout = 30
graceful_timeout = 30
# Recycle each worker now and then to bound slow memory growth; the jitter keeps
# the workers from all restarting (with cold caches) at the same moment.
max_requests = 100_000
max_requests_jitter = 10_000
