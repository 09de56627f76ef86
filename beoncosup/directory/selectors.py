"""Reads for the directory."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from beoncosup.directory.models import (
    Accessibility,
    Address,
    Service,
    ServiceAtLocation,
    ServiceCapacity,
)
from beoncosup.geo.distance import bounding_box, haversine_km
from beoncosup.geo.selectors import area_codes_for_postcode, postcode_points

# Lists without a Meta ordering come in the order they were imported (their HSDS position);
# the id breaks ties between rows added in the admin, so every export is the same.
IN_LIST_ORDER = ("sort_order", "id")


def services_for_hsds() -> QuerySet[Service]:
    """Services with everything an HSDS service object nests, in a fixed number of queries."""
    queryset: QuerySet[Service] = (
        Service.objects.select_related("organization")
        .prefetch_related(
            "needs",
            "phones",
            "schedules",
            "service_areas",
            "languages",
            "cost_options",
            "required_documents",
            "contacts",
            Prefetch(
                "service_at_locations", queryset=ServiceAtLocation.objects.order_by(*IN_LIST_ORDER)
            ),
            *_location_lists("service_at_locations__location__"),
        )
        .order_by("id")
    )
    return queryset


def _location_lists(prefix: str) -> list[Prefetch[str]]:
    """A location's addresses and accessibility, in their HSDS order."""
    return [
        Prefetch(f"{prefix}addresses", queryset=Address.objects.order_by(*IN_LIST_ORDER)),
        Prefetch(f"{prefix}accessibility", queryset=Accessibility.objects.order_by(*IN_LIST_ORDER)),
    ]


def services_for_hsds_list() -> QuerySet[Service]:
    """Services with their organisation: what an HSDS list item shows."""
    queryset: QuerySet[Service] = Service.objects.select_related("organization").order_by("id")
    return queryset


def service_at_locations_for_hsds() -> QuerySet[ServiceAtLocation]:
    return (
        ServiceAtLocation.objects.select_related("service__organization", "location")
        .prefetch_related(*_location_lists("location__"))
        .order_by("id")
    )


def service_at_locations_serving(
    queryset: QuerySet[ServiceAtLocation], *, postcode: str, proximity_m: int | None
) -> QuerySet[ServiceAtLocation]:
    """Keep the service-at-locations whose service serves ``postcode`` (no areas, or an area
    covering it) and, with ``proximity_m``, whose location lies within that many metres of the
    postcode's centre. Unknown postcodes match nothing."""
    points = list(postcode_points(postcode).values_list("latitude", "longitude"))
    if not points:
        return queryset.none()
    codes = area_codes_for_postcode(postcode)
    latitude = sum(p[0] for p in points) / len(points)
    longitude = sum(p[1] for p in points) / len(points)
    # Areas given as "within N km of the service's locations", measured from the postcode.
    radius_rows = queryset.filter(service__service_areas__radius_km__isnull=False).values_list(
        "id", "location__latitude", "location__longitude", "service__service_areas__radius_km"
    )
    within_radius = [
        sal_id
        for sal_id, lat, lon, radius in radius_rows
        if lat is not None and radius and haversine_km(latitude, longitude, lat, lon) <= radius
    ]
    queryset = queryset.filter(
        Q(service__service_areas__isnull=True)
        | Q(service__service_areas__code__in=codes)
        | Q(id__in=within_radius)
    ).distinct()
    if proximity_m is None:
        return queryset
    box = bounding_box(latitude, longitude, proximity_m / 1000)
    candidates = queryset.filter(
        location__latitude__range=(box.south, box.north),
        location__longitude__range=(box.west, box.east),
    ).values_list("id", "location__latitude", "location__longitude")
    within = [
        sal_id
        for sal_id, lat, lon in candidates
        if haversine_km(latitude, longitude, lat, lon) * 1000 <= proximity_m
    ]
    return queryset.filter(id__in=within)


def active_services_for_need(need_id: int) -> QuerySet[Service]:
    """Active services that address a need, with what a list item shows."""
    queryset: QuerySet[Service] = (
        Service.objects.filter(needs=need_id, status="active")
        .select_related("organization")
        .prefetch_related("service_areas", "languages")
        .order_by("id")
    )
    return queryset


def service_detail(service_id: str) -> Service | None:
    """A service with everything its public page shows, or None."""
    try:
        key = uuid.UUID(service_id)
    except ValueError:
        return None
    service: Service | None = (
        services_for_hsds()
        .select_related("capacity")
        .prefetch_related("needs__category__domain")
        .filter(id=key)
        .first()
    )
    return service


def capacity_loaded(service: Service) -> ServiceCapacity | None:
    """The service's stated capacity if it was read with the service
    (``select_related("capacity")``), else None; never a query, so a list of services can
    show it without one query per row. None also means "not stated"."""
    if not Service.capacity.is_cached(service):
        return None
    try:
        capacity: ServiceCapacity = service.capacity
    except ServiceCapacity.DoesNotExist:
        return None
    return capacity


def capacity_of(service: Service) -> ServiceCapacity | None:
    """The service's stated capacity, or None when its provider never stated it (one query
    unless it was read with the service)."""
    if Service.capacity.is_cached(service):
        return capacity_loaded(service)
    return ServiceCapacity.objects.filter(service=service).first()


def verification_cutoff(today: dt.date | None = None) -> dt.date:
    """Services last verified before this date (or never) are overdue for verification:
    BEONCOSUP_VERIFY_AFTER_DAYS (12 months) before ``today``."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=settings.BEONCOSUP_VERIFY_AFTER_DAYS)


def is_overdue(service: Service, *, today: dt.date | None = None) -> bool:
    return service.assured_date is None or service.assured_date < verification_cutoff(today)


def services_overdue(
    queryset: QuerySet[Service], *, today: dt.date | None = None
) -> QuerySet[Service]:
    """Those of ``queryset`` never verified, or verified before the cutoff."""
    return queryset.filter(
        Q(assured_date__isnull=True) | Q(assured_date__lt=verification_cutoff(today))
    )


def capacity_states(service_ids: Iterable[object]) -> dict[str, tuple[str, str]]:
    """Service id (as text) -> (status, waiting band) for the services whose providers stated
    a capacity; one query (the search index reads it per batch of profiles)."""
    ids = [str(pk) for pk in service_ids]
    if not ids:
        return {}
    rows = ServiceCapacity.objects.filter(service_id__in=ids).values_list(
        "service_id", "status", "waiting_band"
    )
    return {str(service_id): (status, band) for service_id, status, band in rows}
