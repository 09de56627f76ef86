"""The visitor's support plan as their session remembers it, and its "My plan (n)" item in the
site's main navigation (registered in FinderConfig.ready(); core.site renders it)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from beoncosup.finder.queries import plan_size

SESSION_KEY = "finder_plan_token"


def plan_token(request: HttpRequest) -> str | None:
    """The token of the plan this visitor made, if any (no query beyond the session's)."""
    session = getattr(request, "session", None)
    token = session.get(SESSION_KEY) if session is not None else None
    return str(token) if token else None


def plan_nav_entry(request: HttpRequest) -> SafeString:
    """The header's "My plan (n)" item; hidden and empty (the HTMX counter's target) without a
    plan or when the plan has gone. Counting the plan is the only query."""
    token = plan_token(request)
    size = plan_size(token) if token else None
    html: SafeString = render_to_string(
        "finder/includes/plan_nav.html", {"token": token, "plan_size": size, "request": request}
    )
    return html
