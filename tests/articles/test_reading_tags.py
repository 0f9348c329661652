from datetime import UTC, datetime, timedelta

import pytest

from articles.templatetags.reading import relative_age

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("age", "wording"),
    [
        (timedelta(seconds=0), "just now"),
        (timedelta(seconds=59), "just now"),
        (timedelta(seconds=-30), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=5), "5 minutes ago"),
        (timedelta(minutes=59, seconds=59), "59 minutes ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(hours=20), "20 hours ago"),
        (timedelta(hours=23, minutes=59), "23 hours ago"),
        (timedelta(days=1), "1 day ago"),
        (timedelta(days=5), "5 days ago"),
        (timedelta(days=7), "7 days ago"),
        (timedelta(days=7, hours=23), "7 days ago"),
        (timedelta(days=8), "1 week ago"),
        (timedelta(days=13), "1 week ago"),
        (timedelta(days=14), "2 weeks ago"),
        (timedelta(days=28), "4 weeks ago"),
        (timedelta(days=34, hours=23), "4 weeks ago"),
        (timedelta(days=35), "22 October 2026"),
        (timedelta(days=400), "22 October 2025"),
    ],
)
def test_relative_age_wording_at_each_boundary(age, wording):
    assert relative_age(NOW - age, now=NOW) == wording


def test_absolute_dates_are_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "Pacific/Auckland"
    moment = datetime(2026, 10, 1, 13, 0, tzinfo=UTC)
    assert relative_age(moment, now=moment + timedelta(days=60)) == "2 October 2026"
