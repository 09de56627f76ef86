"""Background work of feedback, enqueued daily from cron by ``purge_feedback --enqueue`` or run
directly by ``purge_feedback`` (docs/feedback.md), and run by ``manage.py db_worker``."""

from __future__ import annotations

from django_tasks import task

from beoncosup.feedback.services import retention


@task()
def feedback_purge() -> dict[str, int]:
    """Remove contact e-mails and closed reports past their retention."""
    return retention.reports_purge()
