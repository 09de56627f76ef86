from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from beoncosup.core.selectors import language_links
from beoncosup.core.site import main_nav


def site_context(request: HttpRequest) -> dict[str, Any]:
    """The shell's variables; the navigation the apps registered (core.site) is a callable,
    evaluated only by a template that reads it."""
    return {
        "language_links": language_links(request),
        "is_production": settings.PRODUCTION,
        "main_nav": partial(main_nav, request),
    }
