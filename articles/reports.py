"""The most-read report: which stories readers read, today or over the last week, as a page and as CSV."""

import csv
from datetime import datetime, time

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from articles import charts, desk, readership
from articles.models import Section, sees_every_article

STORIES_LISTED = 20
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class MostReadFilters(forms.Form):
    PERIODS = {"today": _("Today"), "week": _("Last 7 days")}

    period = forms.ChoiceField(
        label=_("Period"), choices=list(PERIODS.items()), required=False
    )
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.order_by("position", "name"),
        required=False,
        empty_label=_("All sections"),
    )


def first_hour_of(period, now):
    """Return the first clock hour the period counts: local midnight today, or 7 days ago."""
    if period == "week":
        return readership.hour_of(now) - 24 * 7 + 1
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(now), time.min))
    return readership.hour_of(midnight)


def most_read_report(request, admin_site):
    """Editors' and administrators' report of the most-read stories, filterable by section."""
    if not sees_every_article(request.user):
        raise PermissionDenied(
            _("The most-read report is for editors and administrators.")
        )
    form = MostReadFilters(request.GET or None)
    period, section = "today", None
    if form.is_bound and form.is_valid():
        period = form.cleaned_data["period"] or "today"
        section = form.cleaned_data["section"]
    now = timezone.now()
    rows = readership.most_read_between(
        first_hour_of(period, now), readership.hour_of(now), section, STORIES_LISTED
    )
    if request.GET.get("format") == "csv" and not form.errors:
        return as_csv(request, rows, period, section, now)
    period_name = MostReadFilters.PERIODS[period]
    title = _("Most read: %(period)s") % {"period": period_name}
    if section is not None:
        title = _("Most read in %(section)s: %(period)s") % {
            "section": section.name,
            "period": period_name,
        }
    query = request.GET.copy()
    query["format"] = "csv"
    context = {
        **admin_site.each_context(request),
        "title": title,
        "form": form,
        "rows": rows,
        "chart": charts.ranking_chart(rows[:10], title),
        "notice": desk.topped_up_notice(len(readership.stories_with_reads(now))),
        "csv_url": f"?{query.urlencode()}",
    }
    return TemplateResponse(
        request,
        "admin/articles/most_read.html",
        context,
        status=400 if form.errors else 200,
    )


def as_csv(request, rows, period, section, now):
    day = timezone.localdate(now).isoformat()
    name = f"most-read-{period}-{section.slug + '-' if section else ''}{day}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(
        ["Rank", "Headline", "Section", "Authors", "Published", "Reads", "Address"]
    )
    for rank, (article, reads) in enumerate(rows, start=1):
        authors = ", ".join(
            author.get_full_name() or author.get_username()
            for author in article.byline_authors
        )
        writer.writerow(
            [
                rank,
                spreadsheet_safe(article.headline),
                spreadsheet_safe(article.section.name),
                spreadsheet_safe(authors),
                formats.date_format(
                    timezone.localtime(article.published_at), "Y-m-d H:i"
                ),
                reads,
                request.build_absolute_uri(article.get_absolute_url()),
            ]
        )
    return response


def spreadsheet_safe(text):
    """Return text a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
