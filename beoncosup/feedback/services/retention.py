"""Retention of reports (docs/feedback.md): the contact e-mail is removed
``BEONCOSUP_FEEDBACK_EMAIL_RETENTION_DAYS`` (30) days after the report is closed, and closed
reports are deleted ``BEONCOSUP_FEEDBACK_RETENTION_DAYS`` (730, two years) days after."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.feedback.codes import CLOSED
from beoncosup.feedback.models import Report

EMAIL_RETENTION_DAYS = 30
RETENTION_DAYS = 730


def email_retention_days() -> int:
    return int(getattr(settings, "BEONCOSUP_FEEDBACK_EMAIL_RETENTION_DAYS", EMAIL_RETENTION_DAYS))


def retention_days() -> int:
    return int(getattr(settings, "BEONCOSUP_FEEDBACK_RETENTION_DAYS", RETENTION_DAYS))


@transaction.atomic
def reports_purge(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Remove what is no longer needed: the contact e-mails of reports closed for more than
    the e-mail retention, and the reports closed for more than the report retention. Returns
    the counts. Side effects: updates and deletes Report rows; one audit event
    "feedback.purge" with the counts when something changed."""
    now = now or timezone.now()
    closed = Report.objects.filter(status__in=CLOSED)
    deleted = (
        closed.filter(resolved_at__lt=now - dt.timedelta(days=retention_days()))
        .delete()[1]
        .get(Report._meta.label, 0)
    )
    # The encrypted field cannot be filtered on, but an empty address is stored empty.
    emails = (
        closed.filter(resolved_at__lt=now - dt.timedelta(days=email_retention_days()))
        .exclude(contact_email="")
        .update(contact_email="")
    )
    counts = {"emails_removed": emails, "reports_deleted": deleted}
    if emails or deleted:
        event_record(action="feedback.purge", detail=counts)
    return counts
