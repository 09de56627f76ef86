"""Background work of the site shell: sending a queued e-mail (core.mail)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def mail_send(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str,
    html: str,
    attachments: list[list[str]] | None = None,
    reply_to: list[str] | None = None,
) -> int:
    """Send one e-mail; ``attachments`` are [file name, text content, MIME type] triples."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to or None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments or []:
        message.attach(name, content, mimetype)
    return int(message.send(fail_silently=False))
