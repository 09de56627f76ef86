"""The platform roles page: grant to an existing account by e-mail, withdraw."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from beoncosup.accounts import services
from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.models import RoleGrant
from beoncosup.accounts.testing import signed_in, user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> Any:
    user = user_create("root@beoncosup.example")
    services.role_grant(user=user, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)
    return user


def test_roles_grant_by_email(client: Client, root: Any) -> None:
    person = user_create("editor@beoncosup.example")

    response = signed_in(client, root).post(
        reverse("accounts:roles"), {"email": "Editor@Beoncosup.example", "role": "editor"}
    )

    assert response["Location"] == reverse("accounts:roles")
    assert list(person.role_grants.values_list("role", "granted_by")) == [("editor", root.pk)]
    assert list(person.groups.values_list("name", flat=True)) == ["Editors"]


@pytest.mark.parametrize(
    "data",
    [
        {"email": "nobody@beoncosup.example", "role": "editor"},
        {"email": "not an address", "role": "editor"},
        {"email": "editor@beoncosup.example", "role": "god"},
        {"email": "x" * 250 + "@beoncosup.example", "role": "editor"},
    ],
    ids=["unknown account", "bad e-mail", "unknown role", "too long"],
)
def test_roles_grant_bad_input_changes_nothing(
    client: Client, root: Any, data: dict[str, str]
) -> None:
    user_create("editor@beoncosup.example")

    response = signed_in(client, root).post(reverse("accounts:roles"), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert RoleGrant.objects.count() == 1


def test_roles_withdraw(client: Client, root: Any) -> None:
    person = user_create("editor@beoncosup.example")
    services.role_grant(user=person, role=PlatformRole.EDITOR, granted_by=root)

    signed_in(client, root).post(
        reverse("accounts:role_revoke"), {"user": person.pk, "role": "editor"}
    )

    assert RoleGrant.objects.filter(user=person).count() == 0
    assert list(person.groups.values_list("name", flat=True)) == []


def test_roles_withdraw_unknown_role_changes_nothing(client: Client, root: Any) -> None:
    person = user_create("editor@beoncosup.example")
    services.role_grant(user=person, role=PlatformRole.EDITOR, granted_by=root)

    signed_in(client, root).post(
        reverse("accounts:role_revoke"), {"user": person.pk, "role": "everything"}
    )

    assert RoleGrant.objects.filter(user=person).count() == 1


@pytest.mark.parametrize("count", [1, 4])
def test_roles_query_count_does_not_grow(
    client: Client, root: Any, count: int, django_assert_max_num_queries: Any
) -> None:
    for n in range(count):
        services.role_grant(
            user=user_create(f"e{n}@beoncosup.example"), role=PlatformRole.ANALYST, granted_by=root
        )
    signed_in(client, root)

    with django_assert_max_num_queries(13):
        response = client.get(reverse("accounts:roles"))

    assert len(response.context["people"]) == count + 1
