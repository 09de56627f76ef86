"""The API tokens page: the secret is shown once; list, create with limits, revoke."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import ApiToken, Organisation
from beoncosup.accounts.testing import organisation_with, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def hospital() -> Organisation:
    return organisation_with(members={"admin@az.example": [OrgRole.ORG_ADMIN]})


@pytest.fixture
def admin(hospital: Organisation) -> Any:
    return hospital.memberships.get().user


def _url(hospital: Organisation) -> str:
    return reverse("accounts:organisation_tokens", kwargs={"slug": hospital.slug})


def test_token_create_shows_the_secret_once(
    client: Client, hospital: Organisation, admin: Any
) -> None:
    signed_in(client, admin)

    created = client.post(_url(hospital), {"name": "EPD", "days": "30"})
    later = client.get(_url(hospital))

    secret = created.context["issued"].secret
    token = ApiToken.objects.get()
    assert token.token_hash == services.token_hash(secret)
    assert secret in created.content.decode()
    assert created["Cache-Control"] == "no-store"
    assert secret not in later.content.decode()
    assert token.prefix in later.content.decode()
    assert round((token.expires_at - token.created_at) / timedelta(days=1)) == 30


def test_token_create_default_validity_is_90_days(hospital: Organisation) -> None:
    from beoncosup.accounts.forms import TokenCreateForm  # noqa: PLC0415

    assert TokenCreateForm().fields["days"].initial == 90


@pytest.mark.parametrize(
    "data",
    [
        {"name": "EPD", "days": "0"},
        {"name": "EPD", "days": "100000"},
        {"name": "EPD", "days": "soon"},
        {"name": "", "days": "30"},
        {"name": "x" * 101, "days": "30"},
    ],
    ids=["zero days", "past the maximum", "not a number", "no name", "too long"],
)
def test_token_create_bad_input_changes_nothing(
    client: Client, hospital: Organisation, admin: Any, data: dict[str, str]
) -> None:
    response = signed_in(client, admin).post(_url(hospital), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert response.context["issued"] is None
    assert ApiToken.objects.count() == 0


def test_token_create_respects_the_configured_maximum(
    client: Client, hospital: Organisation, admin: Any, settings: Any
) -> None:
    settings.BEONCOSUP_API_TOKEN_MAX_DAYS = 10

    response = signed_in(client, admin).post(_url(hospital), {"name": "EPD", "days": "11"})

    assert response.status_code == 400
    assert ApiToken.objects.count() == 0


def test_token_revoke(client: Client, hospital: Organisation, admin: Any) -> None:
    issued = services.api_token_create(organisation=hospital, name="EPD", created_by=admin, days=5)

    response = signed_in(client, admin).post(
        reverse("accounts:token_revoke", kwargs={"slug": hospital.slug, "pk": issued.token.pk})
    )

    assert response["Location"] == _url(hospital)
    assert services.api_token_authenticate(issued.secret) is None


@pytest.mark.parametrize("count", [1, 4])
def test_tokens_query_count_does_not_grow(
    client: Client,
    hospital: Organisation,
    admin: Any,
    count: int,
    django_assert_max_num_queries: Any,
) -> None:
    for n in range(count):
        services.api_token_create(organisation=hospital, name=f"T{n}", created_by=admin, days=5)
    signed_in(client, admin)

    with django_assert_max_num_queries(13):
        response = client.get(_url(hospital))

    assert len(response.context["tokens"]) == count
