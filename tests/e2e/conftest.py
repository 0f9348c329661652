"""
Fixtures for the browser tests: one headless Chromium for the whole folder,
a fresh browser context (own cookies, own user agent) per person in a test,
and screenshots of every open page when a test fails.
"""

import itertools
import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.e2e.browser import CHROMIUM, launch_chromium
from tests.factories import PASSWORD, image_upload, make_article, make_section

HERE = Path(__file__).resolve().parent
# The screenshots saved in this run, for the summary at the end.
SCREENSHOTS = pytest.StashKey[list]()
# How long the live server is given to answer the beacons of pages left at teardown.
BEACON_SETTLE_SECONDS = 0.3


def screenshot_folder(config):
    return config.rootpath / "test-artifacts" / "e2e"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in item.path.parents:
            # Every test in this folder drives the browser: `pytest -m e2e` selects them.
            item.add_marker(pytest.mark.e2e)
            # The live server answers from its own thread (its own connection
            # on PostgreSQL), so the tests commit; after each, the tables are
            # emptied and the migrations' rows (e.g. the role groups) restored.
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        # Kept on the item so that new_page's teardown knows whether to photograph.
        item.call_report = report
    return report


def pytest_terminal_summary(terminalreporter, config):
    saved = config.stash.get(SCREENSHOTS, [])
    if saved:
        terminalreporter.section("e2e failure screenshots")
        terminalreporter.write_line(
            f"Full-page screenshots of the pages open when a browser test failed, in {screenshot_folder(config)}:"
        )
        for path in saved:
            terminalreporter.write_line(f"  {path.name}")


@pytest.fixture(scope="package")
def browser(request):
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"Chromium is not installed at {CHROMIUM}; the browser tests need it: "
            "apt-get install -y chromium (or set CHROMIUM_PATH)."
        )
    # Screenshots left by an earlier run would pass for this run's.
    for old in screenshot_folder(request.config).glob("*"):
        old.unlink()
    # Playwright's sync API keeps an asyncio loop marked as running in this
    # thread, and Django refuses ORM calls from a thread with a running loop.
    # The tests (and pytest-django's database teardown) do call the ORM here,
    # synchronously and never from a coroutine, so the guard is lifted for as
    # long as Playwright runs, and for this folder only.
    #
    # With that loop running, Django also hands this thread new connection
    # objects (it keeps them per async context then). They are given the
    # migrated rows pytest-django serialized on the old ones, as Django's
    # parallel runner does for its workers, so serialized_rollback still works.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as patch, launch_chromium() as chromium:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        yield chromium


@pytest.fixture(autouse=True)
def most_read_uncached(settings):
    """Show reads in the most-read list at once; the live server shares these settings."""
    settings.NEWSROOM_MOST_READ_CACHE_SECONDS = 0


_visitor_numbers = itertools.count(1)


def desktop_user_agent():
    """Return an ordinary desktop Chrome user agent, different for every call.

    Headless Chromium says "HeadlessChrome", which the read counter ignores as
    a bot; and reads are told apart by address and user agent, which are all
    the same on localhost but for this.
    """
    build = next(_visitor_numbers)
    return (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        f"Chrome/131.0.{build}.0 Safari/537.36"
    )


