"""The organisation's admin pages: invitations, decisions on requests to join, removing and
leaving."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, RequestStatus
from beoncosup.accounts.models import Invitation, JoinRequest, Membership, Organisation
from beoncosup.accounts.testing import signed_in, user_create

pytestmark = pytest.mark.django_db


def _page(hospital: Organisation, name: str = "accounts:organisation", **kwargs: Any) -> str:
    return reverse(name, kwargs={"slug": hospital.slug, **kwargs})


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
