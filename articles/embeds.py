"""
Embeds: a link pasted alone in a paragraph, resolved through its service's oEmbed endpoint.

The server asks the provider once, when the story is saved, and keeps what
readers need: the title, our own copy of the thumbnail, the address to frame
and the sanitised oEmbed HTML. Readers' browsers contact nobody until the
reader asks (reading.js); an iframe may only ever load from an origin in
settings.EMBED_PROVIDERS, the list the Content Security Policy's frame-src is
built from. A provider that is slow, down, oversized or hostile costs a save
at most two timeouts and leaves a link card. See docs/live-and-media.md.
"""

import functools
import html
import io
import json
import re
import time
from http.client import HTTPException
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import Request, urlopen

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.images import clean_upload

USER_AGENT = "Newsroom embeds (+https://github.com/)"
THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024

# A paragraph holding only an address, bare or as a link (nh3 writes links
# with href first). What the editor saves is sanitised, so this is its shape.
LONE_LINK = re.compile(
    r'<p>\s*(?:<a href="(?P<href>[^"]+)"[^>]*>[^<]*</a>|(?P<bare>https?://[^\s<]+))\s*</p>'
)
# Top-level blocks of sanitised rich text, whose closing tags end a paragraph of the story.
BLOCK_TAG = re.compile(r"<(/?)(p|ul|ol|blockquote)\b[^>]*>")


def lone_links(text):
    """Return the addresses pasted alone in a paragraph of sanitised rich text, in order."""
    return [_link_of(match) for match in LONE_LINK.finditer(text or "")]


def blocks(text):
    """
    Split sanitised rich text into its top-level blocks, each as (html, url):
    url is the address of a paragraph holding only a link, else None.
    """
    found, start, depth = [], 0, 0
    for tag in BLOCK_TAG.finditer(text or ""):
        depth += -1 if tag.group(1) else 1
        if tag.group(1) and depth == 0:
            piece = text[start : tag.end()]
            lone = LONE_LINK.fullmatch(piece.strip())
            found.append((piece, _link_of(lone) if lone else None))
            start = tag.end()
    if text and text[start:].strip():
        found.append((text[start:], None))
    return found


def _link_of(match):
    return html.unescape(match.group("href") or match.group("bare"))


def provider_for(url):
    """Return (provider, match) for the first provider whose pattern matches url in full, else (None, None)."""
    for provider in settings.EMBED_PROVIDERS:
        for pattern in provider["patterns"]:
            match = re.fullmatch(pattern, url)
            if match:
                return provider, match
    return None, None


def frame_allowed(url):
    """Say whether url may be framed: https (or a listed origin as written) from an origin on the list."""
    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return False
    origin = f"{parts.scheme}://{parts.netloc}"
    return any(
        origin in provider["frame_origins"] for provider in settings.EMBED_PROVIDERS
    )


def clean_oembed_html(text):
    """Return the provider's HTML with no script, no event handler and no iframe from off the list."""
    cleaned = _oembed_cleaner().clean(text or "")
    # An iframe whose address was refused is left empty by the filter; drop it.
    return re.sub(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", "", cleaned, flags=re.S)


@functools.cache
def _oembed_cleaner():
    return nh3.Cleaner(
        tags={"iframe", "blockquote", "p", "a", "br", "em", "strong", "span"},
        attributes={
            "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen"},
            "a": {"href"},
        },
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
        attribute_filter=_keep_listed_frames,
        strip_comments=True,
    )


def _keep_listed_frames(tag, attribute, value):
    if tag == "iframe" and attribute == "src":
        return value if frame_allowed(value) else None
    return value


def resolve(url):
    """
    Return what an Embed keeps for url, or None when no provider serves it:
    provider, title, html, frame_url, width, height and thumbnail (a checked
    image file or None). A provider that fails leaves the title and html
    empty and the frame only where the address alone gives one (a link card
    otherwise); it never raises.
    """
    provider, match = provider_for(url)
    if provider is None:
        return None
    groups = {key: value for key, value in match.groupdict().items() if value}
    found = {
        "provider": provider["name"],
        "title": "",
        "html": "",
        "frame_url": _frame_from(provider, url, groups),
        "width": None,
        "height": None,
        "thumbnail": None,
    }
    if not provider["endpoint"]:
        return found
    query = urlencode({"url": url, "format": "json", "maxwidth": 800})
    separator = "&" if "?" in provider["endpoint"] else "?"
    try:
        answer = json.loads(
            fetch(provider["endpoint"] + separator + query, settings.EMBED_MAX_BYTES)
        )
    except (OSError, ValueError, HTTPException):
        return found
    if not isinstance(answer, dict):
        return found
    cleaned = clean_oembed_html(str(answer.get("html", "")))
    return {
        **found,
        "title": str(answer.get("title", ""))[:300],
        "html": cleaned,
        "frame_url": found["frame_url"] or _frame_from(provider, url, groups, cleaned),
        "width": _dimension(answer.get("width")),
        "height": _dimension(answer.get("height")),
        "thumbnail": _thumbnail(answer.get("thumbnail_url"), provider["endpoint"]),
    }


def _frame_from(provider, url, groups, cleaned_html=None):
    """Return the address to frame, checked against the list, or "" when none is known yet."""
    template = provider.get("frame")
    if cleaned_html is not None:
        if template and provider.get("frame_html"):
            found = re.search(provider["frame_html"], cleaned_html)
            if found:
                groups = {**groups, **found.groupdict()}
        if not template:
            found = re.search(r'<iframe[^>]*\ssrc="([^"]+)"', cleaned_html)
            return html.unescape(found.group(1)) if found else ""
    if not template:
        return ""
    try:
        frame = template.format(url=quote(url, safe=""), raw_url=url, **groups)
    except KeyError:
        return ""
    return frame if frame_allowed(frame) else ""


def _dimension(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= 4000 else None


def _thumbnail(address, endpoint):
    """Return the provider's thumbnail as a checked image file, or None."""
    if not isinstance(address, str):
        return None
    parts = urlsplit(address)
    # Only https, or the endpoint's own origin (a test's local provider).
    same_origin = (
        f"{parts.scheme}://{parts.netloc}"
        == "{0.scheme}://{0.netloc}".format(urlsplit(endpoint))
    )
    if parts.scheme != "https" and not same_origin:
        return None
    try:
        data = fetch(address, THUMBNAIL_MAX_BYTES)
        return clean_upload(SimpleUploadedFile("thumbnail.jpg", data))
    except (OSError, ValueError, HTTPException, ValidationError):
        return None


def fetch(url, max_bytes):
    """
    Return the body at url as bytes, or raise OSError or ValueError: after
    settings.EMBED_TIMEOUT_SECONDS without a byte, past twice that in all
    (a server dripping a byte at a time), or past max_bytes.
    """
    timeout = settings.EMBED_TIMEOUT_SECONDS
    deadline = time.monotonic() + 2 * timeout
    request = Request(url, headers={"User-Agent": USER_AGENT})
    with urlopen(request, timeout=timeout) as response:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise ValueError(
                f"{url} answers {declared} bytes; the limit is {max_bytes}"
            )
        body = io.BytesIO()
        while chunk := response.read1(64 * 1024):
            body.write(chunk)
            if body.tell() > max_bytes:
                raise ValueError(f"{url} answers more than {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} took longer than {2 * timeout} s")
    return body.getvalue()
