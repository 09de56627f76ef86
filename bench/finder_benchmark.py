"""Finder latency through the whole Django stack vs the raw index queries, and relevance and
speed against Wagtail's default search backend, on a generated directory.

    .venv/bin/python bench/finder_benchmark.py --services 10000
    .venv/bin/python bench/finder_benchmark.py --services 100000 --reuse --json

Builds a throw-away SQLite database under var/bench/finder-<N>/ (as bench/import_benchmark.py
does: generate, migrate, load_geo, load_taxonomy, import_hsds, which also builds the search
index); --reuse keeps an existing one. Then, in this process, for a fixed mix of 40 queries:

- API: ``GET /api/v1/finder`` through django.test.Client (middleware, ninja, serialisation);
- raw: the statements the engine sends to the index for the same query (finder.eligibility's
  prefilter statement and, with free text, search.selectors' FTS5 statement), executed with a
  cursor and fetchall, their parameters prepared beforehand;
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
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
LANGS = ("nl", "fr", "de", "en")


@dataclass(frozen=True)
class Query:
    label: str
    params: dict[str, Any]
    expected: str | None = None  # the need free text `q` expresses (relevance)


def text(q: str, lang: str, expected: str, **more: object) -> Query:
    return Query(f"q={q!r} {lang}", {"q": q, "lang": lang, **more}, expected)


# The fixed mix (40). Free text first in each language, then with place and filters.
TEXT_QUERIES = [
    text("ik ben altijd moe", "nl", "MED-FATIGUE"),
    text("angst dat de kanker terugkomt", "nl", "PSY-FEAR-RECURRENCE"),
    text("geen geld meer om rond te komen", "nl", "SOC-INCOME-LOSS"),
    text("peur que ça revienne", "fr", "PSY-FEAR-RECURRENCE"),
    text("je n'arrive pas à dormir", "fr", "MED-SLEEP"),
    text("perruque", "fr", "MED-AIDS-PROSTHESES"),
    text("Perücke", "de", "MED-AIDS-PROSTHESES"),
    text("ich bin immer müde", "de", "MED-FATIGUE"),
    text("Schmerzen", "de", "MED-PAIN"),
    text("back to work part-time", "en", "WORK-GRADUAL-RETURN"),
    text("I feel lonely", "en", "PSY-LONELINESS"),
    text("can't sleep", "en", "MED-SLEEP"),
]
# (need, postcode, status, other parameters)
WITH_STATUS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("WORK-EMPLOYEE-SICK-PAY", "9000", "employee", {}),
    ("WORK-SELFEMP-BENEFIT", "4000", "self_employed", {"lang": "fr"}),
    ("WORK-GRADUAL-RETURN", "1000", "employee", {"lang": "fr"}),
    ("WORK-JOBSEEKER-SICK", "6000", "job_seeker", {"lang": "fr"}),
    ("WORK-CIVIL-SERVANT", "5000", "civil_servant", {"lang": "fr"}),
    ("WORK-STUDIES", "3000", "student", {"age": 20}),
    ("WORK-FATIGUE-COGNITION", "2000", "employee", {"phase": "after_treatment"}),
    ("WORK-REINTEGRATION", "8500", "employee", {"audience": "patient"}),
]
QUERIES: list[Query] = [
    # Picked needs only.
    Query("need MED-FATIGUE", {"need": ["MED-FATIGUE"], "lang": "nl"}),
    Query("need PSY-ANXIETY", {"need": ["PSY-ANXIETY"], "lang": "fr"}),
    Query("need WORK-GRADUAL-RETURN", {"need": ["WORK-GRADUAL-RETURN"], "lang": "nl"}),
    Query("2 needs SOC", {"need": ["SOC-INCOME-LOSS", "SOC-DEBTS"], "lang": "fr"}),
    Query("3 needs", {"need": ["MED-PAIN", "MED-SLEEP", "PSY-LOW-MOOD"], "lang": "nl"}),
    Query("need PSY-PEER-SUPPORT", {"need": ["PSY-PEER-SUPPORT"], "lang": "fr"}),
    Query("need MED-AIDS-PROSTHESES", {"need": ["MED-AIDS-PROSTHESES"], "lang": "de"}),
    Query("need SOC-HOME-HELP", {"need": ["SOC-HOME-HELP"], "lang": "en"}),
    # Needs + postcode + status.
    *(
        Query(
            f"{need} {postcode} {status}",
            {"need": [need], "postcode": postcode, "status": status, **more},
        )
        for need, postcode, status, more in WITH_STATUS
    ),
    # Free text in each language.
    *TEXT_QUERIES,
    # Free text + postcode + filters.
    text("ik ben altijd moe", "nl", "MED-FATIGUE", postcode="9000", delivery="in_person"),
    text("peur que ça revienne", "fr", "PSY-FEAR-RECURRENCE", postcode="4000", free_only=True),
    text("Perücke", "de", "MED-AIDS-PROSTHESES", postcode="4700", languages="de"),
    text("back to work part-time", "en", "WORK-GRADUAL-RETURN", postcode="1050", status="employee"),
    text("pijn", "nl", "MED-PAIN", postcode="3500", self_referral_only=True),
    text("fatigue", "fr", "MED-FATIGUE", postcode="5000", max_km=20),
    # Postcodes in every region (West Flanders, Luxembourg, Brussels, East Cantons).
    Query("MED-PAIN 8400", {"need": ["MED-PAIN"], "postcode": "8400", "lang": "nl"}),
    Query("MED-PAIN 6700", {"need": ["MED-PAIN"], "postcode": "6700", "lang": "fr"}),
    Query("MED-PAIN 1200", {"need": ["MED-PAIN"], "postcode": "1200", "lang": "fr"}),
    Query("MED-PAIN 4780", {"need": ["MED-PAIN"], "postcode": "4780", "lang": "de"}),
    # Page 2.
    Query("MED-FATIGUE page 2", {"need": ["MED-FATIGUE"], "page": 2, "lang": "nl"}),
    text("ik ben altijd moe", "nl", "MED-FATIGUE", postcode="2000", page=2),
]


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
    from beoncosup.finder.criteria import DEFAULT_MAX_KM, Criteria
    from beoncosup.finder.eligibility import _sql, service_id_param
    from beoncosup.finder.selectors import _place, resolve_needs
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
    needs, _relevance = resolve_needs(criteria)
    place = _place(criteria.postcode)
    extra: list[Any] = []
    if criteria.q.strip():
        tq = text_query(criteria.q, criteria.lang)
        # The terms the engine searches for: common ones are left out (their document counts
        # are cached by the engine, so they are not part of a warm query either).
        terms = informative_terms(f"service{tq.language}", tq.all_terms)
        if terms:
            statements.append(raw_search_sql("service", tq.language, terms))
        extra = [service_id_param(i) for i in search_scores("service", tq)]
    limit = criteria.max_km or DEFAULT_MAX_KM
    statements.append(_sql(criteria, needs, extra, place, limit))
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
    report["relevance"] = relevance(folder, wagtail)
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


class WagtailBench:
    """Wagtail's default search backend (wagtail.search, database backend: SQLite FTS5) over
    the services, for comparison only. Service is not index.Indexed and stays so: a model
    declared here maps the same table without owning it (managed=False: no migration, no
    change to the production model) and adds the search fields, one per language for name and
    description. Its primary key is read as text because Wagtail's SQLite backend stores
    str(pk) ("1f0c…-…") and matches it against the column, which holds UUIDs as 32 hex digits
    on SQLite, so a UUID-keyed model is never found (0 results). Only active services are
    indexed, as the finder only shows those."""

    def __init__(self, timeout: float) -> None:
        from django.db import connection, models
        from wagtail.search import index
        from wagtail.search.backends import get_search_backend

        from beoncosup.directory.models import Service

        def text_of(field_name: str, language: str) -> Callable[[Any], str]:
            def value(self: Any) -> str:
                return str((getattr(self, field_name) or {}).get(language, ""))

            value.__name__ = f"{field_name}_{language}"
            return value

        attrs: dict[str, Any] = {
            "__module__": __name__,
            "Meta": type(
                "Meta",
                (),
                {"managed": False, "db_table": Service._meta.db_table, "app_label": "directory"},
            ),
            "id": models.CharField(primary_key=True, max_length=32),
            "name": models.JSONField(),
            "description": models.JSONField(),
            "status": models.CharField(max_length=30),
            "search_fields": [
                index.SearchField(f"{name}_{lang}", boost=3 if name == "name" else 1)
                for name in ("name", "description")
                for lang in LANGS
            ],
        }
        for name in ("name", "description"):
            for lang in LANGS:
                attrs[f"{name}_{lang}"] = text_of(name, lang)
        # Any: a class built at run time, which mypy cannot follow.
        self.model = cast(Any, type("BenchIndexedService", (index.Indexed, models.Model), attrs))
        self.backend = get_search_backend()
        with connection.cursor() as cursor:
            # Entries of an earlier run with hyphenated ids would never match: start again.
            cursor.execute("SELECT object_id FROM wagtailsearch_indexentry LIMIT 1")
            first = cursor.fetchone()
            indexed = first is not None and "-" not in first[0]
            if not indexed:
                cursor.execute("DELETE FROM wagtailsearch_indexentry_fts")
                cursor.execute("DELETE FROM wagtailsearch_indexentry")
        start = time.perf_counter()
        if not indexed:
            batch: list[Any] = []
            for service in self.model.objects.filter(status="active").iterator(chunk_size=2000):
                batch.append(service)
                if len(batch) == 2000:
                    self.backend.add_bulk(self.model, batch)
                    batch = []
            if batch:
                self.backend.add_bulk(self.model, batch)
        self.build_s = None if indexed else round(time.perf_counter() - start, 1)
        self.fields_note = "name+description, all languages at once"
        self.timeout = timeout
        self.timeouts = 0
        self.top: dict[str, list[str] | None] = {}  # the first answer (top 50) per query

    def search(self, query: Query, limit: int = 50) -> float:
        """Milliseconds for the top `limit`; stopped (SQLite interrupt) after the timeout, then
        counted as the timeout and the query gets no answer (relevance 0)."""
        from django.db import OperationalError, connection

        # No fields=[…]: the SQLite database backend cannot restrict a search to some fields
        # (it asks for a column per field and fails), so every language's text is searched.
        results = self.backend.search(query.params["q"], self.model.objects.all())
        connection.ensure_connection()
        timer = threading.Timer(self.timeout, connection.connection.interrupt)
        start = time.perf_counter()
        timer.start()
        try:
            ids: list[str] | None = [str(uuid.UUID(s.pk)) for s in results[:limit]]
        except OperationalError:
            ids = None
            self.timeouts += 1
        finally:
            timer.cancel()
        milliseconds = (time.perf_counter() - start) * 1000
        self.top.setdefault(query.label, ids)
        return min(milliseconds, self.timeout * 1000)


def engine_top(query: Query, count: int) -> list[str]:
    """The finder's ranked service ids (the same function the API calls), page by page."""
    from beoncosup.finder.criteria import PAGE_SIZE, Criteria
    from beoncosup.finder.selectors import find_services

    ids: list[str] = []
    for page in range(1, count // PAGE_SIZE + 1):
        result = find_services(Criteria(q=query.params["q"], lang=query.params["lang"], page=page))
        ids += [str(hit.service.pk) for hit in result.hits]
    return ids


def relevance(folder: Path, wagtail: WagtailBench | None) -> list[dict[str, Any]]:
    """precision@10 (share of the top 10 addressing the expected need) and recall@50 (the
    relevant services in the top 50 out of min(50, all relevant active services))."""
    from beoncosup.directory.models import Service

    truth: dict[str, list[str]] = json.loads((folder / "data" / "needs.json").read_text())
    active_ids = Service.objects.filter(status="active").values_list("pk", flat=True)
    active = {str(pk) for pk in active_ids}
    rows = []
    for query in TEXT_QUERIES:
        relevant = {sid for sid, codes in truth.items() if query.expected in codes} & active
        row: dict[str, Any] = {"query": query.label, "need": query.expected}
        engines: list[tuple[str, list[str]]] = [("engine", engine_top(query, 50))]
        if wagtail:
            engines.append(("wagtail", wagtail.top.get(query.label) or []))
        for name, ids in engines:
            row[f"{name}_p10"] = sum(i in relevant for i in ids[:10]) / 10
            row[f"{name}_r50"] = round(
                sum(i in relevant for i in ids[:50]) / max(min(50, len(relevant)), 1), 3
            )
            row[f"{name}_found"] = len(ids)
        rows.append(row)
    return rows


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
