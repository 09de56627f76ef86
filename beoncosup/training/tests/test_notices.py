"""Cancellations by the organiser: an edition or a session cancelled in the Wagtail admin
e-mails its confirmed and waiting participants once, in their language, with a calendar file
that cancels the dates for confirmed people."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from beoncosup.audit.models import AuditEvent
from beoncosup.training.codes import Registration
from beoncosup.training.services import notices
from beoncosup.training.tests.factories import edition_create, enrolment_create, session_create
from beoncosup.training.tests.test_admin_training import (
    EDITIONS,
    edition_form,
    editor,  # noqa: F401 - a fixture
    in_days,
    session_row,
    setup,  # noqa: F401 - an autouse fixture
)

pytestmark = pytest.mark.django_db


def programme(**changes: Any) -> tuple[Any, list[Any], dict[str, Any]]:
    """An edition of two sessions with a confirmed (nl), a waiting (fr), a confirmed (de) and
    a cancelled registration."""
    edition = edition_create(capacity=2, deadline=in_days(10), **changes)
    sessions = [
        session_create(edition=edition, starts_at=in_days(20)),
        session_create(edition=edition, starts_at=in_days(27)),
    ]
    people = {
        "nl": enrolment_create(edition=edition, language="nl", email="nl@example.org"),
        "fr": enrolment_create(
            edition=edition, language="fr", email="fr@example.org", status=Registration.WAITING
        ),
        "de": enrolment_create(edition=edition, language="de", email="de@example.org"),
        "gone": enrolment_create(
            edition=edition, email="gone@example.org", status=Registration.CANCELLED
        ),
    }
    return edition, sessions, people


def events(message: Any) -> list[Any]:
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("training.ics", "text/calendar")
    return list(icalendar.Calendar.from_ical(content).walk("VEVENT"))


def test_edition_cancelled_notice_goes_to_confirmed_and_waiting_in_their_language(
    django_capture_on_commit_callbacks: Any,
) -> None:
    edition, sessions, people = programme()

    with django_capture_on_commit_callbacks(execute=True):
        sent = notices.edition_cancelled_notify(edition=edition)

    assert sent == 3
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["de@example.org", "fr@example.org", "nl@example.org"]
    french = by_address["fr@example.org"]
    assert edition.course.title["fr"] in french.subject
    assert "/fr/" in french.body and people["fr"].token in french.body
    assert french.attachments == []  # waiting: nothing in their calendar to remove
    german = by_address["de@example.org"]
    assert edition.course.title["de"] in german.subject
    cancelled = events(german)
    assert {str(e["uid"]) for e in cancelled} == {f"session-{s.pk}@beoncosup.be" for s in sessions}
    assert {str(e["status"]) for e in cancelled} == {"CANCELLED"}
    assert {int(e["sequence"]) for e in cancelled} == {1}
    assert AuditEvent.objects.filter(action="training.edition_cancelled_notified").count() == 1


def test_session_cancelled_notice_carries_the_cancelled_session_only(
    django_capture_on_commit_callbacks: Any,
) -> None:
    edition, sessions, _people = programme()
    sessions[1].cancelled = True
    sessions[1].save()

    with django_capture_on_commit_callbacks(execute=True):
        sent = notices.session_cancelled_notify(session=sessions[1])

    assert sent == 3
    dutch = next(m for m in mail.outbox if m.to == ["nl@example.org"])
    assert edition.course.title["nl"] in dutch.subject
    [event] = events(dutch)
    assert str(event["uid"]) == f"session-{sessions[1].pk}@beoncosup.be"
    assert str(event["status"]) == "CANCELLED"
    assert AuditEvent.objects.filter(action="training.session_cancelled_notified").count() == 1


def test_no_notice_for_a_session_that_is_over_or_a_network_meeting(
    django_capture_on_commit_callbacks: Any,
) -> None:
    edition = edition_create(deadline=timezone.now() - dt.timedelta(days=3))
    past = session_create(edition=edition, starts_at=timezone.now() - dt.timedelta(days=2))
    enrolment_create(edition=edition)
    meeting = session_create(edition=None)

    with django_capture_on_commit_callbacks(execute=True):
        sent = [
            notices.session_cancelled_notify(session=past),
            notices.session_cancelled_notify(session=meeting),
            notices.edition_cancelled_notify(edition=edition),
        ]

    assert sent == [0, 0, 0]
    assert mail.outbox == []


# -- Through the Wagtail admin: on the change only ---------------------------------------------


def _rows(sessions: list[Any], cancelled: set[int] = frozenset()) -> list[dict[str, Any]]:  # type: ignore[assignment]
    rows = []
    for session in sessions:
        row = {"id": str(session.pk), **session_row(session.starts_at.astimezone())}
        if session.pk in cancelled:
            row["cancelled"] = "on"
        rows.append(row)
    return rows


def _form(edition: Any, rows: list[dict[str, Any]], **changes: Any) -> dict[str, Any]:
    fields = {
        "capacity": str(edition.capacity),
        "registration_deadline": timezone.localtime(edition.registration_deadline).strftime(
            "%Y-%m-%d %H:%M"
        ),
        **changes,
    }
    return edition_form(edition.course, rows, initial=len(rows), **fields)


def test_cancelling_an_edition_in_the_admin_notifies_once(
    editor: Any,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
) -> None:
    edition, sessions, _people = programme()
    data = _form(edition, _rows(sessions), cancelled="on")

    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(f"{EDITIONS}edit/{edition.pk}/", data).status_code == 302
        assert editor.post(f"{EDITIONS}edit/{edition.pk}/", data).status_code == 302

    edition.refresh_from_db()
    assert edition.cancelled
    assert sorted(m.to[0] for m in mail.outbox) == [
        "de@example.org",
        "fr@example.org",
        "nl@example.org",
    ]
    [event] = AuditEvent.objects.filter(action="training.edition_cancelled_notified")
    assert event.actor_id is not None


def test_cancelling_a_session_in_the_admin_notifies_once_and_not_for_other_saves(
    editor: Client,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
) -> None:
    edition, sessions, _people = programme()

    with django_capture_on_commit_callbacks(execute=True):
        # A save that cancels nothing sends nothing.
        assert editor.post(f"{EDITIONS}edit/{edition.pk}/", _form(edition, _rows(sessions)))
        assert mail.outbox == []
        data = _form(edition, _rows(sessions, {sessions[0].pk}))
        assert editor.post(f"{EDITIONS}edit/{edition.pk}/", data).status_code == 302
        assert editor.post(f"{EDITIONS}edit/{edition.pk}/", data).status_code == 302

    sessions[0].refresh_from_db()
    assert sessions[0].cancelled
    assert len(mail.outbox) == 3
    assert all(str(timezone.localtime(sessions[0].starts_at).day) in m.subject for m in mail.outbox)
    assert AuditEvent.objects.filter(action="training.session_cancelled_notified").count() == 1


def test_a_refused_admin_form_sends_nothing(
    editor: Client,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
) -> None:
    edition, sessions, _people = programme()
    data = _form(edition, _rows(sessions), cancelled="on", capacity="1")  # below 2 confirmed

    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(f"{EDITIONS}edit/{edition.pk}/", data).status_code == 200

    edition.refresh_from_db()
    assert not edition.cancelled
    assert mail.outbox == []


def test_participant_page_of_a_cancelled_edition_says_so_and_offers_nothing_to_do(
    client: Client,
) -> None:
    edition, _sessions, people = programme(cancelled=True)

    html = client.get(
        reverse("training:enrolment", kwargs={"token": people["nl"].token})
    ).content.decode()

    with translation.override("nl"):
        assert gettext("Cancelled by the organiser") in html
        assert gettext("Cancel my registration") not in html
    assert reverse("training:course", kwargs={"slug": edition.course.slug}) in html
    assert "calendar.ics" not in html
    assert "qr-code" not in html


def test_calendar_file_of_a_cancelled_edition_cancels_every_date(client: Client) -> None:
    _edition, sessions, people = programme(cancelled=True)

    response = client.get(reverse("training:enrolment_ical", kwargs={"token": people["nl"].token}))

    assert response.status_code == 200
    found = list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))
    assert sorted(str(e["uid"]) for e in found) == sorted(
        f"session-{s.pk}@beoncosup.be" for s in sessions
    )
    assert {str(e["status"]) for e in found} == {"CANCELLED"}
