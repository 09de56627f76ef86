"""``GET /api/v1/organisation`` with an organisation's bearer token."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import ApiToken
from beoncosup.accounts.testing import organisation_with

pytestmark = pytest.mark.django_db

URL = "/api/v1/organisation"


@pytest.fixture
def issued() -> Any:
    hospital = organisation_with(members={"admin@az.example": [OrgRole.ORG_ADMIN]})
    return services.api_token_create(
        organisation=hospital, name="EPD", created_by=hospital.memberships.get().user, days=30
    )


def test_organisation_with_a_token(client: Client, issued: Any) -> None:
    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {issued.secret}")

    assert response.status_code == 200
    assert response.json() == {
        "slug": "az-voorbeeld",
        "name": "AZ Voorbeeld",
        "kind": "hospital",
        "token_name": "EPD",
        "token_expires_at": response.json()["token_expires_at"],
    }
    assert response.json()["token_expires_at"][:10] == issued.token.expires_at.date().isoformat()
    assert ApiToken.objects.get().last_used_at is not None


def test_organisation_without_a_token_is_401(client: Client, issued: Any) -> None:
    response = client.get(URL)

    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


@pytest.mark.parametrize(
    "header",
    ["Bearer bos_wrong", "Bearer ", "Basic abc", "bos_x"],
    ids=["unknown", "empty", "other scheme", "no scheme"],
)
def test_organisation_with_a_bad_token_is_401(client: Client, issued: Any, header: str) -> None:
    assert client.get(URL, HTTP_AUTHORIZATION=header).status_code == 401


def test_organisation_with_an_expired_token_is_401(client: Client, issued: Any) -> None:
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {issued.secret}")

    assert response.status_code == 401


def test_organisation_with_a_revoked_token_is_401(client: Client, issued: Any) -> None:
    services.api_token_revoke(token=issued.token, revoked_by=None)

    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {issued.secret}")

    assert response.status_code == 401


def test_organisation_session_does_not_count_as_a_token(client: Client, issued: Any) -> None:
    from beoncosup.accounts.testing import signed_in  # noqa: PLC0415

    admin = issued.token.created_by
    response = signed_in(client, admin).get(URL)

    assert response.status_code == 401


def test_organisation_operation_is_documented_with_its_security(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()

    operation = schema["paths"][URL]["get"]
    assert sorted(operation["responses"]) == ["200", "401", "422"]
    assert operation["security"] == [{"OrganisationTokenAuth": []}]
