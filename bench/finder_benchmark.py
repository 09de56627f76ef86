"""Finder latency through the whole Django stack vs the raw index queries, and relevance and
speed against Wagtail's default search backend, on a generated directory.

    .venv/bin/python bench/finder_benchmark.py --services 10000
    .venv/bin/python bench/finder_benchmark.py --services 100000 --reuse --json

Builds a throw-away SQLite database under var/bench/finder-<N>/ (as bench/import_benchmark.py
does: generate, migrate, load_geo, load_taxonomy, import_hsds, which also builds the search
index); --reuse keeps an existing one. Then, in this process, for a fixed mix of 40 queries:

- API: ``GET /api/v1/finder`` through django.test.Client (middleware, ninja, serialisation);
- raw: the statements the engine sends to the index for the same query (the matcher's
  prefilter statement from search.matching.eligibility and, with free text,
  search.selectors' FTS5 statement), executed with a cursor and fetchall, their parameters
  prepared beforehand;
- Wagtail: the services' name and description per language indexed with Wagtail's database
  backend (SQLite FTS5) through a proxy model defined here only, searched for the text
  queries; precision@10 and recall@50 of both engines against the needs each generated
  service addresses (OUT/needs.json).

Prints Markdown tables; --json writes var/bench/finder-<N>.json.
"""

# Project and Django imports wait inside functions until django.setup() has run against the
# benchmark's database (the environment is set first).
# ruff: noqa: PLC0415

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from finder_queries import QUERIES, TEXT_QUERIES, Query
from wagtail_comparison import WagtailBench, relevance

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True)  # noqa: S603 - fixed arguments
    return time.perf_counter() - start


