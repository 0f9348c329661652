"""An editor curates the fronts in the admin, in Chromium, and readers see it."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import make_article


def test_an_editor_pins_a_lead_with_the_story_chooser_and_readers_see_it(
    new_page, editor, other_stories
):
    main_story = make_article(
        headline="Flood defences fail in three towns",
        section=other_stories[0].section,
        published_at=timezone.now() - timedelta(hours=20),
    )
    reader = new_page()
    reader.goto("/")
    expect(reader.locator(".card-lead .card-headline")).to_have_text("Other story 1")

    page = new_page(editor)
    page.goto("/admin/sections/frontpin/add/")
    page.get_by_label("Slot").select_option(label="Lead")
    # Django's autocomplete (select2): type part of the headline, pick the story.
    page.locator(".field-article .select2-selection").click()
    page.locator(".select2-search__field").fill("flood")
    page.get_by_role("option", name="Flood defences fail in three towns").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    reader.goto("/")
    expect(reader.locator(".card-lead .card-headline")).to_have_text(
        main_story.headline
    )
    page.goto("/admin/")
    expect(page.locator("#desk-front-changes + ol")).to_contain_text(
        "Flood defences fail in three towns"
    )


def test_the_breaking_news_banner_shows_on_every_page_and_clears(
    new_page, editor, other_stories
):
    reader = new_page()
    reader.goto("/")
    expect(reader.get_by_role("complementary", name="Breaking news")).to_have_count(0)

    page = new_page(editor)
    page.goto("/admin/sections/breakingnews/add/")
    page.get_by_label("Banner text").fill("Polls have closed: follow the count live")
    page.get_by_label("Link").fill("https://example.com/politics/count/")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    for path in ["/", "/politics/", other_stories[0].get_absolute_url()]:
        reader.goto(path)
        banner = reader.get_by_role("complementary", name="Breaking news")
        expect(banner).to_contain_text("Polls have closed: follow the count live")
    expect(banner.get_by_role("link")).to_have_attribute(
        "href", "https://example.com/politics/count/"
    )

    page.goto("/admin/sections/breakingnews/")
    page.get_by_role("link", name="Polls have closed: follow the count live").click()
    page.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="Yes, I’m sure").click()

    reader.goto(other_stories[0].get_absolute_url())
    expect(reader.get_by_role("complementary", name="Breaking news")).to_have_count(0)
