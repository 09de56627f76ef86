"""Registering for a working-group session: confirmed or waiting, capacity, duplicates, the
deadline, bad input (NUL characters too), cancelling by the link, the calendar file."""

from __future__ import annotations

from typing import Any

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.audit.models import AuditEvent
from beoncosup.participation.codes import RegistrationStatus
from beoncosup.participation.models import Registration
from beoncosup.participation.selectors import groups as selectors
from beoncosup.participation.services import registration as services
from beoncosup.participation.services.registration import RegistrationData
from beoncosup.participation.tests.factories import (
    group_create,
    later,
    registration_create,
    session_create,
)
from beoncosup.training.services.registration import email_digest

pytestmark = pytest.mark.django_db


def data(**overrides: Any) -> RegistrationData:
    fields: dict[str, Any] = {
        "name": "Rita Relative",
        "email": "rita@example.org",
        "role": "relative",
        "organisation": "",
        "language": "nl",
        "notify_actions": True,
    }
    fields.update(overrides)
    return RegistrationData(**fields)


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"participation:{name}", kwargs=kwargs)


def form(**overrides: str) -> dict[str, str]:
    fields = {
        "name": "Rita Relative",
        "email": "rita@example.org",
        "role": "relative",
        "organisation": "",
        "language": "fr",
        "notify_actions": "on",
    }
    fields.update(overrides)
    return fields


def test_register_confirms_and_mails_the_calendar_in_the_persons_language(
    django_capture_on_commit_callbacks,
):
    group_session = session_create(capacity=1)

    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(
            group_session=group_session, data=data(email=" Rita@Example.org", language="fr")
        )

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == "Rita@Example.org"
    assert registration.email_digest == email_digest("rita@example.org")
    assert registration.notify_actions is True
    [message] = mail.outbox
    assert message.to == ["Rita@Example.org"]
    # In French (the wording is translated once the lead compiles the catalogues).
    assert message.subject.endswith(group_session.group.title["fr"])
    with translation.override("fr"):
        link = reverse("participation:registration", kwargs={"token": registration.token})
    assert link in message.body
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("working-group.ics", "text/calendar")
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == group_session.session.starts_at
    assert AuditEvent.objects.filter(
        action="participation.registration.create", target_id=str(registration.pk)
    ).exists()
    # No personal data in the audit trail.
    event = AuditEvent.objects.get(action="participation.registration.create")
    assert "rita" not in str(event.detail).lower()


