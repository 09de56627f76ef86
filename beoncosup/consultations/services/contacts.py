"""The e-mail addresses people leave to hear what was done with the answers: kept apart from
the answers (no link between the two tables), encrypted, and deleted on request or some time
after the consultation closes (services.retention)."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction

from beoncosup.audit.services import event_record
from beoncosup.consultations.models import Consultation, Contact


def email_digest(email: str) -> str:
    """HMAC-SHA256 of the lower-cased address under the site's secret (a label of its own, so
    the digest differs from other apps' digests of the same address)."""
    key = b"consultations-contact:" + str(settings.SECRET_KEY).encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def contact_add(
    *, consultation: Consultation, email: str, language: str, is_demo: bool = False
) -> Contact:
    """Keep ``email`` to tell its owner what was done with this consultation's answers (once per
    address and consultation: a second time returns the first contact, its language updated).

    Side effects: one row in ``consultations_contact``. No audit event and no log line: either
    would put a time beside the answer saved in the same request."""
    email = email.strip()
    digest = email_digest(email)
    existing = Contact.objects.filter(consultation=consultation, email_digest=digest).first()
    if existing is not None:
        if existing.language != language:
            existing.language = language
            existing.save(update_fields=["language"])
        return existing
    try:
        with transaction.atomic():
            return Contact.objects.create(
                consultation=consultation,
                email=email,
                email_digest=digest,
                language=language,
                is_demo=is_demo,
            )
    except IntegrityError:  # the same address sent twice at once
        return Contact.objects.get(consultation=consultation, email_digest=digest)


@transaction.atomic
def contact_unsubscribe(*, token: str) -> int:
    """Delete the contact with ``token`` and every other contact with the same address (someone
    who asks to stop hears nothing more about any consultation). Returns how many were deleted,
    0 for an unknown token.

    Side effects: deletes rows of ``consultations_contact``; one audit event with the count
    (no address)."""
    contact = Contact.objects.filter(token=token).first()
    if contact is None:
        return 0
    deleted, _detail = Contact.objects.filter(email_digest=contact.email_digest).delete()
    event_record(
        action="consultations.contact_unsubscribed",
        target_type="consultations.contact",
        detail={"deleted": deleted},
    )
    return deleted
