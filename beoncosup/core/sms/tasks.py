"""Background work of core.sms: sending one queued text message."""

from __future__ import annotations

from django_tasks import task

from beoncosup.core.sms.backends import sms_send_now


@task()
def sms_send(*, to: str, body: str) -> int:
    """Send one queued text message (``sms_queue``). The task's arguments hold the number and
    the text until the worker runs it; nothing logs them."""
    return sms_send_now(to=to, body=body)
