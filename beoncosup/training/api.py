"""The courses API: ``GET /api/v1/courses`` and ``GET /api/v1/courses/{id}``."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["training"])
