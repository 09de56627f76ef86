"""The capacity page of provider staff (issue #15): who may use it, the form's checks, and the
provider home that links to it without more queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.directory.models import Service, ServiceCapacity
from beoncosup.directory.services import capacity_set
from beoncosup.providers.tests.factories import editor, listing_with_service, provider

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"providers:{name}", kwargs=kwargs or None)


def staff() -> Any:
    return get_user_model().objects.get(email="staff@provider.example")


@pytest.fixture
def held() -> Service:
    service = listing_with_service()
    provider(holds=service.organization)
    return service


@pytest.fixture
def staff_client(client, held):
    return signed_in(client, staff())


def page(service: Service) -> str:
    return url("capacity", service_id=service.pk)


# ------------------------------------------------------------ who may use it


def test_anonymous_is_sent_to_sign_in(client, held):
    for response in (client.get(page(held)), client.post(page(held), {"status": "closed"})):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert ServiceCapacity.objects.count() == 0


def test_signed_in_without_the_provider_role_gets_403(client, held):
    signed_in(client, user_create("nobody@example.org"), mfa=False)

    assert client.get(page(held)).status_code == 403
    assert client.post(page(held), {"status": "closed"}).status_code == 403
    assert ServiceCapacity.objects.count() == 0


def test_an_editor_gets_403(client, held):
    signed_in(client, editor())

    assert client.get(page(held)).status_code == 403


def test_staff_of_another_provider_get_404_and_change_nothing(client, held):
    other = listing_with_service("Ander", service_name="Yoga")
    provider("other@provider.example", name="Ander vzw", holds=other.organization)
    signed_in(client, get_user_model().objects.get(email="other@provider.example"))

    assert client.get(page(held)).status_code == 404
    assert client.post(page(held), {"status": "closed"}).status_code == 404
    assert ServiceCapacity.objects.count() == 0
    assert client.get(page(other)).status_code == 200  # their own service


def test_an_unknown_service_is_404(staff_client):
    missing = "00000000-0000-0000-0000-000000000000"

    assert staff_client.get(url("capacity", service_id=missing)).status_code == 404


# ------------------------------------------------------------ the form


def test_the_form_starts_from_today_when_nothing_was_stated(staff_client, held):
    response = staff_client.get(page(held))

    assert response.status_code == 200
    assert response.context["form"].initial == {"as_of": timezone.localdate()}
    html = response.content.decode()
    assert "not stated" in html
    assert 'name="status"' in html
    assert 'name="waiting_band"' in html


def test_staff_set_a_waiting_list(staff_client, held):
    as_of = timezone.localdate() - dt.timedelta(days=2)

    response = staff_client.post(
        page(held),
        {"status": "waiting_list", "waiting_band": "one_to_three_months", "as_of": as_of},
    )

    assert response.status_code == 302
    assert response["Location"] == url("home")
    capacity = ServiceCapacity.objects.get(service=held)
    assert (capacity.status, capacity.waiting_band, capacity.as_of) == (
        "waiting_list",
        "one_to_three_months",
        as_of,
    )
    assert capacity.updated_by == staff()
    event = AuditEvent.objects.get(action="directory.capacity_set")
    assert event.actor == staff()


def test_closing_drops_a_band_left_chosen_and_defaults_to_today(staff_client, held):
    response = staff_client.post(
        page(held), {"status": "closed", "waiting_band": "under_1_month", "as_of": ""}
    )

    assert response.status_code == 302
    capacity = ServiceCapacity.objects.get(service=held)
    assert (capacity.status, capacity.waiting_band) == ("closed", "")
    assert capacity.as_of == timezone.localdate()


def test_the_form_shows_the_stated_capacity(staff_client, held):
    capacity_set(service=held, status="closed", as_of=dt.date(2026, 1, 5))

    response = staff_client.get(page(held))

    assert response.context["form"].initial["status"] == "closed"
    assert "Not taking new referrals since" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"status": "waiting_list", "as_of": ""}, "waiting_band"),
        ({"as_of": ""}, "status"),
        ({"status": "full"}, "status"),
        ({"status": "waiting_list", "waiting_band": "years"}, "waiting_band"),
        ({"status": "open", "as_of": "3 december"}, "as_of"),
        ({"status": "open", "as_of": "2099-01-01"}, "as_of"),
    ],
)
def test_bad_input_shows_the_form_again_and_changes_nothing(staff_client, held, data, field):
    response = staff_client.post(page(held), data)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}"' in html
    assert ServiceCapacity.objects.count() == 0
    assert not AuditEvent.objects.filter(action="directory.capacity_set").exists()


@pytest.mark.parametrize("data", [{"status": "open\x00"}, {"status": "open", "as_of": "\x00"}])
def test_nul_characters_are_refused_without_a_change(staff_client, held, data):
    # The core middleware answers 400 before the view for any NUL (PostgreSQL refuses them).
    response = staff_client.post(page(held), data)

    assert response.status_code == 400
    assert ServiceCapacity.objects.count() == 0


# ------------------------------------------------------------ the provider home


def test_the_provider_home_links_each_service_to_its_capacity_page(staff_client, held):
    second = Service.objects.create(
        organization=held.organization, name={"nl": "Tweede"}, description={}
    )

    html = staff_client.get(url("home")).content.decode()

    assert f'href="{page(held)}"' in html
    assert f'href="{page(second)}"' in html


def test_the_provider_home_query_count_does_not_grow_with_services_and_capacities(client):
    first = listing_with_service()
    provider(holds=first.organization)
    signed_in(client, staff())
    client.get(url("home"))  # caches warmed
    with CaptureQueriesContext(connection) as one_service:
        client.get(url("home"))
    capacity_set(service=first, status="closed")
    for index in range(2):
        extra = Service.objects.create(
            organization=first.organization, name={"nl": f"Dienst {index}"}, description={}
        )
        capacity_set(service=extra, status="open")

    with CaptureQueriesContext(connection) as three_services:
        response = client.get(url("home"))

    assert len(response.context["rows"]) == 3
    assert len(three_services) == len(one_service)
