"""Directory fragments other apps' pages show, registered in DirectoryConfig.ready(): the
taxonomy's need page lists the services for the need (taxonomy.extensions)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from beoncosup.directory import selectors

PER_PAGE = 10


def services_for_need(request: HttpRequest, need: Any) -> SafeString:
    paginator = Paginator(selectors.active_services_for_need(need.pk), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    html: SafeString = render_to_string(
        "directory/includes/services_for_need.html",
        {"request": request, "need": need, "page": page},
    )
    return html
