"""Registering for an edition: confirmed or waiting, duplicates, closed editions, bad input,
cancelling by the participant's link, and the participant's page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.training.codes import Registration
from beoncosup.training.models import Certificate, Enrolment
from beoncosup.training.selectors import registration as selectors
from beoncosup.training.services import registration as services
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
)

pytestmark = pytest.mark.django_db

# An anonymous visitor (no session yet): the page's own reads, none per session.
QUERIES_PARTICIPANT_PAGE = 3  # with the sessions attended (one query)
QUERIES_REGISTER_PAGE = 3


def later(**delta: float) -> Any:
    """A moment from now, to the second (iCalendar has no fractions of a second)."""
    return (timezone.now() + timedelta(**delta)).replace(microsecond=0)


def register(edition: Any, email: str = "an@example.org", **extra: Any) -> Enrolment:
    fields = {"name": "An Peeters", "profession": "nurse", "language": "nl", **extra}
    return services.enrolment_register(edition=edition, email=email, **fields)


def register_url(edition: Any) -> str:
    with translation.override("en"):
        return reverse("training:register", kwargs={"edition_id": edition.pk})


def page_url(enrolment: Enrolment, name: str = "training:enrolment") -> str:
    with translation.override("en"):
        return reverse(name, kwargs={"token": enrolment.token})


# --- The service ----------------------------------------------------------------------------


def test_register_confirms_while_places_are_left(django_capture_on_commit_callbacks):
    edition = edition_create(capacity=1)
    session = session_create(edition=edition, starts_at=later(days=14))

    with django_capture_on_commit_callbacks(execute=True):
        enrolment = register(edition, email="An@Example.org ")

    enrolment.refresh_from_db()
    assert enrolment.status == Registration.CONFIRMED
    assert enrolment.confirmed_at is not None
    assert enrolment.email == "An@Example.org"
    assert enrolment.email_digest == services.email_digest("an@example.org")
    assert selectors.places_left(edition) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["An@Example.org"]
    assert message.subject.endswith(edition.course.title["nl"])
    with translation.override("nl"):
        link = "http://127.0.0.1:8000" + reverse("training:enrolment", args=[enrolment.token])
    assert link in message.body
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("training.ics", "text/calendar")
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") == session.ends_at
    assert AuditEvent.objects.filter(
        action="training.enrolment.register", target_id=str(enrolment.pk)
    ).exists()


def test_register_puts_people_on_the_waiting_list_when_full(django_capture_on_commit_callbacks):
    edition = edition_create(capacity=1)
    session_create(edition=edition)
    register(edition, email="first@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        second = register(edition, email="second@example.org", language="fr")
        third = register(edition, email="third@example.org")

    assert (second.status, third.status) == (Registration.WAITING, Registration.WAITING)
    assert selectors.waiting_position(second) == 1
    assert selectors.waiting_position(third) == 2
    assert [m.attachments for m in mail.outbox] == [[], []]
    assert mail.outbox[0].subject.endswith(edition.course.title["fr"])
    assert mail.outbox[1].subject.endswith(edition.course.title["nl"])
    assert " 1 " in mail.outbox[0].body
    assert " 2 " in mail.outbox[1].body


def test_register_refuses_a_second_active_registration_with_the_same_address():
    edition = edition_create()
    register(edition, email="an@example.org")

    with pytest.raises(ValidationError) as caught:
        register(edition, email=" AN@example.ORG")

    assert caught.value.code == "duplicate"
    assert Enrolment.objects.filter(edition=edition).count() == 1


def test_register_again_after_cancelling_is_allowed():
    edition = edition_create()
    first = register(edition)
    services.enrolment_cancel(enrolment=first)

    again = register(edition)

    assert again.status == Registration.CONFIRMED
    assert again.pk != first.pk


def test_the_same_address_may_register_for_another_edition():
    course = course_create()
    register(edition_create(course=course))

    other = register(edition_create(course=course))

    assert other.status == Registration.CONFIRMED


@pytest.mark.parametrize(
    "edition_kwargs",
    [
        {"deadline": timezone.now() - timedelta(minutes=1)},
        {"cancelled": True},
        {"course": "unpublished"},
    ],
    ids=["deadline passed", "edition cancelled", "course unpublished"],
)
def test_register_refuses_a_closed_edition(edition_kwargs):
    if edition_kwargs.get("course") == "unpublished":
        edition_kwargs = {"course": course_create(published=False)}
    edition = edition_create(**edition_kwargs)

    with pytest.raises(ValidationError) as caught:
        register(edition)

    assert caught.value.code == "closed"
    assert Enrolment.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "An\x00"}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "   "}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "an\x00@example.org"}, "email"),
        ({"email": "a" * 250 + "@example.org"}, "email"),
        ({"profession": "astronaut"}, "profession"),
        ({"language": "xx"}, "language"),
    ],
)
def test_register_rejects_bad_input_and_changes_nothing(fields, field):
    edition = edition_create()
    data: dict[str, Any] = {
        "name": "An",
        "email": "an@example.org",
        "profession": "nurse",
        "language": "nl",
    }
    data.update(fields)

    with pytest.raises(ValidationError) as caught:
        services.enrolment_register(edition=edition, **data)

    assert list(caught.value.message_dict) == [field]
    assert Enrolment.objects.count() == 0
    assert AuditEvent.objects.filter(action__startswith="training.").count() == 0


def test_cancel_is_idempotent_and_mails_once(django_capture_on_commit_callbacks):
    edition = edition_create()
    enrolment = register(edition)

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_cancel(enrolment=enrolment)
        again = services.enrolment_cancel(enrolment=enrolment)

    assert again.status == Registration.CANCELLED
    assert [m.to for m in mail.outbox] == [[enrolment.email]]
    assert AuditEvent.objects.filter(action="training.enrolment.cancel").count() == 1


# --- The pages ------------------------------------------------------------------------------


def test_register_page_shows_places_left_and_prefills_the_signed_in_user(client: Client):
    edition = edition_create(capacity=3)
    session_create(edition=edition)
    user = user_create("nurse@example.org", first_name="Nora", last_name="Nurse")
    signed_in(client, user)

    response = client.get(register_url(edition))

    assert response.status_code == 200
    html = response.content.decode()
    assert "3 places left." in html
    assert 'value="Nora Nurse"' in html
    assert 'value="nurse@example.org"' in html
    assert '<option value="en" selected>' in html


def test_register_page_says_the_waiting_list_when_full(client: Client):
    edition = edition_create(capacity=1)
    enrolment_create(edition=edition)

    response = client.get(register_url(edition))

    assert "you will be on the waiting list" in response.content.decode()
    assert "Join the waiting list" in response.content.decode()


def test_register_page_of_an_unpublished_course_is_404(client: Client):
    edition = edition_create(course=course_create(published=False))

    assert client.get(register_url(edition)).status_code == 404


def test_register_post_redirects_to_the_participant_page(
    client: Client, django_capture_on_commit_callbacks
):
    edition = edition_create(capacity=5)
    session_create(edition=edition)
    user = user_create("nurse@example.org")
    signed_in(client, user)
    data = {"name": "Nora", "email": "nora@example.org", "profession": "nurse", "language": "de"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(edition), data)

    enrolment = Enrolment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == page_url(enrolment)
    assert enrolment.user == user
    assert enrolment.language == "de"
    assert mail.outbox[0].subject.endswith(edition.course.title["de"])


@pytest.mark.parametrize(
    "data",
    [
        {"name": "Nora", "email": "nora", "profession": "nurse", "language": "nl"},
        {"name": "N" * 201, "email": "nora@example.org", "profession": "nurse", "language": "nl"},
        {"name": "Nora", "email": "nora@example.org", "profession": "", "language": "nl"},
    ],
    ids=["invalid e-mail", "too long", "no profession"],
)
def test_register_post_with_bad_input_shows_the_form_again(client: Client, data):
    edition = edition_create()

    response = client.post(register_url(edition), data)

    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert Enrolment.objects.count() == 0


def test_register_post_with_a_nul_character_is_refused(client: Client):
    edition = edition_create()
    data = {
        "name": "No\x00ra",
        "email": "nora@example.org",
        "profession": "nurse",
        "language": "nl",
    }

    response = client.post(register_url(edition), data)

    assert response.status_code == 400
    assert Enrolment.objects.count() == 0


def test_register_post_for_a_closed_edition_says_so(client: Client):
    edition = edition_create(deadline=timezone.now() - timedelta(hours=1))
    data = {"name": "Nora", "email": "nora@example.org", "profession": "nurse", "language": "nl"}

    response = client.post(register_url(edition), data)

    assert response.status_code == 400
    assert "Registration for this course is closed." in response.content.decode()
    assert Enrolment.objects.count() == 0


def test_register_post_twice_with_the_same_address_shows_an_error(client: Client):
    edition = edition_create()
    data = {"name": "Nora", "email": "nora@example.org", "profession": "nurse", "language": "nl"}
    client.post(register_url(edition), data)

    response = client.post(register_url(edition), {**data, "email": "NORA@example.org"})

    assert response.status_code == 400
    assert "already registered for this course" in response.content.decode()
    assert Enrolment.objects.count() == 1


def test_participant_page_shows_status_sessions_and_links(
    client: Client, django_assert_max_num_queries
):
    edition = edition_create()
    session_create(edition=edition, online_url="https://meet.example.org/room")
    session_create(edition=edition, starts_at=timezone.now() + timedelta(days=21))
    enrolment = enrolment_create(edition=edition)

    with django_assert_max_num_queries(12):
        response = client.get(page_url(enrolment))

    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert "Place confirmed" in html
    assert "https://meet.example.org/room" in html
    assert page_url(enrolment, "training:enrolment_ical") in html
    assert page_url(enrolment, "training:enrolment_cancel") in html


def test_participant_page_hides_the_online_link_from_people_waiting(client: Client):
    edition = edition_create()
    session_create(edition=edition, online_url="https://meet.example.org/room")
    enrolment_create(edition=edition)
    waiting = enrolment_create(edition=edition, status=Registration.WAITING)

    html = client.get(page_url(waiting)).content.decode()

    assert "https://meet.example.org/room" not in html
    assert "You are number 1 on the waiting list." in html
    assert page_url(waiting, "training:enrolment_ical") not in html


def test_participant_page_links_todays_evaluation_the_certificate_and_check_in(client: Client):
    edition = edition_create()
    # A session all day today: it is today, and not over, whenever the test runs.
    midnight = timezone.localtime().replace(hour=0, minute=0, second=1, microsecond=0)
    today = session_create(edition=edition, starts_at=midnight, hours=23.99)
    enrolment = enrolment_create(edition=edition)
    Certificate.objects.create(enrolment=enrolment, hours=3, issued_on=timezone.localdate())

    html = client.get(page_url(enrolment)).content.decode()

    with translation.override("en"):
        evaluate = reverse("training:evaluate", kwargs={"token": today.evaluation_token})
    assert f'href="{evaluate}"' in html
    assert f'href="{page_url(enrolment, "training:certificate")}"' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html


def test_participant_page_of_a_waiting_person_has_no_check_in_or_evaluation(client: Client):
    edition = edition_create(capacity=1)
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    today = session_create(edition=edition, starts_at=noon)
    enrolment_create(edition=edition)
    waiting = enrolment_create(edition=edition, status=Registration.WAITING)

    html = client.get(page_url(waiting)).content.decode()

    assert today.evaluation_token not in html
    assert "<svg" not in html
    assert page_url(waiting, "training:certificate") not in html


def test_participant_page_offers_the_certificate_once_the_edition_is_over(client: Client):
    edition = edition_create(deadline=timezone.now() - timedelta(days=3))
    session_create(edition=edition, starts_at=timezone.now() - timedelta(days=2))
    enrolment = enrolment_create(edition=edition)

    html = client.get(page_url(enrolment)).content.decode()

    assert page_url(enrolment, "training:certificate") in html
    assert page_url(enrolment, "training:enrolment_cancel") not in html


def test_unknown_token_is_404(client: Client):
    for name in ("enrolment", "enrolment_ical", "enrolment_cancel"):
        with translation.override("en"):
            url = reverse(f"training:{name}", kwargs={"token": "A" * 32})
        assert client.get(url).status_code == 404
        assert client.post(url).status_code in (404, 405)


def test_calendar_download_has_every_session(client: Client):
    edition = edition_create()
    first = session_create(edition=edition, starts_at=later(days=14))
    second = session_create(edition=edition, starts_at=later(days=30))
    enrolment = enrolment_create(edition=edition)

    response = client.get(page_url(enrolment, "training:enrolment_ical"))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [first.starts_at, second.starts_at]


def test_cancel_asks_first_then_cancels_on_post(client: Client, django_capture_on_commit_callbacks):
    edition = edition_create()
    enrolment = enrolment_create(edition=edition)
    url = page_url(enrolment, "training:enrolment_cancel")

    asked = client.get(url)
    enrolment.refresh_from_db()
    assert asked.status_code == 200
    assert "Yes, cancel my registration" in asked.content.decode()
    assert enrolment.status == Registration.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    enrolment.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == page_url(enrolment)
    assert enrolment.status == Registration.CANCELLED
    assert len(mail.outbox) == 1
    assert client.post(url).status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("session_count", [1, 3])
def test_pages_query_count_does_not_grow_with_sessions(
    client: Client, django_assert_num_queries, session_count
):
    edition = edition_create()
    for n in range(session_count):
        session_create(edition=edition, starts_at=later(days=14 + n))
    enrolment = enrolment_create(edition=edition)

    with django_assert_num_queries(QUERIES_PARTICIPANT_PAGE):
        client.get(page_url(enrolment))
    with django_assert_num_queries(QUERIES_REGISTER_PAGE):
        client.get(register_url(edition))
