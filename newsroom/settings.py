"""
Settings for Newsroom, read from the environment.

Every value has a safe default so that a fresh clone runs on SQLite and local
memory; production sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL
and REDIS_URL. See README.md for the full list.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from articles.embed_providers import PROVIDERS, frame_origins

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(e.g. the output of `python -c 'import secrets; print(secrets.token_urlsafe(50))'`), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-newsroom-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# A refused form gets a page in the site's (or the admin's) look saying what to do.
CSRF_FAILURE_VIEW = "articles.views.csrf_failure"

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    "reversion",
    "django_prose_editor",
    "adminsortable2",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "articles",
    "sections",
    "staff",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers sign-ins refused during a lockout.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

# Behind pgbouncer in transaction mode (docs/deploy.md) each transaction may
# run on another server connection.
DATABASE_TRANSACTION_POOLING = env_bool("DATABASE_TRANSACTION_POOLING")
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # pgbouncer keeps the server connections; one held open per worker
        # would only take a client slot there.
        conn_max_age=int(
            os.environ.get(
                "DATABASE_CONN_MAX_AGE", "0" if DATABASE_TRANSACTION_POOLING else "600"
            )
        ),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with a health check that needs no round trip.
    DATABASES["default"]["ENGINE"] = "newsroom.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A long-lived SQLite connection gains nothing and holds file locks.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # An unreachable database must fail a request in seconds, not hang a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    # A server-side cursor (QuerySet.iterator()) lives on one server connection
    # across transactions, which transaction pooling does not keep.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = DATABASE_TRANSACTION_POOLING

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, answering as an empty cache while Redis is down.
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
        # Rendered fragments, also kept in each process (newsroom/cache.py).
        "template_fragments": {
            "BACKEND": "newsroom.cache.FragmentCache",
            "LOCATION": "newsroom",
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
        }
    }
# Fragments not worth sharing between processes (`{% cache … using="worker_fragments" %}`):
# an article's related list, keyed by what changes often, so that another
# process would rarely read a shared copy before it is out of date, and the
# search result cards, twenty to a page, where a Redis round trip each would
# cost more than rendering them. At most about 10 MB a process; see docs/caching.md.
CACHES["worker_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "worker-fragments",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in (docs/sign-in.md). django-axes counts failed sign-ins per
# username and address in the database, which every app server shares and
# which keeps counting while Redis is down; five lock that pair for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address readership.py counts reads by, right behind nginx and Varnish.
AXES_CLIENT_IP_CALLABLE = "articles.readership.client_ip"
AXES_LOCKOUT_CALLABLE = "staff.views.locked_out"
# Roles that must sign in with a code from an authenticator app, e.g.
# "Editor,Administrator" (superusers too, then); anyone may turn it on.
NEWSROOM_REQUIRE_2FA_FOR = env_list("NEWSROOM_REQUIRE_2FA_FOR")
OTP_TOTP_ISSUER = os.environ.get("NEWSROOM_SITE_NAME", "The Newsroom")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "newsroom.staticfiles.StaticFilesStorage"
        )
    },
}

# Files browsers and crawlers ask for at the root whatever the pages link (/favicon.ico).
WHITENOISE_ROOT = BASE_DIR / "public"

MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads never change under their name, so browsers and CDNs keep them a year.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"

# Uploads go to an S3-compatible bucket when one is named (docs/deploy.md);
# the access keys are read by boto3 from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set but django-storages is not installed: "
            "pip install '.[s3]'"
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # e.g. a CDN in front of the bucket: "media.example.com".
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Pages are cached for minutes: image addresses must not expire or
            # change between renders, so the bucket is read publicly.
            "querystring_auth": False,
            # Two uploads named photo.jpg must not overwrite each other, as on disk.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": MEDIA_CACHE_CONTROL},
        },
    }
# Django answers for MEDIA_ROOT itself unless a bucket holds the uploads; nginx
# in front serves /media/ before a request reaches Django (deploy/nginx.conf).
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=not AWS_STORAGE_BUCKET_NAME)

# Uploads larger than this are refused before Pillow sees them.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12_582_912

# Tags are typed as comma-separated topics (articles/tags.py).
TAGGIT_TAGS_FROM_STRING = "articles.tags.split_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tags.join_tags"

# The full-page cache (newsroom/pagecache.py, docs/caching.md): how long a
# public page may be kept, here and in caches in front; 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Each process keeps the pages it serves most in memory, in front of Redis.
PAGE_CACHE_MEMORY_BYTES = (
    int(os.environ.get("PAGE_CACHE_MEMORY_MB", "32")) * 1024 * 1024
)
# The only query parameters public pages read; others (utm_source, …) share the page.
PAGE_CACHE_QUERY_PARAMETERS = frozenset({"page", "q", "p"})

# How often a reader's open live blog asks for new updates (docs/live-and-media.md).
NEWSROOM_LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", "30"))

# Most-read ranking (see docs/most-read.md).
NEWSROOM_MOST_READ_SIZE = 8
NEWSROOM_MOST_READ_HALF_LIFE_HOURS = float(
    os.environ.get("MOST_READ_HALF_LIFE_HOURS", "24")
)
NEWSROOM_MOST_READ_WINDOW_DAYS = int(os.environ.get("MOST_READ_WINDOW_DAYS", "14"))
NEWSROOM_MOST_READ_CACHE_SECONDS = int(os.environ.get("MOST_READ_CACHE_SECONDS", "60"))
NEWSROOM_READ_DEDUPE_SECONDS = 30 * 60
# Beacons one address may send a minute before the rest are dropped (204,
# never counted): no reader opens 30 articles a minute.
NEWSROOM_READ_BEACONS_PER_MINUTE = 30
# Behind a proxy, the header holding the reader's address, e.g. "HTTP_X_FORWARDED_FOR".
NEWSROOM_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
NEWSROOM_REDIS_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "newsroom")

# Editorial workflow (see docs/workflow.md).
# How long "Sam Whitfield is editing this article" shows after Sam last opened it.
NEWSROOM_EDITING_WINDOW_SECONDS = 5 * 60
# How long a share link to an unpublished article works without logging in.
NEWSROOM_SHARE_LINK_MAX_AGE_SECONDS = 48 * 60 * 60

NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "The Newsroom")
NEWSROOM_SITE_LANGUAGE = "en"

# Varnish or CDN base URLs that receive a BAN for every page a change touches,
# e.g. "http://127.0.0.1:6081" (see docs/frontend-cache.md).
FRONTEND_CACHE_PURGE_URLS = env_list("FRONTEND_CACHE_PURGE_URLS")

# --- Security: HTTPS, cookies, headers and the Content Security Policy ------
# (docs/security.md). Production defaults; DJANGO_DEBUG=1 relaxes what needs TLS.

# Behind a TLS proxy that gunicorn does not already believe (FORWARDED_ALLOW_IPS),
# the header that proxy sets to "https", e.g. "HTTP_X_FORWARDED_PROTO". Only
# safe when the proxy always overwrites it: whoever sets it is believed.
SECURE_PROXY_SSL_HEADER = (
    (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
    if os.environ.get("SECURE_PROXY_SSL_HEADER")
    else None
)
# Off only where nothing speaks TLS (the test suite, `make bench`) or when the
# proxy in front does the redirecting itself.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is hard to undo (browsers ship the list), so a site opts in.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Links to other sites carry no path: a reader's article is nobody else's business.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Links pasted alone in a paragraph become embeds from these services
# (articles/embed_providers.py); resolving one waits at most
# EMBED_TIMEOUT_SECONDS and reads at most EMBED_MAX_BYTES.
EMBED_PROVIDERS = PROVIDERS
EMBED_TIMEOUT_SECONDS = 3
EMBED_MAX_BYTES = 512 * 1024

# Powerful browser features no page here uses; fullscreen is the prose
# editor's and, once the reader loads one, an embedded player's.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "fullscreen": ["self", *frame_origins(EMBED_PROVIDERS)],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}


def media_origins():
    """Return the origins uploaded images are linked from, besides this site."""
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    if AWS_STORAGE_BUCKET_NAME:
        endpoint = os.environ.get("AWS_S3_ENDPOINT_URL")
        if endpoint:
            parts = urlsplit(endpoint)
            return [f"{parts.scheme}://{parts.netloc}"]
        return [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"] + (
            [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{region}.amazonaws.com"]
            if (region := os.environ.get("AWS_S3_REGION_NAME"))
            else []
        )
    parts = urlsplit(MEDIA_URL)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.netloc else []


# Public pages carry no inline script or style, so their policy has no nonce
# and the page cache may share them; a nonce appears only on the staff pages
# that ask for one (request.csp_nonce), which are never cached.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, *media_origins()],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        # The one list the embed sanitiser also frames from (docs/live-and-media.md).
        "frame-src": frame_origins(EMBED_PROVIDERS),
    }
}
INSTALLED_APPS += ["csp"]
MIDDLEWARE[1:1] = [
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
]
