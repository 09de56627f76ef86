"""Who may open each account page: every URL for anonymous, a signed-in person without a role,
a member of another organisation, a plain member, the organisation's admin and a platform
admin. Another organisation's pages answer 404, so their existence and content do not leak."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.testing import organisation_with, signed_in, user_create

pytestmark = pytest.mark.django_db

PEOPLE = ["anonymous", "nobody", "other_member", "member", "org_admin", "platform_admin"]


@pytest.fixture
def world() -> dict[str, Any]:
    hospital = organisation_with(
        name="AZ Voorbeeld",
        members={
            "admin@az.example": [OrgRole.ORG_ADMIN],
            "member@az.example": [OrgRole.PROFESSIONAL],
            "colleague@az.example": [OrgRole.PROVIDER_STAFF],
        },
    )
    organisation_with(
        name="Huisartsen Noord", kind="gp_practice", members={"gp@noord.example": ["org_admin"]}
    )
    platform_admin = user_create("root@beoncosup.example")
    services.role_grant(user=platform_admin, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)
    admin = hospital.memberships.get(role=OrgRole.ORG_ADMIN).user
    invitation = services.invitation_create(
        organisation=hospital,
        email="new@az.example",
        role=OrgRole.PROFESSIONAL,
        invited_by=admin,
        language="nl",
    ).invitation
    join_request = services.join_request_create(
        organisation=hospital, user=user_create("asks@az.example"), role=OrgRole.PROFESSIONAL
    )
    token = services.api_token_create(
        organisation=hospital, name="EPD", created_by=admin, days=30
    ).token
    member = hospital.memberships.get(role=OrgRole.PROFESSIONAL).user
    colleague = hospital.memberships.get(role=OrgRole.PROVIDER_STAFF).user
    return {
        "hospital": hospital,
        "invitation": invitation,
        "join_request": join_request,
        "token": token,
        "colleague": colleague,
        "people": {
            "nobody": user_create("nobody@example.org"),
            "other_member": hospital.__class__.objects.get(slug="huisartsen-noord")
            .memberships.get()
            .user,
            "member": member,
            "org_admin": admin,
            "platform_admin": platform_admin,
        },
    }


def _client(world: dict[str, Any], who: str) -> Client:
    client = Client()
    return client if who == "anonymous" else signed_in(client, world["people"][who])


# (url name, kwargs builder, expected status per person); 302L = redirect to sign in.
ORG_PAGE = dict(zip(PEOPLE, ["302L", 404, 404, 200, 200, 200], strict=True))
ORG_ADMIN_PAGE = dict(zip(PEOPLE, ["302L", 404, 404, 403, 200, 200], strict=True))
ANY_SIGNED_IN = dict(zip(PEOPLE, ["302L", 200, 200, 200, 200, 200], strict=True))
PLATFORM_ADMIN_ONLY = dict(zip(PEOPLE, ["302L", 403, 403, 403, 403, 200], strict=True))


def _slug(w: dict[str, Any]) -> dict[str, Any]:
    return {"slug": w["hospital"].slug}


GET_PAGES = [
    ("accounts:home", lambda w: {}, ANY_SIGNED_IN),
    ("accounts:security", lambda w: {}, ANY_SIGNED_IN),
    ("accounts:organisations", lambda w: {}, ANY_SIGNED_IN),
    ("accounts:organisation_join", _slug, ANY_SIGNED_IN),
    ("accounts:organisation", _slug, ORG_PAGE),
    ("accounts:organisation_tokens", _slug, ORG_ADMIN_PAGE),
    ("accounts:organisation_audit", _slug, ORG_ADMIN_PAGE),
    ("accounts:organisation_audit_export", _slug, ORG_ADMIN_PAGE),
    ("accounts:organisation_create", lambda w: {}, PLATFORM_ADMIN_ONLY),
    ("accounts:roles", lambda w: {}, PLATFORM_ADMIN_ONLY),
    ("accounts:audit", lambda w: {}, PLATFORM_ADMIN_ONLY),
    ("accounts:audit_export", lambda w: {}, PLATFORM_ADMIN_ONLY),
]


def _check(response: Any, expected: Any) -> None:
    if expected == "302L":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize(("name", "kwargs", "expected"), GET_PAGES, ids=[p[0] for p in GET_PAGES])
def test_get_page_access(
    world: dict[str, Any], who: str, name: str, kwargs: Any, expected: Any
) -> None:
    response = _client(world, who).get(reverse(name, kwargs=kwargs(world)))

    _check(response, expected[who])


ORG_ADMIN_POST = dict(zip(PEOPLE, ["302L", 404, 404, 403, 302, 302], strict=True))

POSTS = [
    ("accounts:organisation_invite", _slug, {"email": "x@az.example", "role": "professional"}),
    (
        "accounts:invitation_revoke",
        lambda w: {"slug": w["hospital"].slug, "pk": w["invitation"].pk},
        {},
    ),
    (
        "accounts:join_request_decide",
        lambda w: {"slug": w["hospital"].slug, "pk": w["join_request"].pk},
        {"decision": "approve"},
    ),
    (
        "accounts:member_remove",
        lambda w: {"slug": w["hospital"].slug, "user_id": w["colleague"].pk},
        {"role": ""},
    ),
    ("accounts:token_revoke", lambda w: {"slug": w["hospital"].slug, "pk": w["token"].pk}, {}),
]


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize(("name", "kwargs", "data"), POSTS, ids=[p[0] for p in POSTS])
def test_post_access(world: dict[str, Any], who: str, name: str, kwargs: Any, data: Any) -> None:
    response = _client(world, who).post(reverse(name, kwargs=kwargs(world)), data)

    _check(response, ORG_ADMIN_POST[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_role_revoke_access(world: dict[str, Any], who: str) -> None:
    target = world["people"]["platform_admin"]
    response = _client(world, who).post(
        reverse("accounts:role_revoke"), {"user": target.pk, "role": "platform_admin"}
    )

    _check(response, dict(zip(PEOPLE, ["302L", 403, 403, 403, 403, 302], strict=True))[who])


@pytest.mark.parametrize(
    "name", ["accounts:organisation_invite", "accounts:member_remove", "accounts:token_revoke"]
)
def test_state_changes_refuse_get(world: dict[str, Any], name: str) -> None:
    kwargs = {
        "accounts:organisation_invite": _slug(world),
        "accounts:member_remove": {"slug": world["hospital"].slug, "user_id": 1},
        "accounts:token_revoke": {"slug": world["hospital"].slug, "pk": world["token"].pk},
    }[name]

    response = _client(world, "org_admin").get(reverse(name, kwargs=kwargs))

    assert response.status_code == 405


def test_unknown_organisation_is_404_even_for_platform_admins(world: dict[str, Any]) -> None:
    response = _client(world, "platform_admin").get(
        reverse("accounts:organisation", kwargs={"slug": "does-not-exist"})
    )

    assert response.status_code == 404


def test_object_of_another_organisation_is_404_for_its_admin(world: dict[str, Any]) -> None:
    """The admin of Huisartsen Noord cannot withdraw AZ Voorbeeld's invitation through their
    own organisation's URL."""
    other = world["people"]["other_member"]
    slug = other.memberships.get().organisation.slug

    response = signed_in(Client(), other).post(
        reverse("accounts:invitation_revoke", kwargs={"slug": slug, "pk": world["invitation"].pk})
    )

    assert response.status_code == 404
    world["invitation"].refresh_from_db()
    assert world["invitation"].revoked_at is None
