"""``{% verification_of service as verification %}``: how the public page says when a service
was last verified, honestly (overdue after BEONCOSUP_VERIFY_AFTER_DAYS)."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from beoncosup.providers.selectors import is_overdue

register = template.Library()


@register.simple_tag
def verification_of(service: Any) -> dict[str, Any]:
    days = int(settings.BEONCOSUP_VERIFY_AFTER_DAYS)
    return {
        "date": service.assured_date,
        "overdue": is_overdue(service.assured_date),
        "months": max(1, round(days / 30.4)),
    }
