"""Consultations' pages (namespace ``consultations``)."""

from __future__ import annotations

from typing import Any

app_name = "consultations"

urlpatterns: list[Any] = []
