"""
Readership charts drawn on the server as SVG: no script, nothing fetched, and
every chart comes with its figures as text (components/reads_chart.html
renders them as a table beside the picture). Geometry is worked out here so
the template only places what it is given.
"""

import math
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from articles.readership import reads_per_hour

HOURS_CHARTED = 48


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class ColumnChart:
    """Columns over time, with a scale on the left and a few time labels underneath."""

    title: str
    summary: str
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    plot_left: int
    bars: list
    value_ticks: list
    time_ticks: list
    total: int


def nice_maximum(value):
    """Return a round number at least value (1, 2, 5, 10, 20, 50…), so the scale reads easily."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def hourly_reads_chart(article, now=None, width=560, height=160):
    """Return the ColumnChart of an article's reads per hour over the last 48 hours."""
    hours = reads_per_hour(article.pk, HOURS_CHARTED, now)
    plot_left, plot_top, plot_bottom = 36, 8, height - 24
    plot_height = plot_bottom - plot_top
    maximum = nice_maximum(max(hour.reads for hour in hours))
    slot = (width - plot_left) / len(hours)
    bars = []
    time_ticks = []
    for index, hour in enumerate(hours):
        local = formats.date_format(timezone.localtime(hour.starts), "D H:i")
        bar_height = plot_height * hour.reads / maximum
        bars.append(
            Bar(
                x=round(plot_left + index * slot + 1, 1),
                y=round(plot_bottom - bar_height, 1),
                width=round(max(slot - 2, 1), 1),
                height=round(bar_height, 1),
                label=local,
                value=hour.reads,
            )
        )
        if index % 12 == 0:
            time_ticks.append(Tick(round(plot_left + index * slot, 1), local))
    total = sum(hour.reads for hour in hours)
    busiest = max(hours, key=lambda hour: hour.reads)
    summary = (
        _(
            "%(total)s reads in the last 48 hours; the busiest hour, %(hour)s, had %(reads)s."
        )
        % {
            "total": intcomma(total),
            "hour": formats.date_format(timezone.localtime(busiest.starts), "D H:i"),
            "reads": intcomma(busiest.reads),
        }
        if total
        else _("No reads in the last 48 hours.")
    )
    return ColumnChart(
        title=_("Reads per hour, last 48 hours"),
        summary=summary,
        width=width,
        height=height,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        plot_left=plot_left,
        bars=bars,
        value_ticks=[
            Tick(plot_bottom, "0"),
            Tick(plot_top + plot_height / 2, str(maximum // 2)),
            Tick(plot_top, str(maximum)),
        ]
        if maximum > 1
        else [Tick(plot_bottom, "0"), Tick(plot_top, "1")],
        time_ticks=time_ticks,
        total=total,
    )


@dataclass
class RankingChart:
    """Horizontal bars, one per story, longest first, each labelled with its rank and headline."""

    title: str
    width: int
    height: int
    label_width: int
    bars: list


def ranking_chart(rows, title, width=720, row_height=22):
    """Return the RankingChart of [(article, reads)], most read first."""
    label_width = 300
    most = max((reads for _, reads in rows), default=1) or 1
    bars = [
        Bar(
            x=label_width,
            y=index * row_height + 3,
            width=round((width - label_width - 60) * reads / most, 1),
            height=row_height - 6,
            label=f"{index + 1}. {article.headline}",
            value=reads,
        )
        for index, (article, reads) in enumerate(rows)
    ]
    return RankingChart(
        title=title,
        width=width,
        height=max(len(rows), 1) * row_height,
        label_width=label_width,
        bars=bars,
    )
