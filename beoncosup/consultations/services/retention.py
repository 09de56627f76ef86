"""How long the consultations keep what could lead to a person: the contacts' addresses and
the free-text answers (docs/consultations.md, "What is stored, and for how long")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.consultations.models import Answer, Contact, Response

DEFAULT_DAYS = 730


def retention_days() -> int:
    """BEONCOSUP_CONSULTATION_CONTACT_DAYS (default 730): days after a consultation closes."""
    return int(getattr(settings, "BEONCOSUP_CONSULTATION_CONTACT_DAYS", DEFAULT_DAYS))


@dataclass(frozen=True)
class Purged:
    contacts: int
    texts: int


@transaction.atomic
def consultation_contacts_purge(*, now: dt.datetime | None = None) -> Purged:
    """Delete the contacts, and empty the free-text answers, of the consultations that closed
    more than ``retention_days()`` days ago. The counts of the structured answers stay.

    Side effects: deletes rows of ``consultations_contact``; empties ``Answer.text`` and
    ``Response.open_text``; one audit event when anything was purged."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=retention_days())
    contacts, _detail = Contact.objects.filter(consultation__closes_at__lt=cutoff).delete()
    texts = (
        Answer.objects.filter(response__consultation__closes_at__lt=cutoff)
        .exclude(text="")
        .update(text="")
    )
    texts += (
        Response.objects.filter(consultation__closes_at__lt=cutoff)
        .exclude(open_text="")
        .update(open_text="")
    )
    if contacts or texts:
        event_record(
            action="consultations.purged",
            detail={"contacts": contacts, "texts": texts, "closed_before": cutoff.isoformat()},
        )
    return Purged(contacts=contacts, texts=texts)