def test_register_beyond_capacity_goes_on_the_waiting_list(django_capture_on_commit_callbacks):
    group_session = session_create(capacity=1)
    services.registration_create(group_session=group_session, data=data(email="a@example.org"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        second = services.registration_create(
            group_session=group_session, data=data(email="b@example.org")
        )
        third = services.registration_create(
            group_session=group_session, data=data(email="c@example.org")
        )

    assert (second.status, third.status) == ("waiting", "waiting")
    assert selectors.waiting_position(second) == 1
    assert selectors.waiting_position(third) == 2
    assert [m.attachments for m in mail.outbox] == [[], []]
    assert "2" in mail.outbox[1].body
    assert selectors.places_left(group_session) == 0


def test_a_cancelled_place_goes_to_the_first_person_waiting(django_capture_on_commit_callbacks):
    group_session = session_create(capacity=1)
    first = services.registration_create(
        group_session=group_session, data=data(email="a@example.org")
    )
    waiting = services.registration_create(
        group_session=group_session, data=data(email="b@example.org")
    )
    last = services.registration_create(
        group_session=group_session, data=data(email="c@example.org")
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.registration_cancel(registration=first)

    waiting.refresh_from_db()
    last.refresh_from_db()
    assert cancelled.status == RegistrationStatus.CANCELLED
    assert cancelled.notify_actions is False
    assert (waiting.status, last.status) == ("confirmed", "waiting")
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    promoted = next(m for m in mail.outbox if m.to == ["b@example.org"])
    assert promoted.attachments[0][0] == "working-group.ics"


def test_cancelling_twice_changes_nothing():
    group_session = session_create()
    registration = registration_create(group_session=group_session)
    services.registration_cancel(registration=registration)
    mail.outbox.clear()

    again = services.registration_cancel(registration=registration)

    assert again.status == RegistrationStatus.CANCELLED
    assert AuditEvent.objects.filter(action="participation.registration.cancel").count() == 1


def test_the_same_address_is_refused_twice_but_welcome_after_cancelling():
    group_session = session_create()
    first = services.registration_create(group_session=group_session, data=data())

    with pytest.raises(ValidationError) as caught:
        services.registration_create(
            group_session=group_session, data=data(email=" RITA@example.ORG")
        )
    assert caught.value.code == "duplicate"
    services.registration_cancel(registration=first)
    again = services.registration_create(group_session=group_session, data=data())

    assert again.status == RegistrationStatus.CONFIRMED
    assert Registration.objects.filter(session=group_session).count() == 2


@pytest.mark.parametrize(
    "closed",
    [
        {"deadline": later(days=-1)},
        {"starts_at": later(hours=-1)},
        {"cancelled": True},
    ],
)
def test_registration_is_refused_after_the_deadline_the_start_or_a_cancellation(closed):
    group_session = session_create(**closed)

    with pytest.raises(ValidationError) as caught:
        services.registration_create(group_session=group_session, data=data())

    assert caught.value.code == "closed"
    assert not Registration.objects.exists()


def test_registration_is_refused_for_an_unpublished_group():
    group_session = session_create(group=group_create(published=False))

    with pytest.raises(ValidationError):
        services.registration_create(group_session=group_session, data=data())


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Rita\x00"}, "name"),
        ({"email": "not an address"}, "email"),
        ({"email": "rita\x00@example.org"}, "email"),
        ({"role": "doctor"}, "role"),
        ({"language": "xx"}, "language"),
        ({"organisation": "Org\x00", "role": "organisation"}, "organisation"),
    ],
)
def test_the_service_refuses_bad_input(overrides, field):
    group_session = session_create()

    with pytest.raises(ValidationError) as caught:
        services.registration_create(group_session=group_session, data=data(**overrides))

    assert list(caught.value.message_dict) == [field]
    assert not Registration.objects.exists()


def test_patients_and_relatives_register_without_an_organisation():
    group_session = session_create()

    registration = services.registration_create(
        group_session=group_session, data=data(role="patient", organisation="My hospital")
    )
    professional = services.registration_create(
        group_session=group_session,
        data=data(email="p@example.org", role="professional", organisation="AZ Gent"),
    )

    assert registration.organisation == ""
    assert professional.organisation == "AZ Gent"


# --- The pages ------------------------------------------------------------------------------


def test_the_register_page_registers_and_sends_the_person_to_their_page(client: Client):
    group_session = session_create()

    response = client.post(url("register", session_id=group_session.pk), form())

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("registration", token=registration.token)
    assert (registration.role, registration.language, registration.notify_actions) == (
        "relative",
        "fr",
        True,
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert "Rita Relative" in page.content.decode()


@pytest.mark.parametrize(
    "overrides", [{"name": "Rita\x00"}, {"email": "x\x00@example.org"}, {"organisation": "\x00"}]
)
def test_the_register_page_refuses_nul_characters(client: Client, overrides):
    """core's middleware answers 400 before the view (PostgreSQL refuses NUL characters)."""
    group_session = session_create()

    response = client.post(url("register", session_id=group_session.pk), form(**overrides))

    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"role": ""},
        {"email": "nope"},
        {"language": "klingon"},
    ],
)
def test_the_register_page_answers_bad_input_with_the_form(client: Client, overrides):
    group_session = session_create()

    response = client.post(url("register", session_id=group_session.pk), form(**overrides))

    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_register_page_says_when_the_address_is_already_registered(client: Client):
    group_session = session_create()
    registration_create(group_session=group_session, email="rita@example.org")

    response = client.post(url("register", session_id=group_session.pk), form())

    assert response.status_code == 400
    assert "already registered" in response.content.decode()


def test_the_register_page_of_a_closed_session_has_no_form(client: Client):
    group_session = session_create(deadline=later(days=-1))

    response = client.get(url("register", session_id=group_session.pk))

    assert response.status_code == 200
    assert 'method="post"' not in response.content.decode()


def test_an_unpublished_groups_session_answers_404(client: Client):
    group_session = session_create(group=group_create(published=False))

    assert client.get(url("register", session_id=group_session.pk)).status_code == 404
    assert client.get(url("session", session_id=group_session.pk)).status_code == 404


def test_cancel_by_the_link_asks_then_cancels(client: Client):
    registration = registration_create(group_session=session_create())

    asked = client.get(url("registration_cancel", token=registration.token))
    done = client.post(url("registration_cancel", token=registration.token))

    assert asked.status_code == 200
    assert done.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_an_unknown_token_answers_404(client: Client):
    for name in ("registration", "registration_cancel", "registration_ical", "notify_stop"):
        assert client.get(url(name, token="x" * 32)).status_code == 404
        assert client.get(url(name, token="bad\x00")).status_code == 400  # core's middleware


def test_the_calendar_file_is_for_confirmed_registrations_only(client: Client):
    group_session = session_create(capacity=1)
    confirmed = registration_create(group_session=group_session)
    waiting = registration_create(group_session=group_session, status="waiting")

    response = client.get(url("registration_ical", token=confirmed.token))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("dtstart") == group_session.session.starts_at
    assert client.get(url("registration_ical", token=waiting.token)).status_code == 404


def test_the_stop_link_stops_the_action_mails(client: Client):
    registration = registration_create(group_session=session_create(), notify_actions=True)

    asked = client.get(url("notify_stop", token=registration.token))
    registration.refresh_from_db()
    assert asked.status_code == 200
    assert registration.notify_actions is True  # a GET (a mail scanner) changes nothing
    client.post(url("notify_stop", token=registration.token))

    registration.refresh_from_db()
    assert registration.notify_actions is False
