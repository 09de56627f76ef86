"""Who may do what with feedback reports (django-rules), checked on the server by every view.

- **Anyone**, without an account: report a problem, follow their report by its status link.
- **Editors** (and platform administrators): every report, the counts per record, every
  action.
- **Provider staff**: the reports on the records their organisation holds
  (accounts.Organisation.listings → directory organisation → its services), and the actions on
  them. Another organisation's report is not found (404), not refused.

Object-level rules take a ``Target`` (targets.py) or a ``Report``.
"""

from __future__ import annotations

from typing import Any

import rules

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.rules import (
    is_any_provider_staff,
    is_editor,
    is_platform_admin,
    is_signed_in,
)
from beoncosup.accounts.selectors import roles_of
from beoncosup.feedback.models import Report
from beoncosup.feedback.targets import Target, target_kind


def _target_of(obj: Any) -> Target | None:
    if isinstance(obj, Target):
        return obj
    if isinstance(obj, Report):
        kind = target_kind(obj.kind)
        return kind.resolve(obj.object_id) if kind is not None else None
    return None


@rules.predicate
def holds_record(user: Any, obj: Any) -> bool:
    """The user is provider staff of an organisation that holds the record."""
    target = _target_of(obj)
    if target is None or not target.organisation_ids:
        return False
    mine = set(roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF))
    return bool(mine & target.organisation_ids)


is_editorial = is_editor | is_platform_admin

rules.add_perm("feedback.view_queue", is_signed_in & (is_editorial | is_any_provider_staff))
rules.add_perm("feedback.view_all_reports", is_signed_in & is_editorial)
rules.add_perm("feedback.view_record_counts", is_signed_in & is_editorial)
rules.add_perm("feedback.moderate_report", is_signed_in & (is_editorial | holds_record))
