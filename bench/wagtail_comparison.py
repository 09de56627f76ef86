"""Relevance and speed against Wagtail's default search backend, for bench/finder_benchmark.py.

Project and Django imports wait inside functions until django.setup() has run against the
benchmark's database.
"""

# ruff: noqa: PLC0415

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from finder_queries import LANGS, Query


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
    from beoncosup.finder.selectors import find_services
    from beoncosup.search.matching.criteria import PAGE_SIZE, Criteria

    ids: list[str] = []
    for page in range(1, count // PAGE_SIZE + 1):
        result = find_services(Criteria(q=query.params["q"], lang=query.params["lang"], page=page))
        ids += [str(hit.service.pk) for hit in result.hits]
    return ids


def relevance(
    folder: Path, wagtail: WagtailBench | None, queries: list[Query]
) -> list[dict[str, Any]]:
    """precision@10 (share of the top 10 addressing the expected need) and recall@50 (the
    relevant services in the top 50 out of min(50, all relevant active services))."""
    from beoncosup.directory.models import Service

    truth: dict[str, list[str]] = json.loads((folder / "data" / "needs.json").read_text())
    active_ids = Service.objects.filter(status="active").values_list("pk", flat=True)
    active = {str(pk) for pk in active_ids}
    rows = []
    for query in queries:
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
