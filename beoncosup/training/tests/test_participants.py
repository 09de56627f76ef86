"""Attendance across a programme's sessions (the participant's page, the coordinator's grid)
and the revocation of a certificate by the course's coordinator."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.training.codes import Registration
from beoncosup.training.models import Attendance, Certificate, Enrolment, Session
from beoncosup.training.selectors.participants import Progress, Standing
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
    trainer_create,
)

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"training:{name}", kwargs=kwargs or None)


def days(n: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=n)


def programme(
    *, past: int = 3, coming: int = 1, percent: int = 75, coordinators: list[Any] | None = None
) -> tuple[Any, list[Session]]:
    course = course_create(min_attendance_percent=percent, coordinators=coordinators or [])
    edition = edition_create(course=course, deadline=days(-30 - past))
    sessions = [session_create(edition=edition, starts_at=days(-7 * (i + 1))) for i in range(past)]
    sessions += [
        session_create(edition=edition, starts_at=days(7 * (i + 1))) for i in range(coming)
    ]
    return edition, sorted(sessions, key=lambda s: s.starts_at)


def attend(enrolment: Enrolment, *sessions: Session) -> None:
    for session in sessions:
        Attendance.objects.create(enrolment=enrolment, session=session, method="list")


# -- Counting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "needed", "standing"),
    [
        ((4, 3, 3, 75), 3, Standing.REACHED),  # exactly 75 %
        ((4, 3, 2, 75), 3, Standing.POSSIBLE),  # one to come, one more needed
        ((4, 4, 2, 75), 3, Standing.OUT_OF_REACH),
        ((6, 2, 0, 75), 5, Standing.OUT_OF_REACH),  # 75 % of 6 is 4.5: five sessions
        ((6, 1, 0, 75), 5, Standing.POSSIBLE),
        ((3, 0, 0, 100), 3, Standing.POSSIBLE),
    ],
)
def test_progress_rounds_the_minimum_up(counts, needed, standing):
    held, past, attended, percent = counts
    progress = Progress(held=held, past=past, attended=attended, needed_percent=percent)

    assert (progress.needed, progress.standing) == (needed, standing)


# -- The participant's page -------------------------------------------------------------------


def test_participant_sees_presence_per_past_session_and_the_running_total(client: Client):
    edition, sessions = programme()
    person = enrolment_create(edition=edition)
    attend(person, sessions[0], sessions[2])

    html = client.get(url("enrolment", token=person.token)).content.decode()

    assert html.count("You were there.") == 2
    assert html.count("You were not marked present.") == 1
    assert "You attended 2 of 3 sessions so far." in html
    assert "The certificate needs 75% of the sessions: 3 of 4." in html
    assert "For the certificate, attend at least 1 of the 1 session to come." in html


def test_participant_who_cannot_reach_the_minimum_is_told_so(client: Client):
    edition, sessions = programme(past=4, coming=0)
    person = enrolment_create(edition=edition)
    attend(person, sessions[0])

    html = client.get(url("enrolment", token=person.token)).content.decode()

    assert "You attended 1 of 4 sessions so far." in html
    assert "You can no longer attend enough sessions for the certificate." in html


def test_cancelled_sessions_do_not_count_for_the_participant(client: Client):
    edition, sessions = programme(past=3, coming=0)
    Session.objects.filter(pk=sessions[1].pk).update(cancelled=True)
    person = enrolment_create(edition=edition)
    attend(person, sessions[0], sessions[2])

    html = client.get(url("enrolment", token=person.token)).content.decode()

    assert "You attended 2 of 2 sessions so far." in html
    assert "You have attended enough sessions for the certificate." in html
    assert "You were not marked present." not in html


def test_a_single_session_and_a_waiting_person_show_no_total(client: Client):
    edition, sessions = programme(past=1, coming=0)
    single = enrolment_create(edition=edition)
    attend(single, sessions[0])
    programme_edition, _sessions = programme()
    waiting = enrolment_create(edition=programme_edition, status=Registration.WAITING)

    single_html = client.get(url("enrolment", token=single.token)).content.decode()
    waiting_html = client.get(url("enrolment", token=waiting.token)).content.decode()

    assert "You were there." in single_html
    assert "Your attendance" not in single_html
    assert "Your attendance" not in waiting_html
    assert "You were not marked present." not in waiting_html


@pytest.mark.parametrize("sessions", [2, 6])
def test_participant_page_queries_do_not_grow_with_the_sessions(
    client: Client, sessions: int, django_assert_num_queries: Any
):
    edition, held = programme(past=sessions - 1, coming=1)
    person = enrolment_create(edition=edition)
    attend(person, *held)

    with django_assert_num_queries(3):
        assert client.get(url("enrolment", token=person.token)).status_code == 200


# -- The coordinator's grid -------------------------------------------------------------------


@pytest.fixture
def coordinator() -> Any:
    return user_create("coordinator@example.org")


def test_coordinator_sees_the_grid_with_totals_and_certificates(client: Client, coordinator):
    edition, sessions = programme(coordinators=[coordinator])
    zoe = enrolment_create(edition=edition, name="Zoë Zorg")
    adam = enrolment_create(edition=edition, name="Adam Arts")
    enrolment_create(edition=edition, name="Walter Waiting", status=Registration.WAITING)
    attend(zoe, *sessions[:3])
    attend(adam, sessions[0])
    Certificate.objects.create(enrolment=zoe, hours=9, issued_on=timezone.localdate())
    signed_in(client, coordinator)

    html = client.get(url("course_results", slug=edition.course.slug)).content.decode()

    assert "Attendance across the sessions" in html
    assert html.index("Adam Arts") < html.index("Zoë Zorg")  # by name
    assert "Walter Waiting" not in html
    assert "3 of 4" in html and "1 of 4" in html
    assert "Not enough attendance" in html  # Adam: 1 + 1 to come < 3
    assert "The certificate needs 75% of the sessions held: 3 of 4." in html
    assert zoe.certificate.code in html
    [event] = AuditEvent.objects.filter(action="training.participants_viewed")
    assert event.detail == {"names": 3}  # two in the grid, one certificate


def test_no_grid_for_single_session_editions(client: Client, coordinator):
    edition, _sessions = programme(past=1, coming=0, coordinators=[coordinator])
    enrolment_create(edition=edition, name="Sara Single")
    signed_in(client, coordinator)

    html = client.get(url("course_results", slug=edition.course.slug)).content.decode()

    assert "Attendance across the sessions" not in html
    assert "Sara Single" not in html
    assert not AuditEvent.objects.filter(action="training.participants_viewed").exists()


@pytest.mark.parametrize(("people", "sessions"), [(1, 2), (6, 5)])
def test_grid_queries_do_not_grow(
    client: Client, coordinator, people: int, sessions: int, django_assert_num_queries: Any
):
    edition, held = programme(past=sessions - 1, coming=1, coordinators=[coordinator])
    trainer = trainer_create()
    for session in held:
        session.trainers.set([trainer])
    for _ in range(people):
        person = enrolment_create(edition=edition)
        attend(person, *held[:-1])
        Certificate.objects.create(enrolment=person, hours=3, issued_on=timezone.localdate())
    signed_in(client, coordinator)

    with django_assert_num_queries(25):
        assert client.get(url("course_results", slug=edition.course.slug)).status_code == 200


# -- Revoking a certificate -------------------------------------------------------------------


def certificate_of(course_coordinators: list[Any]) -> Certificate:
    edition, sessions = programme(past=1, coming=0, coordinators=course_coordinators)
    person = enrolment_create(edition=edition, name="Rita Revoke")
    attend(person, *sessions)
    return Certificate.objects.create(enrolment=person, hours=3, issued_on=timezone.localdate())


def test_coordinator_confirms_and_revokes_with_a_reason(client: Client, coordinator):
    certificate = certificate_of([coordinator])
    signed_in(client, coordinator)
    address = url("certificate_revoke", certificate_id=certificate.pk)

    confirm = client.get(address)
    assert confirm.status_code == 200
    assert certificate.code in confirm.content.decode()
    certificate.refresh_from_db()
    assert not certificate.revoked  # asking is not doing

    response = client.post(address, {"reason": "Attendance recorded by mistake"})

    assert response.status_code == 302
    assert response["Location"].endswith(
        url("course_results", slug=certificate.enrolment.edition.course.slug)
    )
    certificate.refresh_from_db()
    assert certificate.revoked
    [event] = AuditEvent.objects.filter(action="training.certificate_revoked")
    assert event.actor_id == coordinator.pk
    assert event.detail == {"reason": "Attendance recorded by mistake"}
    verify = client.get(url("verify"), {"code": certificate.code}).content.decode()
    assert f"Certificate {certificate.code} was revoked" in verify
    again = client.get(address)
    assert again.status_code == 302  # already revoked: back to the results


@pytest.mark.parametrize("reason", ["", "   ", "bad\x00reason", "x" * 201])
def test_revoking_needs_a_proper_reason(client: Client, coordinator, reason: str):
    certificate = certificate_of([coordinator])
    signed_in(client, coordinator)

    response = client.post(
        url("certificate_revoke", certificate_id=certificate.pk), {"reason": reason}
    )

    assert response.status_code == 400
    if "\x00" not in reason:  # NUL is refused before the view (core.middleware)
        assert "The certificate was not revoked" in response.content.decode()
    certificate.refresh_from_db()
    assert not certificate.revoked
    assert not AuditEvent.objects.filter(action="training.certificate_revoked").exists()


def test_who_may_revoke(client: Client, coordinator):
    certificate = certificate_of([coordinator])
    address = url("certificate_revoke", certificate_id=certificate.pk)
    other = user_create("other-coordinator@example.org")
    course_create(coordinators=[other])
    trainer_user = user_create("trainer@example.org")
    trainer = trainer_create(user=trainer_user)
    certificate.enrolment.edition.sessions.first().trainers.set([trainer])
    editor = user_create("editor@example.org")
    role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)

    anonymous = client.post(address, {"reason": "x"})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    for refused in (other, trainer_user):
        signed_in(client, refused)
        assert client.post(address, {"reason": "x"}).status_code == 403
        client.logout()
    certificate.refresh_from_db()
    assert not certificate.revoked
    signed_in(client, editor)
    assert (
        client.post(url("certificate_revoke", certificate_id=999999), {"reason": "x"}).status_code
        == 404
    )
    assert client.post(address, {"reason": "Duplicate"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked
