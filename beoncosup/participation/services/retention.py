"""Retention of working-group registrations (docs/participation.md): the participants' names
and e-mail addresses are deleted ``BEONCOSUP_WORKING_GROUP_DATA_DAYS`` (default 365) days after
their session ended; with them go the e-mails about the session's actions."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.participation.models import Registration

DEFAULT_DAYS = 365


def retention_days() -> int:
    return int(getattr(settings, "BEONCOSUP_WORKING_GROUP_DATA_DAYS", DEFAULT_DAYS))


@transaction.atomic
def registrations_expired_delete(*, now: datetime | None = None) -> int:
    """Delete the registrations of sessions that ended more than the retention period ago
    (cancelled sessions count from their planned end). Returns how many were deleted.

    Side effects: deletes Registration rows; one audit event
    ``participation.registration.purge`` with the count when something was deleted."""
    now = now or timezone.now()
    before = now - timedelta(days=retention_days())
    deleted, _per_model = Registration.objects.filter(session__session__ends_at__lt=before).delete()
    if deleted:
        event_record(
            action="participation.registration.purge",
            detail={"deleted": deleted, "before": before.isoformat()},
        )
    return deleted
