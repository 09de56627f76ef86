"""What the benchmark scripts share: a throw-away database with the reference data, bulk
inserts, timing a page (median and p95, queries, size) and a timed step.

Django imports wait until ``setup_django`` has pointed the environment at the benchmark's
database."""

# ruff: noqa: PLC0415, T201 - a command-line report

from __future__ import annotations

import io
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
BATCH = 2000


class BenchmarkError(RuntimeError):
    """A page answered something else than 200, or a check failed."""


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
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    return f"{connection.vendor} {connection.settings_dict['NAME']}"


@contextmanager
def timed(label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"  {label}: {time.perf_counter() - start:.1f} s", flush=True)


def reference_data() -> None:
    from django.core.management import call_command

    from beoncosup.geo.models import Municipality
    from beoncosup.taxonomy.models import Need

    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    if not Municipality.objects.exists():
        call_command("load_geo", **quiet)
    if not Need.objects.exists():
        call_command("load_taxonomy", **quiet)


def chunks(items: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def bulk(model: Any, rows: list[Any]) -> list[Any]:
    made: list[Any] = []
    for part in chunks(rows):
        made += model.objects.bulk_create(part)
    return made


def measure(client: Any, url: str, runs: int) -> tuple[float, float, int, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        raise BenchmarkError(f"{url} answered {response.status_code}, not 200")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return statistics.median(times), p95, len(captured.captured_queries), len(response.content)


def step(label: str, action: Callable[[], Any]) -> Any:
    with timed(label):
        return action()
