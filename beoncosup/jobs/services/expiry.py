"""Offers past their end date: the warning a week before, then expiry; and the contact log's
retention. Run daily (tasks.py, commands ``send_job_expiry_warnings`` and
``expire_job_offers``). The public queries filter on ``expires_on`` too, so an offer leaves
the search on its last day even if the task has not run yet."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.jobs.codes import OfferStatus
from beoncosup.jobs.models import ContactLog, JobOffer
from beoncosup.jobs.services.mails import mail_render

WARN_DAYS = 7
CONTACT_LOG_DAYS = 30


@transaction.atomic
def offers_expire(*, today: dt.date | None = None) -> int:
    """Mark published offers whose end date has passed as expired; returns how many.

    Side effects: an audit event "jobs.offer_expired" per offer; the search index follows
    (the catalogue's post_save)."""
    today = today or timezone.localdate()
    due = JobOffer.objects.select_for_update().filter(
        status=OfferStatus.PUBLISHED, expires_on__lt=today
    )
    count = 0
    for offer in due.select_related("employer__organisation"):
        offer.status = OfferStatus.EXPIRED
        offer.save(update_fields=["status", "updated_at"])
        event_record(
            action="jobs.offer_expired",
            organisation=offer.employer.organisation,
            target=offer,
            detail={"expires_on": offer.expires_on.isoformat()},
        )
        count += 1
    return count


@transaction.atomic
def expiry_warnings_send(*, today: dt.date | None = None) -> int:
    """E-mail the employer of each published offer that ends within a week, once per offer
    (until the offer is changed); returns how many were sent.

    Side effects: an e-mail per offer in the employer's language; ``expiry_warned_at`` set."""
    today = today or timezone.localdate()
    due = (
        JobOffer.objects.select_for_update()
        .filter(
            status=OfferStatus.PUBLISHED,
            expiry_warned_at__isnull=True,
            expires_on__gte=today,
            expires_on__lte=today + dt.timedelta(days=WARN_DAYS),
        )
        .select_related("employer")
    )
    count = 0
    now = timezone.now()
    for offer in due:
        mail_render(
            to=offer.employer.contact_email,
            language=offer.employer.language,
            template="offer_expiring",
            context={"offer": offer, "offer_id": offer.pk, "employer": offer.employer},
        )
        JobOffer.objects.filter(pk=offer.pk).update(expiry_warned_at=now)
        count += 1
    return count


@transaction.atomic
def contact_logs_purge(*, today: dt.date | None = None) -> int:
    """Delete the contact log rows older than 30 days (they hold only an offer, a channel and
    a date); returns how many."""
    today = today or timezone.localdate()
    limit = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=CONTACT_LOG_DAYS), dt.time.min)
    )
    deleted, _rows = ContactLog.objects.filter(created_at__lt=limit).delete()
    return deleted
