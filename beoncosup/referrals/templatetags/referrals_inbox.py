"""``{% inbox_open_count as n %}``: how many open referrals await the signed-in provider staff
(for the link to the inbox on the provider's home page; one query)."""

from __future__ import annotations

from typing import Any

from django import template

from beoncosup.referrals import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def inbox_open_count(context: dict[str, Any]) -> int | None:
    """None when the viewer may not use the inbox."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("referrals.use_inbox"):
        return None
    return selectors.inbox(user=user).count()
