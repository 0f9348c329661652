"""
The one allow-list for rich text: what the editor offers is all that is kept.

EDITOR_EXTENSIONS configures django-prose-editor's toolbar; ALLOWED_TAGS and
ALLOWED_ATTRIBUTES are what nh3 keeps. tests/articles/test_sanitize.py holds the
two to each other, so a button cannot be added without the cleaner knowing.
"""

import nh3

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    # The package turns the browser's spell-check off by default; writers need it.
    "NoSpellCheck": False,
}

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote"}
)
# The editor also writes rel on links and type on lists; rel is set below for
# every link instead, and list types are styling the site does not offer.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})

_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_URL_SCHEMES),
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def clean_rich_text(html):
    """Return html reduced to the allow-list; script and style bodies are dropped whole."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # The editor posts an empty paragraph for an empty field.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
