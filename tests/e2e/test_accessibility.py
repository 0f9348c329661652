"""axe-core's accessibility rules on the pages readers see and on the article form journalists use."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from articles.models import Article


def violations(page, impacts):
    """Return axe's violations of the given impacts on page, one readable line each."""
    found = Axe().run(page).response["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} — "
        + ", ".join(" ".join(node["target"]) for node in rule["nodes"])
        for rule in found
        if rule["impact"] in impacts
    ]


@pytest.mark.parametrize(
    "page_name", ["home page", "section front", "article page"], ids=str
)
def test_public_pages_have_no_serious_or_critical_accessibility_violations(
    new_page, story, page_name
):
    url = {
        "home page": "/",
        "section front": story.section.get_absolute_url(),
        "article page": story.get_absolute_url(),
    }[page_name]
    reader = new_page()
    reader.goto(url)

    problems = violations(reader, impacts={"serious", "critical"})
    assert not problems, f"On the {page_name}:\n" + "\n".join(problems)


def test_article_form_has_no_critical_or_avoidable_serious_violations(
    new_page, story, editor
):
    # In review, the editor's form has every part: fields, inlines and the
    # whole workflow panel (publication time, note, four buttons).
    Article.objects.filter(pk=story.pk).update(status=Article.Status.IN_REVIEW)
    desk = new_page(editor)
    desk.goto(reverse("admin:articles_article_change", args=[story.pk]))

    problems = violations(desk, impacts={"critical"})
    assert not problems, "On the article form:\n" + "\n".join(problems)
    # Serious: only Django's own breadcrumbs (links told apart by colour) remain.
    ours = [
        problem
        for problem in violations(desk, impacts={"serious"})
        if not problem.startswith("link-in-text-block")
    ]
    assert not ours, "On the article form:\n" + "\n".join(ours)
