"""Expressing interest safely: the relayed message holds exactly what the person wrote and the
offer; nothing is kept but the offer and the date; a visit sends at most five an hour."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.audit.models import AuditEvent
from beoncosup.jobs.models import ContactLog, JobOffer
from beoncosup.jobs.tests.factories import employer_make, offer_make

pytestmark = pytest.mark.django_db

MESSAGE = "Ik heb tien jaar ervaring in administratie en wil graag 20 uur per week werken."


@pytest.fixture
def offer() -> JobOffer:
    return offer_make(
        employer_make(contact_email="hanne@haven.example", language="nl"),
        title="Trial placement in administration",
    )


def send(client: Client, offer: JobOffer, capture: Any, **changes: str) -> Any:
    data = {
        "name": "Sam Peeters",
        "reply_email": "sam@example.org",
        "reply_phone": "",
        "message": MESSAGE,
        **changes,
    }
    with capture(execute=True):
        return client.post(f"/en/work/jobs/{offer.pk}/contact/", data)


def test_the_page_says_only_what_is_written_is_sent(client: Client, offer: JobOffer) -> None:
    html = client.get(f"/en/work/jobs/{offer.pk}/contact/").content.decode()

    assert "You do not need to mention your health or your illness." in html
    assert "We send the employer exactly what you write below" in html
    # No field asks about health: name, reply address or phone, message.
    form = html[html.index('<form method="post"') :]
    form = form[: form.index("</form>")]
    fields = set(re.findall(r'<(?:input|textarea|select)[^>]* name="([a-z_]+)"', form))
    assert fields == {"csrfmiddlewaretoken", "name", "reply_email", "reply_phone", "message"}


def test_the_employer_receives_exactly_what_the_person_wrote_and_the_offer(
    client: Client, offer: JobOffer, django_capture_on_commit_callbacks: Any
) -> None:
    response = send(client, offer, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["hanne@haven.example"]
    assert message.reply_to == ["sam@example.org"]  # the employer answers the person directly
    body = message.body
    assert "Sam Peeters" in body
    assert "sam@example.org" in body
    assert MESSAGE in body
    with translation.override("nl"):
        offer_path = reverse("jobs:offer", kwargs={"offer_id": offer.pk})
    assert offer_path in body  # the offer, in the employer's language (/nl/werk/vacatures/…)
    # Nothing else about the person: take away the frame and what they wrote, nothing is left.
    rest = body
    for written in ("Sam Peeters", "sam@example.org", MESSAGE, offer_path):
        rest = rest.replace(written, "")
    assert "@" not in rest
    assert "+32" not in rest


def test_only_an_offer_and_a_date_are_kept(
    client: Client, offer: JobOffer, django_capture_on_commit_callbacks: Any
) -> None:
    send(client, offer, django_capture_on_commit_callbacks)

    [log] = ContactLog.objects.values()
    assert set(log) == {"id", "offer_id", "channel", "created_at"}
    [event] = AuditEvent.objects.filter(action="jobs.contact_relayed").values()
    flattened = str(event)
    assert (
        "Sam" not in flattened
        and "sam@example.org" not in flattened
        and "tien jaar" not in flattened
    )
    assert event["ip_address"] is None


def test_a_phone_number_alone_is_enough_for_the_reply(
    client: Client, offer: JobOffer, django_capture_on_commit_callbacks: Any
) -> None:
    response = send(
        client,
        offer,
        django_capture_on_commit_callbacks,
        reply_email="",
        reply_phone="0470 12 34 56",
    )

    assert response.status_code == 302
    assert "+32470123456" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == []


@pytest.mark.parametrize(
    "changes",
    [
        {"reply_email": "", "reply_phone": ""},
        {"reply_email": "not-an-address"},
        {"reply_phone": "12", "reply_email": ""},
        {"message": ""},
        {"name": ""},
    ],
)
def test_a_bad_message_is_not_sent(
    client: Client,
    offer: JobOffer,
    django_capture_on_commit_callbacks: Any,
    changes: dict[str, str],
) -> None:
    response = send(client, offer, django_capture_on_commit_callbacks, **changes)

    assert response.status_code == 400
    assert mail.outbox == []
    assert ContactLog.objects.count() == 0


def test_a_visit_sends_at_most_five_messages_an_hour(
    client: Client, offer: JobOffer, django_capture_on_commit_callbacks: Any
) -> None:
    answers = [
        send(client, offer, django_capture_on_commit_callbacks).status_code for _ in range(6)
    ]

    assert answers == [302, 302, 302, 302, 302, 429]
    assert len(mail.outbox) == 5
    assert Client().get(f"/en/work/jobs/{offer.pk}/contact/").status_code == 200  # another visit


def test_the_coach_receives_the_offer_link(
    client: Client, offer: JobOffer, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/work/jobs/{offer.pk}/coach/",
            {"coach_email": "coach@vdab.example", "name": "Sam", "note": "Kan je bellen?"},
        )

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["coach@vdab.example"]
    assert f"/en/work/jobs/{offer.pk}/" in message.body
    assert "Kan je bellen?" in message.body
    assert "hanne@haven.example" not in message.body  # the employer's address stays private
    assert list(ContactLog.objects.values_list("channel", flat=True)) == ["coach"]


def test_no_contact_for_an_offer_that_is_not_public(client: Client) -> None:
    draft = offer_make(employer_make(), status="draft")

    assert client.get(f"/en/work/jobs/{draft.pk}/contact/").status_code == 404
    assert client.post(f"/en/work/jobs/{draft.pk}/coach/", {}).status_code == 404
