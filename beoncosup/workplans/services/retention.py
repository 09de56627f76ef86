"""Retention: plans nobody has edited for BEONCOSUP_WORKPLAN_RETENTION_DAYS are deleted with
everything that hangs on them (phases, contacts, review dates, helpers, invitations, share
links)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.workplans.models import WorkPlan

DEFAULT_RETENTION_DAYS = 730


def retention_days() -> int:
    return int(getattr(settings, "BEONCOSUP_WORKPLAN_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def deletion_date(plan: WorkPlan) -> dt.date:
    """The day the plan is deleted unless someone edits it before."""
    return timezone.localdate(plan.updated_at + dt.timedelta(days=retention_days()))


@transaction.atomic
def plans_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the plans not edited within the retention period; returns how many.

    Side effects: the plans and their rows go; audit event ``workplans.purged`` (a count)."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=retention_days())
    old = WorkPlan.objects.filter(updated_at__lt=cutoff)
    count = old.count()
    if count:
        old.delete()
        event_record(action="workplans.purged", detail={"deleted": count})
    return count
