from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from articles.models import Article, Section
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db

Status = Article.Status
NOW = timezone.now


@pytest.mark.parametrize(
    ("status", "published_offset", "visible"),
    [
        (Status.DRAFT, None, False),
        (Status.DRAFT, timedelta(hours=-1), False),
        (Status.IN_REVIEW, timedelta(hours=-1), False),
        (Status.PUBLISHED, timedelta(hours=-1), True),
        (Status.PUBLISHED, timedelta(seconds=-1), True),
        (Status.PUBLISHED, timedelta(hours=1), False),
        (Status.WITHDRAWN, timedelta(hours=-1), False),
    ],
    ids=[
        "draft",
        "draft-with-time",
        "in-review",
        "published",
        "just-published",
        "scheduled",
        "withdrawn",
    ],
)
def test_published_queryset_and_property_agree(status, published_offset, visible):
    """Readers see an article exactly when both the queryset and the property say it is published."""
    published_at = None if published_offset is None else NOW() + published_offset
    article = make_article(status=status, published_at=published_at)

    assert article.is_published is visible
    assert Article.objects.published().filter(pk=article.pk).exists() is visible


def test_scheduled_article_goes_live_when_its_time_comes():
    article = make_article(published_at=NOW() + timedelta(minutes=5))
    assert article.is_scheduled
    assert not Article.objects.published().filter(pk=article.pk).exists()

    Article.objects.filter(pk=article.pk).update(
        published_at=NOW() - timedelta(seconds=1)
    )
    article.refresh_from_db()

    assert article.is_published and not article.is_scheduled
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_subheadings_come_back_in_position_order():
    article = make_article()
    article.subheadings.create(heading="Third", position=3)
    article.subheadings.create(heading="First", position=1)
    article.subheadings.create(heading="Second", position=2)

    assert [s.heading for s in article.subheadings.all()] == [
        "First",
        "Second",
        "Third",
    ]


def test_slug_is_made_from_the_headline_when_left_empty():
    article = make_article(headline="Ceasefire talks resume in Geneva")
    assert article.slug == "ceasefire-talks-resume-in-geneva"


def test_generated_slugs_never_collide():
    first = make_article(headline="Council approves budget")
    second = make_article(headline="Council approves budget")
    third = make_article(headline="Council approves budget!")
    assert len({first.slug, second.slug, third.slug}) == 3
    assert second.slug == "council-approves-budget-2"


def test_headline_without_latin_letters_still_gets_a_slug():
    assert make_article(headline="‘’ — …").slug == "article"


def test_given_slug_is_kept():
    assert make_article(headline="Anything", slug="my-own-slug").slug == "my-own-slug"


def test_article_url_includes_section_and_article_slug():
    section = make_section(name="International", slug="international")
    article = make_article(section=section, headline="Ceasefire talks resume in Geneva")

    assert (
        article.get_absolute_url() == "/international/ceasefire-talks-resume-in-geneva/"
    )
    assert section.get_absolute_url() == "/international/"


def test_section_with_articles_cannot_be_deleted():
    section = make_section()
    make_article(section=section)

    with pytest.raises(ProtectedError):
        section.delete()
    assert Section.objects.filter(pk=section.pk).exists()


def test_empty_section_can_be_deleted():
    section = make_section()
    section.delete()
    assert not Section.objects.filter(pk=section.pk).exists()


def test_section_slug_may_not_shadow_a_fixed_url():
    section = Section(name="Search", slug="search")
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "slug" in error.value.message_dict


def test_published_article_needs_a_publication_time():
    article = Article(
        headline="No time", section=make_section(), status=Status.PUBLISHED
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "published_at" in error.value.message_dict


def test_byline_keeps_author_order():
    first, second = make_user(first_name="Zoe"), make_user(first_name="Adam")
    article = make_article(authors=[first, second])
    fetched = Article.objects.with_byline().get(pk=article.pk)
    assert fetched.byline_authors == [first, second]


def test_rich_text_is_sanitised_on_save():
    article = make_article(body='<p onclick="steal()">Hi<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Hi</p>"
    subheading = article.subheadings.create(
        heading="Part", body='<p><a href="javascript:alert(1)">x</a></p>'
    )
    subheading.refresh_from_db()
    assert "javascript" not in subheading.body


def test_scheduled_queryset_and_property_agree():
    articles = [
        make_article(status=Status.DRAFT),
        make_article(status=Status.IN_REVIEW),
        make_article(published_at=NOW() - timedelta(hours=1)),
        make_article(published_at=NOW() + timedelta(hours=1)),
        make_article(status=Status.WITHDRAWN, published_at=NOW() + timedelta(hours=1)),
    ]
    scheduled = set(Article.objects.scheduled())
    assert {a for a in articles if a.is_scheduled} == scheduled == {articles[3]}
