"""The organisation pages: the list and search, asking to join, creating, inviting, deciding
on requests and removing members."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, PlatformRole, RequestStatus
from beoncosup.accounts.models import Invitation, JoinRequest, Membership, Organisation
from beoncosup.accounts.testing import organisation_with, signed_in, user_create
from beoncosup.directory.models import Organization as Listing

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _default_language_after() -> Any:
    """Requests to /fr/ pages leave French active in this thread: restore the default."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def hospital() -> Organisation:
    return organisation_with(
        name="AZ Voorbeeld",
        members={
            "admin@az.example": [OrgRole.ORG_ADMIN],
            "member@az.example": [OrgRole.PROFESSIONAL],
        },
    )


@pytest.fixture
def admin(hospital: Organisation) -> Any:
    return hospital.memberships.get(role=OrgRole.ORG_ADMIN).user


@pytest.fixture
def member(hospital: Organisation) -> Any:
    return hospital.memberships.get(role=OrgRole.PROFESSIONAL).user


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

    with django_assert_max_num_queries(14):
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


# ---------------------------------------------------------------- invite


def test_invite_sends_the_mail_in_the_page_language(
    client: Client, hospital: Organisation, admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    signed_in(client, admin)

    with translation.override("fr"):
        url = reverse("accounts:organisation_invite", kwargs={"slug": hospital.slug})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "New@AZ.example", "role": OrgRole.PROFESSIONAL})

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.language) == (
        "new@az.example",
        "professional",
        "fr",
    )
    assert [m.to for m in mail.outbox] == [["new@az.example"]]
    followed = client.get(response["Location"])
    assert "new@az.example" in " ".join(str(m) for m in followed.context["messages"])


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not-an-address", "role": "professional"},
        {"email": "x" * 250 + "@az.example", "role": "professional"},
        {"email": "new@az.example", "role": "platform_admin"},
        {"email": "", "role": "professional"},
    ],
    ids=["bad e-mail", "too long", "unknown role", "empty"],
)
def test_invite_bad_input_shows_the_form_and_changes_nothing(
    client: Client, hospital: Organisation, admin: Any, data: dict[str, str]
) -> None:
    response = signed_in(client, admin).post(_page(hospital, "accounts:organisation_invite"), data)

    assert response.status_code == 400
    assert response.context["invite_form"].errors
    assert "error-summary" in response.content.decode()
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_invite_with_nul_is_refused(client: Client, hospital: Organisation, admin: Any) -> None:
    response = signed_in(client, admin).post(
        _page(hospital, "accounts:organisation_invite"),
        {"email": "new@az.example\x00", "role": "professional"},
    )

    assert response.status_code == 400
    assert Invitation.objects.count() == 0


def test_invitation_revoke_by_admin(client: Client, hospital: Organisation, admin: Any) -> None:
    invitation = services.invitation_create(
        organisation=hospital,
        email="invitee@az.example",
        role="professional",
        invited_by=admin,
        language="nl",
    ).invitation

    response = signed_in(client, admin).post(
        _page(hospital, "accounts:invitation_revoke", pk=invitation.pk)
    )

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


# ---------------------------------------------------------------- decide


def _request(hospital: Organisation) -> JoinRequest:
    return services.join_request_create(
        organisation=hospital, user=user_create("asks@example.org"), role="professional"
    )


def test_decide_approve_gives_the_role(client: Client, hospital: Organisation, admin: Any) -> None:
    join_request = _request(hospital)

    response = signed_in(client, admin).post(
        _page(hospital, "accounts:join_request_decide", pk=join_request.pk), {"decision": "approve"}
    )

    assert response.status_code == 302
    assert Membership.objects.filter(user=join_request.user, organisation=hospital).count() == 1


def test_decide_reject_without_reason_shows_the_error(
    client: Client, hospital: Organisation, admin: Any
) -> None:
    join_request = _request(hospital)

    response = signed_in(client, admin).post(
        _page(hospital, "accounts:join_request_decide", pk=join_request.pk),
        {"decision": "reject", "reason": "  "},
    )

    assert response.status_code == 400
    assert [r.decision_error for r in response.context["requests"]] == [
        "Say why the request is rejected: the person will read it."
    ]
    join_request.refresh_from_db()
    assert join_request.status == RequestStatus.PENDING


