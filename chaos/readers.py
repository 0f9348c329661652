"""
The readers: threads in a process of their own (so that they never slow the
timing of the faults), each sending requests back to back until the run ends
and noting what came back. `python -m chaos.readers PLAN RESULT` reads its
plan from one JSON file and writes the requests to another.
"""

import http.client
import json
import random
import sys
import threading
import time

from bench.load import BROWSER_USER_AGENT
from chaos.report import BEACON, NO_ANSWER, Request

# How a reader's requests are shared out: mostly article pages, as on a news site.
MIX = (("article", 45), ("home", 15), ("section", 15), (BEACON, 25))
TIMEOUT_SECONDS = 10


def reader_address(number, sent):
    """Return a distinct private address for reader `number`'s `sent`-th request."""
    return f"10.{number % 256}.{sent // 256 % 256}.{sent % 256}"


def read(routes, pages, beacon_paths, readers, began, until):
    """
    Keep `readers` threads reading until the monotonic time `until`; return
    their requests as tuples for Request, timed from `began`.

    routes maps a name to a port, taken in turn by reader; half the readers
    go through the first route (Varnish), the rest straight to the others.
    pages maps a kind of page to its paths.
    """
    names = list(routes)
    order = [names[0]] * (len(names) - 1) + names[1:]
    requests, lock = [], threading.Lock()

    def reader(number):
        route = order[number % len(order)]
        rng = random.Random(number)
        kinds, weights = zip(*MIX, strict=True)
        connection = None
        sent = 0
        while time.monotonic() < until:
            kind = rng.choices(kinds, weights)[0]
            headers = {"User-Agent": BROWSER_USER_AGENT, "Accept-Encoding": "gzip, br"}
            if kind == BEACON:
                # A reader of its own each time (an address, as nginx passes it
                # on), so that no beacon is a repeat or over an address's rate.
                method, path = "POST", rng.choice(beacon_paths)
                headers["X-Real-IP"] = reader_address(number, sent)
            else:
                method, path = "GET", rng.choice(pages[kind])
            sent += 1
            started = time.monotonic()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(
                        "127.0.0.1", routes[route], timeout=TIMEOUT_SECONDS
                    )
                connection.request(
                    method,
                    path,
                    body=b"" if method == "POST" else None,
                    headers=headers,
                )
                response = connection.getresponse()
                response.read()
                status = response.status
                retry_after = response.getheader("Retry-After") is not None
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                status, retry_after = NO_ANSWER, False
                if connection is not None:
                    connection.close()
                connection = None
            ended = time.monotonic()
            with lock:
                requests.append(
                    (started - began, ended - began, route, kind, status, retry_after)
                )
        if connection is not None:
            connection.close()

    threads = [
        threading.Thread(target=reader, args=(number,), daemon=True)
        for number in range(readers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return requests


def as_requests(rows):
    return [Request(*row) for row in rows]


def main(plan_path, result_path):
    with open(plan_path) as plan_file:
        plan = json.load(plan_file)
    rows = read(**plan)
    with open(result_path, "w") as result_file:
        json.dump(rows, result_file)


if __name__ == "__main__":
    main(*sys.argv[1:])
