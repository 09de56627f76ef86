"""Reads about accounts: a person's roles (memoised on the user for one request), members,
invitations, requests and tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from beoncosup.accounts.codes import OrgRole, PlatformRole, RequestStatus
from beoncosup.accounts.models import (
    ApiToken,
    Invitation,
    JoinRequest,
    Membership,
    Organisation,
)

_CACHE_ATTRIBUTE = "_beoncosup_roles"


@dataclass(frozen=True)
class Roles:
    """Everything a person may be: platform roles and, per organisation id, their roles there."""

    platform: frozenset[str] = frozenset()
    by_organisation: dict[int, frozenset[str]] = field(default_factory=dict)
    superuser: bool = False
    admin_access: bool = False  # may open the Wagtail admin (unpublished content)

    def has_platform(self, role: str) -> bool:
        return (
            self.superuser
            or role in self.platform
            or (
                PlatformRole.PLATFORM_ADMIN in self.platform and role != PlatformRole.PLATFORM_ADMIN
            )
        )

    def in_organisation(self, organisation_id: int, role: str | None = None) -> bool:
        roles = self.by_organisation.get(organisation_id, frozenset())
        return bool(roles) if role is None else role in roles

    def organisations_with(self, role: str) -> list[int]:
        return [org for org, roles in self.by_organisation.items() if role in roles]

    @property
    def is_privileged(self) -> bool:
        """Whether this person can see personal or unpublished data, so needs MFA."""
        return (
            self.superuser or self.admin_access or bool(self.platform) or bool(self.by_organisation)
        )


def roles_of(user: Any) -> Roles:
    """The user's roles, read once per user object (a request's ``request.user``)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if isinstance(cached, Roles):
        return cached
    by_org: dict[int, set[str]] = {}
    for org_id, role in Membership.objects.filter(user=user).values_list("organisation_id", "role"):
        by_org.setdefault(org_id, set()).add(role)
    roles = Roles(
        platform=frozenset(user.role_grants.values_list("role", flat=True)),
        by_organisation={org: frozenset(r) for org, r in by_org.items()},
        superuser=bool(user.is_superuser),
        admin_access=bool(user.is_staff or user.has_perm("wagtailadmin.access_admin")),
    )
    setattr(user, _CACHE_ATTRIBUTE, roles)
    return roles


def roles_forget(user: Any) -> None:
    """Drop the memoised roles after a change within the same request."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def organisations_of(user: Any) -> QuerySet[Organisation]:
    return Organisation.objects.filter(memberships__user=user).distinct().order_by("name")


def organisations_all() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def organisation_members(*, organisation: Organisation, search: str = "") -> list[dict[str, Any]]:
    """One row per person: the user and the roles they hold here; ``search`` keeps the people
    whose e-mail address or name contains it."""
    memberships = Membership.objects.filter(organisation=organisation)
    if search:
        memberships = memberships.filter(
            Q(user__email__icontains=search)
            | Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
        )
    rows: dict[int, dict[str, Any]] = {}
    for membership in memberships.select_related("user").order_by("user__email", "role"):
        row = rows.setdefault(
            membership.user_id, {"user": membership.user, "roles": [], "since": None}
        )
        row["roles"].append(membership.get_role_display())
        row["since"] = min(filter(None, [row["since"], membership.created_at]))
    return list(rows.values())


def invitations_open(*, organisation: Organisation) -> list[Invitation]:
    return [
        i for i in organisation.invitations.filter(accepted_at=None, revoked_at=None) if i.is_open
    ]


def join_requests_pending(*, organisation: Organisation) -> QuerySet[JoinRequest]:
    return organisation.join_requests.filter(status=RequestStatus.PENDING).select_related("user")


def join_requests_of(*, user: Any) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(user=user).select_related("organisation")


def api_tokens_of(*, organisation: Organisation) -> QuerySet[ApiToken]:
    return organisation.api_tokens.select_related("created_by")


def people_with_platform_roles() -> QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(role_grants__isnull=False)
        .distinct()
        .prefetch_related("role_grants")
        .order_by("email")
    )


def provider_staff_emails(*, organisation: Organisation) -> list[str]:
    return list(
        Membership.objects.filter(organisation=organisation, role=OrgRole.PROVIDER_STAFF)
        .values_list("user__email", flat=True)
        .distinct()
    )
