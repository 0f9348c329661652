"""axe-core's accessibility rules on the pages readers see."""

import pytest
from axe_playwright_python.sync_playwright import Axe


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
