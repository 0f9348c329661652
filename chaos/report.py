"""
What a chaos run found: the readers' requests counted per phase, the time to
recover from each fault, whether a publication showed everywhere at once, and
beacons sent against reads counted. It formats the table printed, kept in
docs/reliability.md and results.json. Nothing here starts a process or
touches a database.
"""

import json
from dataclasses import asdict, dataclass, field

from bench.report import markdown_table, text_table

DOCS_MARKERS = ("<!-- chaos-table:start -->", "<!-- chaos-table:end -->")
BEACON = "beacon"
NO_ANSWER = 0  # The status of a request that got no HTTP answer.


@dataclass(frozen=True)
class Request:
    """One reader's request; times in seconds since the run began."""

    started: float
    ended: float
    route: str  # "varnish", "a" or "b"
    kind: str  # "article", "home", "section" or "beacon"
    status: int  # NO_ANSWER when the connection was refused, reset or timed out
    retry_after: bool = False  # Whether the answer carried Retry-After.

    @property
    def answered(self):
        return self.status != NO_ANSWER

    @property
    def succeeded(self):
        return 200 <= self.status < 400

    def overlaps(self, window):
        start, end = window
        return self.started < end and self.ended > start


@dataclass
class Phase:
    """A stretch of the run; a fault phase says which service was down, and when it answered again."""

    key: str
    label: str
    start: float
    end: float
    down: str = ""  # "redis" or "postgresql" while the phase's service is stopped
    down_until: float | None = None  # When the service answered again.

    @property
    def outage(self):
        return (self.start, self.down_until if self.down_until else self.end)


@dataclass
class PhaseResult:
    key: str
    label: str
    start: float
    end: float
    requests: int = 0
    failures: int = 0  # Answers outside 2xx/3xx, less the documented 503s.
    socket_errors: int = 0
    documented_503s: int = 0
    # Of those, the app's own page, which says when to come back.
    with_retry_after: int = 0
    recovered_in: float | None = None  # Seconds after the service answered again.


@dataclass
class Beacons:
    """Beacons the readers saw answered 204, and the reads the database counted."""

    sent: int  # Outside the Redis outage: each must be counted.
    sent_during_outage: int  # May be dropped, by design (docs/reliability.md).
    not_answered_204: int
    counted: int | None = None  # Filled in after the final flush.

    @property
    def counted_of_outage(self):
        """Reads counted beyond those sent outside the outage: from beacons at its edges."""
        return self.counted - self.sent

    @property
    def exact(self):
        """Every beacon outside the outage counted once, and none counted twice."""
        return 0 <= self.counted_of_outage <= self.sent_during_outage


@dataclass
class Sighting:
    """The look that first found a publication on a route."""

    look: int  # 1: the first look after the commit already found it.
    after: float  # Seconds from the commit to the start of that look.


def outages(phases, service):
    return [phase.outage for phase in phases if phase.down == service]


def phase_of(request, phases):
    """Return the phase the request was answered in (the last one, for a straggler)."""
    for phase in phases:
        if request.ended < phase.end:
            return phase
    return phases[-1]


def account(requests, phases, health):
    """
    Count the requests of each phase by the time they were answered.

    A 503 is documented when the request overlapped a PostgreSQL outage. The
    phase after a fault is its recovery window: recovered_in is how long after
    the service answered again the last bad sign in that window came, a
    /healthz sample that was not 200 or a request that failed. health is a
    list of (seconds, healthy) samples.
    """
    results = {
        phase.key: PhaseResult(
            phase.key, phase.label, round(phase.start, 2), round(phase.end, 2)
        )
        for phase in phases
    }
    database_outages = outages(phases, "postgresql")
    bad_times = [seconds for seconds, healthy in health if not healthy]
    for request in requests:
        result = results[phase_of(request, phases).key]
        result.requests += 1
        if request.succeeded:
            continue
        if not request.answered:
            result.socket_errors += 1
        elif request.status == 503 and any(
            request.overlaps(window) for window in database_outages
        ):
            result.documented_503s += 1
            result.with_retry_after += request.retry_after
            continue
        else:
            result.failures += 1
        bad_times.append(request.ended)
    for number, phase in enumerate(phases):
        if phase.down and phase.down_until is not None:
            window_end = phases[min(number + 1, len(phases) - 1)].end
            results[phase.key].recovered_in = recovery_time(
                phase.down_until, window_end, bad_times
            )
    return [results[phase.key] for phase in phases]


def recovery_time(back_at, window_end, bad_times):
    """Return the seconds from back_at to the last bad sign before window_end (0 if none)."""
    within = [seconds for seconds in bad_times if back_at <= seconds < window_end]
    return round(max(within) - back_at, 2) if within else 0.0


