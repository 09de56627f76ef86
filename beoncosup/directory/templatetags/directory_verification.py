"""``{% verification_of service as verification %}``: how a public page says when a service was
last verified, honestly: overdue after BEONCOSUP_VERIFY_AFTER_DAYS, or never verified."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.conf import settings
from django.utils import timezone

from beoncosup.directory.models import Service

register = template.Library()


@register.simple_tag
def verification_of(service: Service) -> dict[str, Any]:
    days = int(settings.BEONCOSUP_VERIFY_AFTER_DAYS)
    cutoff = timezone.localdate() - dt.timedelta(days=days)
    return {
        "date": service.assured_date,
        "overdue": service.assured_date is None or service.assured_date < cutoff,
        "months": max(1, round(days / 30.4)),
    }
