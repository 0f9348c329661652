import json
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from articles import workflow
from articles.demo import draw_hero
from articles.models import Article
from sections.models import BreakingNews
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    """Collect the parts of a page a reader or a crawler notices."""

    def __init__(self):
        super().__init__()
        self.tags, self.h1, self.images, self.json_ld, self.meta = [], [], [], [], {}
        self.sources, self.links = [], []
        self._capture = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "h1":
            self._capture = self.h1
            self.h1.append("")
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "source":
            self.sources.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._capture = self.json_ld
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag in {"h1", "script"}:
            self._capture = None

    def handle_data(self, data):
        if self._capture is not None:
            self._capture[-1] += data


def outline(response):
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


def body_anchors(response):
    """Return the ids of the subheadings in the story body."""
    html = response.content.decode()
    body = html[html.index('class="story-body"') : html.index('class="story-footer"')]
    return re.findall(r'<h2 id="([^"]+)">', body)


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


@pytest.fixture
def story():
    section = make_section(name="International", slug="international")
    authors = [
        make_user(first_name="Amara", last_name="Okafor"),
        make_user(first_name="Tom", last_name="Reyes"),
        make_user(first_name="Lena", last_name="Fischer"),
    ]
    article = make_article(
        section=section,
        headline="Ceasefire talks resume in Geneva",
        standfirst="Negotiators returned to the table after a fortnight’s pause.",
        dateline="Switzerland",
        body="<p>Negotiators returned to Geneva on Monday.</p><p>Aid waits.</p>",
        authors=authors,
        subheadings=["Aid waits at the crossing", "What comes next", "A fragile calm"],
        tags=["Diplomacy", "Aid"],
        hero_alt="Aid lorries queue at the border",
        hero_caption="Lorries queue at the crossing on Sunday.",
        hero_credit="Photograph: Tom Reyes/Newsroom",
        published_at=timezone.now() - timedelta(hours=3),
    )
    article.hero_image.save(
        "geneva.jpg", ContentFile(draw_hero("geneva", "international")), save=False
    )
    article.save()
    return article


def test_article_page_reads_like_a_news_page_in_order(client, story):
    response = client.get(story.get_absolute_url())
    html = response.content.decode()
    page = outline(response)

    assert response.status_code == 200
    assert page.h1 == ["Ceasefire talks resume in Geneva"]
    order = [
        html.index('class="section-label" href="/international/"'),
        html.index("<h1"),
        html.index('<p class="standfirst">'),
        html.index('class="byline-names"'),
        html.index('class="hero"'),
        html.index('class="story-body"'),
        html.index('class="tag-list"'),
        html.index('class="most-read"'),
    ]
    assert order == sorted(order)
    assert "By Amara Okafor, Tom Reyes and Lena Fischer" in text_of(response)


def test_publication_time_is_absolute_in_the_site_time_zone(client, settings, story):
    settings.TIME_ZONE = "Europe/London"
    published = datetime(2026, 7, 24, 8, 15, tzinfo=UTC)
    Article.objects.filter(pk=story.pk).update(published_at=published)
    html = client.get(story.get_absolute_url()).content.decode()

    assert (
        '<time datetime="2026-07-24T09:15:00+01:00">24 July 2026, 09:15</time>' in html
    )
    assert "Updated" not in html


def test_updated_time_is_shown_after_a_material_revision(client, story):
    Article.objects.filter(pk=story.pk).update(
        revised_at=story.published_at + timedelta(hours=2)
    )
    response = client.get(story.get_absolute_url())
    assert "Updated" in text_of(response)
    assert (
        json.loads(outline(response).json_ld[0])["dateModified"]
        != json.loads(outline(response).json_ld[0])["datePublished"]
    )


def srcset_widths(srcset):
    return [int(candidate.split()[-1].rstrip("w")) for candidate in srcset.split(", ")]


