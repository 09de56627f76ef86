"""Directory fragments other apps' pages include (the taxonomy's need page lists services)."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Paginator

from beoncosup.directory import selectors

register = template.Library()
PER_PAGE = 10


@register.inclusion_tag("directory/includes/services_for_need.html", takes_context=True)
def services_for_need(context: dict[str, Any], need: Any) -> dict[str, Any]:
    request = context["request"]
    paginator = Paginator(selectors.active_services_for_need(need.pk), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return {"request": request, "need": need, "page": page}
