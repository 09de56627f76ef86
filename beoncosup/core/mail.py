"""Sending e-mail off the request path: a mail is queued as a background task once the
transaction commits, so a rolled-back write never sends one and an unreachable mail server never
breaks a page. The worker (``manage.py db_worker``) sends it; tests and development send at once.
"""

from __future__ import annotations

from django.db import transaction

from beoncosup.core import tasks


def mail_queue(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str = "",
    html: str = "",
    attachments: list[tuple[str, str, str]] | None = None,
    reply_to: list[str] | None = None,
) -> None:
    """Queue one e-mail for sending after the current transaction commits. ``attachments``
    are text files as (file name, content, MIME type), e.g. an iCalendar invitation;
    ``reply_to`` the addresses a reply goes to (a relayed message's writer)."""
    files = [list(attachment) for attachment in attachments or []]
    transaction.on_commit(
        lambda: tasks.mail_send.enqueue(
            subject=subject,
            body=body,
            to=to,
            from_email=from_email,
            html=html,
            attachments=files,
            reply_to=list(reply_to or []),
        )
    )
