"""Rich text: the editor's buttons and the server's allow-list agree, and hostile markup never lands."""

import pytest
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions

from articles.models import Article, Subheading
from articles.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EDITOR_EXTENSIONS,
    clean_rich_text,
)
from tests.articles.conftest import client_for
from tests.articles.test_admin import article_form
from tests.factories import make_article, make_section

HOSTILE = {
    "script": "<p>Hi</p><script>alert(1)</script>",
    "script-case": "<ScRiPt>alert(1)</sCrIpT><p>Hi</p>",
    "event-handler": '<p onclick="alert(1)" onmouseover="alert(2)">Hi</p>',
    "img-onerror": '<img src=x onerror="alert(1)"><p>Hi</p>',
    "javascript-url": '<p><a href="javascript:alert(1)">Hi</a></p>',
    "javascript-url-mixed-case": '<p><a href="JaVaScRiPt:alert(1)">Hi</a></p>',
    "javascript-url-entities": '<p><a href="jav&#x09;ascript:alert(1)">Hi</a></p>',
    "javascript-url-encoded": '<p><a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">Hi</a></p>',
    "data-url": '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Hi</a></p>',
    "vbscript-url": '<p><a href="vbscript:msgbox(1)">Hi</a></p>',
    "iframe": '<iframe src="https://evil.example/"></iframe><p>Hi</p>',
    "style-element": "<style>body{display:none}</style><p>Hi</p>",
    "style-attribute": '<p style="background:url(javascript:alert(1))">Hi</p>',
    "svg": '<svg onload="alert(1)"><script>alert(1)</script></svg><p>Hi</p>',
    "object-embed": '<object data="x.swf"></object><embed src="x.swf"><p>Hi</p>',
    "form": '<form action="https://evil.example/"><input name="password"></form><p>Hi</p>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>Hi</p>',
    "comment-trick": "<!--<script>alert(1)</script>--><p>Hi</p>",
    "unclosed": '<p>Hi<a href="https://ok.example/" onclick="alert(1)">link',
}
FORBIDDEN = (
    "<script",
    "onclick",
    "onerror",
    "onload",
    "onmouseover",
    "javascript:",
    "vbscript:",
    "data:",
    "<iframe",
    "<style",
    "style=",
    "<svg",
    "<object",
    "<embed",
    "<form",
    "<input",
    "<meta",
    "alert(1)</",
)


def assert_harmless(html):
    lowered = html.lower()
    for marker in FORBIDDEN:
        assert marker not in lowered, f"{marker!r} survived in {html!r}"


def test_editor_offers_exactly_the_tags_the_cleaner_keeps():
    editor = allowlist_from_extensions(EDITOR_EXTENSIONS)
    assert editor["tags"] == set(ALLOWED_TAGS)
    for tag, attributes in ALLOWED_ATTRIBUTES.items():
        assert attributes <= editor["attributes"][tag]


@pytest.mark.parametrize("payload", list(HOSTILE.values()), ids=list(HOSTILE))
def test_cleaner_removes_hostile_markup(payload):
    cleaned = clean_rich_text(payload)
    assert_harmless(cleaned)
    assert "Hi" in cleaned


def test_cleaner_keeps_what_the_editor_makes():
    html = (
        '<p><strong>Bold</strong>, <em>italic</em> and <a href="https://example.com/" title="t">a link</a>.</p>'
        "<ul><li>One</li></ul><ol><li>Two</li></ol><blockquote><p>Quoted</p></blockquote><p>Line<br>break</p>"
    )
    cleaned = clean_rich_text(html)
    for kept in (
        "<strong>Bold</strong>",
        "<em>italic</em>",
        'href="https://example.com/"',
        "<ul><li>One</li></ul>",
        "<ol><li>Two</li></ol>",
        "<blockquote><p>Quoted</p></blockquote>",
        "<br>",
    ):
        assert kept in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


@pytest.mark.django_db
@pytest.mark.parametrize("payload", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_markup_posted_in_the_admin_never_reaches_the_database(
    journalist, payload
):
    data = article_form(make_section(), body=payload, **{"subheadings-0-body": payload})

    response = client_for(journalist).post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302
    article = Article.objects.get()
    assert_harmless(article.body)
    assert_harmless(Subheading.objects.get(article=article).body)


@pytest.mark.parametrize("empty", ["<p></p>", "<p><br></p>", " <p></p>\n"])
def test_a_field_left_empty_in_the_editor_is_stored_empty(empty):
    """The editor posts an empty paragraph; a blank field must compare equal to no text."""
    assert clean_rich_text(empty) == ""
    assert clean_rich_text("<p>Text</p>") == "<p>Text</p>"


@pytest.mark.django_db
def test_model_save_cleans_too():
    article = make_article(body=HOSTILE["svg"])
    subheading = Subheading.objects.create(
        article=article, heading="Part", body=HOSTILE["data-url"]
    )
    article.refresh_from_db()
    subheading.refresh_from_db()
    assert_harmless(article.body)
    assert_harmless(subheading.body)


@pytest.mark.django_db
def test_admin_uses_the_prose_editor_for_both_rich_text_fields(journalist):
    page = (
        client_for(journalist)
        .get(reverse("admin:articles_article_add"))
        .content.decode()
    )
    assert 'name="body"' in page and "data-django-prose-editor-configurable" in page
    assert page.count("data-django-prose-editor-configurable") >= 2, (
        "lead text and subheading text"
    )
