"""Reminders: the day before (one to two days ahead, run daily), every confirmed participant
of a session gets one e-mail with its calendar file."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from beoncosup.training.codes import Registration
from beoncosup.training.models import Edition, Enrolment, Session
from beoncosup.training.selectors import registration as selectors
from beoncosup.training.services.mails import (
    participant_mail,
    session_lines,
)

REMINDER_FROM = timedelta(hours=24)
REMINDER_UNTIL = timedelta(hours=48)


def sessions_to_remind(now: datetime) -> QuerySet[Session]:
    return Session.objects.filter(
        edition__isnull=False,
        edition__cancelled=False,
        cancelled=False,
        reminder_sent_at__isnull=True,
        starts_at__gte=now + REMINDER_FROM,
        starts_at__lt=now + REMINDER_UNTIL,
    ).order_by("starts_at", "pk")


def session_reminders_send(*, now: datetime | None = None) -> int:
    """E-mail every confirmed participant of the sessions that start in one to two days (not
    cancelled, not reminded yet), each session in its own transaction. Returns the number of
    e-mails. Running it twice sends nothing more.

    Side effects: ``Session.reminder_sent_at``; e-mails with the calendar file."""
    now = now or timezone.now()
    sent = 0
    for session_id in sessions_to_remind(now).values_list("pk", flat=True):
        sent += _session_remind(session_id, now=now)
    return sent


@transaction.atomic
def _session_remind(session_id: int, *, now: datetime) -> int:
    session = (
        Session.objects.select_for_update()
        .filter(pk=session_id, reminder_sent_at__isnull=True)
        .first()
    )
    if session is None:  # another run sent it meanwhile
        return 0
    edition = Edition.objects.select_related("course").get(pk=session.edition_id)
    sessions = selectors.edition_sessions(edition)
    participants = Enrolment.objects.filter(edition=edition, status=Registration.CONFIRMED)
    count = 0
    for enrolment in participants:
        enrolment.edition = edition
        participant_mail(
            enrolment,
            "reminder",
            context={"session": session_lines([session], enrolment.language)[0]},
            sessions=sessions,
            with_calendar=True,
        )
        count += 1
    session.reminder_sent_at = now
    session.save(update_fields=["reminder_sent_at"])
    return count
