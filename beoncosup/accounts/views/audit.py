"""The audit trail: all events (platform admins) or one organisation's (its admins), filtered,
paged, and exported as CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from beoncosup.accounts.forms import AuditFilterForm
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.views.common import organisation_for, require
from beoncosup.audit.models import AuditEvent
from beoncosup.audit.selectors import events_filter

AUDIT_PAGE_SIZE = 50


def _audit_events(
    request: HttpRequest, *, organisation: Organisation | None
) -> tuple[AuditFilterForm, QuerySet[AuditEvent] | None]:
    form = AuditFilterForm(request.GET or None, all_organisations=organisation is None)
    if form.is_bound and not form.is_valid():
        return form, None
    data: dict[str, Any] = form.cleaned_data if form.is_bound else {}
    if organisation is not None:
        organisation_ids: list[int] | None = [organisation.pk]
    elif data.get("organisation"):
        organisation_ids = [data["organisation"].pk]
    else:
        organisation_ids = None
    since: date | None = data.get("since")
    until: date | None = data.get("until")
    return form, events_filter(
        action=data.get("action", "").strip(),
        actor=data.get("actor", "").strip(),
        organisation_ids=organisation_ids,
        since=since,
        until=until,
    )


def _audit_page(request: HttpRequest, organisation: Organisation | None) -> HttpResponse:
    form, events = _audit_events(request, organisation=organisation)
    page = (
        Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
        if events is not None
        else None
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/audit.html",
        {"form": form, "page": page, "organisation": organisation, "query": query.urlencode()},
        status=200 if events is not None else 400,
    )


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


CSV_COLUMNS = [
    "at",
    "action",
    "actor_label",
    "organisation_label",
    "target_type",
    "target_id",
    "target_label",
    "detail",
]


def _audit_csv(events: QuerySet[AuditEvent], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield writer.writerow(CSV_COLUMNS)
        for event in events.iterator(chunk_size=1000):
            yield writer.writerow(
                [
                    csv_cell(value)
                    for value in (
                        event.at.isoformat(),
                        event.action,
                        event.actor_label,
                        event.organisation_label,
                        event.target_type,
                        event.target_id,
                        event.target_label,
                        json.dumps(event.detail, ensure_ascii=False, sort_keys=True),
                    )
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    require(request, "accounts.view_audit")
    return _audit_page(request, None)


@login_required
def audit_export(request: HttpRequest) -> HttpResponseBase:
    require(request, "accounts.view_audit")
    _form, events = _audit_events(request, organisation=None)
    if events is None:
        return _audit_page(request, None)
    return _audit_csv(events, f"audit-{timezone.localdate():%Y-%m-%d}.csv")


@login_required
def organisation_audit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for(request, slug)
    require(request, "accounts.view_organisation_audit", organisation)
    return _audit_page(request, organisation)


@login_required
def organisation_audit_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    organisation = organisation_for(request, slug)
    require(request, "accounts.view_organisation_audit", organisation)
    _form, events = _audit_events(request, organisation=organisation)
    if events is None:
        return _audit_page(request, organisation)
    return _audit_csv(events, f"audit-{organisation.slug}-{timezone.localdate():%Y-%m-%d}.csv")
