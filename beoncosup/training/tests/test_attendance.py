"""Attendance on the day: the trainer's list, the participant's QR check-in, the trainers' home
and its navigation item: who may use them, the day window, what is saved and logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.training.codes import AttendanceMethod, Registration
from beoncosup.training.models import Attendance, Enrolment, Session
from beoncosup.training.services.attendance import BRUSSELS, attendance_mark, today_in_belgium
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


def at(days: int = 0, hour: int = 10) -> dt.datetime:
    """``hour`` o'clock in Brussels, ``days`` from today."""
    day = today_in_belgium() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BRUSSELS)


@dataclass
class World:
    coordinator: Any
    trainer_user: Any
    other_trainer_user: Any
    stranger: Any
    editor: Any
    session: Session
    enrolments: list[Enrolment]
    waiting: Enrolment


def world_make(*, days: int = 0) -> World:
    coordinator = user_create("coordinator@example.org")
    trainer_user = user_create("trainer@example.org")
    other_trainer_user = user_create("other-trainer@example.org")
    stranger = user_create("stranger@example.org")
    editor = user_create("editor@example.org")
    role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)
    trainer = trainer_create(user=trainer_user, name="Ann Trainer")
    course = course_create(coordinators=[coordinator], trainers=[trainer])
    edition = edition_create(course=course)
    session = session_create(edition=edition, starts_at=at(days), trainers=[trainer])
    other = trainer_create(user=other_trainer_user)
    session_create(edition=edition_create(), starts_at=at(days), trainers=[other])
    enrolments = [
        enrolment_create(edition=edition, name=name) for name in ("Zoë Zed", "Bob Bee", "Al Ant")
    ]
    waiting = enrolment_create(edition=edition, name="Wendy Wait", status=Registration.WAITING)
    return World(
        coordinator=coordinator,
        trainer_user=trainer_user,
        other_trainer_user=other_trainer_user,
        stranger=stranger,
        editor=editor,
        session=session,
        enrolments=enrolments,
        waiting=waiting,
    )


@pytest.fixture
def world() -> World:
    return world_make()


def present_ids(session: Session) -> set[int]:
    return set(Attendance.objects.filter(session=session).values_list("enrolment_id", flat=True))


# -- Who may use it ---------------------------------------------------------------------------


def test_day_pages_send_anonymous_people_to_sign_in(client, world):
    addresses = [
        url("manage"),
        url("attendance", session_id=world.session.pk),
        url("evaluation_qr", session_id=world.session.pk),
        url("checkin", token=world.enrolments[0].token),
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 302, address
        assert "/accounts/login/" in response["Location"]
    response = client.post(
        url("attendance", session_id=world.session.pk), {"present": [world.enrolments[0].pk]}
    )
    assert response.status_code == 302
    assert present_ids(world.session) == set()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("stranger", 403),
        ("other_trainer_user", 403),
        ("trainer_user", 200),
        ("coordinator", 200),
        ("editor", 200),
    ],
)
def test_attendance_page_by_role(client, world, who, status):
    signed_in(client, getattr(world, who))
    response = client.get(url("attendance", session_id=world.session.pk))
    assert response.status_code == status
    qr = client.get(url("evaluation_qr", session_id=world.session.pk))
    assert qr.status_code == status
    checkin = client.get(url("checkin", token=world.enrolments[0].token))
    assert checkin.status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("stranger", 403), ("other_trainer_user", 200), ("coordinator", 200), ("editor", 200)],
)
def test_manage_page_by_role(client, world, who, status):
    signed_in(client, getattr(world, who))
    assert client.get(url("manage")).status_code == status


def test_attendance_of_unknown_session_or_network_meeting_is_404(client, world):
    meeting = session_create(edition=None, starts_at=at())
    signed_in(client, world.editor)
    assert client.get(url("attendance", session_id=meeting.pk)).status_code == 404
    assert client.get(url("attendance", session_id=999999)).status_code == 404


# -- The list ---------------------------------------------------------------------------------


def test_attendance_list_shows_confirmed_names_sorted_and_logs_the_read(client, world):
    signed_in(client, world.trainer_user)
    response = client.get(url("attendance", session_id=world.session.pk))
    html = response.content.decode()
    assert html.index("Al Ant") < html.index("Bob Bee")
    assert html.index("Bob Bee") < html.index("Zoë Zed")
    assert "Wendy Wait" not in html
    assert "0 present of 3 registered" in html
    event = AuditEvent.objects.get(action="training.attendance_list_viewed")
    assert (event.actor, event.target_id) == (world.trainer_user, str(world.session.pk))


def test_attendance_post_marks_and_unmarks(client, world):
    first, second, third = world.enrolments
    signed_in(client, world.trainer_user)
    address = url("attendance", session_id=world.session.pk)
    response = client.post(address, {"present": [first.pk, second.pk]})
    assert response.status_code == 302
    assert present_ids(world.session) == {first.pk, second.pk}
    row = Attendance.objects.get(enrolment=first)
    assert (row.method, row.marked_by) == (AttendanceMethod.LIST, world.trainer_user)
    # The list as shown afterwards: first and second ticked; untick second, tick third.
    client.post(address, {"present": [first.pk, third.pk], "was": [first.pk, second.pk]})
    assert present_ids(world.session) == {first.pk, third.pk}
    assert "2 present of 3 registered" in client.get(address).content.decode()
    assert AuditEvent.objects.filter(action="training.attendance_marked").count() == 2


