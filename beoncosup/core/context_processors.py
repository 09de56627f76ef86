from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from beoncosup.core.auth import is_demo_account
from beoncosup.core.selectors import language_links
from beoncosup.core.site import main_nav


def site_context(request: HttpRequest) -> dict[str, Any]:
    """The shell's variables; the navigation the apps registered (core.site) is a callable,
    evaluated only by a template that reads it."""
    return {
        "language_links": language_links(request),
        "is_production": settings.PRODUCTION,
        "main_nav": partial(main_nav, request),
        "demo_account": partial(_demo_account, request),
    }


def _demo_account(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and is_demo_account(user))
