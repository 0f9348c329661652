"""
The tags field's text: topics separated by commas, as its help text says.

django-taggit's default reading splits on spaces when there is no comma, so
"Local government" alone became two tags, and it shows names with spaces in
quotes; settings.TAGGIT_TAGS_FROM_STRING and TAGGIT_STRING_FROM_TAGS point here.
"""


def split_tags(text):
    """Return the tag names in text, e.g. ["Diplomacy", "Middle East"] for "Diplomacy, Middle East"."""
    return [name.strip() for name in text.split(",") if name.strip()]


def join_tags(tags):
    """Return tags as the field shows them, e.g. "Diplomacy, Middle East"."""
    return ", ".join(sorted(tag.name for tag in tags))