def test_attendance_post_keeps_a_qr_checkin_made_meanwhile(client, world):
    first, second, _third = world.enrolments
    signed_in(client, world.trainer_user)
    # The page was shown with nobody ticked; meanwhile second checked in by QR.
    Attendance.objects.create(enrolment=second, session=world.session, method="qr")
    client.post(url("attendance", session_id=world.session.pk), {"present": [first.pk]})
    assert present_ids(world.session) == {first.pk, second.pk}


def test_attendance_rejects_a_person_of_another_list(client, world):
    stranger_enrolment = enrolment_create(edition=edition_create())
    signed_in(client, world.trainer_user)
    response = client.post(
        url("attendance", session_id=world.session.pk),
        {"present": [stranger_enrolment.pk, world.waiting.pk]},
    )
    assert response.status_code == 400
    assert present_ids(world.session) == set()


def test_attendance_is_closed_before_the_day(client):
    world = world_make(days=1)
    signed_in(client, world.trainer_user)
    address = url("attendance", session_id=world.session.pk)
    page = client.get(address)
    assert page.status_code == 200
    assert "Attendance opens on the day of the session" in page.content.decode()
    assert "Zoë Zed" not in page.content.decode()
    client.post(address, {"present": [world.enrolments[0].pk]})
    assert present_ids(world.session) == set()


def test_attendance_service_refuses_before_the_day():
    world = world_make(days=2)
    with pytest.raises(Exception, match="opens on the day"):
        attendance_mark(
            session=world.session,
            enrolments_present=world.enrolments,
            by=world.trainer_user,
            method=AttendanceMethod.LIST,
            request=None,
        )
    assert present_ids(world.session) == set()


def test_attendance_stays_open_after_the_day_for_corrections(client):
    world = world_make(days=-3)
    signed_in(client, world.coordinator)
    client.post(
        url("attendance", session_id=world.session.pk), {"present": [world.enrolments[0].pk]}
    )
    assert present_ids(world.session) == {world.enrolments[0].pk}


@pytest.mark.parametrize("people", [1, 4])
def test_attendance_query_count_does_not_grow_with_the_list(
    client, world, people, django_assert_num_queries
):
    for _ in range(people):
        enrolment_create(edition=world.session.edition)
    signed_in(client, world.trainer_user)
    address = url("attendance", session_id=world.session.pk)
    with django_assert_num_queries(15):
        response = client.get(address)
    assert response.status_code == 200


# -- The QR check-in --------------------------------------------------------------------------


def test_checkin_shows_the_name_and_marks_present(client, world):
    person = world.enrolments[0]
    signed_in(client, world.trainer_user)
    address = url("checkin", token=person.token)
    page = client.get(address)
    assert "Zoë Zed" in page.content.decode()
    assert "Mark present" in page.content.decode()
    response = client.post(address, {"session": world.session.pk})
    assert response.status_code == 302
    row = Attendance.objects.get(enrolment=person, session=world.session)
    assert (row.method, row.marked_by) == (AttendanceMethod.QR, world.trainer_user)
    assert AuditEvent.objects.filter(action="training.checked_in").count() == 1
    # Twice: still one row, one event.
    client.post(address, {"session": world.session.pk})
    assert Attendance.objects.filter(enrolment=person).count() == 1
    assert AuditEvent.objects.filter(action="training.checked_in").count() == 1


def test_checkin_unknown_token_is_404(client, world):
    signed_in(client, world.trainer_user)
    assert client.get(url("checkin", token="nope")).status_code == 404


def test_checkin_without_session_today_says_so(client):
    world = world_make(days=5)
    signed_in(client, world.coordinator)
    address = url("checkin", token=world.enrolments[0].token)
    page = client.get(address)
    assert "no session of this course today" in page.content.decode()
    client.post(address, {"session": world.session.pk})
    assert present_ids(world.session) == set()


def test_checkin_refuses_a_waiting_registration(client, world):
    signed_in(client, world.trainer_user)
    address = url("checkin", token=world.waiting.token)
    assert "no confirmed place" in client.get(address).content.decode()
    client.post(address, {"session": world.session.pk})
    assert present_ids(world.session) == set()


def test_checkin_by_a_stranger_marks_nothing(client, world):
    signed_in(client, world.other_trainer_user)
    response = client.post(
        url("checkin", token=world.enrolments[0].token), {"session": world.session.pk}
    )
    assert response.status_code == 403
    assert present_ids(world.session) == set()


# -- The home and the navigation --------------------------------------------------------------


def test_manage_lists_today_and_links_the_day_pages(client, world):
    signed_in(client, world.trainer_user)
    html = client.get(url("manage")).content.decode()
    assert url("attendance", session_id=world.session.pk) in html
    assert url("evaluation_qr", session_id=world.session.pk) in html
    assert url("session_results", session_id=world.session.pk) in html
    assert "No session today." not in html


def test_navigation_shows_training_to_trainers_only(client, world):
    signed_in(client, world.trainer_user)
    assert f'href="{url("manage")}"' in client.get(url("manage")).content.decode()
    client.logout()
    signed_in(client, world.coordinator)
    assert f'href="{url("manage")}"' in client.get("/en/").content.decode()
    client.logout()
    signed_in(client, world.stranger)
    home = client.get("/en/")
    assert f'href="{url("manage")}"' not in home.content.decode()


@pytest.mark.parametrize("sessions", [1, 4])
def test_manage_query_count_does_not_grow(client, world, sessions, django_assert_num_queries):
    for days in range(sessions):
        session_create(edition=world.session.edition, starts_at=at(days + 1))
    signed_in(client, world.coordinator)
    with django_assert_num_queries(20):  # the same with 1 or 4 sessions
        response = client.get(url("manage"))
    assert response.status_code == 200
