"""Reads for the finder pages and support plans (the search engine's reads live in
``selectors.py``). Each function runs a fixed number of queries."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db.models import Count, QuerySet
from django.utils import timezone

from beoncosup.directory.models import Service
from beoncosup.finder.models import SupportPlan, SupportPlanItem
from beoncosup.taxonomy.models import Domain, Need
from beoncosup.taxonomy.selectors import domains_with_categories

SERVICE_DETAILS = (
    "phones",
    "required_documents",
    "service_at_locations__location__addresses",
)


class PlanGone(Exception):
    """The plan's link has expired (the page answers 410 Gone)."""


def need_labels(codes: Iterable[str]) -> dict[str, str]:
    """Need code → label in the active language, for the codes given."""
    return {
        need.code: str(need.label)
        for need in Need.objects.filter(code__in=list(codes)).only(
            "code", "label_nl", "label_fr", "label_de", "label_en"
        )
    }


def needs_picker() -> QuerySet[Domain]:
    """Domains with their categories and needs: three queries."""
    return domains_with_categories()


def active_service(service_id: uuid.UUID) -> Service | None:
    service: Service | None = Service.objects.filter(pk=service_id, status="active").first()
    return service


def plan_for_token(token: str) -> SupportPlan:
    """The plan with this token. Raises SupportPlan.DoesNotExist for an unknown token and
    PlanGone for an expired one."""
    plan = SupportPlan.objects.get(token=token)
    if plan.is_expired:
        raise PlanGone
    return plan


def plan_items(plan: SupportPlan) -> list[SupportPlanItem]:
    """The plan's services in order, with everything needed to contact them."""
    return list(
        plan.items.select_related("service__organization")
        .prefetch_related(*(f"service__{relation}" for relation in SERVICE_DETAILS))
        .order_by("position", "id")
    )


def plan_service_ids(token: str | None) -> set[str]:
    """The ids of the services in the (unexpired) plan with this token; empty without one."""
    if not token:
        return set()
    return {
        str(pk)
        for pk in SupportPlanItem.objects.filter(
            plan__token=token, plan__expires_at__gt=timezone.now()
        ).values_list("service_id", flat=True)
    }


def plan_size(token: str) -> int | None:
    """How many services the unexpired plan with this token holds, or None (one query)."""
    row = (
        SupportPlan.objects.filter(token=token, expires_at__gt=timezone.now())
        .annotate(size=Count("items"))
        .values_list("size", flat=True)
        .first()
    )
    return row
