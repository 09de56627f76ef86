"""Background work of the jobs app, enqueued daily from cron by its commands
(``send_job_expiry_warnings``, ``expire_job_offers``; docs/jobs.md) and run by
``manage.py db_worker``."""

from __future__ import annotations

from django_tasks import task

from beoncosup.jobs.services import expiry


@task()
def job_expiry_warnings_send() -> int:
    """E-mail the employers of offers that end within a week (each offer once)."""
    return expiry.expiry_warnings_send()


@task()
def job_offers_expire() -> dict[str, int]:
    """Mark offers past their end date as expired; purge the contact log past 30 days."""
    return {"expired": expiry.offers_expire(), "contacts_purged": expiry.contact_logs_purge()}
