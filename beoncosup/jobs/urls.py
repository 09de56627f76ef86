"""Jobs: the pages (namespace ``jobs``)."""

from __future__ import annotations

from typing import Any

app_name = "jobs"

urlpatterns: list[Any] = []
