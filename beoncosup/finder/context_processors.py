from __future__ import annotations

from functools import partial
from typing import Any

from django.http import HttpRequest

from beoncosup.finder.queries import plan_size

SESSION_KEY = "finder_plan_token"


def plan_counter(request: HttpRequest) -> dict[str, Any]:
    """``my_plan_token`` and ``my_plan_size`` (how many services, None when the plan has gone)
    for the header's "My plan (n)" link. Without a plan token in the session: nothing, and no
    query; with one, the size is counted only when a template asks for it."""
    session = getattr(request, "session", None)
    token = session.get(SESSION_KEY) if session is not None else None
    if not token:
        return {}
    return {"my_plan_token": token, "my_plan_size": partial(plan_size, str(token))}
