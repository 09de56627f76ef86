"""Editors plan sessions (their dates and place are a training session), cancel them (the
participants are told), publish the minutes and outcomes, and read the list of participants
(audited)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.geo.tests.factories import make_geo
from beoncosup.participation.models import GroupSession
from beoncosup.participation.services.sessions import session_minutes_save
from beoncosup.participation.tests.factories import (
    editor_create,
    four,
    group_create,
    registration_create,
    session_create,
)

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"participation:{name}", kwargs=kwargs or None)


def session_form(**overrides: str) -> dict[str, str]:
    fields = {
        "title_en": "Returning to work",
        "starts_at": "2031-03-10T14:00",
        "ends_at": "2031-03-10T16:00",
        "venue": "Zaal A",
        "address": "Kouter 1, Gent",
        "postcode": "9000",
        "online_url": "",
        "capacity": "12",
        "registration_deadline": "2031-03-08T12:00",
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def editor_client(client: Client) -> Client:
    make_geo()  # 9000 Gent among others
    return signed_in(client, editor_create())


def test_an_editor_plans_a_session_that_is_a_training_session(editor_client: Client):
    group = group_create()

    response = editor_client.post(url("session_new", group_id=group.pk), session_form())

    group_session = GroupSession.objects.select_related("session").get()
    assert response.status_code == 302
    assert response["Location"] == url("session", session_id=group_session.pk)
    session = group_session.session
    assert session.edition is None  # not a course's session
    assert (session.venue, session.postcode, session.title) == (
        "Zaal A",
        "9000",
        {"en": "Returning to work"},
    )
    assert session.starts_at.isoformat().startswith("2031-03-10T")
    assert group_session.capacity == 12
    assert AuditEvent.objects.filter(action="participation.session.create").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_at": "2031-03-10T13:00"}, "ends_at"),
        ({"venue": "", "online_url": ""}, "venue"),
        ({"registration_deadline": "2031-03-11T12:00"}, "registration_deadline"),
        ({"postcode": "12"}, "postcode"),
        ({"postcode": "9999"}, "postcode"),
        ({"capacity": "0"}, "capacity"),
        ({"starts_at": "someday"}, "starts_at"),
    ],
)
def test_the_session_form_explains_what_is_wrong(editor_client: Client, overrides, field):
    group = group_create()

    response = editor_client.post(url("session_new", group_id=group.pk), session_form(**overrides))

    assert response.status_code == 422
    assert f'href="#id_{field}"' in response.content.decode()
    assert not GroupSession.objects.exists()


def test_the_capacity_cannot_drop_below_the_confirmed_places(editor_client: Client):
    group_session = session_create(capacity=2)
    registration_create(group_session=group_session)
    registration_create(group_session=group_session)

    response = editor_client.post(
        url("session_edit", session_id=group_session.pk), session_form(capacity="1")
    )

    assert response.status_code == 422
    group_session.refresh_from_db()
    assert group_session.capacity == 2


def test_cancelling_a_session_tells_its_participants_once(
    editor_client: Client, django_capture_on_commit_callbacks
):
    group_session = session_create()
    registration_create(group_session=group_session, email="a@example.org")
    registration_create(group_session=group_session, email="b@example.org", status="waiting")
    registration_create(group_session=group_session, email="c@example.org", status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            url("session_edit", session_id=group_session.pk), session_form(cancelled="on")
        )
        editor_client.post(
            url("session_edit", session_id=group_session.pk), session_form(cancelled="on")
        )

    group_session.session.refresh_from_db()
    assert group_session.session.cancelled is True
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_a_raised_capacity_moves_people_up(
    editor_client: Client, django_capture_on_commit_callbacks
):
    group_session = session_create(capacity=1, starts_at=None)
    registration_create(group_session=group_session)
    waiting = registration_create(group_session=group_session, status="waiting")

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            url("session_edit", session_id=group_session.pk), session_form(capacity="2")
        )

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_minutes_are_shown_only_once_published(client: Client):
    group_session = session_create()
    session_minutes_save(
        group_session=group_session,
        minutes=four("Minutes text"),
        outcomes=four("Outcome text"),
        publish=False,
    )

    hidden = client.get(url("session", session_id=group_session.pk)).content.decode()
    published = session_minutes_save(
        group_session=group_session,
        minutes=four("Minutes text"),
        outcomes=four("Outcome text"),
        publish=True,
    )
    shown = client.get(url("session", session_id=group_session.pk)).content.decode()
    first_time = published.published_at
    again = session_minutes_save(
        group_session=group_session, minutes=four("Fixed"), outcomes={}, publish=True
    )

    assert "Minutes text" not in hidden and "Outcome text" not in hidden
    assert "Minutes text (en)" in shown and "Outcome text (en)" in shown
    assert again.published_at == first_time  # the first publication's date stays
    assert AuditEvent.objects.filter(action="participation.session.minutes").count() == 3


def test_publishing_empty_minutes_is_refused():
    group_session = session_create()

    with pytest.raises(ValidationError):
        session_minutes_save(group_session=group_session, minutes={}, outcomes={}, publish=True)


def test_an_editor_publishes_the_minutes_on_the_page(editor_client: Client):
    group_session = session_create()

    response = editor_client.post(
        url("session_minutes", session_id=group_session.pk),
        {"minutes_nl": "Verslag", "outcomes_en": "Two needs", "publish": "on"},
    )

    group_session.refresh_from_db()
    assert response.status_code == 302
    assert group_session.minutes == {"nl": "Verslag"}
    assert group_session.outcomes == {"en": "Two needs"}
    assert group_session.published_at is not None


def test_reading_the_participants_is_audited(editor_client: Client):
    group_session = session_create()
    registration_create(group_session=group_session, name="Rita Relative")

    response = editor_client.get(url("registrations", session_id=group_session.pk))

    assert response.status_code == 200
    assert "Rita Relative" in response.content.decode()
    event = AuditEvent.objects.get(action="participation.registrations.view")
    assert event.detail == {"count": 1}
    assert event.target_id == str(group_session.pk)


def test_people_without_the_editor_role_are_refused(client: Client):
    group_session = session_create()
    anonymous = client.get(url("registrations", session_id=group_session.pk))
    signed_in(client, user_create("someone@example.org"))

    assert anonymous.status_code == 302
    assert client.get(url("registrations", session_id=group_session.pk)).status_code == 403
    assert client.get(url("manage")).status_code == 403
    assert not AuditEvent.objects.filter(action="participation.registrations.view").exists()
