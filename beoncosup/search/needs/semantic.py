"""The semantic half of the needs matcher: the cosine similarity between what a person typed and
each text a need is known by (search.models.NeedPassage, embedded when the taxonomy was loaded
or edited), the best of a need's texts in any language counting.

The passages' vectors are read from the database once per process into one matrix (111 needs,
about 3,000 texts: 4.6 MB) and re-read after an edit in this process or MAX_AGE seconds.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from beoncosup.search import embeddings
from beoncosup.search.models import NeedPassage

MAX_AGE = 600.0  # seconds: edits made by another process show after this long


@dataclass(frozen=True)
class _Vectors:
    matrix: np.ndarray[Any, np.dtype[np.float32]]  # one row per passage, grouped by need
    starts: np.ndarray[Any, np.dtype[np.intp]]  # first row of each need
    codes: tuple[str, ...]  # the need of each group


_lock = threading.Lock()
_cache: dict[str, tuple[float, _Vectors]] = {}


def clear_vectors() -> None:
    with _lock:
        _cache.clear()


def _load(model: str) -> _Vectors:
    rows = (
        NeedPassage.objects.filter(model=model).order_by("code", "pk").values_list("code", "vector")
    )
    codes: list[str] = []
    starts: list[int] = []
    vectors: list[np.ndarray[Any, np.dtype[np.float32]]] = []
    for position, (code, raw) in enumerate(rows):
        if not codes or codes[-1] != code:
            codes.append(code)
            starts.append(position)
        vectors.append(np.frombuffer(bytes(raw), dtype="<f4"))
    dim = vectors[0].shape[0] if vectors else 1
    matrix = np.vstack(vectors).astype(np.float32) if vectors else np.zeros((0, dim), np.float32)
    return _Vectors(matrix=matrix, starts=np.asarray(starts, dtype=np.intp), codes=tuple(codes))


def _vectors() -> _Vectors:
    model = embeddings.model_name()
    now = time.monotonic()
    with _lock:
        cached = _cache.get(model)
    if cached is None or now - cached[0] > MAX_AGE:
        cached = (now, _load(model))
        with _lock:
            _cache[model] = cached
    return cached[1]


def warm() -> int:
    """Load the model and the needs' vectors now (at start-up), not on the first request.
    Returns the number of passages loaded."""
    if not embeddings.enabled():
        return 0
    embeddings.embed_queries(["warm"])
    return int(_vectors().matrix.shape[0])


def semantic_scores(
    queries: np.ndarray[Any, np.dtype[np.float32]],
) -> list[dict[str, float]]:
    """For each query vector, every need's similarity: its best passage's cosine."""
    vectors = _vectors()
    if not vectors.codes:
        return [{} for _ in range(len(queries))]
    similarities = queries @ vectors.matrix.T  # queries x passages
    best = np.maximum.reduceat(similarities, vectors.starts, axis=1)  # queries x needs
    return [dict(zip(vectors.codes, row.tolist(), strict=True)) for row in best]
