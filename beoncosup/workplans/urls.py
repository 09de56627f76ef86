"""Return-to-work plans: the pages (namespace ``workplans``)."""

from __future__ import annotations

from typing import Any

app_name = "workplans"

urlpatterns: list[Any] = []
