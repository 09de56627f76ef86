"""Needs insights at scale (issue #16): 10 million finder search signals and 200,000 self-checks
over three years, rolled up, published and read by the analysts' dashboards.

    .venv/bin/python bench/insights_benchmark.py [--searches 10000000] [--runs 30]

The database: a throw-away SQLite file under var/bench/insights/ (made afresh each run), or the
PostgreSQL database DATABASE_URL points to when it is a postgres:// URL (make one for the
benchmark: its insights tables are emptied and refilled). The geo tables, the taxonomy and the
demo directory are loaded into it. Then, in this process:

1. generate the signals (insights.synthetic: --searches searches, searches/50 self-checks,
   searches/200 referrals, dated over the three years up to yesterday);
2. full rebuild, step by step as services.insights_refresh(rebuild=True) runs them: rollups,
   the purge of signals past retention (24 months: a third of them), supply, publish;
3. one more day: searches/1000 searches (10,000 at full volume) dated today, and the same
   share of self-checks and referrals, then the incremental rollup and the whole scheduled
   refresh (rollups, purge, supply and publish);
4. publish alone;
5. the dashboard pages (django.test.Client, every middleware, signed in as an analyst with a
   second factor): median and p95 over --runs requests, SQL queries of the first request,
   the status (200 expected). Skipped
   with a message when the insights URLs are not there.

Targets (docs/benchmarks.md): one day's incremental refresh ≤ 60 s, pages p95 ≤ 300 ms, the
map ≤ 500 ms. Timings are of this machine.
"""

# Django imports wait until the environment points at the benchmark's database.
# ruff: noqa: PLC0415, T201 - a command-line report that checks its own answers

from __future__ import annotations

import argparse
import datetime as dt
import io
import logging
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "var" / "bench" / "insights"
PAGES = ("overview", "unmet", "map", "referrals", "languages", "self_checks", "public")
FILTERS = "?area=BE-VAN&need=PSY&period={year}"


