"""Background work of the training app, enqueued daily from cron by its commands
(``send_training_reminders``, ``purge_training_registrations``; docs/training.md) and run by
``manage.py db_worker``."""

from __future__ import annotations

from django_tasks import task

from beoncosup.training.services import reminders, retention


@task()
def training_reminders_send() -> int:
    """E-mail the participants of the sessions that start in one to two days."""
    return reminders.session_reminders_send()


@task()
def training_registrations_purge() -> dict[str, int]:
    """Delete the registrations past their retention (docs/privacy.md)."""
    return retention.enrolments_expired_delete()
