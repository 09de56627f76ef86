"""Who may do what in the research inventory (django-rules), checked on the server by every
view (``accounts.rules.require``).

- **Public**: the published studies (pages and API).
- **Signed in** (any account, such as a researcher's): propose a study, see their own proposals.
- **Editors** and platform administrators: the review queue (publish, not publish with a
  reason), the CSV import; editing in the Wagtail admin (Snippets → Research).
"""

from __future__ import annotations

import rules

from beoncosup.accounts.rules import is_editor, is_platform_admin, is_signed_in

staff = is_editor | is_platform_admin

rules.add_perm("research.propose", is_signed_in)
rules.add_perm("research.review", is_signed_in & staff)
rules.add_perm("research.import", is_signed_in & staff)
