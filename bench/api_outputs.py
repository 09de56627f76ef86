"""In-process time of the JSON APIs whose outputs are typed (issue 11, item 4): the finder's
fixed query mix (bench/finder_queries.py), the navigator and the HSDS read API, through
django.test.Client (middleware, ninja, validation, serialisation), on a generated directory.

    .venv/bin/python bench/api_outputs.py --services 5000
    .venv/bin/python bench/api_outputs.py --services 5000 --reuse --rounds 7

Builds (or with --reuse keeps) a throw-away SQLite database under var/bench/api-<N>/ the way
bench/finder_benchmark.py does. Prints p50, p95 and mean wall time in milliseconds per endpoint, the
median CPU time of this process (steadier on a shared machine; SQLite runs in-process), and the
queries per request (the same before and after: serialising must not query). Run it on two
checkouts (before and after a change) against the same database to compare.
"""

# Project and Django imports wait until django.setup() has run against the benchmark database.
# ruff: noqa: PLC0415, T201

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from finder_benchmark import build, percentile, run
from finder_queries import QUERIES

ROOT = Path(__file__).resolve().parents[1]


def _stats(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values):6.2f}  p95 {percentile(values, 0.95):6.2f}  "
        f"mean {statistics.fmean(values):6.2f}"
    )


def measure(rounds: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from beoncosup.directory.models import Organization, Service, ServiceAtLocation

    client = Client(HTTP_HOST="localhost")
    service = Service.objects.order_by("id").values_list("id", flat=True).first()
    organization = Organization.objects.order_by("id").values_list("id", flat=True).first()
    sal = ServiceAtLocation.objects.order_by("id").values_list("id", flat=True).first()
    navigator = [
        {"audience": "patient", "status": "employee", "postcode": "9000", "lang": "en"},
        {"audience": "employer", "postcode": "1000", "lang": "fr"},
        {"audience": "patient", "status": "self_employed", "postcode": "4000"},
    ]
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = {
        "finder (40 queries)": [("/api/v1/finder", q.params) for q in QUERIES],
        "navigator (3)": [("/api/v1/navigator", p) for p in navigator],
        "hsds services ×100": [("/api/hsds/services", {"per_page": 100})],
        "hsds service detail": [(f"/api/hsds/services/{service}", {})],
        "hsds organisation detail": [(f"/api/hsds/organizations/{organization}", {})],
        "hsds service_at_locations ×100": [("/api/hsds/service_at_locations", {"per_page": 100})],
        "hsds service_at_location": [(f"/api/hsds/service_at_locations/{sal}", {})],
        "hsds taxonomy_terms ×100": [("/api/hsds/taxonomy_terms", {"per_page": 100})],
    }
    for name, requests in groups.items():
        queries = []
        for url, params in requests:  # warm-up, and the queries each request sends
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, params)
            if response.status_code != 200:
                raise SystemExit(f"{url} {params}: HTTP {response.status_code}")
            queries.append(len(captured))
        times, cpu = [], []
        for _round in range(rounds):
            for url, params in requests:
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get(url, params)
                cpu.append((time.process_time() - start_cpu) * 1000)
                times.append((time.perf_counter() - start) * 1000)
        print(
            f"{name:32} {_stats(times)}  CPU p50 {statistics.median(cpu):6.2f}  "
            f"queries {min(queries)}–{max(queries)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=5_000)
    parser.add_argument("--reuse", action="store_true", help="reuse an existing database")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    folder = ROOT / "var" / "bench" / f"api-{args.services}"
    if "BENCH_DIR" in os.environ:  # a second checkout measured against the same database
        folder = Path(os.environ["BENCH_DIR"])
    database = folder / "bench.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "BEONCOSUP_DATA_DIR": str(folder),
        "BEONCOSUP_DEBUG": "false",
        "BEONCOSUP_LOG_LEVEL": "WARNING",
    }
    if not (args.reuse and database.exists()):
        print(f"built: {build(args.services, folder, env, args.seed)}")
        run([sys.executable, "manage.py", "load_navigator_measures"], env)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")
    sys.path.insert(0, str(ROOT))
    import beoncosup.wsgi  # noqa: F401 - django.setup() as the WSGI server does

    print(f"{args.services} services, {args.rounds} rounds, ms per request, {ROOT}")
    measure(args.rounds)


if __name__ == "__main__":
    main()
