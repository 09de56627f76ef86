"""The authorization rows and world objects of the apps of issues #18 and #19, each in its own
module (``rows_<app>.py``: ``ROWS``, a dict of URL name to Row, and ``world_add(w)``, which
adds that app's objects to the world), so the apps' authors never edit the same lines."""

from __future__ import annotations

from typing import Any

from tests.authz import (
    rows_consultations,
    rows_feedback,
    rows_jobs,
    rows_participation,
    rows_research,
    rows_work,
    rows_workplans,
)
from tests.authz.world import World

MODULES = (
    rows_research,
    rows_consultations,
    rows_participation,
    rows_feedback,
    rows_jobs,
    rows_workplans,
    rows_work,
)


def rows() -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for module in MODULES:
        overlap = merged.keys() & module.ROWS.keys()
        assert not overlap, overlap
        merged.update(module.ROWS)
    return merged


def world_add(w: World) -> None:
    for module in MODULES:
        module.world_add(w)
