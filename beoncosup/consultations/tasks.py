"""Background work of the consultations, enqueued daily from cron by
``purge_consultation_contacts`` (docs/consultations.md) and run by ``manage.py db_worker``."""

from __future__ import annotations

from django_tasks import task

from beoncosup.consultations.services import retention


@task()
def consultation_contacts_purge() -> dict[str, int]:
    """Delete the contacts and empty the written answers past their retention."""
    purged = retention.consultation_contacts_purge()
    return {"contacts": purged.contacts, "texts": purged.texts}
