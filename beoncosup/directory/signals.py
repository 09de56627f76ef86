"""Signals of the directory for writes that send no model signals.

The directory sits below the apps that keep derived data about services (the search index), so
a bulk writer announces what it wrote instead of calling them (docs/architecture.md, "Layers").
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent (sender: the Service model, service_ids: a list of ids) after services were created or
# changed in bulk, inside the writing transaction, when per-row post_save signals were not sent.
# Receivers must bring their derived data up to date before returning (same transaction).
services_bulk_written = Signal()
