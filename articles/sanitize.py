"""The one allow-list for rich text: what the editor offers is all that is kept."""

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
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
