"""Who may do what in the network (django-rules), checked on the server by every view and API
operation.

- **Public**: the public fields of profiles their members made public; group names.
- **Member** (a signed-in person with a network profile): the whole directory, their own
  profile, joining open groups.
- **Group member**: the member list, meetings and announcements of their groups.
- **Facilitator** of a group, editors, platform administrators: manage the group's meetings,
  members and announcements.
- **Professional** (signed in with the professional role) may create a profile.
"""

from __future__ import annotations

from typing import Any

import rules

from beoncosup.accounts.rules import (
    is_editor,
    is_platform_admin,
    is_professional,
    is_signed_in,
)
from beoncosup.network.codes import GroupRole
from beoncosup.network.models import Group, GroupMembership, Profile


@rules.predicate
def has_profile(user: Any) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and Profile.objects.filter(user=user).exists()
    )


def _in_group(user: Any, group: Any, role: str | None = None) -> bool:
    if not isinstance(group, Group) or not getattr(user, "is_authenticated", False):
        return False
    memberships = GroupMembership.objects.filter(group=group, profile__user=user)
    if role is not None:
        memberships = memberships.filter(role=role)
    return memberships.exists()


@rules.predicate
def is_group_member(user: Any, group: Any) -> bool:
    return _in_group(user, group)


@rules.predicate
def is_facilitator(user: Any, group: Any) -> bool:
    return _in_group(user, group, GroupRole.FACILITATOR)


staff = is_editor | is_platform_admin

rules.add_perm("network.create_profile", is_signed_in & (is_professional | has_profile | staff))
rules.add_perm("network.search_members", is_signed_in & (has_profile | staff))
rules.add_perm("network.view_group", is_signed_in & (is_group_member | staff))
rules.add_perm("network.manage_group", is_signed_in & (is_facilitator | staff))
rules.add_perm("network.create_group", is_signed_in & staff)
