"""Participation' pages (namespace ``participation``)."""

from __future__ import annotations

from typing import Any

app_name = "participation"

urlpatterns: list[Any] = []
