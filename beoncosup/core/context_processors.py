from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from beoncosup.core.selectors import language_links


def site_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "language_links": language_links(request),
        "is_production": settings.PRODUCTION,
    }
