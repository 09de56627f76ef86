"""Background work of the workplans app, enqueued daily from cron by ``purge_workplans`` and run
by ``manage.py db_worker``."""

from __future__ import annotations

from django_tasks import task

from beoncosup.workplans.services import retention


@task()
def workplans_purge() -> int:
    """Delete the plans past their retention (docs/workplans.md)."""
    return retention.plans_purge()
