"""The moderation queue: editors see every report, provider staff those on the records their
organisation holds; everyone else is refused (or, for another organisation's report, does not
find it)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.feedback.codes import Status
from beoncosup.feedback.tests.factories import held_service, report_make
from beoncosup.providers.tests.factories import editor

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"feedback:{name}", kwargs=kwargs or None)


@pytest.fixture
def two_providers():
    mine = held_service()
    other = held_service(
        "Ander Steunpunt",
        service_name="Wandelgroep",
        staff_email="other@provider.example",
        provider_name="Ander vzw",
    )
    return mine, other


def test_editors_see_every_report_with_the_counts_per_record(client, two_providers):
    mine, other = two_providers
    report_make(object_id=mine.service.pk)
    report_make(object_id=mine.service.pk, status=Status.RESOLVED, text="Oud")
    report_make(object_id=other.service.pk, title="Wandelgroep")
    signed_in(client, editor())

    response = client.get(url("queue"))

    content = response.content.decode()
    assert response.status_code == 200
    assert [row["report"].object_id for row in response.context["rows"]].count(
        str(mine.service.pk)
    ) == 2
    assert "Wandelgroep" in content
    assert "1 open of 2" in content  # the counts per record
    # Most open first, then most reports.
    assert [(i.object_id, i.open, i.total) for i in response.context["most_open"]] == [
        (str(mine.service.pk), 1, 2),
        (str(other.service.pk), 1, 1),
    ]


def test_provider_staff_see_only_the_reports_on_their_records(client, two_providers):
    mine, other = two_providers
    report_make(object_id=mine.service.pk)
    report_make(kind="organization", object_id=mine.service.organization_id, title="Steunpunt")
    report_make(object_id=other.service.pk, title="Wandelgroep")
    signed_in(client, mine.staff)

    response = client.get(url("queue"))

    assert response.status_code == 200
    assert sorted(row["report"].object_id for row in response.context["rows"]) == sorted(
        [str(mine.service.pk), str(mine.service.organization_id)]
    )
    assert "Wandelgroep" not in response.content.decode()
    assert response.context["show_counts"] is False


def test_another_organisations_report_is_not_found(client, two_providers):
    mine, other = two_providers
    theirs = report_make(object_id=other.service.pk)
    signed_in(client, mine.staff)

    assert client.get(url("report_detail", report_id=theirs.pk)).status_code == 404
    response = client.post(url("report_detail", report_id=theirs.pk), {"action": "take"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.NEW


def test_people_without_a_moderating_role_are_refused(client, two_providers):
    report = report_make(object_id=two_providers[0].service.pk)
    signed_in(client, user_create("someone@example.org"))

    assert client.get(url("queue")).status_code == 403
    assert client.get(url("report_detail", report_id=report.pk)).status_code == 403
    assert (
        client.get(
            url("record", kind="service", object_id=str(two_providers[0].service.pk))
        ).status_code
        == 403
    )


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(url("queue"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_provider_staff_do_not_see_the_counts_per_record(client, two_providers):
    mine, _other = two_providers
    signed_in(client, mine.staff)

    response = client.get(url("record", kind="service", object_id=str(mine.service.pk)))

    assert response.status_code == 403


def test_the_queue_filters_by_status_and_kind(client, two_providers):
    mine, _other = two_providers
    report_make(object_id=mine.service.pk)
    closed = report_make(object_id=mine.service.pk, status=Status.REJECTED, text="Oud")
    report_make(kind="organization", object_id=mine.service.organization_id)
    signed_in(client, editor())

    by_status = client.get(url("queue"), {"status": "rejected"})
    by_kind = client.get(url("queue"), {"kind": "organization"})
    wrong = client.get(url("queue"), {"status": "nonsense"})

    assert [row["report"] for row in by_status.context["rows"]] == [closed]
    assert [row["report"].kind for row in by_kind.context["rows"]] == ["organization"]
    assert wrong.status_code == 400


def test_the_record_page_counts_its_reports(client, two_providers):
    mine, _other = two_providers
    report_make(object_id=mine.service.pk)
    report_make(object_id=mine.service.pk, status=Status.RESOLVED, text="Oud")
    signed_in(client, editor())

    response = client.get(url("record", kind="service", object_id=str(mine.service.pk)))

    assert response.status_code == 200
    assert (response.context["counts"].open, response.context["counts"].total) == (1, 2)
    assert len(response.context["reports"]) == 2
    assert "/admin/snippets/directory/service/edit/" in response.content.decode()


def test_the_record_page_of_an_unknown_record_is_not_found(client):
    signed_in(client, editor())

    assert client.get(url("record", kind="service", object_id="nope")).status_code == 404
    assert client.get(url("record", kind="recipe", object_id="nope")).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_queue_reads_in_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    providers = [
        held_service(
            f"Steunpunt {n}",
            service_name=f"Dienst {n}",
            staff_email=f"s{n}@provider.example",
            provider_name=f"P{n}",
        )
        for n in range(count)
    ]
    for held in providers:
        report_make(object_id=held.service.pk)
        report_make(kind="organization", object_id=held.service.organization_id)
    signed_in(client, editor())

    with django_assert_max_num_queries(23):
        response = client.get(url("queue"))

    assert len(response.context["rows"]) == 2 * count


@pytest.mark.parametrize("count", [1, 3])
def test_the_providers_queue_reads_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    held = held_service()
    for n in range(count):
        report_make(object_id=held.service.pk, text=f"Fout {n}")
    signed_in(client, held.staff)

    with django_assert_max_num_queries(19):
        response = client.get(url("queue"))

    assert len(response.context["rows"]) == count


def test_the_providers_home_shows_the_open_reports(client):
    held = held_service()
    report_make(object_id=held.service.pk)
    report_make(object_id=held.service.pk, status=Status.RESOLVED, text="Oud")
    signed_in(client, held.staff)

    response = client.get(_providers_home())

    content = response.content.decode()
    assert "1 open report about your listings." in content
    assert url("queue") in content


def _providers_home() -> str:
    with translation.override("en"):
        return reverse("providers:home")


@pytest.mark.parametrize("count", [1, 3])
def test_the_record_page_reads_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    held = held_service()
    for n in range(count):
        report_make(object_id=held.service.pk, text=f"Fout {n}")
    signed_in(client, editor())

    with django_assert_max_num_queries(15):
        response = client.get(url("record", kind="service", object_id=str(held.service.pk)))

    assert len(response.context["reports"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_report_page_reads_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    held = held_service()
    reports = [report_make(object_id=held.service.pk, text=f"Fout {n}") for n in range(count)]
    signed_in(client, held.staff)

    with django_assert_max_num_queries(17):
        response = client.get(url("report_detail", report_id=reports[-1].pk))

    assert response.context["counts"] is None  # provider staff: no counts per record
