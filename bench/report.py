"""
What a benchmark run found, held against issue 10's targets: the load figures
read from wrk, the checks, the table printed and kept in docs/performance.md,
and results.json. Nothing here starts a server or touches the database.
"""

import json
import math
import re
from dataclasses import asdict, dataclass, field

DOCS_TABLE_START = "<!-- bench-table:start -->"
DOCS_TABLE_END = "<!-- bench-table:end -->"


@dataclass
class LoadResult:
    """What one load run measured."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int  # Answers outside 2xx/3xx plus connection errors and timeouts.

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0


def parse_wrk_output(text):
    """Return the LoadResult in wrk's output, from the line bench/report.lua prints."""
    match = re.search(r"^bench-result (\{.*\})$", text, re.MULTILINE)
    if match is None:
        raise ValueError(f"wrk printed no bench-result line:\n{text}")
    figures = json.loads(match.group(1))
    return LoadResult(
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1_000_000,
        p50_ms=figures["p50_us"] / 1000,
        p95_ms=figures["p95_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=sum(figures["errors"].values()),
    )


def percentile(sorted_values, percent):
    """Return the nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(len(sorted_values) * percent / 100))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass
class Line:
    """One row of the table: a scenario under load, or a figure measured on its own."""

    key: str
    label: str
    load: LoadResult | None = None
    queries_cold: int | None = None
    queries_warm: int | None = None
    value: float | None = None  # For rows measured without load, e.g. milliseconds.
    unit: str = ""
    skipped: str = ""


@dataclass(frozen=True)
class Target:
    """A limit one figure of a line must respect: at least, at most, or below it."""

    line: str
    figure: str
    comparison: str  # "at least", "at most" or "below"
    limit: float
    text: str
    # For figures the table's columns do not show, e.g. p95.
    shows_value: bool = False

    def check(self, figures):
        """Return a Check, or None when the run did not measure the figure."""
        value = figures.get(f"{self.line}.{self.figure}")
        if value is None:
            return None
        passed = {
            "at least": value >= self.limit,
            "at most": value <= self.limit,
            "below": value < self.limit,
        }[self.comparison]
        return Check(self, value, passed)


@dataclass(frozen=True)
class Check:
    target: Target
    value: float
    passed: bool

    @property
    def shortfall(self):
        """Say how far a missed figure is from its target, e.g. "62% of the target"."""
        if self.passed:
            return ""
        if math.isinf(self.value):
            return "no request completed"
        if self.target.comparison == "at least":
            return f"{self.value / self.target.limit:.0%} of the target"
        if self.target.comparison == "below":
            return f"{self.value / self.target.limit:.1f}× the limit"
        return f"{format_number(self.value)} against {format_number(self.target.limit)}"

    def summary(self):
        text = self.target.text
        if self.target.shows_value:
            text += f" (is {format_number(self.value)})"
        if self.passed:
            return f"{text}: pass"
        return f"{text}: miss, {self.shortfall}"


# Issue 10, item 16: the article page (cache off) and the crawl are held to
# multiples of Wagtail 8.0.1's uncached article page on the same machine, which
# the benchmark measures (bench/wagtail_baseline.py). The issue measured Wagtail
# at 136.6 req/s and wrote its targets down as 480 and 275 req/s; the Wagtail
# site here runs slower than that (about 43 req/s on 6 December), so the higher
# of the two stands: a slow baseline must not lower the bar.
WAGTAIL_LINE = "wagtail_article"
WAGTAIL_MULTIPLES = {"article": 3.5, "crawl": 2}
ISSUE_LIMITS = {"article": 480, "crawl": 275}


def wagtail_targets(wagtail_requests_per_second):
    """
    Return the article's and the crawl's throughput targets: issue 10's
    figure or the multiple of Wagtail's uncached article figure measured in
    the same run, whichever is higher.
    """
    targets = []
    for line, multiple in WAGTAIL_MULTIPLES.items():
        issue_limit = ISSUE_LIMITS[line]
        if not wagtail_requests_per_second:
            limit = issue_limit
            text = f"≥ {issue_limit} req/s (issue 10's figure: Wagtail not measured)"
        elif multiple * wagtail_requests_per_second >= issue_limit:
            limit = multiple * wagtail_requests_per_second
            text = f"≥ {multiple:g} × Wagtail = {limit:,.0f} req/s"
        else:
            limit = issue_limit
            text = (
                f"≥ {issue_limit} req/s (issue 10's figure; {multiple:g} × Wagtail "
                f"here is {multiple * wagtail_requests_per_second:,.0f})"
            )
        targets.append(Target(line, "requests_per_second", "at least", limit, text))
    return targets


# The other targets of issue 10, item 16, on a 2-core machine under `wrk -t2 -c16`.
TARGETS = (
    Target("article", "queries_cold", "at most", 5, "≤ 5 queries cold"),
    Target("article_cached", "requests_per_second", "at least", 5000, "≥ 5,000 req/s"),
    Target("article_cached", "p99_ms", "below", 10, "p99 < 10 ms"),
    Target("varnish", "share_of_nginx", "at least", 1 / 3, "≥ 1/3 of nginx", True),
    Target("beacon", "requests_per_second", "at least", 3000, "≥ 3,000 req/s"),
    Target("beacon", "errors", "at most", 0, "0 errors"),
    Target("search", "p95_ms", "below", 100, "p95 < 100 ms", True),
    Target("search_new", "p95_ms", "below", 100, "p95 < 100 ms", True),
    Target("most_read", "value", "below", 50, "< 50 ms cold"),
    Target("worker_rss", "value", "below", 150, "< 150 MB each"),
)


def figures_of(lines):
    """Return every measured figure as {"<line>.<figure>": value}."""
    figures = {}
    for line in lines:
        if line.load is not None:
            # With no request answered in time, no latency is known to be good.
            answered = line.load.requests > 0
            figures[f"{line.key}.requests_per_second"] = line.load.requests_per_second
            figures[f"{line.key}.p50_ms"] = line.load.p50_ms if answered else math.inf
            figures[f"{line.key}.p95_ms"] = line.load.p95_ms if answered else math.inf
            figures[f"{line.key}.p99_ms"] = line.load.p99_ms if answered else math.inf
            figures[f"{line.key}.errors"] = line.load.errors
        if line.queries_cold is not None:
            figures[f"{line.key}.queries_cold"] = line.queries_cold
        if line.value is not None:
            figures[f"{line.key}.value"] = line.value
    varnish = figures.get("varnish.requests_per_second")
    nginx = figures.get("nginx.requests_per_second")
    if varnish is not None and nginx:
        figures["varnish.share_of_nginx"] = varnish / nginx
    return figures


def wagtail_figure(figures):
    """Return Wagtail's article req/s when it was measured without errors, else None."""
    if figures.get(f"{WAGTAIL_LINE}.errors") != 0:
        return None
    return figures.get(f"{WAGTAIL_LINE}.requests_per_second") or None


def check_targets(lines):
    figures = figures_of(lines)
    targets = (*wagtail_targets(wagtail_figure(figures)), *TARGETS)
    return [c for c in (target.check(figures) for target in targets) if c is not None]


def format_number(value, unit=""):
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,} {unit}".strip()
    if value >= 100:
        text = f"{value:,.0f}"
    elif value >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


