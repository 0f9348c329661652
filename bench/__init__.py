"""
The HTTP benchmark behind `make bench` (see docs/performance.md).

run.py is the sequence (seed, count queries, start servers, load them, report);
seed.py the bulk read rows; servers.py starts and stops gunicorn, Varnish and
nginx; load.py drives them with wrk or, without it, a Python load generator;
report.py holds the targets and writes the table and results.json;
wagtail_baseline.py sets up, serves and loads the Wagtail 8.0.1 site in
wagtail/, whose article figure the throughput targets are multiples of.
"""
