"""The reporter's status page: found by its token alone, with the status, dates and answer."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from beoncosup.feedback.codes import Status
from beoncosup.feedback.tests.factories import held_service, report_make

pytestmark = pytest.mark.django_db


def status_url(token: str, language: str = "nl") -> str:
    with translation.override(language):
        return reverse("feedback:status", kwargs={"token": token})


def test_the_status_page_shows_the_report_without_an_account(client):
    service = held_service().service
    report = report_make(object_id=service.pk, status=Status.RESOLVED)
    report.resolution_note = "Het nummer is aangepast."
    report.save()

    response = client.get(status_url(report.token, "en"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Corrected" in content
    assert "Het nummer is aangepast." in content
    assert "Het telefoonnummer klopt niet." in content
    assert "Praatgroep" in content
    assert "Closed on" in content
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_new_report_says_it_was_received(client):
    report = report_make(object_id=held_service().service.pk)

    content = client.get(status_url(report.token, "en")).content.decode()

    assert "Received" in content
    assert "Closed on" not in content


def test_a_report_on_a_deleted_record_still_shows(client):
    report = report_make(object_id="00000000-0000-0000-0000-000000000000", title="Oude dienst")

    response = client.get(status_url(report.token, "en"))

    assert response.status_code == 200
    assert "Oude dienst" in response.content.decode()


@pytest.mark.parametrize("token", ["unknown", "x" * 80])
def test_an_unknown_token_is_not_found(client, token):
    report_make(object_id=held_service().service.pk)

    assert client.get(status_url(token)).status_code == 404


def test_the_status_page_reads_in_few_queries(client, django_assert_max_num_queries):
    report = report_make(object_id=held_service().service.pk)

    with django_assert_max_num_queries(6):
        client.get(status_url(report.token))