@pytest.fixture
def new_page(browser, live_server, request):
    """
    Return a function that opens a page for one person: a new browser context
    with its own cookies and user agent, logged into the admin as `user` when
    one is given. Relative URLs go to the live server.
    """
    contexts = []
    # What the browser reports refusing under the Content Security Policy,
    # which the live server enforces as production does.
    violations = []

    def note_violation(message):
        # Code a test evaluates in the page (axe-core) has no address; only
        # what the site itself sends counts.
        if "Content Security Policy" in message.text and message.location.get("url"):
            violations.append(f"{message.location.get('url')}: {message.text}")

    def open_page(user=None):
        context = browser.new_context(
            base_url=live_server.url,
            user_agent=desktop_user_agent(),
            viewport={"width": 1280, "height": 900},
            locale="en-GB",
            timezone_id=settings.TIME_ZONE,
        )
        # Every step here takes well under a second; a stuck one should fail
        # the test quickly rather than after Playwright's default 30 s.
        context.set_default_timeout(10_000)
        # A route, any route, turns the browser's HTTP cache off, which these
        # tests need: a reader's browser would otherwise keep a public page for
        # its max-age across the steps of a test. Uploads go on to the app.
        context.route(
            f"{live_server.url}{settings.MEDIA_URL}**", lambda route: route.continue_()
        )
        context.on("console", note_violation)
        contexts.append(context)
        page = context.new_page()
        if user is not None:
            log_in(page, user)
        return page

    yield open_page

    report = getattr(request.node, "call_report", None)
    if report is not None and report.failed:
        save_screenshots(request, contexts)
    leave_pages(contexts, live_server.url)
    for context in contexts:
        context.close()
    if violations:
        pytest.fail(
            "The browser refused content under the Content Security Policy:\n"
            + "\n".join(violations),
            pytrace=False,
        )


def leave_pages(contexts, server_url):
    """
    Leave every article form while the test may still use the database:
    leaving sends a beacon (editing-presence.js clears the "being edited"
    mark on pagehide), and one that reached the server after the test's
    database was closed failed in the server's thread, failing the test.
    Playwright does not report beacons, so the server is given a moment to
    answer them.
    """
    left = False
    for context in contexts:
        for page in context.pages:
            try:
                if (
                    page.url.startswith(server_url)
                    and page.locator("#editing-presence").count()
                ):
                    page.goto("about:blank")
                    left = True
            except PlaywrightError:
                # The page was already closing; the context closes it anyway.
                pass
    if left:
        time.sleep(BEACON_SETTLE_SECONDS)


def save_screenshots(request, contexts):
    folder = screenshot_folder(request.config)
    folder.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^\w.-]+", "-", request.node.name)
    saved = request.config.stash.setdefault(SCREENSHOTS, [])
    for person, context in enumerate(contexts, start=1):
        for number, page in enumerate(context.pages, start=1):
            path = folder / f"{test_name}-person{person}-page{number}.png"
            try:
                page.screenshot(path=path, full_page=True)
            except PlaywrightError as error:
                path = path.with_suffix(".txt")
                path.write_text(f"No screenshot of {page.url}: {error}\n")
            saved.append(path)


def log_in(page, user):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


@pytest.fixture
def politics():
    return make_section(name="Politics", slug="politics")


@pytest.fixture
def other_stories(politics):
    """Return ten published stories, newest first, an hour apart, in two sections: more than most read lists."""
    world = make_section(name="World", slug="world")
    now = timezone.now()
    return [
        make_article(
            headline=f"Other story {number}",
            section=politics if number % 2 else world,
            published_at=now - timedelta(hours=number),
        )
        for number in range(1, 11)
    ]


@pytest.fixture
def story(journalist, politics, other_stories):
    """Return the newest published story, with everything an article page can show."""
    return make_article(
        headline="Council tax to rise by 4.99% in Leeds",
        standfirst="Councillors backed the rise after a six-hour meeting.",
        dateline="Leeds",
        body='<p>Councillors voted <strong>by 41 to 12</strong>. Read the <a href="https://example.org/budget">budget papers</a>.</p>',
        section=politics,
        authors=[journalist],
        subheadings=["Where the money goes", "What happens next", "Who voted how"],
        tags=["Local government"],
        hero_image=image_upload("council-chamber.jpg"),
        hero_alt="Councillors raise their hands to vote",
        hero_caption="The vote at Leeds Civic Hall",
        hero_credit="Photograph: Tom Reyes",
        published_at=timezone.now() - timedelta(minutes=5),
    )
