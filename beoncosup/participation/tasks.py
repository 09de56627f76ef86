"""Background work of the participation app: the daily retention purge (enqueued from cron by
``purge_participation_registrations``) and the e-mails about an action's new status (enqueued
by services.actions once the change is committed); run by ``manage.py db_worker``."""

from __future__ import annotations

from django_tasks import task

from beoncosup.participation.services import retention


@task()
def participation_registrations_purge() -> int:
    """Delete the working-group registrations past their retention."""
    return retention.registrations_expired_delete()
