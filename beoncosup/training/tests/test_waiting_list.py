"""The waiting list moves up by itself: first come, first served, with the calendar file."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.training.codes import Registration
from beoncosup.training.selectors import registration as selectors
from beoncosup.training.services import registration as services
from beoncosup.training.tests.factories import edition_create, enrolment_create, session_create

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = Registration.CONFIRMED, Registration.WAITING, Registration.CANCELLED


def later(**delta: float) -> Any:
    return (timezone.now() + timedelta(**delta)).replace(microsecond=0)


def statuses(*enrolments: Any) -> list[str]:
    for enrolment in enrolments:
        enrolment.refresh_from_db()
    return [enrolment.status for enrolment in enrolments]


def full_edition_with_queue(waiting: int = 2, **kwargs: Any) -> tuple[Any, Any, list[Any]]:
    """An edition of one place, taken, and ``waiting`` people queued in order."""
    edition = edition_create(capacity=1, **kwargs)
    taken = enrolment_create(edition=edition)
    queue = [
        enrolment_create(edition=edition, status=WAITING, language=language)
        for language in ("fr", "nl", "de")[:waiting]
    ]
    return edition, taken, queue


def test_cancelling_a_confirmed_place_promotes_the_first_waiting_person(
    django_capture_on_commit_callbacks,
):
    edition, taken, (first, second) = full_edition_with_queue()
    session = session_create(edition=edition, starts_at=later(days=3), hours=2)

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_cancel(enrolment=taken)

    assert statuses(taken, first, second) == [CANCELLED, CONFIRMED, WAITING]
    assert first.promoted_at is not None
    assert first.confirmed_at == first.promoted_at
    assert selectors.waiting_position(second) == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([taken.email, first.email])
    [promoted_mail] = [m for m in mail.outbox if m.to == [first.email]]
    assert promoted_mail.subject.endswith(edition.course.title["fr"])
    [(name, content, mimetype)] = promoted_mail.attachments
    assert (name, mimetype) == ("training.ics", "text/calendar")
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") == session.starts_at + timedelta(hours=2)
    assert AuditEvent.objects.filter(
        action="training.enrolment.promote", target_id=str(first.pk)
    ).exists()


def test_cancelling_a_waiting_place_promotes_nobody():
    _edition, taken, (first, second) = full_edition_with_queue()

    services.enrolment_cancel(enrolment=first)

    assert statuses(taken, first, second) == [CONFIRMED, CANCELLED, WAITING]
    assert selectors.waiting_position(second) == 1


def test_no_promotion_once_the_first_session_started():
    edition, taken, (first, _second) = full_edition_with_queue()
    session_create(edition=edition, starts_at=timezone.now() - timedelta(minutes=5))
    session_create(edition=edition, starts_at=later(days=7))

    services.enrolment_cancel(enrolment=taken)

    assert statuses(first) == [WAITING]


def test_a_cancelled_first_session_does_not_stop_promotion():
    edition, taken, (first, _second) = full_edition_with_queue()
    session_create(edition=edition, starts_at=timezone.now() - timedelta(hours=1), cancelled=True)
    session_create(edition=edition, starts_at=later(days=7))

    services.enrolment_cancel(enrolment=taken)

    assert statuses(first) == [CONFIRMED]


def test_raising_the_capacity_and_promoting_fills_every_free_place_in_order(
    django_capture_on_commit_callbacks,
):
    edition, _taken, queue = full_edition_with_queue(waiting=3)
    edition.capacity = 3
    edition.save()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.waiting_promote(edition=edition)

    assert promoted == queue[:2]
    assert statuses(*queue) == [CONFIRMED, CONFIRMED, WAITING]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.email for e in queue[:2])
    assert selectors.places_left(edition) == 0


def test_promote_on_a_full_edition_does_nothing():
    edition, _taken, queue = full_edition_with_queue()

    assert services.waiting_promote(edition=edition) == []
    assert statuses(*queue) == [WAITING, WAITING]


def test_promote_on_a_cancelled_edition_does_nothing():
    _edition, taken, queue = full_edition_with_queue(cancelled=True)

    services.enrolment_cancel(enrolment=taken)

    assert statuses(*queue) == [WAITING, WAITING]


def test_a_new_registration_never_jumps_the_queue():
    edition, _taken, (first, second) = full_edition_with_queue()
    edition.capacity = 2
    edition.save()

    newcomer = services.enrolment_register(
        edition=edition, name="New", email="new@example.org", profession="", language="nl"
    )

    assert statuses(first, second) == [CONFIRMED, WAITING]
    assert newcomer.status == WAITING
    assert selectors.waiting_position(newcomer) == 2


def test_capacity_is_never_exceeded_when_registering_one_after_another():
    edition = edition_create(capacity=3)

    results = [
        services.enrolment_register(
            edition=edition,
            name=f"P{n}",
            email=f"p{n}@example.org",
            profession="nurse",
            language="nl",
        ).status
        for n in range(5)
    ]

    assert results == [CONFIRMED] * 3 + [WAITING] * 2
    assert selectors.places_left(edition) == 0
