import json

import pytest

from bench.report import (
    DOCS_TABLE_END,
    DOCS_TABLE_START,
    Line,
    LoadResult,
    Run,
    check_targets,
    markdown_table,
    parse_wrk_output,
    percentile,
    replace_docs_table,
    table_rows,
    text_table,
    wagtail_targets,
)

WRK_OUTPUT = """\
Running 12s test @ http://127.0.0.1:41234/news/council-budget-approved/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    31.20ms   12.01ms 210.33ms   80.12%
    Req/Sec   257.31     30.12   310.00     70.00%
  Latency Distribution
     50%   29.80ms
     75%   35.10ms
     90%   44.00ms
     99%   80.51ms
  6150 requests in 12.01s, 104.12MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    512.08
Transfer/sec:      8.67MB
bench-result {"requests": 6150, "duration_us": 12010000, "p50_us": 29800, "p95_us": 61000, "p99_us": 80510, "errors": {"connect": 0, "read": 2, "write": 0, "status": 3, "timeout": 1}}
"""


ISSUE_ARTICLE = "≥ 480 req/s (issue 10's figure: Wagtail not measured)"


def load(requests_per_second, p99_ms=5.0, errors=0):
    return LoadResult(
        requests=int(requests_per_second * 10),
        seconds=10.0,
        p50_ms=1.0,
        p95_ms=p99_ms / 2,
        p99_ms=p99_ms,
        errors=errors,
    )


def test_wrk_output_gives_throughput_percentiles_and_every_kind_of_error():
    result = parse_wrk_output(WRK_OUTPUT)
    assert result.requests == 6150
    assert result.requests_per_second == pytest.approx(512.07, abs=0.01)
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == (29.8, 61.0, 80.51)
    assert (
        result.errors == 6
    )  # Three answers outside 2xx/3xx, two read errors, a timeout.


