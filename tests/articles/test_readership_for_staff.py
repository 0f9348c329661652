"""What staff see of readership: the most-read report, its CSV, and an article's reads per hour."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import charts, readership, workflow
from articles.models import ReadCount
from tests.articles.conftest import client_for
from tests.articles.test_readership import beacon, flush
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

REPORT = reverse("admin:most_read")


def this_hour():
    return readership.hour_of(timezone.now())


def listed(response):
    return [(article.headline, reads) for article, reads in response.context["rows"]]


def test_the_report_counts_exactly_the_reads_the_beacon_counted_and_ranks_like_the_sidebar(
    client, editor
):
    busy, quiet = make_article(headline="Busy"), make_article(headline="Quiet")
    for number in range(5):
        beacon(client, busy.pk, address=f"203.0.113.{number + 1}")
    for number in range(2):
        beacon(client, quiet.pk, address=f"198.51.100.{number + 1}")
    beacon(client, busy.pk, address="203.0.113.1")  # the same reader again: not counted
    flush()

    response = client_for(editor).get(REPORT)

    assert response.status_code == 200
    assert listed(response) == [("Busy", 5), ("Quiet", 2)]
    sidebar = [entry["headline"] for entry in readership.most_read()][:2]
    assert sidebar == ["Busy", "Quiet"]


def test_the_report_filters_by_section_and_period_and_leaves_out_withdrawn_stories(
    editor,
):
    politics, sport = make_section(name="Politics"), make_section(name="Sport")
    vote = make_article(headline="The vote", section=politics)
    match = make_article(headline="The match", section=sport)
    old = make_article(headline="Last week's row", section=politics)
    pulled = make_article(headline="Pulled", section=politics)
    now = this_hour()
    readership.add_reads(
        {
            (vote.pk, now): 4,
            (match.pk, now): 9,
            (old.pk, now - 24 * 3): 50,
            (pulled.pk, now): 80,
        }
    )
    workflow.withdraw(pulled, editor, "Wrong figures.")
    client = client_for(editor)

    today = listed(client.get(REPORT))
    week = listed(client.get(REPORT, {"period": "week", "section": politics.pk}))

    assert today == [("The match", 9), ("The vote", 4)]
    assert week == [("Last week's row", 50), ("The vote", 4)]


def test_the_report_downloads_as_csv_that_spreadsheets_read_as_text(editor):
    article = make_article(headline='=HYPERLINK("http://evil")')
    readership.add_reads({(article.pk, this_hour()): 3})

    response = client_for(editor).get(REPORT, {"period": "today", "format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Rank",
        "Headline",
        "Section",
        "Authors",
        "Published",
        "Reads",
        "Address",
    ]
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'
    assert rows[1][5] == "3"
    assert rows[1][6].startswith("http://testserver/")


def test_a_bad_filter_is_a_form_error_not_a_crash(editor):
    response = client_for(editor).get(REPORT, {"section": "abc", "period": "year"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page


def test_journalists_may_not_see_the_report(journalist):
    assert client_for(journalist).get(REPORT).status_code == 403


def test_the_report_says_when_the_public_list_is_topped_up(editor):
    article = make_article()
    make_article(headline="Not read yet")
    readership.add_reads({(article.pk, this_hour()): 1})

    page = client_for(editor).get(REPORT).content.decode()

    assert "Only 1 story has reads: the public most-read list is topped up" in page


def test_the_reports_query_count_does_not_grow_with_the_stories_listed(editor):
    client = client_for(editor)

    def read_stories(count):
        for _ in range(count):
            article = make_article()
            ReadCount.objects.create(article=article, hour=this_hour(), count=2)

    read_stories(1)
    with CaptureQueriesContext(connection) as few:
        client.get(REPORT)
    read_stories(10)
    with CaptureQueriesContext(connection) as many:
        client.get(REPORT)

    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_hourly_chart_draws_48_hours_with_a_text_alternative():
    article = make_article()
    now = timezone.now()
    hour = readership.hour_of(now)
    readership.add_reads({(article.pk, hour): 8, (article.pk, hour - 47): 2})
    readership.add_reads({(article.pk, hour - 48): 500})

    chart = charts.hourly_reads_chart(article, now)

    values = [bar.value for bar in chart.bars]
    assert len(values) == 48
    assert (values[0], values[-1], sum(values)) == (2, 8, 10)
    tallest = max(chart.bars, key=lambda bar: bar.height)
    assert tallest.value == 8
    assert tallest.y >= chart.plot_top
    assert "10 reads in the last 48 hours" in str(chart.summary)


def test_an_hour_without_reads_is_drawn_as_none():
    chart = charts.hourly_reads_chart(make_article(), timezone.now())

    assert {bar.height for bar in chart.bars} == {0}
    assert str(chart.summary) == "No reads in the last 48 hours."


def test_the_scale_is_a_round_number():
    assert [charts.nice_maximum(n) for n in (0, 1, 3, 7, 12, 180, 999)] == [
        1,
        1,
        5,
        10,
        20,
        200,
        1000,
    ]


def test_reads_per_hour_counts_each_clock_hour_once(settings):
    article = make_article()
    now = timezone.now()
    readership.add_reads(
        {(article.pk, readership.hour_of(now - timedelta(hours=1))): 4}
    )

    hours = readership.reads_per_hour(article.pk, 3, now)

    assert [hour.reads for hour in hours] == [0, 4, 0]
    assert hours[-1].starts <= now < hours[-1].starts + timedelta(hours=1)


def change_page(client, article):
    return client.get(reverse("admin:articles_article_change", args=[article.pk]))


def test_the_article_form_shows_a_live_storys_reads_and_their_chart(editor):
    article = make_article(headline="Read today")
    hour = this_hour()
    readership.add_reads(
        {(article.pk, hour): 6, (article.pk, hour - 5): 20, (article.pk, hour - 100): 9}
    )

    response = change_page(client_for(editor), article)

    figures = response.context["readership"]
    assert (figures["reads_hour"], figures["reads_day"], figures["reads_week"]) == (
        6,
        26,
        35,
    )
    page = response.content.decode()
    assert 'aria-labelledby="reads-chart-title reads-chart-summary"' in page
    assert "26 reads in the last 48 hours" in page


def test_a_draft_has_no_readers_to_show(journalist):
    draft = make_article(authors=[journalist], status="draft")

    response = change_page(client_for(journalist), draft)

    assert response.context["readership"] is None
    assert 'id="readership"' not in response.content.decode()


def reads_cell(response, article):
    """The text of the article's reads cell in the article list."""
    page = response.content.decode()
    row = page[page.index(f">{article.headline}<") :]
    cell = row[row.index('class="field-reads"') :]
    cell = cell[cell.index(">") + 1 : cell.index("</td>")]
    return " ".join(re.sub(r"<[^>]+>", " ", cell).split())


