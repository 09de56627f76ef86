"""Background work of the referrals app, enqueued daily from cron by ``notify_stalled_referrals``
and ``anonymise_referrals`` (docs/referrals.md; ``manage.py db_worker`` runs them)."""

from __future__ import annotations

from django_tasks import task

from beoncosup.referrals import services


@task()
def stalled_referrals_notify() -> int:
    return services.referrals_stalled_notify()


@task()
def referrals_retention() -> int:
    return services.referrals_anonymise()