def test_wrk_output_without_the_result_line_is_refused():
    with pytest.raises(ValueError, match="bench-result"):
        parse_wrk_output("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_percentile_is_the_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 99) == 99
    assert percentile([7.0], 99) == 7.0
    assert percentile([], 50) == 0.0


def summaries(lines):
    return {
        (check.target.line, check.target.text): check.summary()
        for check in check_targets(lines)
    }


def test_an_article_fast_enough_with_few_queries_passes():
    lines = [Line("article", "article", load(500), queries_cold=5, queries_warm=4)]
    assert summaries(lines) == {
        ("article", ISSUE_ARTICLE): f"{ISSUE_ARTICLE}: pass",
        ("article", "≤ 5 queries cold"): "≤ 5 queries cold: pass",
    }


def test_article_and_crawl_targets_are_multiples_of_wagtails_article():
    article, crawl = wagtail_targets(140.2)
    assert (article.line, article.limit, article.text) == (
        "article",
        pytest.approx(490.7),
        "≥ 3.5 × Wagtail = 491 req/s",
    )
    assert (crawl.line, crawl.limit, crawl.text) == (
        "crawl",
        pytest.approx(280.4),
        "≥ 2 × Wagtail = 280 req/s",
    )


def test_without_wagtails_figure_the_issues_figures_stand_and_say_so():
    article, crawl = wagtail_targets(None)
    assert (article.limit, article.text) == (480, ISSUE_ARTICLE)
    assert (crawl.limit, crawl.text) == (
        275,
        "≥ 275 req/s (issue 10's figure: Wagtail not measured)",
    )


def test_wagtail_measured_in_the_same_run_sets_both_throughput_targets():
    """The crawl, too, is reckoned from Wagtail's single article, not its crawl."""
    lines = [
        Line("article", "article", load(600), queries_cold=3, queries_warm=1),
        Line("crawl", "crawl", load(290)),
        Line("wagtail_article", "Wagtail, article", load(160), 10, 10),
        Line("wagtail_crawl", "Wagtail, crawl", load(20)),
    ]
    found = summaries(lines)
    assert found[("article", "≥ 3.5 × Wagtail = 560 req/s")] == (
        "≥ 3.5 × Wagtail = 560 req/s: pass"
    )
    assert found[("crawl", "≥ 2 × Wagtail = 320 req/s")] == (
        "≥ 2 × Wagtail = 320 req/s: miss, 91% of the target"
    )
    assert not any(line.startswith("wagtail") for line, _ in found)


def test_a_wagtail_slower_than_the_issues_does_not_lower_the_targets():
    article, crawl = wagtail_targets(43)
    assert (article.limit, article.text) == (
        480,
        "≥ 480 req/s (issue 10's figure; 3.5 × Wagtail here is 150)",
    )
    assert (crawl.limit, crawl.text) == (
        275,
        "≥ 275 req/s (issue 10's figure; 2 × Wagtail here is 86)",
    )


def test_a_wagtail_run_with_errors_or_skipped_is_no_basis():
    lines = [
        Line("article", "article", load(500)),
        Line("wagtail_article", "Wagtail, article", load(100, errors=3)),
    ]
    assert ("article", ISSUE_ARTICLE) in summaries(lines)
    lines[1] = Line("wagtail_article", "Wagtail", skipped="could not run: no pip")
    assert ("article", ISSUE_ARTICLE) in summaries(lines)


def test_a_missed_target_says_by_how_much():
    lines = [
        Line("article", "article", load(120), queries_cold=9, queries_warm=7),
        Line("article_cached", "cached", load(6000, p99_ms=25.0)),
        Line("beacon", "beacon", load(3500, errors=2)),
    ]
    found = summaries(lines)
    assert (
        found[("article", ISSUE_ARTICLE)] == f"{ISSUE_ARTICLE}: miss, 25% of the target"
    )
    assert (
        found[("article", "≤ 5 queries cold")] == "≤ 5 queries cold: miss, 9 against 5"
    )
    assert found[("article_cached", "≥ 5,000 req/s")] == "≥ 5,000 req/s: pass"
    assert (
        found[("article_cached", "p99 < 10 ms")] == "p99 < 10 ms: miss, 2.5× the limit"
    )
    assert found[("beacon", "0 errors")] == "0 errors: miss, 2 against 0"


def test_a_limit_to_stay_below_is_missed_when_reached():
    lines = [Line("most_read", "ranking", value=50.0, unit="ms")]
    assert summaries(lines) == {
        ("most_read", "< 50 ms cold"): "< 50 ms cold: miss, 1.0× the limit"
    }


def test_varnish_is_judged_against_nginx_in_the_same_run():
    lines = [
        Line("varnish", "varnish", load(20_000)),
        Line("nginx", "nginx", load(50_000)),
    ]
    assert summaries(lines) == {
        ("varnish", "≥ 1/3 of nginx"): "≥ 1/3 of nginx (is 0.40): pass"
    }
    lines[0].load = load(10_000)
    assert summaries(lines)[("varnish", "≥ 1/3 of nginx")] == (
        "≥ 1/3 of nginx (is 0.20): miss, 60% of the target"
    )


def test_a_latency_target_is_missed_when_no_request_completed():
    lines = [Line("search", "search", LoadResult(0, 12.0, 0.0, 0.0, 0.0, 16))]
    assert summaries(lines) == {
        ("search", "p95 < 100 ms"): "p95 < 100 ms (is inf): miss, no request completed"
    }


def test_targets_of_unmeasured_lines_are_left_out():
    lines = [Line("varnish", "varnish", skipped="no deploy/varnish.vcl")]
    assert check_targets(lines) == []


def test_table_shows_figures_queries_and_targets_beside_each_line():
    lines = [
        Line("article", "article, page cache off", load(512.4, p99_ms=80.5), 5, 4),
        Line("varnish", "article through Varnish", skipped="no deploy/varnish.vcl"),
        Line("most_read", "most-read ranking", value=12.34, unit="ms"),
    ]
    rows = table_rows(lines, check_targets(lines))
    assert rows[0] == (
        "what",
        "req/s",
        "p50",
        "p99",
        "errors",
        "queries cold/warm",
        "target",
    )
    assert rows[1] == (
        "article, page cache off",
        "512",
        "1.00 ms",
        "80.5 ms",
        "0",
        "5 / 4",
        f"{ISSUE_ARTICLE}: pass; ≤ 5 queries cold: pass",
    )
    assert rows[2][:2] == ("article through Varnish", "skipped: no deploy/varnish.vcl")
    assert rows[3] == (
        "most-read ranking",
        "12.3 ms",
        "",
        "",
        "",
        "",
        "< 50 ms cold: pass",
    )


def test_markdown_and_text_tables_have_a_row_per_line():
    rows = [("what", "req/s"), ("home", "60.0"), ("search", "")]
    assert markdown_table(rows) == (
        "| what | req/s |\n|---|---|\n| home | 60.0 |\n| search |   |"
    )
    assert text_table(rows) == "what    req/s\nhome    60.0\nsearch"


def test_docs_table_is_replaced_between_the_markers_only():
    document = (
        "# Performance\n\nIntro.\n\n"
        f"{DOCS_TABLE_START}\nold heading\n\n| old |\n{DOCS_TABLE_END}\n\n"
        "## Single-client render times\n\nSomeone else's text.\n"
    )
    updated = replace_docs_table(document, "4 December 2026, 2 cores:", "| new |")
    assert updated == (
        "# Performance\n\nIntro.\n\n"
        f"{DOCS_TABLE_START}\n4 December 2026, 2 cores:\n\n| new |\n{DOCS_TABLE_END}\n\n"
        "## Single-client render times\n\nSomeone else's text.\n"
    )


def test_docs_without_markers_are_refused():
    with pytest.raises(ValueError, match="markers"):
        replace_docs_table("# Performance\n", "heading", "| table |")


def test_results_json_keeps_the_figures_and_the_verdicts():
    run = Run(
        date="2026-12-04",
        cores=2,
        workers=4,
        load="wrk -t2 -c16 -d12s",
        articles=100_000,
        read_rows=2_000_000,
        commit="abc1234",
        lines=[Line("crawl", "crawl", load(300.04), 6, 5)],
    )
    data = json.loads(run.as_json())
    assert data["cores"] == 2
    assert data["lines"][0]["load"]["requests_per_second"] == 300.0
    assert data["lines"][0]["queries_cold"] == 6
    assert data["targets"] == [
        {
            "line": "crawl",
            "target": "≥ 275 req/s (issue 10's figure: Wagtail not measured)",
            "value": 300.0,
            "passed": True,
            "shortfall": "",
        }
    ]
