"""Speed and memory of the needs matcher (issue #13).

    taskset -c 0 .venv/bin/python bench/needs_match_benchmark.py            # on one core
    taskset -c 0 .venv/bin/python bench/needs_match_benchmark.py --finder 100000

1. ``GET /api/v1/needs/match`` through django.test.Client, one request per distinct text (the
   560 texts of bench/needs_eval, both halves: only their timing is read), so no answer comes
   from the matcher's cache; p50, p95 and max, split into one-clause and several-clause texts.
2. Memory and start-up, each in a fresh process: resident memory (VmRSS) after Django's
   start, after loading the model alone, and after the whole warm-up (model, the needs'
   vectors, word lists, lexical index); the warm-up's seconds.
3. ``--finder N``: the finder API on the database bench/finder_benchmark.py built for N
   services (var/bench/finder-N/), the same searches asked with free text and with the needs
   that text is understood as, 5 rounds each: the difference is what understanding the
   text costs.

Uses the settings' database for 1 and 2 (the taxonomy must be loaded). Threads: OMP and BLAS
are pinned to one thread before numpy loads; pin the process with taskset for one core.
"""

# ruff: noqa: T201, PLC0415, S101 - a command-line report that checks its own answers;
# Django imports wait for the environment
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")
# As in production: no debug (Django would keep every query's SQL in memory).
os.environ.setdefault("BEONCOSUP_DEBUG", "false")
os.environ.setdefault("BEONCOSUP_LOG_LEVEL", "WARNING")
HOST = "127.0.0.1"

# Pairs for the finder: a text and the needs it is understood as (checked before timing).
FINDER_PAIRS = [
    ("ik ben altijd moe", "nl"),
    ("geldzorgen", "nl"),
    ("altijd moe, bang om terug te gaan werken", "nl"),
    ("ça me fout les jetons que le cancer revienne", "fr"),
    ("la mutuelle ne rembourse pas la perruque", "fr"),
    ("Haarausfall nach der Chemo", "de"),
    ("immer müde und Angst vor der Rückkehr zur Arbeit", "de"),
    ("tired all the time and worried about money", "en"),
    ("everything tastes like cardboard", "en"),
    ("mijn baas", "nl"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    return (
        f"| {name} | {len(values)} | {statistics.median(values):.1f} ms | "
        f"{percentile(values, 0.95):.1f} ms | {max(values):.1f} ms |"
    )


def texts() -> list[tuple[str, str]]:
    import yaml

    found: dict[tuple[str, str], None] = {}
    for path in sorted((ROOT / "bench" / "needs_eval").glob("*/*.yaml")):
        if path.parent.name not in {"dev", "heldout"}:
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in document["queries"]:
            found[(str(item["q"]), document["language"])] = None
    return list(found)


def needs_match() -> None:
    import django

    django.setup()
    from django.test import Client

    from beoncosup.search.needs import warm
    from beoncosup.search.needs.segments import clauses

    warm()
    client = Client(HTTP_HOST=HOST)
    client.get("/api/v1/needs/match", {"q": "warm", "lang": "en"})
    one: list[float] = []
    several: list[float] = []
    for text, language in texts():
        start = time.perf_counter()
        response = client.get("/api/v1/needs/match", {"q": text, "lang": language})
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, response.status_code
        (several if len(clauses(text, language)) > 1 else one).append(elapsed)
    print("| needs/match | texts | p50 | p95 | max |\n| --- | --- | --- | --- | --- |")
    print(line("one clause", one))
    print(line("several clauses", several))
    print(line("all", one + several))


def memory_probe() -> None:
    """Run in a child process: print RSS at each step and the warm-up time."""

    def rss() -> float:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmRSS:")[1].split()[0]) / 1024

    import django

    django.setup()
    from django.test import Client

    Client(HTTP_HOST=HOST).get("/healthz")
    base = rss()
    from beoncosup.search import embeddings

    start = time.perf_counter()
    embeddings.embed_queries(["warm"])
    model_s = time.perf_counter() - start
    model = rss()
    from beoncosup.search.needs import warm

    start = time.perf_counter()
    loaded = warm()
    warm_s = time.perf_counter() - start
    whole = rss()
    from beoncosup.search.needs import understand

    for text in ("ik ben altijd moe", "peur que ça revienne", "Geldsorgen", "tired"):
        understand(text, "nl")
    used = rss()
    print(
        f"| {base:.0f} MiB | +{model - base:.0f} MiB ({model_s:.2f} s) | "
        f"+{whole - base:.0f} MiB ({model_s + warm_s:.2f} s, {loaded['passages']} passages) | "
        f"+{used - base:.0f} MiB |"
    )


def memory() -> None:
    print(
        "\n| Django started | + model | + whole warm-up | after 4 queries |\n"
        "| --- | --- | --- | --- |"
    )
    for _ in range(3):
        subprocess.run(  # noqa: S603 - this script, fixed arguments
            [sys.executable, __file__, "--memory-probe"], check=True, cwd=ROOT
        )


def finder(services: int, rounds: int) -> None:
    folder = ROOT / "var" / "bench" / f"finder-{services}"
    database = folder / "bench.sqlite3"
    if not database.exists():
        sys.exit(f"{database} is missing: run bench/finder_benchmark.py --services {services}")
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{database}",
            "BEONCOSUP_DATA_DIR": str(folder),
            "BEONCOSUP_DEBUG": "false",
            "BEONCOSUP_LOG_LEVEL": "WARNING",
        }
    )
    from django.test import Client

    import beoncosup.wsgi  # noqa: F401 - starts as the server does (warm-up, gc.freeze)
    from beoncosup.search.needs import understand

    client = Client(HTTP_HOST=HOST)
    pairs = []
    for text, language in FINDER_PAIRS:
        codes = [m.code for m in understand(text, language).confident]
        assert codes, f"{text!r} is not understood"
        pairs.append((text, language, codes))
    # One untimed round: the "did you mean" vocabulary of 100,000 service names is built on
    # the first text search of each language (about a second, then kept 10 minutes).
    for text, language, codes in pairs:
        client.get("/api/v1/finder", {"q": text, "lang": language})
        client.get("/api/v1/finder", {"need": codes, "lang": language})
    by_text: list[float] = []
    by_needs: list[float] = []
    for _ in range(rounds):
        for text, language, codes in pairs:
            # Different texts each round would be fairer to the cache; the matcher's cache
            # is cleared instead, so every text search understands its text again.
            from beoncosup.search.needs import _understand

            _understand.cache_clear()
            start = time.perf_counter()
            response = client.get("/api/v1/finder", {"q": text, "lang": language})
            by_text.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
            start = time.perf_counter()
            response = client.get("/api/v1/finder", {"need": codes, "lang": language})
            by_needs.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
    print(f"\n| finder API, {services:,} services | searches | p50 | p95 | max |")
    print("| --- | --- | --- | --- | --- |")
    print(line("free text", by_text))
    print(line("the same needs picked", by_needs))
    print(
        f"\np95 difference: {percentile(by_text, 0.95) - percentile(by_needs, 0.95):.1f} ms; "
        f"p50 difference: {statistics.median(by_text) - statistics.median(by_needs):.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--finder", type=int, metavar="N", help="also time the finder at N")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--memory-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--skip-match", action="store_true", help="only memory and finder")
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe()
        return 0
    if args.finder:
        finder(args.finder, args.rounds)
        return 0
    if not args.skip_match:
        needs_match()
    memory()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