def test_hero_image_is_responsive_with_dimensions_alt_caption_and_credit(client, story):
    response = client.get(story.get_absolute_url())
    hero = next(image for image in outline(response).images if image.get("srcset"))

    assert srcset_widths(hero["srcset"]) == [240, 480, 720, 960, 1440]
    assert all(".jpg " in candidate for candidate in hero["srcset"].split(", "))
    assert hero["width"] == "960" and hero["height"] == "540"
    assert hero["alt"] == "Aid lorries queue at the border"
    assert hero["fetchpriority"] == "high" and "loading" not in hero
    assert (
        "Lorries queue at the crossing on Sunday. Photograph: Tom Reyes/Newsroom"
        in text_of(response)
    )


def test_hero_offers_webp_first_at_the_width_the_layout_draws_it(client, story):
    page = outline(client.get(story.get_absolute_url()))
    hero = next(image for image in page.images if image.get("srcset"))
    (webp,) = page.sources

    assert webp["type"] == "image/webp"
    assert srcset_widths(webp["srcset"]) == [240, 480, 720, 960, 1440]
    assert all(".webp " in candidate for candidate in webp["srcset"].split(", "))
    # The story column: 824 px on a wide screen, the screen less its margins below.
    assert webp["sizes"] == hero["sizes"]
    assert hero["sizes"].startswith("(min-width: 76rem) 824px,")
    assert hero["sizes"].endswith("calc(100vw - 2rem)")


def test_renditions_are_made_once_not_per_request(client, story):
    names = [size["name"] for size in story.hero_renditions["sizes"]]
    client.get(story.get_absolute_url())
    story.refresh_from_db()
    story.save()
    assert [size["name"] for size in story.hero_renditions["sizes"]] == names


