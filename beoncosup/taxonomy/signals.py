"""Signals of the taxonomy for writes that send no model signals.

The taxonomy sits below the apps that keep derived data about needs (the search index), so it
announces bulk writes instead of calling them (docs/architecture.md, "Who may import whom").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

# Sent (sender: the Need model) after needs and their synonyms were written in bulk, inside the
# writing transaction, when per-row post_save signals were not sent for every change.
needs_bulk_written = Signal()

_bulk = ContextVar("taxonomy_bulk_writing", default=False)


@contextmanager
def bulk_writing() -> Iterator[None]:
    """Inside, per-row signals still fire but listeners may leave derived data to the
    ``needs_bulk_written`` that ends the bulk write (the search index rebuilds once, not once
    per need and again at the end)."""
    token = _bulk.set(True)
    try:
        yield
    finally:
        _bulk.reset(token)


def is_bulk_writing() -> bool:
    return _bulk.get()
