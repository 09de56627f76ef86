"""Who may see what of the needs insights. The public pages, the open-data API and the
quarterly reports are open to everyone (they hold only suppressed, rounded, complete-period
tables); the dashboards with exact counts, the running quarter, supply details, downloads and
the analysts' API need the analyst role (or platform admin)."""

from __future__ import annotations

import rules

from beoncosup.accounts.rules import is_analyst, is_platform_admin, is_signed_in

rules.add_perm("insights.view_dashboards", is_signed_in & (is_analyst | is_platform_admin))
