"""The contacts: the participation app's selector, deleting one's address, the retention purge;
and the sections other apps add to the pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString

from beoncosup.audit.models import AuditEvent
from beoncosup.consultations import extensions
from beoncosup.consultations.models import Answer, Consultation, Contact, Response
from beoncosup.consultations.selectors.contacts import ContactRecipient, contact_recipients
from beoncosup.consultations.services.contacts import contact_add
from beoncosup.consultations.services.results import results_publish
from beoncosup.consultations.services.retention import consultation_contacts_purge
from beoncosup.consultations.tests.factories import consultation_create, responses_create

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"consultations:{name}", kwargs=kwargs or None)


def closed(days_ago: int) -> Consultation:
    now = timezone.now()
    return consultation_create(
        opens_at=now - dt.timedelta(days=days_ago + 30),
        closes_at=now - dt.timedelta(days=days_ago),
    )


def test_contact_recipients_one_per_address_with_a_language_path() -> None:
    first, second, other = consultation_create(), consultation_create(), consultation_create()
    nl = contact_add(consultation=first, email="an@example.org", language="nl")
    contact_add(consultation=second, email="AN@example.org", language="fr")
    fr = contact_add(consultation=second, email="bea@example.org", language="fr")
    contact_add(consultation=other, email="carl@example.org", language="de")

    found = contact_recipients(consultation_ids=iter([first.pk, second.pk]))

    assert found == [
        ContactRecipient("an@example.org", "nl", url("unsubscribe", "nl", token=nl.token)),
        ContactRecipient("bea@example.org", "fr", url("unsubscribe", "fr", token=fr.token)),
    ]
    assert found[0].unsubscribe_url_path.startswith("/nl/")


def test_contact_recipients_of_no_consultation_is_empty() -> None:
    assert contact_recipients(consultation_ids=[]) == []


def test_unsubscribe_asks_then_deletes_every_contact_of_the_address(client) -> None:
    first, second = consultation_create(), consultation_create()
    contact = contact_add(consultation=first, email="an@example.org", language="en")
    contact_add(consultation=second, email="an@example.org", language="en")
    kept = contact_add(consultation=second, email="bea@example.org", language="en")
    responses_create(first, count=2)

    asked = client.get(url("unsubscribe", token=contact.token))
    done = client.post(url("unsubscribe", token=contact.token))

    assert asked.status_code == 200
    assert "Delete my e-mail address" in asked.content.decode()
    assert done.status_code == 200
    assert "Your e-mail address is deleted" in done.content.decode()
    assert list(Contact.objects.all()) == [kept]
    assert Response.objects.count() == 2
    assert AuditEvent.objects.get(action="consultations.contact_unsubscribed").detail == {
        "deleted": 2
    }


def test_unsubscribe_with_an_unknown_token(client) -> None:
    assert client.get(url("unsubscribe", token="unknown")).status_code == 404
    assert client.post(url("unsubscribe", token="unknown")).status_code == 200


def test_purge_deletes_contacts_and_written_answers_after_the_retention(settings) -> None:
    settings.BEONCOSUP_CONSULTATION_CONTACT_DAYS = 100
    old, recent = closed(days_ago=101), closed(days_ago=99)
    for consultation in (old, recent):
        contact_add(consultation=consultation, email="an@example.org", language="en")
        responses_create(consultation, count=2, text="A tip", open_text="More")

    purged = consultation_contacts_purge()

    assert (purged.contacts, purged.texts) == (1, 4)
    assert list(Contact.objects.values_list("consultation", flat=True)) == [recent.pk]
    assert set(
        Answer.objects.filter(response__consultation=old).values_list("text", flat=True)
    ) == {""}
    assert Response.objects.filter(consultation=old).exclude(open_text="").count() == 0
    assert Answer.objects.filter(response__consultation=recent, text="A tip").count() == 2
    assert Answer.objects.filter(response__consultation=old).exclude(choices=[]).count() == 2
    assert Answer.objects.filter(response__consultation=old, scale=4).count() == 2


def test_purge_uses_730_days_by_default(settings) -> None:
    if hasattr(settings, "BEONCOSUP_CONSULTATION_CONTACT_DAYS"):
        del settings.BEONCOSUP_CONSULTATION_CONTACT_DAYS
    old, recent = closed(days_ago=731), closed(days_ago=729)
    for consultation in (old, recent):
        contact_add(consultation=consultation, email="an@example.org", language="en")

    consultation_contacts_purge()

    assert list(Contact.objects.values_list("consultation", flat=True)) == [recent.pk]


def test_purge_command_runs_the_task(settings) -> None:
    settings.BEONCOSUP_CONSULTATION_CONTACT_DAYS = 10
    contact_add(consultation=closed(days_ago=11), email="an@example.org", language="en")

    call_command("purge_consultation_contacts")

    assert Contact.objects.count() == 0


@pytest.fixture
def section() -> Iterator[None]:
    def what_was_done(request: HttpRequest, consultation: Consultation) -> SafeString:
        return format_html("<section><h2>What was done</h2><p>{}</p></section>", consultation.slug)

    def nothing(request: HttpRequest, consultation: Consultation) -> SafeString:
        return SafeString("")

    saved = dict(extensions._sections)
    extensions.consultation_section_register(what_was_done)
    extensions.consultation_section_register(what_was_done)  # again: replaces, not twice
    extensions.consultation_section_register(nothing)
    yield
    extensions._sections.clear()
    extensions._sections.update(saved)


def test_registered_sections_show_on_the_detail_and_results_pages(client, section) -> None:
    consultation = closed(days_ago=1)
    results_publish(consultation=consultation, summary={"en": "S"}, actor=None)

    for name in ("detail", "results"):
        page = client.get(url(name, slug=consultation.slug)).content.decode()
        assert page.count("<h2>What was done</h2>") == 1
        assert f"<p>{consultation.slug}</p>" in page