def test_decide_reject_with_reason(client: Client, hospital: Organisation, admin: Any) -> None:
    join_request = _request(hospital)

    signed_in(client, admin).post(
        _page(hospital, "accounts:join_request_decide", pk=join_request.pk),
        {"decision": "reject", "reason": "Niet gekend"},
    )

    join_request.refresh_from_db()
    assert (join_request.status, join_request.reason) == (RequestStatus.REJECTED, "Niet gekend")
    assert Membership.objects.filter(user=join_request.user).count() == 0


def test_decide_unknown_decision_changes_nothing(
    client: Client, hospital: Organisation, admin: Any
) -> None:
    join_request = _request(hospital)

    response = signed_in(client, admin).post(
        _page(hospital, "accounts:join_request_decide", pk=join_request.pk), {"decision": "maybe"}
    )

    assert response.status_code == 400
    join_request.refresh_from_db()
    assert join_request.status == RequestStatus.PENDING


# ---------------------------------------------------------------- remove and leave


def test_member_leaves_and_loses_access_at_once(
    client: Client, hospital: Organisation, member: Any
) -> None:
    signed_in(client, member)

    response = client.post(
        _page(hospital, "accounts:member_remove", user_id=member.pk), {"role": ""}
    )

    assert response["Location"] == reverse("accounts:organisations")
    assert Membership.objects.filter(user=member).count() == 0
    assert client.get(_page(hospital)).status_code == 404


def test_admin_removes_one_role(
    client: Client, hospital: Organisation, admin: Any, member: Any
) -> None:
    services.membership_add(organisation=hospital, user=member, role=OrgRole.PROVIDER_STAFF)

    signed_in(client, admin).post(
        _page(hospital, "accounts:member_remove", user_id=member.pk), {"role": OrgRole.PROFESSIONAL}
    )

    assert list(Membership.objects.filter(user=member).values_list("role", flat=True)) == [
        OrgRole.PROVIDER_STAFF
    ]


def test_last_admin_cannot_leave(client: Client, hospital: Organisation, admin: Any) -> None:
    signed_in(client, admin)

    response = client.post(
        _page(hospital, "accounts:member_remove", user_id=admin.pk), {"role": ""}, follow=True
    )

    assert Membership.objects.filter(user=admin, role=OrgRole.ORG_ADMIN).count() == 1
    assert [str(m) for m in response.context["messages"]] == [
        "An organisation needs at least one administrator: appoint another one first."
    ]


def test_remove_unknown_role_changes_nothing(
    client: Client, hospital: Organisation, admin: Any, member: Any
) -> None:
    signed_in(client, admin).post(
        _page(hospital, "accounts:member_remove", user_id=member.pk), {"role": "everything"}
    )

    assert Membership.objects.filter(user=member).count() == 1


def test_remove_a_non_member_is_404(client: Client, hospital: Organisation, admin: Any) -> None:
    stranger = user_create("stranger@example.org")

    response = signed_in(client, admin).post(
        _page(hospital, "accounts:member_remove", user_id=stranger.pk), {"role": ""}
    )

    assert response.status_code == 404


def test_members_are_paged_and_searchable(
    client: Client, hospital: Organisation, admin: Any
) -> None:
    for n in range(55):
        services.membership_add(
            organisation=hospital, user=user_create(f"lid{n:02d}@az.example"), role="professional"
        )
    signed_in(client, admin)
    url = reverse("accounts:organisation", kwargs={"slug": hospital.slug})

    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    found = client.get(url, {"q": "lid07"}).content.decode()

    assert "Page 1 of 2" in first and "lid54@az.example" not in first
    assert "lid54@az.example" in second
    assert "lid07@az.example" in found and "lid08@az.example" not in found
    assert "1 person" in found
