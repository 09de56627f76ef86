"""The network API: ``GET /api/v1/network/members`` (signed-in members only)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["network"])
