"""Reads for the finder pages and support plans (the search engine's reads live in
``selectors.py``). Each function runs a fixed number of queries."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from beoncosup.directory.models import Service
from beoncosup.finder.models import SupportPlan, SupportPlanItem
from beoncosup.taxonomy.models import Need
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


@dataclass(frozen=True)
class PickerCategory:
    label: str
    needs: list[tuple[str, str]]  # (code, label)


@dataclass(frozen=True)
class PickerDomain:
    code: str
    label: str
    categories: list[PickerCategory]


def needs_picker() -> list[PickerDomain]:
    """Domains with their categories and needs, labels in the active language: three
    queries. Plain values, so the page's loops over ~130 needs neither clone a prefetched
    queryset per category nor resolve a translated label more than once (docs/benchmarks.md)."""
    return [
        PickerDomain(
            code=domain.code,
            label=str(domain.label),
            categories=[
                PickerCategory(
                    label=str(category.label),
                    needs=[(need.code, str(need.label)) for need in category.needs.all()],
                )
                for category in domain.categories.all()
            ],
        )
        for domain in domains_with_categories()
    ]


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
