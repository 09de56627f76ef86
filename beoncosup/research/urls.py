"""Research' pages (namespace ``research``)."""

from __future__ import annotations

from typing import Any

app_name = "research"

urlpatterns: list[Any] = []
