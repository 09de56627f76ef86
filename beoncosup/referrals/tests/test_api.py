"""``POST /api/v1/referrals`` and ``GET /api/v1/referrals/{id}`` with organisation tokens."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from beoncosup.accounts import services as account_services
from beoncosup.accounts.models import Organisation
from beoncosup.directory.enums import ServiceStatus
from beoncosup.referrals import services
from beoncosup.referrals.codes import Channel, Status
from beoncosup.referrals.models import Case, Consent, DataAccess, Referral
from beoncosup.referrals.selectors import case_for_token
from beoncosup.referrals.testing import NEEDS, World, referral_make, world_make

pytestmark = pytest.mark.django_db

URL = "/api/v1/referrals"


@pytest.fixture
def world() -> World:
    return world_make()


def bearer(organisation: Organisation) -> dict[str, Any]:
    admin = organisation.memberships.first()
    issued = account_services.api_token_create(
        organisation=organisation, name="EPD", created_by=admin.user if admin else None, days=30
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {issued.secret}"}


def body(world: World, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "service": str(world.service.pk),
        "needs": list(NEEDS),
        "reason": "Angst sinds de diagnose",
        "urgency": "soon",
        "language": "nl",
        "person": {
            "name": "An Peeters",
            "contact_method": "sms",
            "phone": "0470 12 34 56",
        },
        "consent": {
            "categories": ["needs", "contact"],
            "care_roles": ["oncocoach"],
            "purposes": ["referral"],
            "valid_until": (timezone.localdate() + dt.timedelta(days=90)).isoformat(),
            "method": "read_aloud",
            "statement_language": "nl",
        },
    }
    data.update(changes)
    return data


def post(client: Client, world: World, data: Any, headers: dict[str, Any]) -> Any:
    return client.post(URL, data, content_type="application/json", **headers)


def test_a_hospital_system_refers_with_consent(client: Client, world: World) -> None:
    response = post(client, world, body(world), bearer(world.hospital))

    assert response.status_code == 201, response.content
    answer = response.json()
    referral = Referral.objects.get()
    assert answer["id"] == str(referral.pk)
    assert answer["service"] == {"id": str(world.service.pk), "name": "Psycho-oncologie Gent"}
    assert answer["status"] == "requested" and answer["outcome"] is None
    assert answer["needs"] == list(NEEDS) and answer["urgency"] == "soon"
    assert answer["delivered"] is True
    assert answer["person"] == {
        "name": "An Peeters",
        "contact_method": "sms",
        "phone": "+32470123456",
        "email": "",
    }
    assert answer["consent"]["active"] is True
    assert answer["consent"]["categories"] == ["contact", "needs"]
    assert answer["history"] == [
        {
            "at": answer["history"][0]["at"],
            "status": "requested",
            "reason": None,
            "by": "AZ Voorbeeld",
        }
    ]
    token = answer["person_link"].rstrip("/").rsplit("/", 1)[-1]
    assert case_for_token(token) == referral.case
    assert referral.referrer is None and referral.referrer_organisation == world.hospital
    assert referral.events.get().channel == Channel.API
    assert referral.case is not None and referral.case.phone == "+32470123456"
    consent = Consent.objects.get()
    assert consent.method == "read_aloud" and consent.captured_by is None


def test_the_person_link_is_never_returned_again(client: Client, world: World) -> None:
    headers = bearer(world.hospital)
    created = post(client, world, body(world), headers).json()

    again = client.get(f"{URL}/{created['id']}", **headers)

    assert again.status_code == 200
    assert "person_link" not in again.json()
    assert created["person_link"] not in again.content.decode()


def test_without_consent_the_referral_is_anonymous(client: Client, world: World) -> None:
    data = body(world)
    del data["person"], data["consent"]

    response = post(client, world, data, bearer(world.hospital))

    assert response.status_code == 201, response.content
    answer = response.json()
    assert answer["delivered"] is False
    assert answer["person"] is None and answer["consent"] is None and answer["needs"] is None
    assert Case.objects.get().name == ""


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"needs": []}, "needs"),
        ({"needs": ["NOPE-NEED"]}, "needs"),
        ({"reason": "x" * 501}, "reason"),
        ({"urgency": "whenever"}, "urgency"),
        ({"language": "es"}, "language"),
        ({"colour": "blue"}, "colour"),
        ({"reason": "nul \x00 here"}, "body"),
        ({"consent": None}, "person"),  # a person without consent
        ({"person": None}, "person"),  # consent without a person
        ({"person": {"name": "An", "contact_method": "phone", "phone": "12"}}, "person.phone"),
        ({"person": {"name": "An", "contact_method": "email"}}, "person.email"),
        (
            {"person": {"name": "An", "contact_method": "email", "email": "not-an-address"}},
            "person.email",
        ),
        ({"person": {"name": "", "contact_method": "none"}}, "person.name"),
        ({"person": {"name": "An", "contact_method": "none", "age": 50}}, "person.age"),
    ],
)
def test_bad_input_is_422_naming_the_field_and_nothing_is_stored(
    client: Client, world: World, change: dict[str, Any], field: str
) -> None:
    data = body(world, **change)
    data = {key: value for key, value in data.items() if value is not None}

    response = post(client, world, data, bearer(world.hospital))

    assert response.status_code == 422, response.content
    assert field in response.json()["detail"]
    assert not Referral.objects.exists() and not Case.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"method": "own_device"}, "consent.method"),
        ({"categories": ["needs"]}, "consent.categories"),  # sms without sharing contact
        ({"valid_until": "2020-01-01"}, "consent.valid_until"),
        ({"purposes": []}, "consent.purposes"),
        ({"care_roles": ["astronaut"]}, "consent.care_roles"),
    ],
)
def test_bad_consent_is_422_naming_the_field(
    client: Client, world: World, change: dict[str, Any], field: str
) -> None:
    data = body(world)
    data["consent"] = {**data["consent"], **change}

    response = post(client, world, data, bearer(world.hospital))

    assert response.status_code == 422, response.content
    assert field in response.json()["detail"]
    assert not Referral.objects.exists()


def test_an_unknown_or_inactive_service_is_404(client: Client, world: World) -> None:
    headers = bearer(world.hospital)
    unknown = post(
        client, world, body(world, service="00000000-0000-4000-8000-000000000000"), headers
    )
    world.service.status = ServiceStatus.INACTIVE
    world.service.save()
    inactive = post(client, world, body(world), headers)

    assert unknown.status_code == 404 and inactive.status_code == 404
    assert not Referral.objects.exists()


def test_without_a_valid_token_it_is_401(client: Client, world: World) -> None:
    nothing = post(client, world, body(world), {})
    wrong = post(client, world, body(world), {"HTTP_AUTHORIZATION": "Bearer bos_wrong"})

    assert nothing.status_code == 401 and wrong.status_code == 401
    assert not Referral.objects.exists()


def test_an_organisation_without_professionals_cannot_refer(client: Client, world: World) -> None:
    response = post(client, world, body(world), bearer(world.provider))

    assert response.status_code == 403
    assert not Referral.objects.exists()


# ----------------------------------------------------------------- reading


def test_the_referrer_organisation_reads_it_and_the_read_is_logged(
    client: Client, world: World
) -> None:
    referral, _token = referral_make(world)

    response = client.get(f"{URL}/{referral.pk}", **bearer(world.hospital))

    assert response.status_code == 200
    assert response.json()["person"]["name"] == "An Peeters"
    access = DataAccess.objects.get()
    assert (access.what, access.channel, access.organisation_label) == (
        "api.referral",
        "api",
        "AZ Voorbeeld",
    )
    assert access.referral == referral and access.actor is None


def test_the_service_organisation_reads_it(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    services.referral_move(
        referral=referral,
        status=Status.REJECTED,
        reason_code="no_capacity",
        actor=world.staff,
        actor_label="Psycho-oncologie vzw",
        as_performer=True,
    )

    response = client.get(f"{URL}/{referral.pk}", **bearer(world.provider))

    assert response.status_code == 200
    answer = response.json()
    assert answer["status"] == "rejected" and answer["outcome"] == "no_capacity"
    assert [step["status"] for step in answer["history"]] == ["requested", "rejected"]
    assert answer["history"][1]["reason"] == "no_capacity"
    assert DataAccess.objects.filter(organisation_label="Psycho-oncologie vzw").count() == 1


def test_another_organisation_gets_404(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    other = Organisation.objects.get(name="Ander ziekenhuis")

    response = client.get(f"{URL}/{referral.pk}", **bearer(other))
    unknown = client.get(f"{URL}/00000000-0000-4000-8000-000000000000", **bearer(other))

    assert response.status_code == 404 and unknown.status_code == 404
    assert response.json() == unknown.json()
    assert not DataAccess.objects.exists()


def test_after_withdrawal_no_personal_data_and_no_log(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    assert referral.case is not None
    services.consent_withdraw(case=referral.case, channel=Channel.PERSON)

    response = client.get(f"{URL}/{referral.pk}", **bearer(world.provider))

    assert response.status_code == 200
    answer = response.json()
    assert answer["person"] is None and answer["needs"] is None
    assert answer["consent"]["active"] is False and answer["consent"]["withdrawn_at"]
    assert "Peeters" not in response.content.decode()
    assert not DataAccess.objects.filter(what="api.referral").exists()


def test_an_anonymous_referral_is_not_the_service_s(client: Client, world: World) -> None:
    referral, _token = referral_make(world, consent=False)

    response = client.get(f"{URL}/{referral.pk}", **bearer(world.provider))

    assert response.status_code == 404


def test_the_operations_are_in_the_openapi_document(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]

    assert "post" in paths["/api/v1/referrals"]
    assert paths["/api/v1/referrals"]["post"]["security"]
    assert "get" in paths["/api/v1/referrals/{referral_id}"]


def test_a_second_organisation_with_a_professional_can_refer(client: Client, world: World) -> None:
    practice = Organisation.objects.get(name="Huisartsen Zuid")

    response = post(client, world, body(world), bearer(practice))

    assert response.status_code == 201
    assert Referral.objects.get().referrer_organisation == practice
