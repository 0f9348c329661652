"""
Regenerate the README screenshots: `make screenshots`.

Builds a throwaway demo site (SQLite in a temporary folder), serves it, sends
read beacons from a few dozen addresses so the most-read list has a ranking,
and photographs in headless Chromium: the demo article at desktop and phone
widths, and, signed in with the demo accounts, the journalist's and the
editor's desks, the article list, a story's readership chart and the
most-read report at 1366×900; the home page as an editor curated it (a
pinned lead, a pinned top story, a breaking-news banner) at 1366×900 and at
phone width; the demo live blog at 1366×900 and at phone width; and an
embed's placeholder, a gallery and its open viewer.
`python -m tests.e2e.screenshots media` takes only the last three.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.servers import free_port
from tests.e2e.browser import launch_chromium

PROJECT = Path(__file__).resolve().parents[2]
OUTPUT = PROJECT / "docs" / "screenshots"
ARTICLE = "/international/rhine-towns-begin-clean-up-as-floodwater-recedes-after-a-week-of-heavy-rain/"
LIVE_BLOG = "/politics/leeds-central-by-election-count-live/"
POPULAR = {
    "/politics/council-tax-to-rise-by-499-after-six-hour-budget-meeting-in-leeds/": 60,
    "/international/ceasefire-talks-resume-in-geneva-as-aid-convoys-wait-at-border/": 45,
    "/crime/former-finance-director-jailed-for-23m-fraud-against-housing-charity/": 30,
}
# An editor's choices for the home page, made as the admin would (sections/fronts.py).
CURATE = """
from articles.models import Article
from django.contrib.auth import get_user_model
from sections import fronts
from sections.models import BreakingNews, FrontPin

editor = get_user_model().objects.get(username="editor")
for slot, words in [(0, "Ceasefire talks"), (1, "Voter ID rules")]:
    pin = FrontPin.objects.create(
        slot=slot,
        article=Article.objects.get(headline__startswith=words),
        pinned_by=editor,
    )
    fronts.pin_saved(pin, editor)
banner = BreakingNews.objects.create(
    text="Polls have closed in the Ashworth and Kell by-election: follow the count live",
    link="https://example.com/politics/",
    set_by=editor,
)
fronts.banner_saved(banner, editor)
"""
SHOTS = [
    ("article-desktop", ARTICLE, 1280, 1000),
    ("article-mobile", ARTICLE, 390, 1000),
    ("home-curated-desktop", "/", 1366, 900),
    ("home-curated-phone", "/", 390, 844),
    ("live-blog-desktop", LIVE_BLOG, 1366, 900),
    ("live-blog-phone", LIVE_BLOG, 390, 844),
]
LAPTOP = {"width": 1366, "height": 900}
EMBED_ARTICLE = (
    "/politics/council-tax-to-rise-by-499-after-six-hour-budget-meeting-in-leeds/"
)


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The demo server did not answer at {url} within {seconds} s.")


def send_reads(base, path, visitors):
    html = urllib.request.urlopen(base + path).read().decode()
    read_url = html.split('data-read-url="', 1)[1].split('"', 1)[0]
    for visitor in range(visitors):
        request = urllib.request.Request(
            base + read_url,
            method="POST",
            # A reader is an address (docs/most-read.md); the demo server
            # reads it from X-Real-IP, as behind the shipped nginx.
            headers={
                "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0",
                "X-Real-IP": f"198.51.100.{visitor + 1}",
            },
        )
        urllib.request.urlopen(request)


def main(only_media=False):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            # The reads sent below must show at once, not after the cache expires.
            "MOST_READ_CACHE_SECONDS": "0",
            "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        }
        env.pop("REDIS_URL", None)
        print("Building the demo site…")
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo")
        if not only_media:
            manage(env, "shell", "-c", CURATE)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                f"127.0.0.1:{port}",
            ],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/")
            if only_media:
                with launch_chromium() as browser:
                    media_screenshots(browser, base)
                return
            for path, visitors in POPULAR.items():
                send_reads(base, path, visitors)
            with launch_chromium() as browser:
                media_screenshots(browser, base)
                for name, path, width, height in SHOTS:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(base + path, wait_until="networkidle")
                    # Lazy images load only once scrolled to; a full-page shot does not scroll.
                    page.evaluate(
                        "async () => { for (let y = 0; y < document.body.scrollHeight;"
                        " y += innerHeight) { scrollTo(0, y);"
                        " await new Promise(r => setTimeout(r, 100)); } scrollTo(0, 0); }"
                    )
                    page.wait_for_load_state("networkidle")
                    target = OUTPUT / f"{name}.png"
                    page.screenshot(path=target, full_page=True)
                    page.close()
                    print(f"Wrote {target.relative_to(PROJECT)}")
                staff_screenshots(browser, base)
        finally:
            server.terminate()
            server.wait(timeout=10)


def media_screenshots(browser, base):
    """Photograph an embed before the reader loads it, a gallery's grid and its viewer, at 1366×900."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(base + EMBED_ARTICLE, wait_until="networkidle")
    embed = page.locator("figure.embed")
    embed.scroll_into_view_if_needed()
    save(embed, "embed-placeholder")
    page.goto(base + ARTICLE, wait_until="networkidle")
    gallery = page.locator("section.gallery")
    gallery.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    save(gallery, "gallery-grid")
    gallery.locator(".gallery-thumb").nth(1).click()
    page.locator(".gallery-photo").evaluate("image => image.decode()")
    save(page, "gallery-viewer")
    page.close()


def save(target, name):
    path = OUTPUT / f"{name}.png"
    target.screenshot(path=path)
    print(f"Wrote {path.relative_to(PROJECT)}")


def signed_in(browser, base, username):
    # The demo's passwords are made in articles/demo.py, which needs Django.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from articles.demo import demo_password

    page = browser.new_page(viewport=LAPTOP)
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", demo_password(username))
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")
    return page


def staff_screenshots(browser, base):
    most_read = "/admin/articles/article/?q=Council+tax+to+rise"
    shots = [
        ("journalist", "/admin/", None, "desk-journalist"),
        ("editor", "/admin/", None, "desk-editor"),
        (
            "editor",
            "/admin/articles/article/?state=live&o=-3",
            None,
            "article-list-1366",
        ),
        ("editor", "/admin/most-read/", None, "most-read-report"),
        ("editor", most_read, "#readership", "readership-chart"),
    ]
    for username, path, element, name in shots:
        page = signed_in(browser, base, username)
        page.goto(base + path, wait_until="networkidle")
        target = page
        if element:
            page.locator("#result_list tbody th a").first.click()
            target = page.locator(element)
            target.scroll_into_view_if_needed()
        path = OUTPUT / f"{name}.png"
        target.screenshot(path=path)
        page.close()
        print(f"Wrote {path.relative_to(PROJECT)}")


if __name__ == "__main__":
    main(only_media=sys.argv[1:] == ["media"])
