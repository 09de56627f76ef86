"""Retention of registrations (docs/privacy.md): those who never took part are deleted
``BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS`` after the edition's last session, the others (with
attendance and certificate) ``BEONCOSUP_TRAINING_RETENTION_YEARS`` after it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.training.codes import Registration
from beoncosup.training.models import Edition, Enrolment


def _years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


@transaction.atomic
def enrolments_expired_delete(*, now: datetime | None = None) -> dict[str, int]:
    """Delete the registrations no longer needed, counted from the edition's last session
    (its registration deadline when it has none): cancelled and waiting ones after
    BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS, confirmed ones (with their attendance and
    certificate) after BEONCOSUP_TRAINING_RETENTION_YEARS. Returns the counts.

    Side effects: deletes Enrolment, Attendance and Certificate rows; one audit event
    ``training.enrolment.purge`` with the counts when something was deleted."""
    now = now or timezone.now()
    editions = Edition.objects.annotate(
        last=Coalesce(Max("sessions__ends_at"), "registration_deadline")
    )
    unused_before = now - timedelta(days=settings.BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS)
    used_before = _years_before(now, settings.BEONCOSUP_TRAINING_RETENTION_YEARS)
    unused = Enrolment.objects.filter(
        status__in=(Registration.CANCELLED, Registration.WAITING),
        edition__in=editions.filter(last__lt=unused_before).values("pk"),
    )
    used = Enrolment.objects.filter(
        status=Registration.CONFIRMED,
        edition__in=editions.filter(last__lt=used_before).values("pk"),
    )
    counts = {"unused": unused.delete()[1].get(Enrolment._meta.label, 0)}
    deleted, per_model = used.delete()
    counts["used"] = per_model.get(Enrolment._meta.label, 0)
    counts["attendance_and_certificates"] = deleted - counts["used"]
    if counts["unused"] or counts["used"]:
        event_record(action="training.enrolment.purge", detail=counts)
    return counts
