"""Background work of the providers app: the verification reminders (enqueued daily by the
``send_verification_reminders`` command; run by ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from beoncosup.providers import services


@task()
def verification_reminders_send() -> int:
    return services.reminders_send()
