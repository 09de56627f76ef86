"""Notices from the organiser: an edition or one session of it is cancelled. Every confirmed
and waiting participant gets an e-mail in their own language; confirmed people (who had the
dates in their calendar) also get a calendar file that marks the sessions cancelled.

The caller decides that something *changed* (the admin form compares with the stored row
before saving): these services send every time they are called."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from icalendar import Calendar

from beoncosup.audit.services import event_record
from beoncosup.training.calendar import PRODUCT_ID, session_event
from beoncosup.training.codes import Registration
from beoncosup.training.models import Edition, Enrolment, Session
from beoncosup.training.selectors import registration as selectors
from beoncosup.training.services.mails import (
    course_title,
    enrolment_link,
    participant_mail,
    session_lines,
)

NOTIFIED = (Registration.CONFIRMED, Registration.WAITING)


def cancellation_ical(enrolment: Enrolment, sessions: list[Session]) -> str:
    """A calendar file that cancels ``sessions`` in the participant's calendar: the same UIDs
    as the confirmation's file, STATUS:CANCELLED and a higher SEQUENCE (calendars apply it)."""
    edition = enrolment.edition
    language = enrolment.language
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    with translation.override(language):
        for session in sessions:
            cancelled = copy.copy(session)
            cancelled.cancelled = True  # in this file only: it says what the notice says
            event = session_event(
                cancelled,
                summary=course_title(edition, language),
                language=language,
                url=enrolment_link(enrolment),
            )
            event.add("sequence", 1)
            calendar.add_component(event)
    return bytes(calendar.to_ical()).decode()


def _recipients(edition: Edition) -> list[Enrolment]:
    people = list(Enrolment.objects.filter(edition=edition, status__in=NOTIFIED))
    for enrolment in people:
        enrolment.edition = edition
    return people


def _is_over(sessions: list[Session], now: dt.datetime) -> bool:
    return bool(sessions) and all(session.ends_at <= now for session in sessions)


@transaction.atomic
def edition_cancelled_notify(
    *, edition: Edition, actor: Any = None, request: HttpRequest | None = None
) -> int:
    """E-mail every confirmed and waiting participant that ``edition`` is cancelled (nothing
    when it is over already: its last session has ended). Returns the number of e-mails.

    Side effects: one e-mail per participant (confirmed: with a calendar file cancelling the
    sessions still to come), sent after commit; one audit event
    ``training.edition_cancelled_notified``."""
    edition = Edition.objects.select_related("course").get(pk=edition.pk)
    now = timezone.now()
    sessions = [s for s in selectors.edition_sessions(edition) if not s.cancelled]
    if _is_over(sessions, now):
        return 0
    coming = [session for session in sessions if session.ends_at > now]
    sent = 0
    for enrolment in _recipients(edition):
        confirmed = enrolment.status == Registration.CONFIRMED
        attachments = (
            [("training.ics", cancellation_ical(enrolment, coming), "text/calendar")]
            if confirmed and coming
            else []
        )
        participant_mail(
            enrolment,
            "edition_cancelled",
            sessions=coming,
            context={"waiting": not confirmed},
            attachments=attachments,
        )
        sent += 1
    event_record(
        action="training.edition_cancelled_notified",
        actor=actor,
        target=edition,
        request=request,
        detail={"e_mails": sent},
    )
    return sent


@transaction.atomic
def session_cancelled_notify(
    *, session: Session, actor: Any = None, request: HttpRequest | None = None
) -> int:
    """E-mail every confirmed and waiting participant of the session's edition that this
    session is cancelled (nothing for a session that has ended, a network meeting, or a
    cancelled edition: that has its own notice). Returns the number of e-mails.

    Side effects: one e-mail per participant (confirmed: with a calendar file cancelling the
    session), sent after commit; one audit event ``training.session_cancelled_notified``."""
    session = Session.objects.select_related("edition__course").get(pk=session.pk)
    edition = session.edition
    if edition is None or edition.cancelled or session.ends_at <= timezone.now():
        return 0
    sessions = selectors.edition_sessions(edition)
    sent = 0
    for enrolment in _recipients(edition):
        confirmed = enrolment.status == Registration.CONFIRMED
        attachments = (
            [("training.ics", cancellation_ical(enrolment, [session]), "text/calendar")]
            if confirmed
            else []
        )
        participant_mail(
            enrolment,
            "session_cancelled",
            sessions=sessions,
            context={
                "session": session_lines([session], enrolment.language)[0],
                "waiting": not confirmed,
                "others": any(not s.cancelled and s.pk != session.pk for s in sessions),
            },
            attachments=attachments,
        )
        sent += 1
    event_record(
        action="training.session_cancelled_notified",
        actor=actor,
        target=session,
        request=request,
        detail={"edition": edition.pk, "e_mails": sent},
    )
    return sent
