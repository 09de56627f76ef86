"""The feedback app's part of the providers' home page: the open reports on the user's records
with a link to the queue (registered from FeedbackConfig.ready() through
providers.extensions; the providers app names no feedback code)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from beoncosup.feedback import selectors


def provider_summary(request: HttpRequest) -> SafeString:
    """The count of open reports on the user's records, with a link to the queue; empty for
    people who moderate none."""
    user = request.user
    if not user.has_perm("feedback.view_queue"):
        return mark_safe("")
    return mark_safe(  # noqa: S308 (a rendered template)
        render_to_string(
            "feedback/includes/provider_summary.html",
            {"open_count": selectors.open_count(user)},
            request=request,
        )
    )
