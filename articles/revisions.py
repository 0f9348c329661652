"""
Revisions of an article's text with django-reversion: what a version holds,
how two versions differ, and restoring one.

A version is the article row with its subheadings, authorships and tags
(taggit's links are not model fields, so the Tag rows are followed and their
names read back). Restoring writes only the text: status, publication time
and the public "Updated" time belong to the workflow and stay as they are.
"""

import difflib
import re
from html import unescape

import reversion
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from reversion.models import Version
from taggit.models import Tag

from articles import workflow
from articles.models import Article, ArticleAuthor, Section, Subheading

# Restored as they were; everything else on the row is the workflow's or derived.
RESTORED_FIELDS = [
    "headline",
    "standfirst",
    "dateline",
    "body",
    "hero_alt",
    "hero_caption",
    "hero_credit",
    "seo_title",
    "seo_description",
]

BLOCK_END = re.compile(r"</(p|li|blockquote|ul|ol)>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
TOKEN = re.compile(r"\s+|[^\s]+")


def register():
    """Register the article and what a version of it follows; called once from the app config."""
    reversion.register(Article, follow=("subheadings", "authorships", "tags"))
    reversion.register(Subheading)
    reversion.register(ArticleAuthor)
    reversion.register(Tag)


def save_revision(article, user, comment):
    """Store the article as it is now, with its subheadings, authors and tags."""
    with reversion.create_revision(manage_manually=True):
        reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_to_revision(article)


# A revision's comment reads "<what>: <detail>", so the timeline can say who between them.
CREATED = "Created."
# A save that changed nothing, kept only as the article's first version.
UNCHANGED = "Saved."


def change_summary(message):
    """
    Return a revision comment for what an admin save changed, e.g. "Edited:
    standfirst, lead text; added subheading “What next”", from the admin's
    change message; "" when nothing changed.
    """
    fields, parts = [], []
    for change in message:
        for kind, detail in change.items():
            if kind == "changed" and "name" not in detail:
                fields += [label.lower() for label in detail["fields"]]
            elif kind in {"added", "changed", "deleted"} and "name" in detail:
                verb = {
                    "added": _("added"),
                    "changed": _("edited"),
                    "deleted": _("removed"),
                }[kind]
                parts.append(f"{verb} {detail['name']} “{detail['object']}”")
    if not fields and not parts:
        return ""
    return _("Edited: %(what)s") % {
        "what": "; ".join([", ".join(fields), *parts] if fields else parts)
    }


def has_revisions(article):
    return Version.objects.get_for_object(article).exists()


def versions_of(article):
    """Return the article's versions, newest first, with who saved them."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def describe(version):
    """Return "25 November 2026, 10:41 by Sam Whitfield" for a version."""
    revision = version.revision
    when = date_format(localtime(revision.date_created), "j F Y, H:i")
    if revision.user is None:
        return when
    who = revision.user.get_full_name() or revision.user.get_username()
    return _("%(when)s by %(who)s") % {"when": when, "who": who}


def snapshot(version):
    """Return the readable content of an article version, subheadings and tags included."""
    article = version.field_dict
    related = {"subheadings": [], "authors": [], "tags": []}
    subheading_type, author_type, tag_type = (
        ContentType.objects.get_for_model(model).pk
        for model in (Subheading, ArticleAuthor, Tag)
    )
    for other in version.revision.version_set.all():
        if other.content_type_id == subheading_type:
            related["subheadings"].append(other.field_dict)
        elif other.content_type_id == author_type:
            related["authors"].append(other.field_dict)
        elif other.content_type_id == tag_type:
            related["tags"].append(other.field_dict["name"])
    subheadings = sorted(
        related["subheadings"], key=lambda part: (part["position"], part["id"])
    )
    authorships = sorted(
        related["authors"], key=lambda part: (part["position"], part["id"])
    )
    names = {
        user.pk: user.get_full_name() or user.get_username()
        for user in get_user_model().objects.filter(
            pk__in=[part["author_id"] for part in authorships]
        )
    }
    section = Section.objects.filter(pk=article["section_id"]).first()
    return {
        "article": article,
        "section": section.name if section else "",
        "subheadings": subheadings,
        "authorships": authorships,
        "authors": [names.get(part["author_id"], "?") for part in authorships],
        "tags": sorted(related["tags"], key=str.lower),
    }


def readable_fields(snap):
    """Return (label, plain text) for each part of a snapshot a reader would notice."""
    article = snap["article"]
    fields = [
        (_("Headline"), article["headline"]),
        (_("Slug"), article["slug"]),
        (_("Section"), snap["section"]),
        (_("Standfirst"), article["standfirst"]),
        (_("Dateline"), article["dateline"]),
        (_("Lead text"), html_to_text(article["body"])),
        (_("Authors"), ", ".join(snap["authors"])),
        (_("Tags"), ", ".join(snap["tags"])),
        (_("Image description"), article["hero_alt"]),
        (_("Caption"), article["hero_caption"]),
    ]
    subheadings = "\n\n".join(
        f"## {part['heading']}\n{html_to_text(part['body'])}"
        for part in snap["subheadings"]
    )
    fields.append((_("Subheadings"), subheadings))
    return fields


def html_to_text(html):
    """Return rich text as plain lines, one per paragraph or list item."""
    text = TAG.sub("", BLOCK_END.sub("\n", html or ""))
    return "\n".join(
        line.strip() for line in unescape(text).splitlines() if line.strip()
    )


def diff(old, new):
    """Return [(label, html)] for each field that differs between two snapshots, deletions in <del>, additions in <ins>."""
    changes = []
    for (label, before), (_label, after) in zip(
        readable_fields(old), readable_fields(new), strict=True
    ):
        if before != after:
            changes.append((label, inline_diff(before, after)))
    return changes


def inline_diff(before, after):
    """Return a word-by-word diff of two plain texts as safe HTML."""
    old_tokens, new_tokens = TOKEN.findall(before), TOKEN.findall(after)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = escape("".join(old_tokens[old_start:old_end]))
        added = escape("".join(new_tokens[new_start:new_end]))
        if op == "equal":
            parts.append(added)
            continue
        if removed:
            parts.append(f"<del>{removed}</del>")
        if added:
            parts.append(f"<ins>{added}</ins>")
    return mark_safe("".join(parts))


def restore(article, version, user, based_on):
    """
    Make version the article's current text, subheadings, authors and tags,
    as a new revision; raise PermissionDenied if user may not edit the article
    and EditConflict if it changed after version based_on. Return what could
    not come back and stayed as it is now, as sentences for the editor.
    """
    if not workflow.can_edit(user, article):
        raise PermissionDenied(_("Your role does not allow editing this article."))
    if version.object_id != str(article.pk):
        raise PermissionDenied(_("That version belongs to another article."))
    snap = snapshot(version)
    old = snap["article"]
    kept = []
    # Reversion gives the image back as a file object; storage wants its name.
    old_image = getattr(old["hero_image"], "name", old["hero_image"]) or ""
    with transaction.atomic():
        for name in RESTORED_FIELDS:
            setattr(article, name, old[name])
        # A slug now used by another article, a deleted section or a deleted
        # image file cannot come back; the current one stays.
        if not Article.objects.filter(slug=old["slug"]).exclude(pk=article.pk).exists():
            article.slug = old["slug"]
        elif old["slug"] != article.slug:
            kept.append(
                _("Its address is now another article's, so the current one stays.")
            )
        if Section.objects.filter(pk=old["section_id"]).exists():
            article.section_id = old["section_id"]
        else:
            kept.append(_("Its section was deleted, so the current one stays."))
        if not old_image or default_storage.exists(old_image):
            article.hero_image = old_image
        elif old_image != article.hero_image.name:
            kept.append(
                _("Its hero image has since been deleted, so the current image stays.")
            )
        article.save_versioned(user, based_on=based_on)
        article.subheadings.all().delete()
        for part in snap["subheadings"]:
            Subheading.objects.create(
                article=article,
                heading=part["heading"],
                body=part["body"],
                position=part["position"],
            )
        article.authorships.all().delete()
        living = set(
            get_user_model()
            .objects.filter(pk__in=[part["author_id"] for part in snap["authorships"]])
            .values_list("pk", flat=True)
        )
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(
                article=article,
                author_id=part["author_id"],
                position=part["position"],
                article_published_at=article.listed_at,
            )
            for part in snap["authorships"]
            if part["author_id"] in living
        )
        article.tags.set(snap["tags"])
        # The subheadings were replaced in bulk, past Subheading.delete().
        Article.objects.filter(pk=article.pk).update_search_entries()
        save_revision(
            article,
            user,
            _("Restored: the version of %(version)s") % {"version": describe(version)},
        )
    return kept