def setup_django(folder: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        url = f"sqlite:///{folder / 'db.sqlite3'}"
        os.environ["DATABASE_URL"] = url
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["BEONCOSUP_DATA_DIR"] = str(folder)
    os.environ["BEONCOSUP_EMBEDDINGS"] = "off"
    os.environ["BEONCOSUP_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    return f"{connection.vendor} {connection.settings_dict['NAME']}"


@contextmanager
def timed(label: str, results: list[tuple[str, float]]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    results.append((label, seconds))
    print(f"  {label}: {seconds:.1f} s", flush=True)


def reference_data() -> None:
    """Geo tables, taxonomy and the demo directory (for supply), unless already there."""
    from django.core.management import call_command

    from beoncosup.directory.models import Service
    from beoncosup.geo.models import Municipality
    from beoncosup.taxonomy.models import Need

    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    if not Municipality.objects.exists():
        call_command("load_geo", **quiet)
    if not Need.objects.exists():
        call_command("load_taxonomy", **quiet)
    if not Service.objects.exists():
        call_command("load_demo_directory", **quiet)
        call_command("rebuild_search_index", **quiet)


def empty_insights() -> None:
    from beoncosup.insights import models

    for model in (
        models.SelfCheckSignalNeed,
        models.SelfCheckSignal,
        models.SearchSignal,
        models.ReferralSignal,
        models.DemandRollup,
        models.SelfCheckRollup,
        models.ReferralRollup,
        models.PublishedCell,
        models.RefreshState,
    ):
        model.objects.all()._raw_delete(model.objects.db)


def attempt(label: str, results: list[tuple[str, float]], step: Callable[[], Any]) -> Any:
    """Run and time one step; a failure is reported, not fatal (the next steps still run)."""
    try:
        with timed(label, results):
            return step()
    except Exception as error:
        print(f"  {label}: FAILED {type(error).__name__}: {error}", flush=True)
        results.append((f"{label} (failed: {type(error).__name__})", float("nan")))
        return None


def measure(client: Any, url: str, runs: int) -> tuple[float, float, int, int, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # a request resets the log when it starts: count from zero
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    status = response.status_code
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return (
        statistics.median(times),
        p95,
        len(captured.captured_queries),
        len(response.content),
        status,
    )


def pages(runs: int, today: dt.date) -> None:
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from beoncosup.accounts.codes import PlatformRole
    from beoncosup.accounts.services import role_grant
    from beoncosup.accounts.testing import signed_in, user_create

    with translation.override("en"):
        try:
            urls = {name: reverse(f"insights:{name}") for name in PAGES}
        except NoReverseMatch as error:
            print(f"\nPage timings skipped: the insights URLs are not there yet ({error}).")
            return
    user = user_create("analyst@bench.example")
    role_grant(user=user, role=PlatformRole.ANALYST, granted_by=None)
    client = signed_in(Client(), user)
    query = FILTERS.format(year=today.year)
    logging.disable(logging.WARNING)  # the pages' own request logging, not the report
    print(f"\nPages, {runs} runs each, filters {query} (and without; the public page offers")
    print("only published periods and areas: without filters)\n")
    print("| page | median ms | p95 ms | queries | bytes | status |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, url in urls.items():
        for suffix in ("",) if name == "public" else ("", query):
            median, p95, queries, size, status = measure(client, url + suffix, runs)
            print(
                f"| {url}{suffix} | {median:.1f} | {p95:.1f} | {queries} | {size:,} | {status} |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--folder", type=Path, default=FOLDER, help="Where the SQLite file goes (made afresh)."
    )
    options = parser.parse_args()
    database = setup_django(options.folder)
    from django.db import connection
    from django.utils import timezone

    from beoncosup.insights.services import publish, signals_purge, supply_refresh
    from beoncosup.insights.services.pipeline import insights_refresh
    from beoncosup.insights.services.refresh import rollups_refresh
    from beoncosup.insights.synthetic import signals_generate

    searches = options.searches
    today = timezone.localdate()
    start = today.replace(year=today.year - 3, day=1)
    day = {"searches": searches // 1000, "self": searches // 50_000, "ref": searches // 200_000}
    print(f"database: {database}; searches={searches:,} self-checks={searches // 50:,} ", end="")
    print(f"referrals={searches // 200:,} from {start} to {today} (exclusive)", flush=True)
    results: list[tuple[str, float]] = []
    with timed("reference data (geo, taxonomy, demo directory)", results):
        reference_data()
        empty_insights()
    with timed("generate the signals", results):
        made = signals_generate(
            searches=searches,
            self_checks=searches // 50,
            referrals=searches // 200,
            start=start,
            end=today,
        )
    print(f"  made: {made}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print("full rebuild (insights_refresh(rebuild=True), step by step):")
    attempt("  rollups, every month", results, lambda: rollups_refresh(rebuild=True))
    attempt("  purge past retention", results, lambda: signals_purge(today=today))
    attempt("  supply", results, supply_refresh)
    attempt("  publish", results, lambda: publish(today=today))
    print(f"one more day: {day['searches']:,} searches, {day['self']} self-checks, ", end="")
    print(f"{day['ref']} referrals dated {today}")
    attempt(
        "add one day's signals",
        results,
        lambda: signals_generate(
            searches=day["searches"],
            self_checks=day["self"],
            referrals=day["ref"],
            start=today,
            end=today + dt.timedelta(days=1),
            seed=17,
        ),
    )
    attempt("incremental rollup of that day", results, rollups_refresh)
    attempt(
        "add another day's signals",
        results,
        lambda: signals_generate(
            searches=day["searches"],
            self_checks=day["self"],
            referrals=day["ref"],
            start=today,
            end=today + dt.timedelta(days=1),
            seed=18,
        ),
    )
    attempt(
        "scheduled refresh of that day (insights_refresh: rollups, purge, supply, publish)",
        results,
        lambda: insights_refresh(today=today),
    )
    attempt("publish alone", results, lambda: publish(today=today))
    print("\n| step | seconds |\n| --- | ---: |")
    for label, seconds in results:
        print(f"| {label.strip()} | {seconds:.1f} |")
    pages(options.runs, today)


if __name__ == "__main__":
    main()
