"""``{{ service|capacity_loaded as capacity }}``-style access for templates: a service's stated
capacity (issue #15) when it was read with the service, never a query per row."""

from __future__ import annotations

from django import template

from beoncosup.directory import selectors
from beoncosup.directory.models import Service, ServiceCapacity

register = template.Library()


@register.filter
def capacity_loaded(service: Service) -> ServiceCapacity | None:
    """The capacity read with the service (``select_related("capacity")``), else None."""
    return selectors.capacity_loaded(service)
