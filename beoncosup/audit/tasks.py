"""Background work of the audit trail: the retention purge (scheduled by ``purge_audit``)."""

from __future__ import annotations

from django_tasks import task

from beoncosup.audit import services


@task()
def audit_purge() -> int:
    return services.events_purge()