def test_dateline_leads_into_the_first_paragraph_in_bold_capitals(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert (
        '<p><strong class="dateline">SWITZERLAND:</strong> Negotiators returned to Geneva on Monday.</p>'
        in html
    )


def test_subheadings_are_h2_with_stable_anchors_and_a_contents_list(client, story):
    response = client.get(story.get_absolute_url())
    html = response.content.decode()

    assert body_anchors(response) == [
        "aid-waits-at-the-crossing",
        "what-comes-next",
        "a-fragile-calm",
    ]
    assert "In this article" in html
    assert '<a href="#what-comes-next">What comes next</a>' in html


def test_short_articles_have_no_contents_list(client):
    article = make_article(subheadings=["One", "Two"])
    assert (
        "In this article" not in client.get(article.get_absolute_url()).content.decode()
    )


def test_repeated_subheadings_get_distinct_anchors(client):
    article = make_article(subheadings=["Reaction", "Reaction", "Reaction"])
    assert body_anchors(client.get(article.get_absolute_url())) == [
        "reaction",
        "reaction-2",
        "reaction-3",
    ]


def test_quotes_in_the_body_render_as_pull_quotes(client):
    article = make_article(
        body="<p>Lead.</p><blockquote><p>“We cannot wait,” she said.</p></blockquote>"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<blockquote><p>“We cannot wait,” she said.</p></blockquote>" in html


def test_tags_link_to_tag_pages(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<a href="/tags/diplomacy/">Diplomacy</a>' in html


def test_related_articles_share_section_or_tag_newest_first_at_most_four(client, story):
    now = timezone.now()
    same_section = [
        make_article(section=story.section, published_at=now - timedelta(days=day))
        for day in (1, 3, 5)
    ]
    shared_tag = make_article(tags=["Diplomacy"], published_at=now - timedelta(days=2))
    make_article(tags=["Unrelated"], published_at=now - timedelta(hours=1))
    make_article(section=story.section, status=Article.Status.DRAFT)
    oldest_same_section = make_article(
        section=story.section, published_at=now - timedelta(days=9)
    )

    related = list(client.get(story.get_absolute_url()).context["related"])

    assert related == [same_section[0], shared_tag, same_section[1], same_section[2]]
    assert story not in related and oldest_same_section not in related


def test_most_read_sidebar_shows_eight_articles_with_section_age_and_headline(
    client, story
):
    for hours in range(1, 11):
        make_article(
            headline=f"Other story {hours}",
            published_at=timezone.now() - timedelta(hours=hours, minutes=1),
        )

    html = client.get(story.get_absolute_url()).content.decode()
    sidebar = html[html.index('class="most-read"') :]
    entries = re.findall(r"<li\b.*?</li>", sidebar, flags=re.S)

    assert len(entries) == 8
    first = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", entries[0])).strip()
    assert re.fullmatch(r"Section \d+ · 1 hour ago · Other story 1", first)
    assert "Ceasefire talks resume in Geneva" not in sidebar
    assert re.search(
        r'<time datetime="[^"]+" data-relative-age>1 hour ago</time>', sidebar
    )


def test_title_description_canonical_and_social_cards(client, story):
    response = client.get(story.get_absolute_url())
    page = outline(response)
    html = response.content.decode()
    url = f"http://testserver{story.get_absolute_url()}"

    assert (
        "<title>Ceasefire talks resume in Geneva | International | The Newsroom</title>"
        in html
    )
    assert page.meta["description"] == story.standfirst
    assert f'<link rel="canonical" href="{url}">' in html
    assert page.meta["og:title"] == "Ceasefire talks resume in Geneva"
    assert page.meta["og:url"] == url
    assert page.meta["og:image"].startswith(
        "http://testserver/media/renditions/"
    ) and page.meta["og:image"].endswith("-1440w.jpg")
    assert page.meta["twitter:card"] == "summary_large_image"


def test_seo_title_and_description_override_headline_and_standfirst(client):
    article = make_article(
        seo_title="Geneva talks: what we know", seo_description="Short summary."
    )
    page = outline(client.get(article.get_absolute_url()))
    assert page.meta["description"] == "Short summary."
    assert page.meta["og:title"] == "Geneva talks: what we know"


def test_news_article_json_ld_is_complete(client, story):
    data = json.loads(outline(client.get(story.get_absolute_url())).json_ld[0])

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.headline
    assert data["description"] == story.standfirst
    assert data["articleSection"] == "International"
    assert [author["name"] for author in data["author"]] == [
        "Amara Okafor",
        "Tom Reyes",
        "Lena Fischer",
    ]
    assert data["image"][0].endswith("-1440w.jpg")
    assert data["datePublished"] and data["dateModified"]
    assert data["publisher"]["name"] == "The Newsroom"


def test_news_article_json_ld_links_authors_and_the_publisher_logo(client, story):
    data = json.loads(outline(client.get(story.get_absolute_url())).json_ld[0])

    assert [author["url"] for author in data["author"]] == [
        "http://testserver/authors/amara-okafor/",
        "http://testserver/authors/tom-reyes/",
        "http://testserver/authors/lena-fischer/",
    ]
    assert client.get("/authors/amara-okafor/").status_code == 200
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["url"] == "http://testserver/"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"] == "http://testserver/static/newsroom/icons/logo.png"
    with Image.open(finders.find("newsroom/icons/logo.png")) as image:
        assert image.size == (logo["width"], logo["height"])
        assert min(image.size) >= 112


def test_json_ld_stays_valid_whatever_the_fields_hold(client):
    hostile = (
        '</script><script>alert("x")</script> <!-- \\ " \' & \u2028 \u2029 emoji 🗞️'
    )
    article = make_article(
        headline=hostile, standfirst=hostile, authors=[make_user(first_name=hostile)]
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()

    data = json.loads(outline(response).json_ld[0])
    assert data["headline"] == hostile
    assert data["author"][0]["name"].startswith(hostile)
    assert '<script>alert("x")' not in html


@pytest.mark.parametrize(
    ("fields", "status_code"),
    [
        ({"status": Article.Status.DRAFT}, 404),
        ({"status": Article.Status.IN_REVIEW}, 404),
        ({"published_at": timezone.now() + timedelta(days=1)}, 404),
        (
            {
                "status": Article.Status.WITHDRAWN,
                "published_at": timezone.now() - timedelta(days=1),
            },
            410,
        ),
        ({}, 200),
    ],
    ids=["draft", "in-review", "scheduled", "withdrawn", "published"],
)
def test_status_codes_for_every_article_state(client, fields, status_code):
    article = make_article(**fields)
    response = client.get(article.get_absolute_url())
    assert response.status_code == status_code
    if status_code == 410:
        assert "This article has been withdrawn" in response.content.decode()
        assert article.headline not in response.content.decode()


def test_unknown_article_is_404(client):
    section = make_section()
    assert client.get(f"/{section.slug}/no-such-story/").status_code == 404


def test_article_under_the_wrong_section_redirects_permanently(client):
    article = make_article()
    other = make_section()
    response = client.get(f"/{other.slug}/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize(
    "path",
    [
        "/international/" + "a" * 5000 + "/",
        "/international/caf%C3%A9/",
        "/international/%00%ff/",
        "/international/%E2%80%AE/",
        "/%F0%9F%97%9E/story/",
        "/international/story/extra/",
        "/international/' OR 1=1 --/",
    ],
)
def test_junk_article_urls_are_404_not_500(client, path):
    make_section(slug="international")
    assert client.get(path).status_code == 404


def test_article_page_is_semantic_and_accessible(client, story):
    response = client.get(story.get_absolute_url())
    page = outline(response)
    html = response.content.decode()

    for landmark in ("header", "nav", "main", "article", "aside", "footer"):
        assert landmark in page.tags
    assert page.tags.count("h1") == 1
    assert '<a class="skip-link" href="#content">' in html
    assert all("alt" in image for image in page.images)


@pytest.mark.parametrize("extra", [0, 6])
def test_article_page_takes_at_most_five_queries_cold_and_one_warm(
    client, django_assert_max_num_queries, editor, extra
):
    section = make_section()
    authors = [make_user() for _ in range(1 + extra)]
    article = make_article(
        section=section,
        authors=authors,
        subheadings=[f"Part {number}" for number in range(2 + extra)],
        tags=[f"Tag {number}" for number in range(1 + extra)],
    )
    for number in range(1 + extra):
        workflow.correct(article, editor, f"Correction {number}.")
    for _ in range(4 + extra):
        make_article(section=section, tags=["Tag 0"], authors=authors)
    BreakingNews.objects.create(
        text="Polls have closed", link="https://example.com/politics/count/"
    )
    cache.clear()

    # The keys (with the banner), the article, related, navigation, most read.
    with django_assert_max_num_queries(5):
        cold = client.get(article.get_absolute_url())
    with django_assert_max_num_queries(1):
        warm = client.get(article.get_absolute_url())

    assert cold.content == warm.content
    html = warm.content.decode()
    assert "Polls have closed" in html
    for number in range(1 + extra):
        assert f"Correction {number}." in html
        assert f">Tag {number}</a>" in html
    for author in authors:
        assert author.get_full_name() in html
    assert html.count('<h2 id="part-') == 2 + extra


def test_corrections_are_shown_at_the_foot_with_their_date_and_move_the_updated_time(
    client,
):
    from articles import workflow

    editor = make_user(role="Editor")
    article = make_article(body="<p>The bridge cost £3m.</p>")
    article.body = "<p>The bridge cost £4m.</p>"
    workflow.correct(article, editor, "An earlier version gave the cost as £3m.")

    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    data = json.loads(outline(response).json_ld[0])

    footer = html[html.index('class="story-footer"') :]
    assert "Corrections" in footer
    assert "An earlier version gave the cost as £3m." in footer
    assert timezone.localtime().strftime("%-d %B %Y") in footer
    assert "Updated" in text_of(response)
    assert data["dateModified"] > data["datePublished"]


def test_a_renamed_article_answers_its_old_address_with_a_permanent_redirect(client):
    article = make_article(slug="ferry-cut")
    article.slug = "ferry-timetable-cut"
    article.save()

    response = client.get(f"/{article.section.slug}/ferry-cut/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_an_article_moved_to_another_section_redirects_from_its_old_url(client):
    article = make_article()
    old_url = article.get_absolute_url()
    article.section = make_section()
    article.save()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_a_draft_previews_on_the_public_template_without_a_publication_time(client):
    from articles.preview import make_share_token

    article = make_article(
        status=Article.Status.DRAFT,
        published_at=None,
        headline="Draft headline",
        subheadings=["One", "Two", "Three"],
    )
    response = client.get(f"/preview/share/{make_share_token(article)}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert outline(response).h1 == ["Draft headline"]
    assert "Preview — not published." in html and "Status: Draft" in html
    assert "Not yet published" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "application/ld+json" not in html and 'rel="canonical"' not in html


def test_related_articles_follow_publications_and_withdrawals(
    client, editor, django_assert_max_num_queries
):
    section = make_section()
    article = make_article(section=section)
    older = make_article(
        section=section,
        headline="Earlier council story",
        published_at=timezone.now() - timedelta(days=2),
    )

    def related():
        html = client.get(article.get_absolute_url()).content.decode()
        return html[html.index('<section class="related"') :]

    assert "Earlier council story" in related()
    with django_assert_max_num_queries(2):
        related()

    newer = make_article(section=section, headline="Newest council story")
    workflow.withdraw(older, editor, "Legal advice")

    assert newer.headline in related()
    assert "Earlier council story" not in related()


def test_the_page_keys_query_finds_exactly_the_live_articles_with_the_fronts_version():
    section = make_section(name="Politics")
    live = make_article(
        section=section, headline="Live", seo_title="Live: the search title"
    )
    hidden = [
        make_article(status=Article.Status.DRAFT),
        make_article(status=Article.Status.IN_REVIEW),
        make_article(status=Article.Status.WITHDRAWN),
        make_article(published_at=timezone.now() + timedelta(hours=1)),
    ]
    # The newest save is a scheduled article: the fronts' version must see it.
    make_article(published_at=timezone.now() + timedelta(hours=2))

    page = Article.live_page_keys(live.slug)

    assert (page.pk, page.display_headline, page.version) == (
        live.pk,
        "Live: the search title",
        live.version,
    )
    assert page.get_absolute_url() == live.get_absolute_url()
    assert page.section == section and page.section.name == "Politics"
    assert page.last_change == Article.objects.last_change()
    assert [Article.live_page_keys(article.slug) for article in hidden] == [None] * 4
    assert Article.live_page_keys("no-such-story") is None


def test_the_related_query_lists_what_published_and_newest_first_would():
    section = make_section(name="Politics")
    now = timezone.now()
    story = make_article(section=section, tags=["Budget", "Council"])
    candidates = [
        make_article(section=section, published_at=now - timedelta(hours=hours))
        for hours in (3, 30, 300)
    ] + [
        make_article(tags=[tag], published_at=now - timedelta(hours=hours))
        for tag, hours in (("Budget", 5), ("Council", 50), ("Budget", 500))
    ]
    # Same moment as another: the id settles the order, as newest_first() does.
    candidates.append(
        make_article(section=section, published_at=now - timedelta(hours=5))
    )
    for status in (Article.Status.DRAFT, Article.Status.WITHDRAWN):
        make_article(section=section, tags=["Budget"], status=status)
    make_article(section=section, published_at=now + timedelta(hours=1))
    make_article(tags=["Budget"], published_at=now + timedelta(hours=1))
    make_article(tags=["Unrelated"], published_at=now - timedelta(hours=1))

    for limit in (2, 4, 10):
        expected = list(
            Article.objects.published()
            .filter(pk__in=[article.pk for article in candidates])
            .newest_first()[:limit]
        )
        related = Article.related(story, limit)

        assert related == expected
        assert [other.section.name for other in related] == [
            other.section.name for other in expected
        ]
        assert [other.get_absolute_url() for other in related] == [
            other.get_absolute_url() for other in expected
        ]


def test_the_page_keys_query_carries_the_banner_only_while_it_shows():
    story = make_article()

    def banner():
        return [
            (item.text, item.link)
            for item in Article.live_page_keys(story.slug).breaking_news
        ]

    assert banner() == []
    set_banner = BreakingNews.objects.create(
        text="Polls have closed",
        link="https://example.com/politics/count/",
        expires_at=timezone.now() + timedelta(minutes=5),
    )
    assert banner() == [("Polls have closed", "https://example.com/politics/count/")]
    set_banner.expires_at = timezone.now() - timedelta(seconds=1)
    set_banner.save()
    assert banner() == []
