"""FHIR R4B at /api/fhir/: reads validate through the R4B models, searches poll by status and
_lastUpdated, the performer moves the Task, consent decides what personal data is in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.consent import Consent as FhirConsent
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task

from beoncosup.accounts import services as account_services
from beoncosup.accounts.models import Organisation
from beoncosup.referrals import services
from beoncosup.referrals.codes import Channel, DataCategory, Status
from beoncosup.referrals.fhir.resources import NEED_SYSTEM, REASON_SYSTEM
from beoncosup.referrals.fhir.views import sight_in_search
from beoncosup.referrals.models import DataAccess, Referral, ReferralEvent
from beoncosup.referrals.selectors import referral_detail, sight_of_organisation
from beoncosup.referrals.testing import NEEDS, World, referral_make, terms_make, world_make

pytestmark = pytest.mark.django_db

FHIR = "application/fhir+json"


@pytest.fixture
def world() -> World:
    return world_make()


def bearer(organisation: Organisation) -> dict[str, Any]:
    issued = account_services.api_token_create(
        organisation=organisation, name="HIS", created_by=None, days=30
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {issued.secret}"}


def valid(model: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The resource, once its R4B model accepts it."""
    model.model_validate(data)
    return data


def get(client: Client, path: str, headers: dict[str, Any], **params: Any) -> Any:
    response = client.get(f"/api/fhir/{path}", params, **headers)
    assert response["Content-Type"].startswith(FHIR)
    return response


def decline(referral: Referral, reason: str = "no_capacity") -> None:
    services.referral_move(
        referral=referral,
        status=Status.REJECTED,
        reason_code=reason,
        actor_label="Psycho-oncologie vzw",
        as_performer=True,
    )


# ----------------------------------------------------------------- reads


