"""Reminders: once per session, one to two days before, to confirmed participants only."""

from __future__ import annotations

import io
from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from beoncosup.training.codes import Registration
from beoncosup.training.services import reminders as services
from beoncosup.training.tests.factories import edition_create, enrolment_create, session_create

pytestmark = pytest.mark.django_db


def soon(hours: float):
    return (timezone.now() + timedelta(hours=hours)).replace(microsecond=0)


def test_reminders_go_to_confirmed_participants_in_their_language(
    django_capture_on_commit_callbacks,
):
    edition = edition_create()
    session = session_create(edition=edition, starts_at=soon(30), online_url="https://x.test/r")
    nl = enrolment_create(edition=edition, language="nl")
    fr = enrolment_create(edition=edition, language="fr")
    enrolment_create(edition=edition, status=Registration.WAITING)
    enrolment_create(edition=edition, status=Registration.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.session_reminders_send()

    session.refresh_from_db()
    assert sent == 2
    assert session.reminder_sent_at is not None
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == sorted([nl.email, fr.email])
    assert edition.course.title["fr"] in by_address[fr.email].subject
    assert "https://x.test/r" in by_address[fr.email].body
    [(name, content, _mimetype)] = by_address[nl.email].attachments
    assert name == "training.ics"
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == session.starts_at


def test_reminders_are_sent_once(django_capture_on_commit_callbacks):
    edition = edition_create()
    session_create(edition=edition, starts_at=soon(40))
    enrolment_create(edition=edition)

    with django_capture_on_commit_callbacks(execute=True):
        first = services.session_reminders_send()
        second = services.session_reminders_send()

    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("hours", "reminded"),
    [(23.9, False), (24.1, True), (47.9, True), (48.1, False)],
)
def test_reminders_only_for_sessions_one_to_two_days_ahead(hours, reminded):
    edition = edition_create()
    session = session_create(edition=edition, starts_at=soon(hours))
    enrolment_create(edition=edition)

    services.session_reminders_send()

    session.refresh_from_db()
    assert (session.reminder_sent_at is not None) is reminded


@pytest.mark.parametrize("what", ["session", "edition"])
def test_no_reminders_for_cancelled_sessions_or_editions(what):
    edition = edition_create(cancelled=what == "edition")
    session = session_create(edition=edition, starts_at=soon(30), cancelled=what == "session")
    enrolment_create(edition=edition)

    assert services.session_reminders_send() == 0
    session.refresh_from_db()
    assert session.reminder_sent_at is None


def test_no_reminders_for_sessions_without_an_edition():
    session = session_create(edition=None, starts_at=soon(30))

    assert services.session_reminders_send() == 0
    session.refresh_from_db()
    assert session.reminder_sent_at is None


def test_the_command_runs_the_reminders(django_capture_on_commit_callbacks):
    edition = edition_create()
    session = session_create(edition=edition, starts_at=soon(30))
    enrolment_create(edition=edition)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_training_reminders", stdout=io.StringIO())

    session.refresh_from_db()
    assert session.reminder_sent_at is not None
    assert len(mail.outbox) == 1
