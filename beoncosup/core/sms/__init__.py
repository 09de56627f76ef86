"""Sending text messages off the request path, like e-mail (core.mail): ``sms_queue`` checks
the number and the length, then a background task sends the message once the transaction
commits, through the backend ``BEONCOSUP_SMS_BACKEND`` names (docs/sms.md). Numbers and texts
are never logged.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from beoncosup.core.phone import is_e164
from beoncosup.core.sms.backends import (
    MAX_SEGMENTS,
    BaseSmsBackend,
    SmsDisabledError,
    SmsError,
    SmsMessage,
    outbox,
    sms_backend,
    sms_segments,
)
from beoncosup.core.sms.tasks import sms_send

__all__ = [
    "MAX_SEGMENTS",
    "BaseSmsBackend",
    "SmsDisabledError",
    "SmsError",
    "SmsMessage",
    "outbox",
    "sms_backend",
    "sms_enabled",
    "sms_queue",
    "sms_segments",
]


def sms_queue(*, to: str, body: str) -> None:
    """Queue one text message for sending after the current transaction commits.

    ``to`` must already be a valid number in E.164 (``core.phone.phone_normalise`` makes one);
    raises ``ValueError`` for another number, an empty text or one longer than three SMS parts
    (459 GSM characters, fewer with other characters). The error never quotes the number.
    """
    if not is_e164(to):
        raise ValueError("The SMS recipient is not a valid number in E.164 format.")
    if not body.strip():
        raise ValueError("An SMS needs a text.")
    if sms_segments(body) > MAX_SEGMENTS:
        raise ValueError(f"An SMS may take at most {MAX_SEGMENTS} parts (459 GSM characters).")
    transaction.on_commit(lambda: sms_send.enqueue(to=to, body=body))


def sms_enabled() -> bool:
    """Whether this server can send text messages: pages offer SMS only when it can (the
    ``disabled`` backend refuses every message)."""
    return str(getattr(settings, "BEONCOSUP_SMS_BACKEND", "disabled")) != "disabled"
