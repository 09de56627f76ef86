"""Who may use the workspace and its searches and lists (django-rules).

Everyone who may use the workspace (``accounts.use_workspace``: professionals and organisation
admins) has their own searches and lists. The owner edits; when shared, the members of the
organisation read them; an admin of that organisation may unshare them. Views answer 404 to
anyone who may not see an object, so its existence does not leak.
"""

# The rules package ships no type hints (the same errors show in accounts/rules.py).
# mypy: disable-error-code="attr-defined, no-untyped-call, untyped-decorator"

from __future__ import annotations

from typing import Any

import rules

from beoncosup.accounts.rules import (
    is_any_org_admin,
    is_member,
    is_org_admin,
    is_professional,
    is_signed_in,
)

uses_workspace = is_signed_in & (is_professional | is_any_org_admin)


@rules.predicate
def is_owner(user: Any, item: Any) -> bool:
    return item is not None and user.pk is not None and item.owner_id == user.pk


@rules.predicate
def is_shared_with(user: Any, item: Any) -> bool:
    """Shared with an organisation the user belongs to."""
    return bool(item is not None and item.shared and item.organisation_id and is_member(user, item))


@rules.predicate
def is_admin_of_its_organisation(user: Any, item: Any) -> bool:
    return bool(item is not None and item.organisation_id and is_org_admin(user, item))


# For a saved search or a list alike.
rules.add_perm("workspace.view_item", uses_workspace & (is_owner | is_shared_with))
rules.add_perm("workspace.change_item", uses_workspace & is_owner)
rules.add_perm(
    "workspace.unshare_item",
    uses_workspace & (is_owner | (is_shared_with & is_admin_of_its_organisation)),
)
