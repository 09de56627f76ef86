"""Reads for the finder pages and support plans (the search engine's reads live in
``selectors.py``). Each function runs a fixed number of queries."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count
from django.utils import timezone
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname, resolution_order
from modeltranslation.utils import get_language as mt_get_language

from beoncosup.directory.models import Service
from beoncosup.finder.models import SupportPlan, SupportPlanItem
from beoncosup.taxonomy.models import Category, Domain, Need

SERVICE_DETAILS = (
    "phones",
    "required_documents",
    "schedules",
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
    needs: tuple[tuple[str, str], ...]  # (code, label)


@dataclass(frozen=True)
class PickerDomain:
    code: str
    label: str
    categories: tuple[PickerCategory, ...]


# Per process and language: the taxonomy rows the picker was built from, and the picker.
_pickers: dict[str, tuple[tuple[tuple[Any, ...], ...], tuple[PickerDomain, ...]]] = {}


def _label(row: tuple[Any, ...], start: int, order: tuple[str, ...]) -> str:
    """The label in the first of ``order``'s languages that has one, as modeltranslation's
    descriptor resolves ``obj.label`` (row[start:] holds one column per AVAILABLE_LANGUAGES)."""
    for language in order:
        value = row[start + AVAILABLE_LANGUAGES.index(language)]
        if value is not None and value != "":
            return str(value)
    return ""


def _taxonomy_rows() -> tuple[tuple[tuple[Any, ...], ...], ...]:
    """(domain id, code, labels…), (category id, domain id, labels…) and (category id, need
    code, labels…), each in its model's order: three plain statements (modeltranslation's
    querysets cost more per row than the reading itself)."""
    quote = connection.ops.quote_name
    labels = ", ".join(
        quote(build_localized_fieldname("label", language)) for language in AVAILABLE_LANGUAGES
    )
    # Only column and table names from the models go into the text: no value.
    statements = [
        f"SELECT {columns}, {labels} FROM {quote(model._meta.db_table)} "  # noqa: S608
        "ORDER BY sort_order, code"
        for model, columns in (
            (Domain, "id, code"),
            (Category, "id, domain_id"),
            (Need, "category_id, code"),
        )
    ]
    with connection.cursor() as cursor:
        found = []
        for sql in statements:
            cursor.execute(sql)
            found.append(tuple(tuple(row) for row in cursor.fetchall()))
    return tuple(found)


def needs_picker() -> tuple[PickerDomain, ...]:
    """Domains with their categories and needs, labels in the active language (modeltranslation's
    fallbacks): three queries of plain rows, never a model instance.

    The picker built from those rows is kept per process and language and used again as long as
    the rows are the same, so an edit in the admin or ``load_taxonomy`` (in any process) shows
    at the next request, while an unchanged taxonomy costs only the three reads
    (docs/benchmarks.md, "Load")."""
    rows = _taxonomy_rows()
    domain_rows, category_rows, need_rows = rows
    language = mt_get_language()
    cached = _pickers.get(language)
    if cached is not None and cached[0] == rows:
        return cached[1]
    order = resolution_order(language, None)
    needs: dict[int, list[tuple[str, str]]] = {}
    for row in need_rows:
        needs.setdefault(row[0], []).append((row[1], _label(row, 2, order)))
    categories: dict[int, list[PickerCategory]] = {}
    for row in category_rows:
        categories.setdefault(row[1], []).append(
            PickerCategory(label=_label(row, 2, order), needs=tuple(needs.get(row[0], ())))
        )
    picker = tuple(
        PickerDomain(
            code=row[1], label=_label(row, 2, order), categories=tuple(categories.get(row[0], ()))
        )
        for row in domain_rows
    )
    _pickers[language] = (rows, picker)
    return picker


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
