"""``{% verification_of service as verification %}``: how a public page says when a service was
last verified, honestly: overdue after BEONCOSUP_VERIFY_AFTER_DAYS, or never verified."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from beoncosup.directory.models import Service
from beoncosup.directory.selectors import is_overdue

register = template.Library()


@register.simple_tag
def verification_of(service: Service) -> dict[str, Any]:
    days = int(settings.BEONCOSUP_VERIFY_AFTER_DAYS)
    return {
        "date": service.assured_date,
        "overdue": is_overdue(service),
        "months": max(1, round(days / 30.4)),
    }
