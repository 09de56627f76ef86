"""The public form: short, validated, refusing repeats and unknown records; what it keeps."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import translation

from beoncosup.audit.models import AuditEvent
from beoncosup.feedback.codes import Status
from beoncosup.feedback.models import TEXT_MAX_LENGTH, Report
from beoncosup.feedback.services.reports import SESSION_DAILY_LIMIT
from beoncosup.feedback.tests.factories import held_service

pytestmark = pytest.mark.django_db


def form_url(service: Any, language: str = "nl", kind: str = "service") -> str:
    with translation.override(language):
        return reverse("feedback:report", kwargs={"kind": kind, "object_id": str(service.pk)})


def data(**overrides: str) -> dict[str, str]:
    return {"category": "contact", "text": "Het nummer is nu 09 555 55 55.", **overrides}


def test_the_form_names_the_record_and_links_back(client):
    service = held_service().service

    response = client.get(form_url(service))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Praatgroep" in content
    assert 'name="category"' in content and 'name="text"' in content
    assert reverse("directory:service", kwargs={"service_id": str(service.pk)}) in content


def test_a_report_is_stored_and_the_visitor_sent_to_its_status_page(
    client, django_capture_on_commit_callbacks, caplog
):
    service = held_service().service
    caplog.set_level(logging.DEBUG)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(service, "fr"), data(contact_email="reporter@example.org"))

    report = Report.objects.get()
    assert response.status_code == 302
    with translation.override("fr"):
        assert response["Location"] == reverse("feedback:status", kwargs={"token": report.token})
    assert (report.kind, report.object_id, report.status) == ("service", str(service.pk), "new")
    assert (report.language, report.target_title) == ("fr", "Praatgroep")
    assert report.contact_email == "reporter@example.org"
    # Encrypted at rest; neither the text nor the address reaches a log or the audit trail.
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact_email FROM feedback_report WHERE id = %s", [report.pk])
        assert cursor.fetchone()[0].startswith("enc1:")
    assert "09 555 55 55" not in caplog.text and "reporter@example.org" not in caplog.text
    event = AuditEvent.objects.get(action="feedback.report_created")
    assert event.detail == {"kind": "service", "object_id": str(service.pk), "category": "contact"}
    assert event.actor is None and not event.ip_address
    # The reporter gets the status link, in French.
    assert [m.to for m in mail.outbox] == [["reporter@example.org"]]
    assert report.token in mail.outbox[0].body


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * (TEXT_MAX_LENGTH + 1)}, "text"),
        ({"category": "nonsense"}, "category"),
        ({"contact_email": "not-an-address"}, "contact_email"),
    ],
)
def test_wrong_input_shows_the_form_again_and_stores_nothing(client, fields, field):
    service = held_service().service

    response = client.post(form_url(service), data(**fields))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Report.objects.count() == 0


def test_a_nul_character_is_refused(client):
    service = held_service().service

    response = client.post(form_url(service), data(text="Het nummer\x00 klopt niet"))

    assert response.status_code == 400
    assert Report.objects.count() == 0


@pytest.mark.parametrize("object_id", ["not-a-uuid", "7bbaa170-5d72-4927-bd07-4f98a2409d5d"])
def test_an_unknown_record_is_not_found(client, object_id):
    with translation.override("nl"):
        url = reverse("feedback:report", kwargs={"kind": "service", "object_id": object_id})

    assert client.get(url).status_code == 404
    assert client.post(url, data()).status_code == 404
    assert Report.objects.count() == 0


def test_an_unknown_kind_is_not_found(client):
    service = held_service().service

    assert client.get(form_url(service, kind="recipe")).status_code == 404


def test_the_same_report_again_from_the_same_session_is_refused(client):
    service = held_service().service
    client.post(form_url(service, "en"), data())

    response = client.post(form_url(service, "en"), data(text="  het nummer is NU 09 555 55 55. "))

    assert response.status_code == 400
    assert "already sent today" in str(response.context["form"].non_field_errors())
    assert Report.objects.count() == 1


def test_the_same_report_from_another_visitor_the_same_day_is_refused(client):
    service = held_service().service
    client.post(form_url(service), data())
    client.cookies.clear()

    response = client.post(form_url(service), data())

    assert response.status_code == 400
    assert Report.objects.count() == 1


def test_a_different_report_on_the_same_record_is_accepted(client):
    service = held_service().service
    client.post(form_url(service), data())

    response = client.post(form_url(service), data(category="hours", text="Ook op vrijdag."))

    assert response.status_code == 302
    assert Report.objects.count() == 2


def test_a_session_sends_a_limited_number_of_reports_a_day(client):
    service = held_service().service
    for number in range(SESSION_DAILY_LIMIT):
        assert client.post(form_url(service), data(text=f"Fout {number}")).status_code == 302

    response = client.post(form_url(service), data(text="Nog een"))

    assert response.status_code == 400
    assert Report.objects.count() == SESSION_DAILY_LIMIT


def test_a_filled_hidden_field_stores_nothing(client):
    service = held_service().service

    response = client.post(form_url(service), data(website="https://spam.example"))

    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_a_report_on_a_demo_service_is_demo(client):
    service = held_service().service
    service.is_demo = True
    service.save()

    client.post(form_url(service), data())

    assert Report.objects.get().is_demo is True
    assert Report.objects.get().status == Status.NEW


def test_an_empty_post_shows_the_errors(client):
    service = held_service().service

    response = client.post(form_url(service), {})

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"category", "text"}
    assert "error-summary" in response.content.decode()
