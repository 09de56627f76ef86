"""Who may do what, as named predicates (django-rules). Views, HTMX endpoints and API operations
check these on the server; templates may ask them too, but only to hide a button.

Object-level predicates take an ``Organisation`` (or anything with ``organisation_id``).
Apps above this one build their own rules from these predicates.
"""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import PermissionDenied

from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.selectors import roles_of


def _organisation_id(target: Any) -> int | None:
    if target is None:
        return None
    if hasattr(target, "organisation_id"):
        return int(target.organisation_id)
    return int(target.pk) if getattr(target, "pk", None) is not None else None


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _platform(role: str) -> Any:
    @rules.predicate(name=f"has_{role}_role")
    def check(user: Any) -> bool:
        return roles_of(user).has_platform(role)

    return check


is_editor = _platform(PlatformRole.EDITOR)
is_reviewer = _platform(PlatformRole.REVIEWER)
is_analyst = _platform(PlatformRole.ANALYST)
is_platform_admin = _platform(PlatformRole.PLATFORM_ADMIN)


def _in_any(role: str) -> Any:
    @rules.predicate(name=f"is_any_{role}")
    def check(user: Any) -> bool:
        return bool(roles_of(user).organisations_with(role))

    return check


is_professional = _in_any(OrgRole.PROFESSIONAL)
is_any_org_admin = _in_any(OrgRole.ORG_ADMIN)
is_any_provider_staff = _in_any(OrgRole.PROVIDER_STAFF)


@rules.predicate
def is_member(user: Any, organisation: Any) -> bool:
    org = _organisation_id(organisation)
    return org is not None and roles_of(user).in_organisation(org)


@rules.predicate
def is_org_admin(user: Any, organisation: Any) -> bool:
    org = _organisation_id(organisation)
    return org is not None and roles_of(user).in_organisation(org, OrgRole.ORG_ADMIN)


@rules.predicate
def is_provider_staff_of(user: Any, organisation: Any) -> bool:
    org = _organisation_id(organisation)
    return org is not None and roles_of(user).in_organisation(org, OrgRole.PROVIDER_STAFF)


@rules.predicate
def needs_mfa(user: Any) -> bool:
    """Every role that can see personal or unpublished data signs in with a second factor."""
    return roles_of(user).is_privileged


def require(request: Any, permission: str, obj: Any = None) -> None:
    """Raise PermissionDenied (403) unless the request's user has ``permission`` on ``obj``:
    the one server-side check every view of every app makes."""
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


# Permissions, named <app>.<verb>_<thing> as Django's are.
rules.add_perm("accounts.use_workspace", is_signed_in & (is_professional | is_any_org_admin))
rules.add_perm("accounts.view_organisation", is_member | is_platform_admin)
rules.add_perm("accounts.manage_organisation", is_org_admin | is_platform_admin)
rules.add_perm("accounts.create_organisation", is_platform_admin)
rules.add_perm("accounts.manage_roles", is_platform_admin)
rules.add_perm("accounts.view_audit", is_platform_admin)
rules.add_perm("accounts.view_organisation_audit", is_org_admin | is_platform_admin)
rules.add_perm("accounts.request_membership", is_signed_in)
