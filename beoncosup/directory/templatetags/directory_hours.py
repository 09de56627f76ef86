"""``{% service_hours service as hours %}``: a service's opening hours for this page."""

from __future__ import annotations

from django import template

from beoncosup.directory.hours import OpeningHours, opening_hours
from beoncosup.directory.models import Service

register = template.Library()


@register.simple_tag
def service_hours(service: Service) -> list[OpeningHours]:
    # schedules.all(): prefetched by the pages that list services (no query per service).
    return opening_hours(service.schedules.all())
