"""Template tags other apps' templates use to show feedback without importing it: the
"Something is wrong here?" link on a listing or an article, and the open reports on the
providers' home page."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from beoncosup.feedback import selectors

register = template.Library()


@register.simple_tag
def feedback_link(kind: str, object_id: Any, name: str = "") -> str:
    """The small link to the report form; ``name`` (the record's name) is read by screen
    readers only, so a list of cards has distinct link names."""
    url = reverse("feedback:report", kwargs={"kind": kind, "object_id": str(object_id)})
    hidden = format_html('<span class="visually-hidden">: {}</span>', name) if name else ""
    return format_html(
        '<a class="feedback-link" href="{}" rel="nofollow">{}{}</a>',
        url,
        _("Something is wrong here?"),
        hidden,
    )


@register.inclusion_tag("feedback/includes/provider_summary.html", takes_context=True)
def feedback_provider_summary(context: Any) -> dict[str, Any]:
    """The count of open reports on the user's records, with a link to the queue."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("feedback.view_queue"):
        return {"show": False}
    return {"show": True, "open_count": selectors.open_count(user)}