def build(services: int, folder: Path, env: dict[str, str], seed: int) -> dict[str, float]:
    """A fresh database with the generated directory (generated unless already there);
    returns the steps' times."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("bench.sqlite3*"):
        old.unlink()
    data = folder / "data"
    times = {}
    if not (data / "needs.json").exists():
        shutil.rmtree(data, ignore_errors=True)
        command = ["--services", str(services), "--out", str(data), "--seed", str(seed)]
        times["generate_s"] = run([PYTHON, "bench/generate_directory.py", *command], env)
    run([PYTHON, "manage.py", "migrate", "-v0"], env)
    run([PYTHON, "manage.py", "load_geo"], env)
    run([PYTHON, "manage.py", "load_taxonomy"], env)
    times["import_s"] = run([PYTHON, "manage.py", "import_hsds", str(data)], env)
    return times


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)  # noqa: T201


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(statistics.median(values), 2),
        "p95": round(percentile(values, 0.95), 2),
        "max": round(max(values), 2),
    }


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


@dataclass
class Results:
    api: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    text_api: list[float] = field(default_factory=list)
    text_raw: list[float] = field(default_factory=list)
    wagtail: list[float] = field(default_factory=list)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--reuse", action="store_true", help="reuse an existing database")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds over the mix")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-wagtail", action="store_true", help="skip the Wagtail comparison")
    parser.add_argument("--wagtail-rounds", type=int, default=1, help="timed Wagtail passes")
    parser.add_argument(
        "--wagtail-timeout", type=float, default=10.0, help="seconds before a Wagtail query stops"
    )
    parser.add_argument("--json", action="store_true", help="write var/bench/finder-<N>.json")
    args = parser.parse_args()
    folder = ROOT / "var" / "bench" / f"finder-{args.services}"
    database = folder / "bench.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "BEONCOSUP_DATA_DIR": str(folder),
        # As in production: no debug (Django would keep every query's SQL in memory).
        "BEONCOSUP_DEBUG": "false",
        "BEONCOSUP_LOG_LEVEL": "WARNING",
    }
    build_times: dict[str, float] = {}
    if not (args.reuse and database.exists()):
        build_times = build(args.services, folder, env, args.seed)
        print(f"built: {build_times}")  # noqa: T201
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")
    sys.path.insert(0, str(ROOT))
    # Start the application as the WSGI server does (django.setup(), then gc.freeze()).
    import beoncosup.wsgi  # noqa: F401

    report = measure(args, folder)
    report["build"] = build_times
    report["index"] = index_size(database)
    report["machine"] = machine()
    print_report(args.services, report)
    if args.json:
        out = ROOT / "var" / "bench" / f"finder-{args.services}.json"
        out.write_text(json.dumps(report, indent=2), encoding="utf-8")
        print(f"\nwritten to {out}")  # noqa: T201


def raw_statements(query: Query) -> list[tuple[str, list[Any]]]:
    """The SQL the engine sends to the index for this query, with its parameters, worked out
    the way find_services does (untimed)."""
    from beoncosup.search.matching.criteria import DEFAULT_MAX_KM, Criteria
    from beoncosup.search.matching.eligibility import prefilter_sql
    from beoncosup.search.matching.engine import _place, resolve_needs
    from beoncosup.search.selectors import (
        informative_terms,
        raw_search_sql,
        search_scores,
        text_query,
    )

    p = query.params
    criteria = Criteria(
        needs=tuple(p.get("need", ())),
        q=p.get("q", ""),
        postcode=p.get("postcode"),
        lang=p.get("lang", "nl"),
        languages=tuple(p["languages"].split(",")) if p.get("languages") else (),
        audience=p.get("audience"),
        status=p.get("status"),
        phase=p.get("phase"),
        age=p.get("age"),
        max_km=p.get("max_km"),
        delivery=p.get("delivery"),
        free_only=p.get("free_only", False),
        self_referral_only=p.get("self_referral_only", False),
        page=p.get("page", 1),
    )
    statements = []
    needs, _relevance, _unsure = resolve_needs(criteria)
    place = _place(criteria.postcode)
    extra: list[Any] = []
    if criteria.q.strip():
        tq = text_query(criteria.q, criteria.lang)
        # The terms the engine searches for: common ones are left out (their document counts
        # are cached by the engine, so they are not part of a warm query either).
        terms = informative_terms(f"service{tq.language}", tq.all_terms)
        if terms:
            statements.append(raw_search_sql("service", tq.language, terms))
        extra = list(search_scores("service", tq))
    limit = criteria.max_km or DEFAULT_MAX_KM
    statements.append(
        prefilter_sql("service", criteria, needs, place, extra_ids=extra, max_km=limit)
    )
    return statements


def measure(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client

    client = Client()

    def api(query: Query) -> Any:
        response = client.get("/api/v1/finder", query.params, HTTP_HOST="localhost")
        if response.status_code != 200:
            raise SystemExit(f"{query.label}: HTTP {response.status_code} {response.content!r}")
        return response.json()

    statements = {q.label: raw_statements(q) for q in QUERIES}

    def raw(query: Query) -> None:
        with connection.cursor() as cursor:
            for sql, params in statements[query.label]:
                cursor.execute(sql, params)
                cursor.fetchall()

    wagtail = None if args.no_wagtail else WagtailBench(args.wagtail_timeout)
    progress("timing the finder")
    results = Results()
    totals = {}
    for query in QUERIES:  # warm-up: caches (needs index, vocabulary), SQLite pages
        totals[query.label] = api(query)["total"]
        raw(query)
    per_query: dict[str, list[tuple[float, float]]] = {q.label: [] for q in QUERIES}
    for _round in range(args.rounds):
        for query in QUERIES:
            api_ms = timed(lambda q=query: api(q))  # type: ignore[misc]
            raw_ms = timed(lambda q=query: raw(q))  # type: ignore[misc]
            results.api.append(api_ms)
            results.raw.append(raw_ms)
            per_query[query.label].append((api_ms, raw_ms))
            if query in TEXT_QUERIES:
                results.text_api.append(api_ms)
                results.text_raw.append(raw_ms)
    if wagtail:  # after the finder's rounds: at 100k one Wagtail query can take minutes
        for _pass in range(1 + args.wagtail_rounds):  # the first pass warms up
            for query in TEXT_QUERIES:
                milliseconds = wagtail.search(query)
                if _pass:
                    results.wagtail.append(milliseconds)
            progress(f"wagtail pass {_pass}: {wagtail.timeouts} timeouts so far")
    api_s, raw_s = summary(results.api), summary(results.raw)
    report: dict[str, Any] = {
        "services": args.services,
        "queries": len(QUERIES),
        "rounds": args.rounds,
        "api_ms": api_s,
        "raw_ms": raw_s,
        "ratio": {
            "p50": round(api_s["p50"] / raw_s["p50"], 2),
            "p95": round(api_s["p95"] / raw_s["p95"], 2),
        },
        "per_query": {
            label: {
                "total": totals[label],
                "api_p50": round(statistics.median(a for a, _r in rows), 2),
                "raw_p50": round(statistics.median(r for _a, r in rows), 2),
            }
            for label, rows in per_query.items()
        },
        "load_average": os.getloadavg(),
    }
    report["relevance"] = relevance(folder, wagtail, TEXT_QUERIES)
    report["text_speed_ms"] = {
        "engine_api": summary(results.text_api),
        "engine_raw": summary(results.text_raw),
        **({"wagtail": summary(results.wagtail)} if wagtail else {}),
    }
    if wagtail:
        report["wagtail_index"] = {
            "build_s": wagtail.build_s,
            "fields": wagtail.fields_note,
            "timeout_s": wagtail.timeout,
            "timeouts": wagtail.timeouts,
        }
    return report


def index_size(database: Path) -> dict[str, float]:
    """MiB taken by the search index (documents, FTS5 table, profiles) and Wagtail's index."""
    sizes: dict[str, float] = {"database_mib": round(database.stat().st_size / 2**20, 1)}
    with sqlite3.connect(database) as db:
        try:
            rows = db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
        except sqlite3.DatabaseError:
            return sizes
    for prefix, key in [
        ("search_", "search_index_mib"),
        ("wagtailsearch_", "wagtail_index_mib"),
    ]:
        total = sum(size for name, size in rows if name.startswith(prefix))
        sizes[key] = round(total / 2**20, 1)
    return sizes


