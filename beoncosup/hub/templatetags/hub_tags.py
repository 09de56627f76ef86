"""Hub fragments other apps' pages include (the taxonomy's need page lists its articles)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from beoncosup.hub import selectors

register = template.Library()


@register.inclusion_tag("hub/includes/articles_for_need.html", takes_context=True)
def articles_for_need(context: dict[str, Any], need: Any) -> dict[str, Any]:
    request = context.get("request")
    language = get_language() or "nl"
    return {"articles": selectors.articles_for_need(need.pk, language, request)}
