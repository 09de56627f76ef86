"""Reading the audit trail: filtered lists for admins, an object's history for editors."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from beoncosup.audit.models import AuditEvent


def events_filter(
    *,
    action: str = "",
    actor: str = "",
    organisation_ids: Iterable[int] | None = None,
    since: date | None = None,
    until: date | None = None,
    target_type: str = "",
    target_id: str = "",
) -> QuerySet[AuditEvent]:
    """Events newest first. ``action`` matches a prefix ("auth." = every sign-in event);
    ``actor`` a part of the actor's label; ``organisation_ids`` limits to those organisations
    (None = all, for platform admins)."""
    events = AuditEvent.objects.all()
    if action:
        events = events.filter(action__startswith=action)
    if actor:
        events = events.filter(actor_label__icontains=actor)
    if organisation_ids is not None:
        events = events.filter(organisation_id__in=list(organisation_ids))
    tz = timezone.get_current_timezone()
    if since:
        events = events.filter(at__gte=datetime.combine(since, time.min, tzinfo=tz))
    if until:
        events = events.filter(at__lte=datetime.combine(until, time.max, tzinfo=tz))
    if target_type:
        events = events.filter(target_type=target_type)
    if target_id:
        events = events.filter(target_id=target_id)
    return events.order_by("-at", "-id")


def object_history(*, instance: Any, related: Iterable[Any] = ()) -> QuerySet[AuditEvent]:
    """Everything recorded about one record (and, say, the service's own change proposals)."""
    q = Q(target_type=instance._meta.label_lower, target_id=str(instance.pk))
    for other in related:
        q |= Q(target_type=other._meta.label_lower, target_id=str(other.pk))
    return AuditEvent.objects.filter(q).order_by("-at", "-id")


def action_codes() -> list[str]:
    return list(AuditEvent.objects.order_by().values_list("action", flat=True).distinct())
