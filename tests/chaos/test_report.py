"""How `make chaos` counts what its readers saw and reports it; no service is started."""

import json

from bench.report import replace_docs_table
from chaos.report import (
    DOCS_MARKERS,
    NO_ANSWER,
    Beacons,
    FlushStats,
    Phase,
    Request,
    Run,
    Sighting,
    account,
    beacons_line,
    markdown_report,
    publish_line,
    table_rows,
    tally_beacons,
    text_report,
)
from tests.test_settings import PROJECT


def timeline():
    """Steady, Redis down 10–15, back, PostgreSQL down 30–33, back, to 60."""
    return [
        Phase("steady", "steady", 0, 10),
        Phase("redis", "Redis stopped", 10, 15, "redis", down_until=15),
        Phase("after_redis", "after Redis", 15, 30),
        Phase("postgresql", "PostgreSQL stopped", 30, 33, "postgresql", 33),
        Phase("after_postgresql", "after PostgreSQL", 33, 60),
    ]


def page(started, ended, status=200, kind="article", retry_after=False):
    return Request(started, ended, "varnish", kind, status, retry_after)


def by_key(results):
    return {result.key: result for result in results}


def test_requests_count_in_the_phase_they_were_answered_in():
    requests = [page(1, 2), page(9.9, 10.5), page(20, 21), page(59, 61)]

    results = by_key(account(requests, timeline(), health=[]))

    assert results["steady"].requests == 1
    assert results["redis"].requests == 1
    assert results["after_redis"].requests == 1
    assert results["after_postgresql"].requests == 1, "a straggler counts in the last"


def test_a_503_is_documented_only_while_postgresql_was_down():
    requests = [
        page(29.5, 30.5, 503),  # in flight when the database stopped
        page(31, 31.2, 503, retry_after=True),
        page(40, 40.1, 503),  # after the database was back: a failure
        page(12, 12.1, 503),  # while Redis was down: a failure
        page(41, 41.1, 500),
    ]

    results = by_key(account(requests, timeline(), health=[]))

    assert results["postgresql"].documented_503s == 2
    assert results["postgresql"].with_retry_after == 1
    assert results["postgresql"].failures == 0
    assert results["after_postgresql"].failures == 2
    assert results["redis"].failures == 1


def test_a_request_without_an_answer_is_a_socket_error_not_a_status():
    results = by_key(account([page(3, 3.1, NO_ANSWER)], timeline(), health=[]))

    assert results["steady"].socket_errors == 1
    assert results["steady"].failures == 0


def test_recovery_is_the_last_bad_sign_after_the_service_came_back_within_its_window():
    health = [(14, False), (15.4, False), (15.5, True), (31, False), (34, True)]
    requests = [page(16, 16.2, 500), page(31, 31.5, 503)]

    results = by_key(account(requests, timeline(), health))

    assert results["redis"].recovered_in == 1.2, "the failed request at 16.2 s"
    # The database's unhealthy sample at 31 s is not Redis's, and came before 33 s.
    assert results["postgresql"].recovered_in == 0.0
    assert results["steady"].recovered_in is None


def test_beacons_at_the_edges_of_the_redis_outage_count_as_during_it():
    requests = [
        page(5, 5.1, 204, "beacon"),
        page(9.9, 10.1, 204, "beacon"),  # in flight as Redis stopped
        page(15.5, 15.6, 204, "beacon"),  # the app leaves Redis alone for a second
        page(16.5, 16.6, 204, "beacon"),
        page(20, 20.1, NO_ANSWER, "beacon"),
        page(21, 21.1, 200, "article"),
    ]

    beacons = tally_beacons(requests, timeline(), settle_seconds=1)

    assert (beacons.sent, beacons.sent_during_outage, beacons.not_answered_204) == (
        2,
        2,
        1,
    )


def test_reads_counted_are_exact_when_every_beacon_outside_the_outage_counted_once():
    assert Beacons(100, 10, 0, counted=100).exact
    assert Beacons(100, 10, 0, counted=110).exact
    assert "all counted once" in beacons_line(Beacons(100, 10, 0, counted=104))
    assert "4 counted and the rest dropped" in beacons_line(
        Beacons(100, 10, 0, counted=104)
    )

    lost = Beacons(100, 10, 0, counted=97)
    assert not lost.exact
    assert "3 of them lost" in beacons_line(lost)

    twice = Beacons(100, 10, 0, counted=112)
    assert not twice.exact
    assert "2 counted twice" in beacons_line(twice)


def test_publish_line_says_which_look_found_the_article_where():
    line = publish_line(
        {"A": Sighting(1, 0.0), "B": Sighting(3, 0.42), "Varnish": None}
    )

    assert line == (
        "Published: found on A at the first look, "
        "B at look 3, 0.42 s after the commit, Varnish never"
    )


def test_table_has_a_row_per_phase_and_the_totals():
    requests = [page(1, 2), page(31, 31.2, 503), page(40, 40.1, NO_ANSWER)]

    rows = table_rows(account(requests, timeline(), health=[(34, True)]))

    assert rows[0][0] == "phase"
    assert rows[2] == ("Redis stopped", "10–15", "0", "0", "0", "0", "0.0 s")
    assert rows[1][-1] == "–", "no recovery for a phase without a fault"
    assert rows[-1] == ("all", "", "3", "0", "1", "1", "")


def sample_run():
    requests = [page(1, 2), page(31, 31.2, 503), page(5, 5.1, 204, "beacon")]
    beacons = tally_beacons(requests, timeline(), settle_seconds=1)
    beacons.counted = 1
    return Run(
        date="2026-12-04",
        cores=2,
        load_average=0.5,
        commit="abc1234",
        readers=64,
        seconds=60,
        articles=344,
        workers_per_instance=4,
        phases=account(requests, timeline(), health=[]),
        publish_sightings={"A": Sighting(1, 0.0)},
        beacons=beacons,
        flush_loop=FlushStats(
            kills=3, kills_inside_a_pass=2, passes=50, failed_passes=7
        ),
    )


def test_reports_carry_the_table_and_the_publish_beacon_and_flush_lines():
    run = sample_run()

    text = text_report(run)
    markdown = markdown_report(run)

    assert "PostgreSQL stopped" in text
    assert "Documented 503s: 1, of which 0 the app's page with Retry-After" in text
    assert "SIGKILLed 3 times, 2 of them inside a pass" in text
    assert markdown.startswith("| phase | seconds |")
    assert "- Published: found on A at the first look." in markdown
    assert "- Beacons answered 204 outside the Redis outage: 1, all counted once" in (
        markdown
    )


def test_results_json_keeps_the_verdicts():
    data = json.loads(sample_run().as_json())

    assert data["beacons"]["exact"] is True
    assert data["phases"][3]["documented_503s"] == 1
    assert data["publish_sightings"]["A"] == {"look": 1, "after": 0.0}
    assert data["flush_loop"]["failed_passes"] == 7


def test_the_reliability_page_has_the_place_for_the_table():
    document = (PROJECT / "docs" / "reliability.md").read_text()

    updated = replace_docs_table(document, "heading", "| table |", DOCS_MARKERS)

    assert "heading\n\n| table |\n<!-- chaos-table:end -->" in updated