def test_the_task_validates_and_maps_the_referral(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    decline(referral)

    response = get(client, f"Task/{referral.pk}", bearer(world.hospital))

    assert response.status_code == 200
    task = valid(Task, response.json())
    assert task["id"] == str(referral.pk)
    assert (task["status"], task["intent"]) == ("rejected", "order")
    assert task["focus"] == {"reference": f"ServiceRequest/{referral.pk}"}
    assert task["owner"] == {"display": "Psycho-oncologie Gent vzw"}
    assert task["requester"] == {"display": "AZ Voorbeeld"}
    assert task["statusReason"]["coding"][0]["system"] == REASON_SYSTEM
    assert task["statusReason"]["coding"][0]["code"] == "no_capacity"
    assert task["lastModified"] and task["authoredOn"]
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_service_request_carries_what_the_consent_shares(client: Client, world: World) -> None:
    referral, _token = referral_make(world)

    response = get(client, f"ServiceRequest/{referral.pk}", bearer(world.provider))

    assert response.status_code == 200
    request = valid(ServiceRequest, response.json())
    assert (request["status"], request["intent"], request["priority"]) == (
        "active",
        "order",
        "routine",
    )
    assert [c["coding"][0]["code"] for c in request["category"]] == list(NEEDS)
    assert request["category"][0]["coding"][0]["system"] == NEED_SYSTEM
    assert request["note"] == [{"text": "Angst sinds de diagnose"}]
    patient = request["contained"][0]
    assert patient["name"] == [{"text": "An Peeters"}]
    assert patient["telecom"] == [{"system": "email", "value": "an.peeters@example.org", "rank": 1}]
    assert request["subject"] == {"reference": "#patient"}


def test_contact_not_shared_means_no_patient(client: Client, world: World) -> None:
    referral, _token = referral_make(
        world, terms=terms_make(categories=(DataCategory.NEEDS,)), method="self"
    )

    answer = get(client, f"ServiceRequest/{referral.pk}", bearer(world.provider)).json()

    assert "contained" not in answer
    assert answer["subject"] == {"display": "anonymous"}
    assert "Peeters" not in str(answer)
    assert answer["category"]  # the needs are shared


def test_the_consent_validates(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    assert referral.consent is not None

    response = get(client, f"Consent/{referral.pk}", bearer(world.provider))

    assert response.status_code == 200
    consent = valid(FhirConsent, response.json())
    assert consent["status"] == "active"
    assert consent["scope"]["coding"][0]["code"] == "patient-privacy"
    assert consent["provision"]["period"]["end"] == referral.consent.valid_until.isoformat()
    roles = [actor["role"]["coding"][0]["code"] for actor in consent["provision"]["actor"]]
    assert roles == ["PRCP", "gp", "oncocoach"]
    assert consent["dateTime"]


def test_an_anonymous_referral_has_no_consent(client: Client, world: World) -> None:
    referral, _token = referral_make(world, consent=False)

    response = get(client, f"Consent/{referral.pk}", bearer(world.hospital))

    assert response.status_code == 404
    OperationOutcome.model_validate(response.json())


def test_after_withdrawal_the_resources_carry_no_personal_data(
    client: Client, world: World
) -> None:
    referral, _token = referral_make(world)
    assert referral.case is not None
    services.consent_withdraw(case=referral.case, channel=Channel.PERSON)
    headers = bearer(world.provider)

    request = get(client, f"ServiceRequest/{referral.pk}", headers).json()
    consent = get(client, f"Consent/{referral.pk}", headers).json()
    tasks = get(client, "Task", headers).json()
    requests = get(client, "ServiceRequest", headers, status="active,revoked").json()

    text = str([request, consent, tasks, requests])
    assert "Peeters" not in text and "example.org" not in text and "Angst" not in text
    assert "category" not in request and "note" not in request
    assert request["subject"] == {"display": "anonymous"}
    assert consent["status"] == "inactive"
    assert not DataAccess.objects.exists()


def test_each_read_is_logged(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    headers = bearer(world.provider)

    for path in (f"Task/{referral.pk}", f"ServiceRequest/{referral.pk}", f"Consent/{referral.pk}"):
        assert get(client, path, headers).status_code == 200
    get(client, "Task", headers)
    get(client, "ServiceRequest", headers)

    # A Task holds no personal data: reading it is not a read of the person's data.
    logged = sorted(DataAccess.objects.values_list("what", "channel", "organisation_label"))
    assert logged == [
        ("fhir.consent", "fhir", "Psycho-oncologie vzw"),
        ("fhir.servicerequest", "fhir", "Psycho-oncologie vzw"),
        ("fhir.servicerequest.search", "fhir", "Psycho-oncologie vzw"),
    ]


def test_others_get_404_and_no_token_401(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    other = bearer(Organisation.objects.get(name="Ander ziekenhuis"))

    for path in (f"Task/{referral.pk}", f"ServiceRequest/{referral.pk}", f"Consent/{referral.pk}"):
        assert get(client, path, other).status_code == 404
        unauthorised = get(client, path, {})
        assert unauthorised.status_code == 401
        assert unauthorised["WWW-Authenticate"].startswith("Bearer")
        OperationOutcome.model_validate(unauthorised.json())
    assert get(client, "Task/not-a-uuid", other).status_code == 404
    assert get(client, "Task", other).json()["total"] == 0
    assert get(client, "Task", {}).status_code == 401
    assert not DataAccess.objects.exists()


def test_the_capability_statement(client: Client) -> None:
    response = get(client, "metadata", {})

    assert response.status_code == 200
    statement = valid(CapabilityStatement, response.json())
    assert statement["fhirVersion"] == "4.3.0"
    types = [resource["type"] for resource in statement["rest"][0]["resource"]]
    assert types == ["Task", "ServiceRequest", "Consent"]


# ----------------------------------------------------------------- searches


def test_search_tasks_by_status(client: Client, world: World) -> None:
    first, _ = referral_make(world)
    second, _ = referral_make(world)
    decline(second)
    headers = bearer(world.provider)

    requested = get(client, "Task", headers, status="requested").json()
    both = get(client, "Task", headers, status="requested,rejected").json()

    Bundle.model_validate(requested)
    assert requested["type"] == "searchset" and requested["total"] == 1
    assert [e["resource"]["id"] for e in requested["entry"]] == [str(first.pk)]
    assert both["total"] == 2
    assert get(client, "Task", headers, status="lost").status_code == 400


def test_search_service_requests_by_status(client: Client, world: World) -> None:
    first, _ = referral_make(world)
    second, _ = referral_make(world)
    decline(second)
    headers = bearer(world.provider)

    revoked = get(client, "ServiceRequest", headers, status="revoked").json()
    active = get(client, "ServiceRequest", headers, status="active").json()

    Bundle.model_validate(revoked)
    assert [e["resource"]["id"] for e in revoked["entry"]] == [str(second.pk)]
    assert [e["resource"]["id"] for e in active["entry"]] == [str(first.pk)]


def test_poll_by_last_updated(client: Client, world: World) -> None:
    old, _ = referral_make(world)
    new, _ = referral_make(world)
    long_ago = timezone.now() - dt.timedelta(days=3)
    Referral.objects.filter(pk=old.pk).update(updated_at=long_ago)
    since = (timezone.now() - dt.timedelta(days=1)).astimezone(dt.UTC).isoformat()
    headers = bearer(world.hospital)

    after = get(client, "Task", headers, _lastUpdated=f"ge{since}").json()
    before = get(client, "Task", headers, _lastUpdated=f"lt{since}").json()
    strictly = get(client, "Task", headers, _lastUpdated=f"gt{since}").json()
    up_to = get(client, "ServiceRequest", headers, _lastUpdated=f"le{since}").json()

    assert [e["resource"]["id"] for e in after["entry"]] == [str(new.pk)]
    assert [e["resource"]["id"] for e in before["entry"]] == [str(old.pk)]
    assert strictly["total"] == 1 and up_to["total"] == 1
    assert get(client, "Task", headers, _lastUpdated="geyesterday").status_code == 400
    assert get(client, "Task", headers, colour="blue").status_code == 400


def test_searches_are_paged_with_a_next_link(client: Client, world: World) -> None:
    for _ in range(5):
        referral_make(world)
    headers = bearer(world.provider)

    first = get(client, "Task", headers, _count="2").json()
    links = {link["relation"]: link["url"] for link in first["link"]}
    second = client.get(links["next"].replace("http://testserver", ""), **headers).json()
    last = get(client, "Task", headers, _count="2", _offset="4").json()

    assert first["total"] == 5 and len(first["entry"]) == 2
    assert len(second["entry"]) == 2
    ids = {e["resource"]["id"] for e in first["entry"] + second["entry"] + last["entry"]}
    assert len(ids) == 5
    assert "next" not in {link["relation"] for link in last["link"]}
    assert get(client, "Task", headers, _count="201").status_code == 400


def test_the_search_query_count_does_not_grow_with_the_page(
    client: Client, world: World, django_assert_max_num_queries: Any
) -> None:
    for _ in range(12):
        referral_make(world)
    headers = bearer(world.provider)
    get(client, "Task", headers)  # the token's last use is recorded once a minute

    with django_assert_max_num_queries(8):
        tasks = get(client, "Task", headers).json()
    with django_assert_max_num_queries(8):
        requests = get(client, "ServiceRequest", headers).json()

    assert tasks["total"] == 12 and requests["total"] == 12
    assert "Peeters" in str(requests)  # the page is really the personal one


# ----------------------------------------------------------------- updates


def patch(client: Client, referral: Referral, operations: Any, headers: dict[str, Any]) -> Any:
    return client.patch(
        f"/api/fhir/Task/{referral.pk}",
        operations,
        content_type="application/json-patch+json",
        **headers,
    )


def test_the_performer_accepts_and_closes_with_an_outcome(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    headers = bearer(world.provider)

    accepted = patch(
        client, referral, [{"op": "replace", "path": "/status", "value": "accepted"}], headers
    )
    closed = patch(
        client,
        referral,
        [
            {"op": "replace", "path": "/status", "value": "completed"},
            {
                "op": "add",
                "path": "/statusReason",
                "value": {"coding": [{"system": REASON_SYSTEM, "code": "got_help"}]},
            },
        ],
        headers,
    )

    assert accepted.status_code == 200, accepted.content
    assert closed.status_code == 200, closed.content
    task = valid(Task, closed.json())
    assert task["status"] == "completed"
    assert task["statusReason"]["coding"][0]["code"] == "got_help"
    referral.refresh_from_db()
    assert (referral.status, referral.reason_code) == ("completed", "got_help")
    event = ReferralEvent.objects.filter(referral=referral).order_by("at", "id").last()
    assert event is not None
    assert (event.status, event.channel, event.actor_label) == (
        "completed",
        "fhir",
        "Psycho-oncologie vzw",
    )


def test_put_a_task_declines(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    headers = bearer(world.provider)
    task = get(client, f"Task/{referral.pk}", headers).json()
    task["status"] = "rejected"
    task["statusReason"] = {"coding": [{"system": REASON_SYSTEM, "code": "not_eligible"}]}

    response = client.put(f"/api/fhir/Task/{referral.pk}", task, content_type=FHIR, **headers)

    assert response.status_code == 200, response.content
    referral.refresh_from_db()
    assert (referral.status, referral.reason_code) == ("rejected", "not_eligible")


def test_an_invalid_move_is_422_and_changes_nothing(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    headers = bearer(world.provider)

    jump = patch(
        client, referral, [{"op": "replace", "path": "/status", "value": "in-progress"}], headers
    )
    no_reason = patch(
        client, referral, [{"op": "replace", "path": "/status", "value": "rejected"}], headers
    )
    unknown = patch(
        client, referral, [{"op": "replace", "path": "/status", "value": "lost"}], headers
    )
    owner = patch(client, referral, [{"op": "replace", "path": "/owner", "value": {}}], headers)

    for response in (jump, no_reason, unknown, owner):
        assert response.status_code == 422, response.content
        OperationOutcome.model_validate(response.json())
    assert no_reason.json()["issue"][0]["expression"] == ["Task.statusReason"]
    referral.refresh_from_db()
    assert referral.status == "requested"
    assert ReferralEvent.objects.filter(referral=referral).count() == 1


def test_the_requester_cannot_accept_but_may_cancel(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    headers = bearer(world.hospital)

    accept = patch(
        client, referral, [{"op": "replace", "path": "/status", "value": "accepted"}], headers
    )
    referral.refresh_from_db()
    status_after_accept = referral.status
    cancel = patch(
        client,
        referral,
        [
            {"op": "replace", "path": "/status", "value": "cancelled"},
            {
                "op": "add",
                "path": "/statusReason",
                "value": {"coding": [{"system": REASON_SYSTEM, "code": "referred_elsewhere"}]},
            },
        ],
        headers,
    )

    assert accept.status_code == 403
    OperationOutcome.model_validate(accept.json())
    assert status_after_accept == "requested"
    assert cancel.status_code == 200, cancel.content
    referral.refresh_from_db()
    assert referral.status == "cancelled"


def test_others_cannot_update(client: Client, world: World) -> None:
    referral, _token = referral_make(world)
    body = [{"op": "replace", "path": "/status", "value": "accepted"}]

    other = patch(client, referral, body, bearer(Organisation.objects.get(name="Ander ziekenhuis")))
    nobody = patch(client, referral, body, {})
    bad_body = client.patch(
        f"/api/fhir/Task/{referral.pk}",
        "nope",
        content_type="application/json-patch+json",
        **bearer(world.provider),
    )

    assert (other.status_code, nobody.status_code, bad_body.status_code) == (404, 401, 400)
    referral.refresh_from_db()
    assert referral.status == "requested"


def test_the_search_sight_is_the_selector_s(world: World) -> None:
    """The search computes what each organisation sees without a query per referral: it must
    agree with selectors.sight_of_organisation for every kind of referral and organisation."""
    shared, _ = referral_make(world)
    needs_only, _ = referral_make(
        world, terms=terms_make(categories=(DataCategory.NEEDS,)), method="self"
    )
    anonymous, _ = referral_make(world, consent=False)
    withdrawn, _ = referral_make(world)
    assert withdrawn.case is not None
    services.consent_withdraw(case=withdrawn.case, channel=Channel.PERSON)
    organisations = list(Organisation.objects.all())
    assert len(organisations) == 4

    for referral in (shared, needs_only, anonymous, withdrawn):
        found = referral_detail(referral.pk)
        assert found is not None
        for organisation in organisations:
            listing_ids = set(organisation.listings.values_list("pk", flat=True))
            assert sight_in_search(organisation, found, listing_ids) == sight_of_organisation(
                organisation, found
            ), (referral, organisation)
