"""Organisations and memberships."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.models import (
    Membership,
    Organisation,
)
from beoncosup.accounts.selectors import roles_forget, roles_of
from beoncosup.audit.services import event_record


@transaction.atomic
def organisation_create(
    *, name: str, kind: str, created_by: Any, slug: str = "", is_demo: bool = False
) -> Organisation:
    """Create an organisation (platform admins). The creator is not made a member."""
    base = slugify(slug or name)[:70] or "organisation"
    candidate, n = base, 1
    while Organisation.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    organisation = Organisation.objects.create(
        name=name.strip(), kind=kind, slug=candidate, is_demo=is_demo
    )
    event_record(
        action="organisation.created",
        actor=created_by,
        organisation=organisation,
        target=organisation,
        detail={"kind": kind},
    )
    return organisation


@transaction.atomic
def membership_add(
    *, organisation: Organisation, user: Any, role: str, added_by: Any = None, via: str = ""
) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, role=role
    )
    if created:
        event_record(
            action="role.granted",
            actor=added_by,
            organisation=organisation,
            target=user,
            target_label=user.email,
            detail={"role": role, "via": via} if via else {"role": role},
        )
    roles_forget(user)
    return membership


@transaction.atomic
def membership_remove(
    *, organisation: Organisation, user: Any, removed_by: Any, role: str | None = None
) -> int:
    """Remove one role (or every role) of a person in an organisation: their access ends with
    their next request. The last organisation admin cannot be removed by anyone but a platform
    admin, so an organisation is never left without one by accident."""
    memberships = Membership.objects.filter(organisation=organisation, user=user)
    if role:
        memberships = memberships.filter(role=role)
    roles = list(memberships.values_list("role", flat=True))
    if not roles:
        return 0
    admins_left = (
        Membership.objects.filter(organisation=organisation, role=OrgRole.ORG_ADMIN)
        .exclude(pk__in=memberships.filter(role=OrgRole.ORG_ADMIN))
        .count()
    )
    if (
        OrgRole.ORG_ADMIN in roles
        and admins_left == 0
        and not roles_of(removed_by).has_platform(PlatformRole.PLATFORM_ADMIN)
    ):
        raise ValidationError(
            _("An organisation needs at least one administrator: appoint another one first.")
        )
    memberships.delete()
    for removed in roles:
        event_record(
            action="role.revoked",
            actor=removed_by,
            organisation=organisation,
            target=user,
            target_label=user.email,
            detail={"role": removed},
        )
    roles_forget(user)
    return len(roles)
