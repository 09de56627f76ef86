"""A service's capacity for new referrals (issue #15): the one write path with its checks and
audit event, and the public service page that shows it with its date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from beoncosup.accounts.testing import user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.directory.enums import CapacityStatus, WaitingBand
from beoncosup.directory.models import Organization, Service, ServiceCapacity
from beoncosup.directory.selectors import capacity_loaded, capacity_of
from beoncosup.directory.services import capacity_set

pytestmark = pytest.mark.django_db

DECEMBER_3 = dt.date(2026, 12, 3)


def shown(day: dt.date) -> str:
    """The date as English pages write it (the locale's DATE_FORMAT)."""
    with translation.override("en"):
        return date_format(day, "DATE_FORMAT")


@pytest.fixture
def service() -> Service:
    organization = Organization.objects.create(name={"nl": "Vzw Test"})
    created: Service = Service.objects.create(
        organization=organization, name={"nl": "Praatgroep", "en": "Talk group"}, description={}
    )
    return created


def page(client: Client, service: Service) -> str:
    with translation.override("en"):
        url = reverse("directory:service", kwargs={"service_id": service.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# ------------------------------------------------------------ the service


def test_capacity_set_states_today_by_default_and_records_who(service):
    staff = user_create("staff@provider.example")

    capacity = capacity_set(service=service, status=CapacityStatus.CLOSED, actor=staff)

    assert capacity.as_of == timezone.localdate()
    assert capacity.updated_by == staff
    assert capacity_of(service) == capacity
    event = AuditEvent.objects.get(action="directory.capacity_set")
    assert event.actor == staff
    assert event.target_id == str(service.pk)
    assert event.detail == {
        "status": "closed",
        "waiting_band": "",
        "as_of": timezone.localdate().isoformat(),
        "previous": None,
    }


def test_capacity_set_updates_the_one_row_and_keeps_the_previous_value_in_the_log(service):
    capacity_set(service=service, status=CapacityStatus.CLOSED, as_of=DECEMBER_3)

    capacity_set(
        service=service,
        status=CapacityStatus.WAITING_LIST,
        waiting_band=WaitingBand.ONE_TO_THREE_MONTHS,
        as_of=DECEMBER_3,
    )

    assert ServiceCapacity.objects.count() == 1
    stored = ServiceCapacity.objects.get()
    assert (stored.status, stored.waiting_band) == ("waiting_list", "one_to_three_months")
    last = AuditEvent.objects.filter(action="directory.capacity_set").order_by("-pk").first()
    assert last is not None
    assert last.detail["previous"] == {"status": "closed", "waiting_band": ""}


@pytest.mark.parametrize(
    ("status", "band", "as_of", "field"),
    [
        ("waiting_list", "", None, "waiting_band"),  # a waiting list needs its band
        ("open", "under_1_month", None, "waiting_band"),  # a band only with a waiting list
        ("waiting_list", "next_year", None, "waiting_band"),
        ("full", "", None, "status"),
        ("open", "", timezone.localdate() + dt.timedelta(days=1), "as_of"),
    ],
)
def test_capacity_set_refuses_wrong_input_and_changes_nothing(service, status, band, as_of, field):
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        capacity_set(service=service, status=status, waiting_band=band, as_of=as_of)

    assert list(raised.value.message_dict) == [field]
    assert ServiceCapacity.objects.count() == 0
    assert not AuditEvent.objects.filter(action="directory.capacity_set").exists()


def test_a_deleted_service_takes_its_capacity_along(service):
    capacity_set(service=service, status=CapacityStatus.OPEN)

    service.delete()

    assert ServiceCapacity.objects.count() == 0


# ------------------------------------------------------------ reading it


def test_capacity_loaded_never_queries(service, django_assert_num_queries):
    capacity_set(service=service, status=CapacityStatus.CLOSED)
    plain = Service.objects.get(pk=service.pk)
    joined = Service.objects.select_related("capacity").get(pk=service.pk)
    not_stated = Service.objects.create(organization=service.organization, name={}, description={})
    joined_not_stated = Service.objects.select_related("capacity").get(pk=not_stated.pk)

    with django_assert_num_queries(0):
        assert capacity_loaded(plain) is None  # not read with the service
        loaded = capacity_loaded(joined)
        assert capacity_loaded(joined_not_stated) is None
    assert loaded is not None
    assert loaded.status == "closed"


# ------------------------------------------------------------ the public page


def test_the_service_page_shows_a_waiting_list_with_its_band_and_date(client, service):
    capacity_set(
        service=service,
        status=CapacityStatus.WAITING_LIST,
        waiting_band=WaitingBand.ONE_TO_THREE_MONTHS,
        as_of=DECEMBER_3,
    )

    html = page(client, service)

    assert f"Waiting list: 1–3 months (as of {shown(DECEMBER_3)})" in html


def test_the_service_page_says_since_when_it_takes_no_new_referrals(client, service):
    capacity_set(service=service, status=CapacityStatus.CLOSED, as_of=DECEMBER_3)

    assert f"Not taking new referrals since {shown(DECEMBER_3)}" in page(client, service)


def test_the_service_page_says_it_is_open_with_the_date(client, service):
    capacity_set(service=service, status=CapacityStatus.OPEN, as_of=DECEMBER_3)

    assert f"Open to new referrals (as of {shown(DECEMBER_3)})" in page(client, service)


def test_the_service_page_says_nothing_when_no_capacity_was_stated(client, service):
    html = page(client, service)

    assert "New referrals" not in html
    assert "Waiting list" not in html
    assert "Open to new referrals" not in html


def test_the_service_page_reads_the_capacity_with_the_service(client, service):
    with translation.override("en"):
        url = reverse("directory:service", kwargs={"service_id": service.pk})
    client.get(url)  # caches warmed (site, locales)
    with CaptureQueriesContext(connection) as not_stated:
        client.get(url)
    capacity_set(service=service, status=CapacityStatus.CLOSED, as_of=DECEMBER_3)

    with CaptureQueriesContext(connection) as stated:
        response = client.get(url)

    assert "Not taking new referrals since" in response.content.decode()
    assert len(stated) == len(not_stated)