def machine() -> dict[str, Any]:
    import platform

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def print_report(services: int, report: dict[str, Any]) -> None:
    api, raw, ratio = report["api_ms"], report["raw_ms"], report["ratio"]
    nan = float("nan")
    out = [
        f"## Finder, {services:,} services ({report['queries']} queries x {report['rounds']})",
        "",
        "| API p50 | API p95 | API max | raw p50 | raw p95 | ratio p50 | ratio p95 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| {api['p50']} | {api['p95']} | {api['max']} | {raw['p50']} | {raw['p95']} "
        f"| {ratio['p50']} | {ratio['p95']} |",
        "",
        "| query | total | API p50 | raw p50 |",
        "| --- | --- | --- | --- |",
        *(
            f"| {label} | {row['total']} | {row['api_p50']} | {row['raw_p50']} |"
            for label, row in report["per_query"].items()
        ),
        "",
        "| text query | need | engine P@10 | engine R@50 | Wagtail P@10 | Wagtail R@50 |",
        "| --- | --- | --- | --- | --- | --- |",
        *(
            f"| {r['query']} | {r['need']} | {r['engine_p10']:.1f} | {r['engine_r50']:.2f} "
            f"| {r.get('wagtail_p10', nan):.1f} | {r.get('wagtail_r50', nan):.2f} |"
            for r in report["relevance"]
        ),
        "",
        f"text queries, ms: {report['text_speed_ms']}",
        f"index: {report['index']}; wagtail index: {report.get('wagtail_index')}",
        f"build: {report['build']}",
        f"machine: {report['machine']}; load average: {report['load_average']}",
    ]
    print("\n".join(out))  # noqa: T201


if __name__ == "__main__":
    main()
