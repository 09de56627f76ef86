"""Reads of feedback reports: a reporter's report by its token, the moderation queue (all of
it for editors, the held records' reports for provider staff) and the counts per record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.selectors import roles_of
from beoncosup.feedback.codes import OPEN
from beoncosup.feedback.models import Report
from beoncosup.feedback.targets import Target, target_kinds, targets_resolve

QUEUE_PAGE_SIZE = 50


def report_by_token(token: str) -> Report | None:
    if not token or len(token) > 64:
        return None
    report: Report | None = Report.objects.filter(token=token).first()
    return report


def _held_condition(user: Any) -> Q | None:
    """The records the user's organisations hold, as a condition on reports; None: none."""
    organisations = roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF)
    if not organisations:
        return None
    condition = Q(pk__in=[])
    for kind in target_kinds():
        if kind.held_by is None:
            continue
        ids = kind.held_by(organisations)
        if ids:
            condition |= Q(kind=kind.code, object_id__in=ids)
    return condition


def reports_visible_to(user: Any) -> QuerySet[Report]:
    """Every report for editors; for provider staff those on the records they hold."""
    if user.has_perm("feedback.view_all_reports"):
        return Report.objects.all()
    condition = _held_condition(user)
    if condition is None:
        return Report.objects.none()
    return Report.objects.filter(condition)


def queue(user: Any, *, status: str = "", kind: str = "") -> QuerySet[Report]:
    """The reports the user moderates: open ones first (newest first), then the closed ones
    (last closed first)."""
    reports = reports_visible_to(user).select_related("handled_by")
    if status:
        reports = reports.filter(status=status)
    if kind:
        reports = reports.filter(kind=kind)
    ordered: QuerySet[Report] = reports.order_by(
        F("resolved_at").desc(nulls_first=True), "-created_at", "-pk"
    )
    return ordered


def open_count(user: Any) -> int:
    """How many open reports the user has to moderate (the providers' home shows it)."""
    return int(reports_visible_to(user).filter(status__in=OPEN).count())


@dataclass(frozen=True)
class RecordCount:
    kind: str
    object_id: str
    open: int
    total: int
    target: Target | None = None


def _count_query(reports: QuerySet[Report]) -> QuerySet[Any]:
    return reports.values("kind", "object_id").annotate(
        total=Count("pk"), open=Count("pk", filter=Q(status__in=OPEN))
    )


def counts_for(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], RecordCount]:
    """Open and total reports of each (kind, object_id), in one query."""
    wanted = set(pairs)
    if not wanted:
        return {}
    condition = Q(pk__in=[])
    for kind in {k for k, _ in wanted}:
        condition |= Q(kind=kind, object_id__in=[i for k, i in wanted if k == kind])
    return {
        (row["kind"], row["object_id"]): RecordCount(
            row["kind"], row["object_id"], row["open"], row["total"]
        )
        for row in _count_query(Report.objects.filter(condition))
    }


def records_with_most_open(*, limit: int = 20) -> list[RecordCount]:
    """The records with open reports, most first, with their targets resolved."""
    rows = list(
        _count_query(Report.objects.all())
        .filter(open__gt=0)
        .order_by("-open", "-total", "kind", "object_id")[:limit]
    )
    targets = targets_resolve((row["kind"], row["object_id"]) for row in rows)
    return [
        RecordCount(
            row["kind"],
            row["object_id"],
            row["open"],
            row["total"],
            targets.get((row["kind"], row["object_id"])),
        )
        for row in rows
    ]


def record_reports(kind: str, object_id: str) -> QuerySet[Report]:
    reports: QuerySet[Report] = (
        Report.objects.filter(kind=kind, object_id=object_id)
        .select_related("handled_by")
        .order_by(F("resolved_at").desc(nulls_first=True), "-created_at", "-pk")
    )
    return reports


def report_for_moderation(user: Any, report_id: int) -> Report | None:
    """The report, when the user may see it (404 otherwise: its existence is not revealed)."""
    report: Report | None = (
        reports_visible_to(user).select_related("handled_by").filter(pk=report_id).first()
    )
    return report