def tally_beacons(requests, phases, settle_seconds):
    """
    Count the beacons answered 204 outside and during the Redis outages. An
    outage lasts until Redis has answered again for settle_seconds: the app
    leaves Redis alone that long after a failure (newsroom.cache.Breaker).
    """
    windows = [(start, end + settle_seconds) for start, end in outages(phases, "redis")]
    sent = during = other = 0
    for request in requests:
        if request.kind != BEACON:
            continue
        if request.status != 204:
            other += 1
        elif any(request.overlaps(window) for window in windows):
            during += 1
        else:
            sent += 1
    return Beacons(sent=sent, sent_during_outage=during, not_answered_204=other)


def seconds(value):
    return "–" if value is None else f"{value:.1f} s"


COUNTED = ("requests", "failures", "socket_errors", "documented_503s")
HEADINGS = (
    "phase",
    "seconds",
    "requests",
    "non-2xx/3xx",
    "socket errors",
    "documented 503s",
    "recovered in",
)


def table_rows(results):
    """Return the phases table as rows of strings, headings first."""
    rows = [HEADINGS]
    for result in results:
        rows.append(
            (
                result.label,
                f"{result.start:.0f}–{result.end:.0f}",
                f"{result.requests:,}",
                f"{result.failures:,}",
                f"{result.socket_errors:,}",
                f"{result.documented_503s:,}",
                seconds(result.recovered_in),
            )
        )
    total = [sum(getattr(r, name) for r in results) for name in COUNTED]
    rows.append(("all", "", *(f"{value:,}" for value in total), ""))
    return rows


def publish_line(sightings):
    """Say which look after the commit first found the publication on each route."""
    parts = []
    for route, sighting in sightings.items():
        if sighting is None:
            parts.append(f"{route} never")
        elif sighting.look == 1:
            parts.append(f"{route} at the first look")
        else:
            parts.append(
                f"{route} at look {sighting.look}, {sighting.after:.2f} s after the commit"
            )
    return "Published: found on " + ", ".join(parts)


def beacons_line(beacons):
    if beacons.counted_of_outage < 0:
        verdict = f"{-beacons.counted_of_outage:,} of them lost"
    elif beacons.exact:
        verdict = "all counted once"
    else:
        verdict = (
            f"{beacons.counted_of_outage - beacons.sent_during_outage:,} counted twice"
        )
    return (
        f"Beacons answered 204 outside the Redis outage: {beacons.sent:,}, {verdict} "
        f"({beacons.counted:,} reads counted after a final flush); during it: "
        f"{beacons.sent_during_outage:,}, of which {max(0, beacons.counted_of_outage):,} "
        f"counted and the rest dropped by design; {beacons.not_answered_204:,} "
        "beacons not answered 204"
    )


@dataclass
class FlushStats:
    """What the flush_reads --every loop went through."""

    kills: int
    kills_inside_a_pass: int
    passes: int
    failed_passes: int  # Logged, and the loop carried on.


def flush_line(flush):
    return (
        f"flush_reads --every 1: {flush.passes:,} passes, {flush.failed_passes:,} "
        f"failed while a service was down (logged; the loop carried on); SIGKILLed "
        f"{flush.kills} times, {flush.kills_inside_a_pass} of them inside a pass"
    )


def unavailable_line(results):
    documented = sum(result.documented_503s for result in results)
    app = sum(result.with_retry_after for result in results)
    return (
        f"Documented 503s: {documented:,}, of which {app:,} the app's page with "
        f"Retry-After and {documented - app:,} Varnish's own (a page it held no "
        "stale copy of)"
    )


def report_lines(run):
    return [
        unavailable_line(run.phases),
        publish_line(run.publish_sightings),
        beacons_line(run.beacons),
        flush_line(run.flush_loop),
    ]


def text_report(run):
    return "\n".join([text_table(table_rows(run.phases)), "", *report_lines(run)])


def markdown_report(run):
    return "\n".join(
        [
            markdown_table(table_rows(run.phases)),
            "",
            *(f"- {line}." for line in report_lines(run)),
        ]
    )


@dataclass
class Run:
    """Everything results.json keeps about one run."""

    date: str
    cores: int
    load_average: float  # The 1-minute load average before the run.
    commit: str
    readers: int
    seconds: float
    articles: int
    workers_per_instance: int
    phases: list[PhaseResult] = field(default_factory=list)
    publish_sightings: dict = field(default_factory=dict)
    beacons: Beacons | None = None
    flush_loop: FlushStats | None = None
    routes: dict = field(default_factory=dict)  # Requests and failures per route.
    events: list = field(default_factory=list)  # (seconds, what happened)

    def as_json(self):
        data = asdict(self)
        data["beacons"]["exact"] = self.beacons.exact
        data["beacons"]["counted_of_outage"] = self.beacons.counted_of_outage
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def per_route(requests):
    """Return {route: {requests, failed}} where failed is any answer outside 2xx/3xx or none."""
    routes = {}
    for request in requests:
        counts = routes.setdefault(request.route, {"requests": 0, "failed": 0})
        counts["requests"] += 1
        counts["failed"] += not request.succeeded
    return routes