HEADINGS = ("what", "req/s", "p50", "p99", "errors", "queries cold/warm", "target")


def table_rows(lines, checks):
    """Return the table as rows of strings, headings first."""
    rows = [HEADINGS]
    for line in lines:
        targets = "; ".join(
            check.summary() for check in checks if check.target.line == line.key
        )
        if line.skipped:
            rows.append((line.label, f"skipped: {line.skipped}", "", "", "", "", ""))
            continue
        queries = (
            f"{line.queries_cold} / {line.queries_warm}"
            if line.queries_cold is not None
            else ""
        )
        if line.load is None:
            rows.append(
                (
                    line.label,
                    format_number(line.value, line.unit),
                    "",
                    "",
                    "",
                    queries,
                    targets,
                )
            )
            continue
        rows.append(
            (
                line.label,
                format_number(line.load.requests_per_second),
                format_number(line.load.p50_ms, "ms"),
                format_number(line.load.p99_ms, "ms"),
                str(line.load.errors),
                queries,
                targets,
            )
        )
    return rows


def text_table(rows):
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    )


def markdown_table(rows):
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def replace_docs_table(
    document, heading, table, markers=(DOCS_TABLE_START, DOCS_TABLE_END)
):
    """Return the document with the text between the table markers replaced."""
    start_marker, end_marker = markers
    start = document.find(start_marker)
    end = document.find(end_marker)
    if start == -1 or end < start:
        raise ValueError(f"The document has no {start_marker} … {end_marker} markers.")
    return (
        document[: start + len(start_marker)]
        + f"\n{heading}\n\n{table}\n"
        + document[end:]
    )


@dataclass
class Run:
    """Everything results.json keeps about one run."""

    date: str
    cores: int
    workers: int
    load: str
    articles: int
    read_rows: int
    commit: str
    # The 1-minute load average before the run: other work shares the cores.
    load_average: float = 0.0
    lines: list[Line] = field(default_factory=list)

    def as_json(self):
        checks = check_targets(self.lines)
        data = asdict(self)
        for line, line_data in zip(self.lines, data["lines"], strict=True):
            if line.load is not None:
                line_data["load"]["requests_per_second"] = round(
                    line.load.requests_per_second, 1
                )
        data["targets"] = [
            {
                "line": check.target.line,
                "target": check.target.text,
                "value": round(check.value, 3),
                "passed": check.passed,
                "shortfall": check.shortfall,
            }
            for check in checks
        ]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
