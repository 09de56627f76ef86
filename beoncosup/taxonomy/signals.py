"""Signals of the taxonomy for writes that send no model signals.

The taxonomy sits below the apps that keep derived data about needs (the search index), so it
announces bulk writes instead of calling them (docs/architecture.md, "Who may import whom").
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent (sender: the Need model) after needs and their synonyms were written in bulk, inside the
# writing transaction, when per-row post_save signals were not sent for every change.
needs_bulk_written = Signal()