def test_the_article_list_shows_each_live_storys_reads_for_the_hour_day_and_week(
    editor,
):
    article = make_article(headline="Read today")
    draft = make_article(headline="Not yet out", status="draft", published_at=None)
    hour = this_hour()
    readership.add_reads(
        {
            (article.pk, hour): 6,
            (article.pk, hour - 5): 1_200,
            (article.pk, hour - 23): 2,  # the first hour of the 24
            (article.pk, hour - 24): 3,  # the hour before them
            (article.pk, hour - 100): 9,
            (article.pk, hour - 24 * 7 + 1): 4,  # the first hour of the 7 days
            (article.pk, hour - 24 * 7): 50,  # the hour before them: in no figure
        }
    )

    response = client_for(editor).get(reverse("admin:articles_article_changelist"))

    assert reads_cell(response, article) == "6 1 h 1,208 24 h 1,224 7 d"
    assert reads_cell(response, draft) == "-"


def test_the_article_lists_reads_cost_one_query_however_many_stories_are_listed(
    editor,
):
    client = client_for(editor)
    changelist = reverse("admin:articles_article_changelist")

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(changelist).status_code == 200
        return len(queries)

    readership.add_reads({(make_article().pk, this_hour()): 1})
    with_one = count_queries()
    readership.add_reads(
        {(make_article().pk, this_hour() - number): 2 for number in range(20)}
    )
    assert count_queries() == with_one
