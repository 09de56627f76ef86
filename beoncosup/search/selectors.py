"""Reads from the search index: full-text queries over pre-stemmed documents.

SQLite runs FTS5 MATCH with bm25 (title counts three times the body); PostgreSQL runs the
same terms as a tsquery against the stored tsvector with ts_rank (title weight A, body B).
Both get the same terms from search.text, so they find the same documents; scores are scaled
to 0-1 (best = 1) so the finder can combine them with its other signals.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db import connection

from beoncosup.search.models import SearchDocument
from beoncosup.search.needs import match_needs
from beoncosup.search.text import LANGUAGES, stems
from beoncosup.taxonomy.models import Need

MAX_RESULTS = 200
# A term in at least this share of a scope's documents (and at least this many) is too
# common to search for: see informative_terms.
COMMON_SHARE = 0.05
COMMON_MIN_DOCUMENTS = 1000
STATS_MAX_AGE = 600.0  # seconds
_term_stats: dict[tuple[str, ...], tuple[float, int]] = {}
MAX_EXPANSIONS = 2


@dataclass(frozen=True)
class TextQuery:
    language: str
    terms: tuple[str, ...]  # the typed text's stems
    expanded: tuple[str, ...]  # stems added from the taxonomy (labels of matched needs)

    @property
    def all_terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.terms + self.expanded))


def text_query(text: str, language: str) -> TextQuery:
    """The terms to look for: the text's own stems, plus the labels of the needs it clearly
    means, so "moe" also finds services described as about "vermoeidheid"."""
    if language not in LANGUAGES:
        language = "nl"
    terms = tuple(dict.fromkeys(stems(text, language)))
    expanded: list[str] = []
    matches = [m for m in match_needs(text, language, limit=MAX_EXPANSIONS) if m.confident]
    labels = Need.objects.filter(code__in=[m.code for m in matches]).values_list(
        f"label_{language}", flat=True
    )
    for label in labels:
        expanded += [stem for stem in stems(label or "", language) if stem not in terms]
    return TextQuery(language, terms, tuple(dict.fromkeys(expanded)))


def _fts5_query(scope: str, terms: tuple[str, ...]) -> str:
    quoted = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
    return f'scope : "{scope}" AND ({quoted})'


def _tsquery(terms: tuple[str, ...]) -> str:
    return " | ".join("'" + term.replace("'", "").replace("\\", "") + "'" for term in terms)


def raw_search_sql(
    kind: str, language: str, terms: tuple[str, ...], *, limit: int = MAX_RESULTS
) -> tuple[str, list[str | int]]:
    """The statement raw_search runs on this database (public so bench/finder_benchmark.py
    can time exactly what the engine asks the index)."""
    scope = f"{kind}{language}"
    if connection.vendor == "postgresql":
        return (
            "SELECT object_id, ts_rank(search_vector, query) AS rank "
            "FROM search_searchdocument, to_tsquery('simple', %s) AS query "
            "WHERE scope = %s AND search_vector @@ query "
            "ORDER BY rank DESC, object_id LIMIT %s",
            [_tsquery(terms), scope, limit],
        )
    return (
        "SELECT d.object_id, -bm25(search_document_fts, 0.0, 3.0, 1.0) AS rank "
        "FROM search_document_fts JOIN search_searchdocument AS d "
        "ON d.id = search_document_fts.rowid "
        "WHERE search_document_fts MATCH %s "
        "ORDER BY rank DESC, d.object_id LIMIT %s",
        [_fts5_query(scope, terms), limit],
    )


def raw_search(
    kind: str, language: str, terms: tuple[str, ...], *, limit: int = MAX_RESULTS
) -> list[tuple[str, float]]:
    """(object id, raw relevance) best first; higher is better on both databases."""
    if not terms:
        return []
    sql, params = raw_search_sql(kind, language, terms, limit=limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(str(object_id), float(rank)) for object_id, rank in cursor.fetchall()]


def _documents_with(scope: str, term: str, cap: int) -> int:
    """How many documents of the scope hold the term, counted up to ``cap`` (cheap: the
    index stops at the cap)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_searchdocument "
                "WHERE scope = %s AND search_vector @@ to_tsquery('simple', %s) LIMIT %s) AS s",
                [scope, _tsquery((term,)), cap],
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_document_fts "
                "WHERE search_document_fts MATCH %s LIMIT %s)",
                [_fts5_query(scope, (term,)), cap],
            )
        return int(cursor.fetchone()[0])


def _scope_size(scope: str) -> int:
    return SearchDocument.objects.filter(scope=scope).count()


def informative_terms(scope: str, terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms without those found in a large share of the scope's documents ("kanker" in
    a cancer directory): they say little about relevance, and ranking the tens of thousands
    of documents they match is what makes a query slow. Small indexes keep every term."""
    if not terms:
        return terms
    size = _cached(("size", scope), lambda: _scope_size(scope))
    common_from = max(COMMON_MIN_DOCUMENTS, int(size * COMMON_SHARE))
    if size < common_from:
        return terms
    kept = []
    for term in terms:
        count = _cached(("df", scope, term), partial(_documents_with, scope, term, common_from))
        if count < common_from:
            kept.append(term)
    return tuple(kept)


def _cached(key: tuple[str, ...], compute: Callable[[], int]) -> int:
    """Document counts, kept per process for STATS_MAX_AGE seconds; any index write in this
    process clears them (clear_term_stats)."""
    now = time.monotonic()
    hit = _term_stats.get(key)
    if hit is None or now - hit[0] > STATS_MAX_AGE:
        hit = (now, compute())
        _term_stats[key] = hit
    return hit[1]


def clear_term_stats() -> None:
    _term_stats.clear()


def search_scores(kind: str, query: TextQuery, *, limit: int = MAX_RESULTS) -> dict[str, float]:
    """Object id -> relevance between 0 and 1 (the best match = 1). Terms common to a large
    share of the documents are left out; when every term is common, nothing is searched."""
    terms = informative_terms(f"{kind}{query.language}", query.all_terms)
    rows = raw_search(kind, query.language, terms, limit=limit)
    best = max((rank for _id, rank in rows), default=0.0)
    if best <= 0:
        return dict.fromkeys((object_id for object_id, _rank in rows), 1.0)
    return {object_id: max(rank, 0.0) / best for object_id, rank in rows}
