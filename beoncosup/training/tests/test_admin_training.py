"""Editors manage the catalogue in Wagtail: courses, editions with their sessions, trainers;
the edition form refuses what registration could not live with."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.search.models import MatchProfile
from beoncosup.taxonomy.models import Need
from beoncosup.training.catalogue import catalogue_connect
from beoncosup.training.models import Course, Edition, Session
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
    trainer_create,
)

pytestmark = pytest.mark.django_db

COURSES = "/admin/snippets/training/course/"
EDITIONS = "/admin/snippets/training/edition/"
TRAINERS = "/admin/snippets/training/trainer/"
LANGS = ("nl", "fr", "de", "en")


@pytest.fixture(autouse=True)
def setup() -> None:
    catalogue_connect()
    make_geo()
    make_needs()


@pytest.fixture
def editor(client: Client) -> Client:
    """A signed-in editor (the Editors group, through the platform role)."""
    admin = user_create("admin@example.org")
    user = user_create("editor@example.org")
    role_grant(user=user, role="editor", granted_by=admin)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the messages checked below are the English ones
    profile.save()
    signed_in(client, get_user_model().objects.get(pk=user.pk))
    return client


def i18n(name: str, text: str) -> dict[str, str]:
    return {f"{name}_{lang}": f"{text} {lang}" for lang in LANGS}


def course_form(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        **i18n("title", "Slecht nieuws brengen"),
        **i18n("summary", "Een workshop"),
        **i18n("objectives", "Doel"),
        **i18n("evidence", "SPIKES"),
        "slug": "slecht-nieuws",
        "format": "workshop",
        "duration_hours": "3.5",
        "accreditation_points": "",
        "accreditation_body": "",
        "organiser": "",
        "professions": ("nurse", "gp"),  # tuples: nested_form_data flattens lists
        "needs": (str(Need.objects.get(code="PSY-FEAR-RECURRENCE").pk),),
        "trainers": (),
        "coordinators": (),
        "alert_threshold": "3.5",
        "min_attendance_percent": "100",
        "published": "on",
        "sources": inline_formset(
            [{"citation": "Baile 2000", "url": "https://doi.org/10.1/x", "year": "2000"}]
        ),
    }
    data.update(changes)
    form: dict[str, Any] = nested_form_data(data)
    return form


def session_row(start: dt.datetime, **changes: Any) -> dict[str, Any]:
    row = {
        **{f"title_{lang}": "" for lang in LANGS},
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + dt.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
        "venue": "UZ Gent",
        "postcode": "9000",
        "address": "",
        "online_url": "",
        "trainers": (),
    }
    row.update(changes)
    return row


def edition_form(
    course: Course, sessions: list[dict[str, Any]], *, initial: int = 0, **changes: Any
) -> dict[str, Any]:
    start = timezone.localtime() + dt.timedelta(days=20)
    data: dict[str, Any] = {
        "course": str(course.pk),
        **{f"name_{lang}": "" for lang in LANGS},
        "language": "nl",
        "capacity": "12",
        "registration_deadline": (start - dt.timedelta(days=5)).strftime("%Y-%m-%d %H:%M"),
        "sessions": inline_formset(sessions, initial=initial, min=1),
    }
    data.update(changes)
    form: dict[str, Any] = nested_form_data(data)
    return form


def in_days(days: int) -> dt.datetime:
    return timezone.localtime() + dt.timedelta(days=days)


def test_an_editor_sees_the_training_menu_and_lists(editor: Client) -> None:
    course_create(slug="zichtbaar")
    for url in (COURSES, EDITIONS, TRAINERS):
        assert editor.get(url).status_code == 200, url


def test_a_signed_in_person_without_a_role_cannot_open_the_training_admin(client: Client) -> None:
    signed_in(client, user_create("nurse@example.org"))

    response = client.get(COURSES)

    assert response.status_code in {302, 403}


def test_editor_creates_a_course_with_professions_needs_and_sources(editor: Client) -> None:
    response = editor.post(f"{COURSES}add/", course_form())

    assert response.status_code == 302, response.content.decode()[:3000]
    course = Course.objects.get(slug="slecht-nieuws")
    assert course.professions == ["nurse", "gp"]
    assert course.title["fr"] == "Slecht nieuws brengen fr"
    assert list(course.needs.values_list("code", flat=True)) == ["PSY-FEAR-RECURRENCE"]
    assert list(course.sources.values_list("citation", flat=True)) == ["Baile 2000"]
    # The matcher's entry knows the needs the admin saved after the course.
    MatchProfile.objects.get(kind="course", object_id=str(course.pk))


def test_course_form_shows_professions_as_checkboxes_and_needs_in_the_picker(
    editor: Client,
) -> None:
    html = editor.get(f"{COURSES}add/").content.decode()

    assert 'type="checkbox" name="professions" value="social_worker"' in html
    assert "data-need-picker" in html


def test_unknown_profession_is_refused(editor: Client) -> None:
    response = editor.post(f"{COURSES}add/", course_form(professions=("astronaut",)))

    assert response.status_code == 200
    assert not Course.objects.exists()


def test_editor_creates_an_edition_with_sessions_and_trainers(editor: Client) -> None:
    course = course_create()
    trainer = trainer_create()
    rows = [
        session_row(in_days(20), trainers=(str(trainer.pk),)),
        session_row(in_days(27), venue="", postcode="", online_url="https://meet.example.org/abc"),
    ]

    response = editor.post(f"{EDITIONS}add/", edition_form(course, rows))

    assert response.status_code == 302, response.content.decode()[:3000]
    edition = Edition.objects.get(course=course)
    sessions = list(edition.sessions.order_by("starts_at"))
    assert len(sessions) == 2
    assert sessions[1].online_url == "https://meet.example.org/abc"
    assert list(sessions[0].trainers.all()) == [trainer]


@pytest.mark.parametrize(
    ("changes", "session_changes", "message"),
    [
        (
            {"registration_deadline": in_days(25).strftime("%Y-%m-%d %H:%M")},
            {},
            "Registration must close before the first session.",
        ),
        (
            {},
            {"ends_at": in_days(19).strftime("%Y-%m-%d %H:%M")},
            "The session must end after it starts.",
        ),
        ({}, {"postcode": "12345"}, "Ensure this value has at most 4 characters"),
        ({}, {"postcode": "abcd"}, "Give a Belgian postcode of four digits"),
        ({}, {"postcode": "9999"}, "This postcode does not exist in Belgium."),
        ({}, {"venue": "", "postcode": ""}, "Give a venue, an online link, or both."),
    ],
)
def test_edition_form_refuses_what_registration_cannot_live_with(
    editor: Client, changes: dict[str, Any], session_changes: dict[str, str], message: str
) -> None:
    course = course_create()
    rows = [session_row(in_days(20), **session_changes)]

    response = editor.post(f"{EDITIONS}add/", edition_form(course, rows, **changes))

    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert message in html
    assert "is violated" not in html  # the constraint's technical words are not shown
    assert not Edition.objects.exists()
    assert not Session.objects.exists()


def test_capacity_cannot_drop_below_the_confirmed_registrations(editor: Client) -> None:
    edition = edition_create(capacity=5, deadline=in_days(10))
    session = session_create(edition=edition, starts_at=in_days(20))
    for _ in range(3):
        enrolment_create(edition=edition)
    row = {"id": str(session.pk), **session_row(session.starts_at.astimezone())}

    response = editor.post(
        f"{EDITIONS}edit/{edition.pk}/",
        edition_form(
            edition.course,
            [row],
            capacity="2",
            registration_deadline=timezone.localtime(edition.registration_deadline).strftime(
                "%Y-%m-%d %H:%M"
            ),
        ),
    )

    assert response.status_code == 200
    assert "3 people already have a confirmed place" in response.content.decode()
    edition.refresh_from_db()
    assert edition.capacity == 5

    data = edition_form(
        edition.course,
        [row],
        initial=1,
        capacity="3",
        registration_deadline=timezone.localtime(edition.registration_deadline).strftime(
            "%Y-%m-%d %H:%M"
        ),
    )
    assert editor.post(f"{EDITIONS}edit/{edition.pk}/", data).status_code == 302
    edition.refresh_from_db()
    assert edition.capacity == 3
    assert list(edition.sessions.values_list("pk", flat=True)) == [session.pk]


def test_raising_the_capacity_moves_people_up_from_the_waiting_list(
    editor: Client, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    edition = edition_create(capacity=1, deadline=in_days(10))
    session = session_create(edition=edition, starts_at=in_days(20))
    enrolment_create(edition=edition)
    first = enrolment_create(edition=edition, status="waiting", email="first@example.org")
    second = enrolment_create(edition=edition, status="waiting", email="second@example.org")
    row = {"id": str(session.pk), **session_row(session.starts_at.astimezone())}
    data = edition_form(
        edition.course,
        [row],
        initial=1,
        capacity="2",
        registration_deadline=timezone.localtime(edition.registration_deadline).strftime(
            "%Y-%m-%d %H:%M"
        ),
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(f"{EDITIONS}edit/{edition.pk}/", data).status_code == 302

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waiting")
    assert [message.to for message in mailoutbox] == [["first@example.org"]]


def test_editor_creates_a_trainer(editor: Client) -> None:
    data = nested_form_data(
        {
            "name": "An Peeters",
            "profession": "Psycholoog",
            **i18n("bio", "Twintig jaar"),
            "user": "",
        }
    )

    response = editor.post(f"{TRAINERS}add/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
