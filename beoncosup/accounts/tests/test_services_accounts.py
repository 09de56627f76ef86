"""Services of accounts: invitations, requests to join, memberships, platform roles, tokens."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, PlatformRole, RequestStatus
from beoncosup.accounts.models import ApiToken, Invitation, JoinRequest, Membership, RoleGrant
from beoncosup.accounts.selectors import roles_of
from beoncosup.accounts.testing import organisation_with, user_create
from beoncosup.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def hospital() -> Any:
    return organisation_with(members={"admin@az.example": [OrgRole.ORG_ADMIN]})


@pytest.fixture
def admin(hospital: Any) -> Any:
    return hospital.memberships.get(role=OrgRole.ORG_ADMIN).user


def _invite(hospital: Any, admin: Any, email: str = "new@az.example") -> Any:
    return services.invitation_create(
        organisation=hospital,
        email=email,
        role=OrgRole.PROFESSIONAL,
        invited_by=admin,
        language="nl",
    )


def _token_of(issued: Any) -> str:
    return str(issued.url.rstrip("/").rsplit("/", 1)[1])


# ---------------------------------------------------------------- invitations


def test_invitation_create_stores_only_the_hash_and_records_it(hospital: Any, admin: Any) -> None:
    issued = _invite(hospital, admin, email=" New@AZ.example ")

    token = _token_of(issued)
    assert issued.invitation.email == "new@az.example"
    assert issued.invitation.token_hash == services.token_hash(token)
    assert token not in issued.invitation.token_hash
    assert list(
        AuditEvent.objects.filter(action="invitation.sent").values_list("target_label", flat=True)
    ) == ["new@az.example"]


def test_invitation_create_unknown_role_is_refused(hospital: Any, admin: Any) -> None:
    with pytest.raises(ValidationError):
        services.invitation_create(
            organisation=hospital,
            email="x@az.example",
            role="owner",
            invited_by=admin,
            language="nl",
        )
    assert Invitation.objects.count() == 0


def test_invitation_create_again_revokes_the_older_link(hospital: Any, admin: Any) -> None:
    first = _invite(hospital, admin)
    second = _invite(hospital, admin)

    first.invitation.refresh_from_db()
    assert first.invitation.revoked_at is not None
    assert second.invitation.is_open is True


def test_invitation_accept_gives_the_role(hospital: Any, admin: Any) -> None:
    issued = _invite(hospital, admin)
    person = user_create("new@az.example")

    services.invitation_accept(token=_token_of(issued), user=person)

    assert roles_of(person).in_organisation(hospital.pk, OrgRole.PROFESSIONAL) is True
    issued.invitation.refresh_from_db()
    assert issued.invitation.accepted_by == person


def test_invitation_accept_twice_is_refused(hospital: Any, admin: Any) -> None:
    issued = _invite(hospital, admin)
    person = user_create("new@az.example")
    services.invitation_accept(token=_token_of(issued), user=person)

    with pytest.raises(ValidationError):
        services.invitation_accept(token=_token_of(issued), user=person)


def test_invitation_accept_expired_is_refused(hospital: Any, admin: Any) -> None:
    issued = _invite(hospital, admin)
    Invitation.objects.filter(pk=issued.invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    person = user_create("new@az.example")

    with pytest.raises(ValidationError):
        services.invitation_accept(token=_token_of(issued), user=person)
    assert Membership.objects.filter(user=person).count() == 0


def test_invitation_accept_revoked_is_refused(hospital: Any, admin: Any) -> None:
    issued = _invite(hospital, admin)
    services.invitation_revoke(invitation=issued.invitation, revoked_by=admin)
    person = user_create("new@az.example")

    with pytest.raises(ValidationError):
        services.invitation_accept(token=_token_of(issued), user=person)
    assert Membership.objects.filter(user=person).count() == 0


def test_invitation_accept_by_another_address_is_refused(hospital: Any, admin: Any) -> None:
    issued = _invite(hospital, admin)
    someone_else = user_create("other@az.example")

    with pytest.raises(PermissionDenied):
        services.invitation_accept(token=_token_of(issued), user=someone_else)
    issued.invitation.refresh_from_db()
    assert issued.invitation.accepted_at is None


def test_invitation_accept_needs_a_verified_address(hospital: Any, admin: Any) -> None:
    issued = _invite(hospital, admin)
    person = user_create("new@az.example")
    EmailAddress.objects.filter(user=person).update(verified=False)

    with pytest.raises(PermissionDenied):
        services.invitation_accept(token=_token_of(issued), user=person)


# ---------------------------------------------------------------- requests to join


def test_join_request_approve_gives_the_role(hospital: Any, admin: Any) -> None:
    person = user_create("asks@az.example")
    request = services.join_request_create(
        organisation=hospital, user=person, role=OrgRole.PROFESSIONAL, message="Oncologie"
    )

    services.join_request_decide(join_request=request, approve=True, decided_by=admin)

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert list(Membership.objects.filter(user=person).values_list("role", flat=True)) == [
        OrgRole.PROFESSIONAL
    ]


def test_join_request_reject_needs_a_reason(hospital: Any, admin: Any) -> None:
    person = user_create("asks@az.example")
    request = services.join_request_create(
        organisation=hospital, user=person, role=OrgRole.PROFESSIONAL
    )

    with pytest.raises(ValidationError):
        services.join_request_decide(
            join_request=request, approve=False, decided_by=admin, reason=" "
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_join_request_reject_keeps_the_reason_and_no_role(hospital: Any, admin: Any) -> None:
    person = user_create("asks@az.example")
    request = services.join_request_create(
        organisation=hospital, user=person, role=OrgRole.PROFESSIONAL
    )

    services.join_request_decide(
        join_request=request, approve=False, decided_by=admin, reason="Unknown to us"
    )

    request.refresh_from_db()
    assert (request.status, request.reason) == (RequestStatus.REJECTED, "Unknown to us")
    assert Membership.objects.filter(user=person).count() == 0


def test_join_request_duplicate_is_refused(hospital: Any) -> None:
    person = user_create("asks@az.example")
    services.join_request_create(organisation=hospital, user=person, role=OrgRole.PROFESSIONAL)

    with pytest.raises(ValidationError):
        services.join_request_create(organisation=hospital, user=person, role=OrgRole.PROFESSIONAL)
    assert JoinRequest.objects.filter(user=person).count() == 1


def test_join_request_as_admin_is_refused(hospital: Any) -> None:
    person = user_create("asks@az.example")

    with pytest.raises(ValidationError):
        services.join_request_create(organisation=hospital, user=person, role=OrgRole.ORG_ADMIN)


# ---------------------------------------------------------------- membership removal


def test_member_remove_one_role_keeps_the_others(hospital: Any, admin: Any) -> None:
    person = user_create("two@az.example")
    for role in (OrgRole.PROFESSIONAL, OrgRole.PROVIDER_STAFF):
        services.membership_add(organisation=hospital, user=person, role=role)

    removed = services.membership_remove(
        organisation=hospital, user=person, removed_by=admin, role=OrgRole.PROFESSIONAL
    )

    assert removed == 1
    assert list(Membership.objects.filter(user=person).values_list("role", flat=True)) == [
        OrgRole.PROVIDER_STAFF
    ]


def test_member_remove_last_admin_is_refused(hospital: Any, admin: Any) -> None:
    with pytest.raises(ValidationError):
        services.membership_remove(organisation=hospital, user=admin, removed_by=admin)
    assert Membership.objects.filter(user=admin, role=OrgRole.ORG_ADMIN).count() == 1


def test_member_remove_last_admin_by_platform_admin_is_allowed(hospital: Any, admin: Any) -> None:
    platform_admin = user_create("root@beoncosup.example")
    services.role_grant(user=platform_admin, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)

    services.membership_remove(organisation=hospital, user=admin, removed_by=platform_admin)

    assert Membership.objects.filter(organisation=hospital).count() == 0


def test_member_remove_admin_when_another_admin_remains(hospital: Any, admin: Any) -> None:
    second = user_create("second@az.example")
    services.membership_add(organisation=hospital, user=second, role=OrgRole.ORG_ADMIN)

    services.membership_remove(organisation=hospital, user=admin, removed_by=admin)

    assert roles_of(admin).in_organisation(hospital.pk) is False


# ---------------------------------------------------------------- platform roles


def test_role_grant_editor_joins_the_wagtail_group() -> None:
    person = user_create("editor@beoncosup.example")

    services.role_grant(user=person, role=PlatformRole.EDITOR, granted_by=None)

    assert list(person.groups.values_list("name", flat=True)) == ["Editors"]
    assert roles_of(person).has_platform(PlatformRole.EDITOR) is True


def test_role_revoke_leaves_the_group_only_when_no_role_needs_it() -> None:
    person = user_create("both@beoncosup.example")
    services.role_grant(user=person, role=PlatformRole.REVIEWER, granted_by=None)
    services.role_grant(user=person, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)

    services.role_revoke(user=person, role=PlatformRole.REVIEWER, revoked_by=None)
    assert list(person.groups.values_list("name", flat=True)) == ["Moderators"]

    services.role_revoke(user=person, role=PlatformRole.PLATFORM_ADMIN, revoked_by=None)
    assert list(person.groups.values_list("name", flat=True)) == []
    assert RoleGrant.objects.filter(user=person).count() == 0
    assert Group.objects.filter(name="Moderators").count() == 1


def test_role_grant_unknown_role_is_refused() -> None:
    person = user_create("x@beoncosup.example")

    with pytest.raises(ValidationError):
        services.role_grant(user=person, role="superuser", granted_by=None)
    assert RoleGrant.objects.count() == 0


# ---------------------------------------------------------------- API tokens


def test_token_create_stores_only_the_hash(hospital: Any, admin: Any) -> None:
    issued = services.api_token_create(organisation=hospital, name="EPD", created_by=admin, days=90)

    stored = ApiToken.objects.get()
    assert stored.token_hash == services.token_hash(issued.secret)
    assert issued.secret.startswith(stored.prefix)
    assert len(stored.prefix) < len(issued.secret) - 20
    assert [issued.secret in str(value) for value in stored.__dict__.values()].count(True) == 0
    assert issued.secret not in str(list(AuditEvent.objects.values()))


def test_token_create_longer_than_allowed_is_refused(
    hospital: Any, admin: Any, settings: Any
) -> None:
    settings.BEONCOSUP_API_TOKEN_MAX_DAYS = 30

    with pytest.raises(ValidationError):
        services.api_token_create(organisation=hospital, name="EPD", created_by=admin, days=31)
    assert ApiToken.objects.count() == 0


def test_token_authenticate_active_marks_it_used(hospital: Any, admin: Any) -> None:
    issued = services.api_token_create(organisation=hospital, name="EPD", created_by=admin, days=1)

    found = services.api_token_authenticate(issued.secret)

    assert found == issued.token
    assert ApiToken.objects.get().last_used_at is not None


def test_token_authenticate_expired_is_refused(hospital: Any, admin: Any) -> None:
    issued = services.api_token_create(organisation=hospital, name="EPD", created_by=admin, days=1)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    assert services.api_token_authenticate(issued.secret) is None


def test_token_authenticate_revoked_is_refused(hospital: Any, admin: Any) -> None:
    issued = services.api_token_create(organisation=hospital, name="EPD", created_by=admin, days=1)
    services.api_token_revoke(token=issued.token, revoked_by=admin)

    assert services.api_token_authenticate(issued.secret) is None


def test_token_authenticate_unknown_is_refused() -> None:
    assert services.api_token_authenticate("bos_" + "x" * 43) is None
    assert services.api_token_authenticate("not-ours") is None
