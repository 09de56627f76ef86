"""Attendance on the day: the trainer's list (ticked on a phone) and the participants' QR
codes (scanned by the trainer). Attendance opens on the session's day (Europe/Brussels) and
stays open afterwards for corrections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.training.codes import AttendanceMethod, Registration
from beoncosup.training.models import Attendance, Enrolment, Session

BRUSSELS = ZoneInfo("Europe/Brussels")


def session_day(session: Session) -> dt.date:
    """The session's calendar day in Belgium (the day its attendance and evaluation open)."""
    return session.starts_at.astimezone(BRUSSELS).date()


def today_in_belgium() -> dt.date:
    return timezone.now().astimezone(BRUSSELS).date()


def attendance_open(session: Session, today: dt.date | None = None) -> bool:
    """Attendance can be taken from the session's day on (not for a cancelled session)."""
    return not session.cancelled and (today or today_in_belgium()) >= session_day(session)


@dataclass(frozen=True)
class Marked:
    added: int
    removed: int


def _check(session: Session, enrolments: Iterable[Enrolment], today: dt.date | None) -> None:
    if session.cancelled:
        raise ValidationError(_("This session was cancelled."), code="cancelled")
    if not attendance_open(session, today):
        raise ValidationError(_("Attendance opens on the day of the session."), code="not_yet_open")
    for enrolment in enrolments:
        if enrolment.edition_id != session.edition_id:
            raise ValidationError(_("This person is not registered for this session."))
        if enrolment.status != Registration.CONFIRMED:
            raise ValidationError(_("This person has no confirmed place."), code="not_confirmed")


@transaction.atomic
def attendance_mark(
    *,
    session: Session,
    enrolments_present: Iterable[Enrolment],
    by: Any,
    method: str,
    request: HttpRequest | None,
    absent: Iterable[Enrolment] | None = None,
    today: dt.date | None = None,
) -> Marked:
    """Marks ``enrolments_present`` present at ``session`` (``marked_by`` = ``by``). With the
    list (``method`` "list"), the registrations in ``absent`` are unmarked; ``absent`` None
    means every other confirmed registration of the edition. QR check-ins never unmark.

    Raises ValidationError before the session's day, for a cancelled session, or for a
    registration that is not a confirmed one of this session's edition.

    Side effects: Attendance rows created and deleted; one audit event
    ``training.attendance_marked`` (counts only, no names)."""
    present = list(enrolments_present)
    if method not in AttendanceMethod.values:
        raise ValueError(method)
    _check(session, present, today)
    present_ids = {enrolment.pk for enrolment in present}
    already = set(session.attendance.values_list("enrolment_id", flat=True))
    new = [
        Attendance(enrolment=enrolment, session=session, method=method, marked_by=by)
        for enrolment in present
        if enrolment.pk not in already
    ]
    Attendance.objects.bulk_create(new, ignore_conflicts=True)
    removed = 0
    if method == AttendanceMethod.LIST:
        if absent is None:
            gone = session.attendance.exclude(enrolment_id__in=present_ids)
        else:
            absent_ids = {enrolment.pk for enrolment in absent} - present_ids
            gone = session.attendance.filter(enrolment_id__in=absent_ids)
        removed, _detail = gone.delete()
    event_record(
        action="training.attendance_marked",
        actor=by,
        target=session,
        request=request,
        detail={"method": method, "added": len(new), "removed": removed},
    )
    return Marked(added=len(new), removed=removed)


@transaction.atomic
def checkin(
    *,
    enrolment: Enrolment,
    session: Session,
    by: Any,
    request: HttpRequest | None,
    today: dt.date | None = None,
) -> bool:
    """Marks the participant present by their QR code. Returns False when they already were.

    Raises ValidationError as ``attendance_mark`` does.
    Side effects: one Attendance row (method "qr"); one audit event ``training.checked_in``."""
    _check(session, [enrolment], today)
    _row, created = Attendance.objects.get_or_create(
        enrolment=enrolment,
        session=session,
        defaults={"method": AttendanceMethod.QR, "marked_by": by},
    )
    if created:
        event_record(
            action="training.checked_in",
            actor=by,
            target=session,
            request=request,
            detail={"enrolment": enrolment.pk},
        )
    return created
