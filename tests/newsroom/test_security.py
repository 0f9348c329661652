"""
The site's security settings as a reader, a member of staff and an operator
meet them: HTTPS and its cookies, the protective headers, the Content
Security Policy, and `check --deploy` with the README's production variables.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from articles.embed_providers import frame_origins
from tests.factories import PASSWORD, make_article, make_section, make_user

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent.parent
# The variables the README's production steps export.
README_PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3Jd9-2vQx_Lm0pZr8sTw4yUe6iOa1bNc5hVg7fXj2KqR0tYdSzPmLwEoIuA",
    "DJANGO_ALLOWED_HOSTS": "news.example.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://news.example.com",
    "DATABASE_URL": "postgres://newsroom@127.0.0.1:5432/newsroom",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "MEDIA_ROOT": "/srv/newsroom/media",
    "STATIC_ROOT": "/srv/newsroom/static",
    "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
}
PRINT_SECURITY = (
    "import json, django; from django.conf import settings; "
    "print(json.dumps({'proxy_header': settings.SECURE_PROXY_SSL_HEADER, "
    "'redirect': settings.SECURE_SSL_REDIRECT, 'preload': settings.SECURE_HSTS_PRELOAD, "
    "'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
)


def production_env(**overrides):
    """Return this process's environment with only the given production variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_", "REDIS_URL", "AWS_", "SERVE_", "SECURE_", "MEDIA_")
        )
    }
    env.update(README_PRODUCTION, DJANGO_SETTINGS_MODULE="newsroom.settings")
    env.update(overrides)
    return env


def security_settings(**env):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SECURITY],
        cwd=PROJECT,
        env=production_env(**env),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def directives(response):
    """Return the Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def test_check_deploy_with_the_readme_production_variables_is_clean():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=production_env(),
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


def test_in_production_plain_http_is_redirected_to_https_unless_turned_off():
    assert security_settings()["redirect"] is True
    assert security_settings(SECURE_SSL_REDIRECT="0")["redirect"] is False


def test_a_plain_http_request_is_sent_to_the_same_address_over_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/politics/?page=2")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/politics/?page=2"


def test_a_request_over_https_carries_hsts_for_a_year_without_preload(client):
    response = client.get("/", secure=True)

    assert (
        response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    )


def test_hsts_preload_is_opted_into_with_a_variable():
    assert security_settings()["preload"] is False
    assert security_settings(SECURE_HSTS_PRELOAD="1")["preload"] is True


@pytest.mark.parametrize("page", ["home page", "article page", "admin login"])
def test_every_page_denies_framing_sniffing_referrers_and_browser_features(
    client, page
):
    story = make_article(headline="Harbour bridge reopens")
    url = {
        "home page": "/",
        "article page": story.get_absolute_url(),
        "admin login": reverse("admin:login"),
    }[page]

    response = client.get(url, secure=True)

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    features = dict(
        item.split("=") for item in response["Permissions-Policy"].split(", ")
    )
    assert features["camera"] == features["geolocation"] == "()"
    # Full screen for this site and for the embed frames it may load, no one else.
    assert features["fullscreen"] == "(self {})".format(
        " ".join(f'"{origin}"' for origin in frame_origins(settings.EMBED_PROVIDERS))
    )
    policy = directives(response)
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]


def test_public_pages_carry_the_same_policy_for_every_reader_so_caches_may_share_it(
    site,
):
    story = make_article(headline="Harbour bridge reopens")
    section = make_section(name="World", slug="world")
    make_article(headline="Ferry strike ends", section=section)

    for url in ["/", story.get_absolute_url(), "/world/", "/search/?q=bridge"]:
        first, second = site.get(url), site.get(url)
        assert first.status == 200, url
        policy = first.headers["content-security-policy"]
        assert "nonce-" not in policy, f"{url} needs no nonce: it has no inline code"
        assert second.headers["content-security-policy"] == policy
        assert "nonce=" not in first.text, url
        assert not re.search(r"<style|\sstyle=", first.text), url
        scripts = re.findall(r"<script([^>]*)>", first.text)
        assert all(
            "src=" in attributes or 'type="application/ld+json"' in attributes
            for attributes in scripts
        ), f"{url} has an inline script: {scripts}"


def test_images_come_from_the_site_and_the_host_uploads_are_linked_from():
    assert security_settings()["img_src"] == ["'self'"]
    assert security_settings(MEDIA_URL="https://media.example.com/uploads/")[
        "img_src"
    ] == ["'self'", "https://media.example.com"]
    assert security_settings(
        AWS_STORAGE_BUCKET_NAME="news-images",
        AWS_S3_CUSTOM_DOMAIN="images.example.com",
    )["img_src"] == ["'self'", "https://images.example.com"]


def test_staff_cookies_are_secure_and_the_session_is_out_of_reach_of_scripts(
    client, editor
):
    login = reverse("admin:login")
    client.get(login, secure=True)
    assert client.cookies["csrftoken"]["secure"] is True

    client.post(
        login,
        {"username": editor.username, "password": PASSWORD, "next": "/admin/"},
        secure=True,
    )

    session = client.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True


def test_admin_pages_run_no_inline_script_or_style_but_by_the_pages_nonce(client):
    story = make_article(headline="Harbour bridge reopens")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{app}_{model}_{view}")
        for app, model in [
            ("articles", "article"),
            ("articles", "section"),
            ("taggit", "tag"),
            ("auth", "user"),
            ("auth", "group"),
        ]
        for view in ["changelist", "add"]
    ]
    urls += [
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:articles_article_revisions", args=[story.pk]),
    ]

    for url in urls:
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        nonces = re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        inline = re.findall(
            r"<(?:script(?![^>]*\ssrc=)(?![^>]*application/(?:ld\+)?json)|style)\b([^>]*)>",
            html,
        )
        assert all(f'nonce="{n}"' in tag for tag in inline for n in nonces[:1]), url
        assert not inline or nonces, f"{url} has inline code but no nonce"
        assert not re.search(r"<[^>]+\sstyle=", html), f"{url} has a style attribute"


def test_the_proxy_header_to_believe_is_read_from_the_environment():
    assert security_settings()["proxy_header"] is None
    assert security_settings(SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")[
        "proxy_header"
    ] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.parametrize("trusted", [True, False], ids=["trusted", "not trusted"])
def test_behind_a_tls_proxy_absolute_urls_say_https_only_when_its_header_is_trusted(
    site, settings, trusted
):
    settings.SECURE_PROXY_SSL_HEADER = (
        ("HTTP_X_FORWARDED_PROTO", "https") if trusted else None
    )
    story = make_article(headline="Harbour bridge reopens")
    scheme = "https" if trusted else "http"
    article_url = f"{scheme}://testserver{story.get_absolute_url()}"

    for url in [story.get_absolute_url(), "/feeds/rss/", "/sitemap-articles.xml"]:
        answer = site.get(url, host="testserver", x_forwarded_proto="https")
        assert answer.status == 200, url
        assert article_url in answer.text, url
        assert f"{'http' if trusted else 'https'}://testserver/" not in answer.text, url
    page = site.get(
        story.get_absolute_url(), host="testserver", x_forwarded_proto="https"
    ).text
    assert f'<link rel="canonical" href="{article_url}">' in page
