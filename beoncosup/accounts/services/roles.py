"""Platform roles (editor, reviewer, analyst, platform admin)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import ROLE_GROUPS, PlatformRole
from beoncosup.accounts.models import (
    RoleGrant,
)
from beoncosup.accounts.selectors import roles_forget
from beoncosup.audit.services import event_record
from beoncosup.core.services import editor_managed_apps


def _admin_group(name: str) -> Group:
    """The Wagtail group of a platform role, with access to the admin and to the data editors
    curate there (the apps whose AppConfig says ``editor_managed``)."""
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label__in=editor_managed_apps()),
    )
    return group


@transaction.atomic
def role_grant(*, user: Any, role: str, granted_by: Any) -> RoleGrant:
    """Give a platform role; editors and reviewers also join the Wagtail group that carries
    their admin permissions."""
    if role not in PlatformRole.values:
        raise ValidationError(_("Choose one of the roles offered."))
    grant, created = RoleGrant.objects.get_or_create(
        user=user, role=role, defaults={"granted_by": granted_by}
    )
    group_name = ROLE_GROUPS.get(PlatformRole(role))
    if group_name:
        user.groups.add(_admin_group(group_name))
    if created:
        event_record(
            action="role.granted",
            actor=granted_by,
            target=user,
            target_label=user.email,
            detail={"role": role},
        )
    roles_forget(user)
    return grant


@transaction.atomic
def role_revoke(*, user: Any, role: str, revoked_by: Any) -> bool:
    deleted, _rows = RoleGrant.objects.filter(user=user, role=role).delete()
    remaining = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    group_name = ROLE_GROUPS.get(PlatformRole(role)) if role in PlatformRole.values else None
    if group_name and not any(ROLE_GROUPS.get(PlatformRole(r)) == group_name for r in remaining):
        user.groups.remove(*Group.objects.filter(name=group_name))
    if deleted:
        event_record(
            action="role.revoked",
            actor=revoked_by,
            target=user,
            target_label=user.email,
            detail={"role": role},
        )
    roles_forget(user)
    return bool(deleted)
