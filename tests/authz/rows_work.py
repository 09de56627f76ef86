"""The authorization matrix rows for this app's URLs, and its objects in the world."""

from __future__ import annotations

from tests.authz.rowkit import Row
from tests.authz.world import World

ROWS: dict[str, Row] = {}


def world_add(w: World) -> None:
    """Add this app's objects to ``w.objects`` (called at the end of world_build)."""
