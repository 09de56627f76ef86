"""Who may do what in participation (django-rules). Everything public is open to everyone;
participants reach their registration by its token; editors run the groups, sessions,
minutes and actions."""

from __future__ import annotations

import rules

from beoncosup.accounts.rules import is_editor, is_platform_admin

editors = is_editor | is_platform_admin

rules.add_perm("participation.manage", editors)
rules.add_perm("participation.view_registrations", editors)
