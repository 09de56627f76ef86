from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from beoncosup.core.selectors import language_links
from beoncosup.core.site import main_nav, site_variables


def site_context(request: HttpRequest) -> dict[str, Any]:
    """The shell's variables, and the ones apps registered (core.site); the navigation and the
    apps' variables are callables, evaluated only by a template that reads them."""
    return {
        **{name: partial(value, request) for name, value in site_variables().items()},
        "language_links": language_links(request),
        "is_production": settings.PRODUCTION,
        "main_nav": partial(main_nav, request),
    }
