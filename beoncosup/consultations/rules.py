"""Who may do what with consultations. Answering, the results and unsubscribing are public;
the raw counts before publication and publishing are the editors'."""

from __future__ import annotations

import rules

from beoncosup.accounts.rules import is_editor, is_platform_admin

rules.add_perm("consultations.manage_consultation", is_editor | is_platform_admin)
