"""The organisation pages: the list and search, asking to join, creating, the organisation's
page (invitations, decisions and members: test_views_members.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, PlatformRole, RequestStatus
from beoncosup.accounts.models import JoinRequest, Organisation
from beoncosup.accounts.testing import organisation_with, signed_in, user_create
from beoncosup.directory.models import Organization as Listing

pytestmark = pytest.mark.django_db


def _page(hospital: Organisation, name: str = "accounts:organisation", **kwargs: Any) -> str:
    return reverse(name, kwargs={"slug": hospital.slug, **kwargs})


# ---------------------------------------------------------------- list, search, join


def test_organisations_lists_mine_with_roles_and_my_requests(
    client: Client, hospital: Organisation, member: Any
) -> None:
    other = organisation_with(name="Huisartsen Noord", kind="gp_practice")
    services.join_request_create(organisation=other, user=member, role=OrgRole.PROFESSIONAL)

    response = signed_in(client, member).get(reverse("accounts:organisations"))

    assert response.status_code == 200
    assert [
        (r["organisation"].name, [str(x) for x in r["roles"]]) for r in response.context["mine"]
    ] == [("AZ Voorbeeld", [str(OrgRole.PROFESSIONAL.label)])]
    assert [(r.organisation.name, r.status) for r in response.context["requests"]] == [
        ("Huisartsen Noord", RequestStatus.PENDING)
    ]
    assert response.context["all_organisations"] is None
    assert reverse("accounts:organisation_create") not in response.content.decode()


def test_organisations_search_finds_by_part_of_the_name(
    client: Client, hospital: Organisation
) -> None:
    organisation_with(name="Huisartsen Noord", kind="gp_practice")
    person = user_create("someone@example.org")

    response = signed_in(client, person).get(reverse("accounts:organisations"), {"q": "noord"})

    assert [o.name for o in response.context["found"]] == ["Huisartsen Noord"]
    assert _page(
        Organisation.objects.get(name="Huisartsen Noord"), "accounts:organisation_join"
    ) in (response.content.decode())


def test_organisations_search_too_long_is_a_form_error(client: Client) -> None:
    person = user_create("someone@example.org")

    response = signed_in(client, person).get(reverse("accounts:organisations"), {"q": "x" * 101})

    assert response.status_code == 400
    assert list(response.context["search"].errors) == ["q"]
    assert response.context["found"] is None


def test_organisations_platform_admin_sees_all_and_can_create(
    client: Client, hospital: Organisation
) -> None:
    root = user_create("root@beoncosup.example")
    services.role_grant(user=root, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)

    response = signed_in(client, root).get(reverse("accounts:organisations"))

    assert [o.name for o in response.context["all_organisations"]] == ["AZ Voorbeeld"]
    assert reverse("accounts:organisation_create") in response.content.decode()


@pytest.mark.parametrize("count", [1, 4])
def test_organisations_query_count_does_not_grow(
    client: Client, count: int, django_assert_max_num_queries: Any
) -> None:
    person = user_create("busy@example.org")
    for n in range(count):
        organisation = organisation_with(name=f"Org {n}", members={})
        services.membership_add(organisation=organisation, user=person, role=OrgRole.PROFESSIONAL)
        other = organisation_with(name=f"Other {n}", members={})
        services.join_request_create(organisation=other, user=person, role=OrgRole.PROFESSIONAL)
    signed_in(client, person)

    with django_assert_max_num_queries(15):
        response = client.get(reverse("accounts:organisations"), {"q": "Other"})

    assert len(response.context["found"]) == count


def test_organisation_join_creates_a_pending_request(
    client: Client, hospital: Organisation
) -> None:
    person = user_create("asks@example.org")

    response = signed_in(client, person).post(
        _page(hospital, "accounts:organisation_join"),
        {"role": OrgRole.PROVIDER_STAFF, "message": "Dienst oncologie"},
    )

    assert response.status_code == 302
    assert list(JoinRequest.objects.values_list("user__email", "role", "message", "status")) == [
        ("asks@example.org", OrgRole.PROVIDER_STAFF, "Dienst oncologie", RequestStatus.PENDING)
    ]


@pytest.mark.parametrize(
    "data",
    [
        {"role": OrgRole.ORG_ADMIN, "message": ""},
        {"role": "owner", "message": ""},
        {"role": OrgRole.PROFESSIONAL, "message": "x" * 501},
    ],
    ids=["admin role", "unknown role", "too long"],
)
def test_organisation_join_bad_input_changes_nothing(
    client: Client, hospital: Organisation, data: dict[str, str]
) -> None:
    person = user_create("asks@example.org")

    response = signed_in(client, person).post(_page(hospital, "accounts:organisation_join"), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert "error-summary" in response.content.decode()
    assert JoinRequest.objects.count() == 0


def test_organisation_join_twice_says_so(client: Client, hospital: Organisation) -> None:
    person = user_create("asks@example.org")
    signed_in(client, person)
    url = _page(hospital, "accounts:organisation_join")
    client.post(url, {"role": OrgRole.PROFESSIONAL})

    response = client.post(url, {"role": OrgRole.PROFESSIONAL})

    assert response.status_code == 400
    assert len(response.context["form"].non_field_errors()) == 1
    assert JoinRequest.objects.count() == 1


def test_organisation_join_with_nul_is_refused(client: Client, hospital: Organisation) -> None:
    person = user_create("asks@example.org")

    response = signed_in(client, person).post(
        _page(hospital, "accounts:organisation_join"),
        {"role": OrgRole.PROFESSIONAL, "message": "hallo\x00"},
    )

    assert response.status_code == 400
    assert JoinRequest.objects.count() == 0


# ---------------------------------------------------------------- create


def test_organisation_create_by_platform_admin(client: Client) -> None:
    root = user_create("root@beoncosup.example")
    services.role_grant(user=root, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)

    response = signed_in(client, root).post(
        reverse("accounts:organisation_create"), {"name": "UZ Gent", "kind": "hospital"}
    )

    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.slug, organisation.kind) == (
        "UZ Gent",
        "uz-gent",
        "hospital",
    )
    assert response["Location"] == _page(organisation)


def test_organisation_create_links_listings(client: Client) -> None:
    root = user_create("root@beoncosup.example")
    services.role_grant(user=root, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)
    listing = Listing.objects.create(
        name={"nl": "Vzw Zorg"}, description={"nl": "Steun bij kanker."}
    )
    Listing.objects.create(name={"nl": "Vzw Ander"}, description={"nl": "Iets anders."})

    signed_in(client, root).post(
        reverse("accounts:organisation_create"),
        {"name": "Vzw Zorg", "kind": "provider", "listings": [str(listing.pk)]},
    )

    assert list(Organisation.objects.get().listings.all()) == [listing]


def test_organisation_create_unknown_listing_changes_nothing(client: Client) -> None:
    root = user_create("root@beoncosup.example")
    services.role_grant(user=root, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)

    response = signed_in(client, root).post(
        reverse("accounts:organisation_create"),
        {"name": "Vzw Zorg", "kind": "provider", "listings": ["not-a-uuid"]},
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["listings"]
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "kind": "hospital"},
        {"name": "x" * 256, "kind": "hospital"},
        {"name": "A", "kind": "castle"},
    ],
    ids=["empty", "too long", "unknown kind"],
)
def test_organisation_create_bad_input_changes_nothing(
    client: Client, data: dict[str, str]
) -> None:
    root = user_create("root@beoncosup.example")
    services.role_grant(user=root, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)

    response = signed_in(client, root).post(reverse("accounts:organisation_create"), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert Organisation.objects.count() == 0


# ---------------------------------------------------------------- the organisation page


def test_organisation_member_sees_members_but_no_admin_parts(
    client: Client, hospital: Organisation, admin: Any, member: Any
) -> None:
    services.invitation_create(
        organisation=hospital,
        email="secret-invitee@az.example",
        role="professional",
        invited_by=admin,
        language="nl",
    )

    response = signed_in(client, member).get(_page(hospital))

    assert [m["user"].email for m in response.context["members"]] == [
        "admin@az.example",
        "member@az.example",
    ]
    assert response.context["can_manage"] is False
    page = response.content.decode()
    assert "secret-invitee@az.example" not in page
    assert _page(hospital, "accounts:organisation_invite") not in page
    assert (
        "Leave this organisation" in page
        or _page(hospital, "accounts:member_remove", user_id=member.pk) in page
    )


def test_organisation_admin_sees_invitations_and_requests(
    client: Client, hospital: Organisation, admin: Any
) -> None:
    services.invitation_create(
        organisation=hospital,
        email="invitee@az.example",
        role="professional",
        invited_by=admin,
        language="nl",
    )
    services.join_request_create(
        organisation=hospital, user=user_create("asks@example.org"), role="professional"
    )

    response = signed_in(client, admin).get(_page(hospital))

    assert [i.email for i in response.context["invitations"]] == ["invitee@az.example"]
    assert [r.user.email for r in response.context["requests"]] == ["asks@example.org"]
    assert "invitee@az.example" in response.content.decode()


@pytest.mark.parametrize("count", [1, 4])
def test_organisation_page_query_count_does_not_grow(
    client: Client,
    hospital: Organisation,
    admin: Any,
    count: int,
    django_assert_max_num_queries: Any,
) -> None:
    for n in range(count):
        services.membership_add(
            organisation=hospital, user=user_create(f"p{n}@az.example"), role="professional"
        )
        services.invitation_create(
            organisation=hospital,
            email=f"i{n}@az.example",
            role="professional",
            invited_by=admin,
            language="nl",
        )
        services.join_request_create(
            organisation=hospital, user=user_create(f"r{n}@example.org"), role="professional"
        )
    signed_in(client, admin)

    with django_assert_max_num_queries(16):
        response = client.get(_page(hospital))

    assert len(response.context["members"]) == count + 2
