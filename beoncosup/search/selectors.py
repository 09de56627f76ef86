"""Reads from the search index: full-text queries over pre-stemmed documents.

SQLite runs FTS5 MATCH with bm25 (title counts three times the body); PostgreSQL runs the
same terms as a tsquery against the stored tsvector with ts_rank (title weight A, body B).
Both get the same terms from search.text, so they find the same documents; scores are scaled
to 0-1 (best = 1) so the finder can combine them with its other signals.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from beoncosup.search.needs import match_needs
from beoncosup.search.text import LANGUAGES, stems
from beoncosup.taxonomy.models import Need

MAX_RESULTS = 200
EXPANSION_THRESHOLD = 0.5  # needs the text clearly means add their label's terms
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
    matches = [
        m
        for m in match_needs(text, language, limit=MAX_EXPANSIONS)
        if m.score >= EXPANSION_THRESHOLD
    ]
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


def search_scores(kind: str, query: TextQuery, *, limit: int = MAX_RESULTS) -> dict[str, float]:
    """Object id -> relevance between 0 and 1 (the best match = 1)."""
    rows = raw_search(kind, query.language, query.all_terms, limit=limit)
    best = max((rank for _id, rank in rows), default=0.0)
    if best <= 0:
        return dict.fromkeys((object_id for object_id, _rank in rows), 1.0)
    return {object_id: max(rank, 0.0) / best for object_id, rank in rows}
