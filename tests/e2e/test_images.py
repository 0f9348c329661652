"""Hero pictures in Chromium: each is fetched at the width the layout draws it, in WebP."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import image_upload, make_article, make_section

VIEWPORT_WIDTHS = [390, 700, 900, 1100, 1180, 1366]

# The width a <img sizes> list promises at the current viewport, measured by
# laying out a box that wide: the first entry whose media condition matches.
PROMISED_AND_DRAWN = """
image => {
  let length = null;
  for (const entry of image.sizes.split(",").map(part => part.trim())) {
    const conditional = entry.match(/^(\\([^)]*\\))\\s+(.+)$/);
    if (!conditional) { length = entry; break; }
    if (matchMedia(conditional[1]).matches) { length = conditional[2]; break; }
  }
  const probe = document.createElement("div");
  probe.style.cssText = "position: absolute; height: 0; width: " + length;
  document.body.append(probe);
  const promised = probe.getBoundingClientRect().width;
  probe.remove();
  return {promised, drawn: image.getBoundingClientRect().width, sizes: image.sizes};
}
"""


@pytest.fixture
def illustrated_site():
    """Nine published stories with pictures in two sections, as fronts show them."""
    world = make_section(name="World", slug="world", position=1)
    business = make_section(name="Business", slug="business", position=2)
    now = timezone.now()
    return [
        make_article(
            headline=f"Illustrated story {number}",
            section=world if number % 2 else business,
            hero_image=image_upload(f"picture-{number}.jpg", size=(1600, 900)),
            hero_alt=f"Picture {number}",
            published_at=now - timedelta(hours=number),
        )
        for number in range(1, 10)
    ]


def test_every_picture_is_fetched_for_the_width_it_is_drawn_at(
    new_page, illustrated_site
):
    reader = new_page()
    paths = ["/", "/world/", illustrated_site[0].get_absolute_url()]
    for width in VIEWPORT_WIDTHS:
        reader.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            reader.goto(path)
            pictures = reader.locator("picture img")
            assert pictures.count() > 0, path
            for image in pictures.all():
                measured = image.evaluate(PROMISED_AND_DRAWN)
                # Never promise less than is drawn (the browser would fetch a
                # blurry file), nor much more (it would fetch a heavy one).
                assert (
                    measured["drawn"] - 1
                    <= measured["promised"]
                    <= measured["drawn"] * 1.05 + 1
                ), (width, path, measured)


@pytest.mark.parametrize(
    ("width", "rendition"), [(390, "-480w.webp"), (1366, "-960w.webp")]
)
def test_the_first_picture_is_webp_at_the_smallest_width_that_fills_it(
    new_page, illustrated_site, width, rendition
):
    reader = new_page()
    reader.set_viewport_size({"width": width, "height": 900})
    for path in ["/", illustrated_site[0].get_absolute_url()]:
        reader.goto(path)
        first = reader.locator("picture img").first
        assert first.get_attribute("fetchpriority") == "high"
        chosen = first.evaluate("image => image.decode().then(() => image.currentSrc)")
        assert chosen.endswith(rendition), (path, chosen)
