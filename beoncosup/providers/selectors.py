"""Reads of the providers app: a provider's listings and services, claims and proposals,
the editors' review queue and a service's history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from beoncosup.accounts.codes import OrgRole, RequestStatus
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.selectors import roles_of
from beoncosup.audit.models import AuditEvent
from beoncosup.audit.selectors import object_history
from beoncosup.directory.models import Organization, Service
from beoncosup.directory.selectors import is_overdue
from beoncosup.providers.models import ChangeProposal, ListingClaim

SEARCH_LANGUAGES = ("nl", "fr", "de", "en")


def provider_organisations(user: Any) -> QuerySet[Organisation]:
    """The organisations where ``user`` is provider staff."""
    ids = roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF)
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def services_of(user: Any) -> QuerySet[Service]:
    """The services of the listings the user's organisations hold, overdue (never verified,
    then oldest) first."""
    ids = roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF)
    queryset: QuerySet[Service] = (
        Service.objects.filter(organization__platform_organisations__in=ids)
        .distinct()
        .select_related("organization", "capacity")
        .order_by(F("assured_date").asc(nulls_first=True), "id")
    )
    return queryset


@dataclass(frozen=True)
class ServiceRow:
    service: Service
    overdue: bool


def service_rows(user: Any) -> list[ServiceRow]:
    today = timezone.localdate()
    return [ServiceRow(s, is_overdue(s, today=today)) for s in services_of(user)]


def holder_of(user: Any, service: Service) -> Organisation | None:
    """The user's organisation (provider staff there) that holds the service's listing."""
    ids = roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF)
    if not ids:
        return None
    return (
        Organisation.objects.filter(pk__in=ids, listings=service.organization_id)
        .order_by("name")
        .first()
    )


def claims_of(user: Any) -> QuerySet[ListingClaim]:
    ids = roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF)
    return ListingClaim.objects.filter(organisation__in=ids).select_related(
        "organisation", "listing"
    )


def proposals_of(user: Any) -> QuerySet[ChangeProposal]:
    ids = roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF)
    return ChangeProposal.objects.filter(organisation__in=ids).select_related(
        "organisation", "service"
    )


def claims_pending() -> QuerySet[ListingClaim]:
    return (
        ListingClaim.objects.filter(status=RequestStatus.PENDING)
        .select_related("organisation", "listing", "requested_by")
        .order_by("created_at", "id")
    )


def proposals_pending() -> QuerySet[ChangeProposal]:
    return (
        ChangeProposal.objects.filter(status=RequestStatus.PENDING)
        .select_related("organisation", "service", "proposed_by")
        .order_by("created_at", "id")
    )


def listings_search(query: str, *, limit: int = 25) -> QuerySet[Organization]:
    """Directory organisations whose name (in any language) contains ``query``."""
    query = query.strip()
    if len(query) < 2:
        return Organization.objects.none()
    condition = Q()
    for language in SEARCH_LANGUAGES:
        condition |= Q(**{f"name__{language}__icontains": query})
    queryset: QuerySet[Organization] = Organization.objects.filter(condition).order_by("id")[:limit]
    return queryset


def service_for_history(service_id: Any) -> Service | None:
    service: Service | None = (
        Service.objects.select_related("organization").filter(pk=service_id).first()
    )
    return service


def service_history(service: Service) -> QuerySet[AuditEvent]:
    """The service's audit events and those of its change proposals."""
    proposals = list(ChangeProposal.objects.filter(service=service).only("pk"))
    return object_history(instance=service, related=proposals).select_related("actor")


def service_proposals(service: Service) -> QuerySet[ChangeProposal]:
    return ChangeProposal.objects.filter(service=service).select_related(
        "organisation", "proposed_by", "decided_by"
    )
