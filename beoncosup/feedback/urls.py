"""Feedback' pages (namespace ``feedback``)."""

from __future__ import annotations

from typing import Any

app_name = "feedback"

urlpatterns: list[Any] = []
