"""E-mails of the jobs app, rendered in the recipient's language from
``jobs/email/<name>_subject.txt`` and ``_message.txt``; they leave after the transaction
commits (core.mail)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from beoncosup.core.mail import mail_queue


def absolute(name: str, **kwargs: Any) -> str:
    """The absolute address of a page, in the active language."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs or None)


def mail_render(
    *,
    to: str,
    language: str,
    template: str,
    context: dict[str, Any],
    reply_to: str = "",
) -> None:
    """Queue one plain-text mail to ``to`` written in ``language`` (a reply goes to
    ``reply_to`` when given)."""
    with translation.override(language):
        context = {**context, "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}
        if "offer_id" in context:
            context["offer_url"] = absolute("jobs:offer", offer_id=context["offer_id"])
        subject = render_to_string(f"jobs/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"jobs/email/{template}_message.txt", context)
    mail_queue(
        subject=" ".join(subject.split()),
        body=body,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
    )
