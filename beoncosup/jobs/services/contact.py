"""Writing to an employer about an offer without revealing anything one does not choose to:
the platform relays exactly what the person wrote (their name, a reply address, the message)
and the offer, nothing else. Or the offer's link goes to the person's career coach. Neither
message is stored: the log keeps the offer, the channel and the date (services.expiry purges
it after 30 days). The audit trail records the relay without any of its content."""

from __future__ import annotations

from django.db import transaction

from beoncosup.audit.services import event_record
from beoncosup.jobs.codes import ContactChannel
from beoncosup.jobs.models import ContactLog, JobOffer
from beoncosup.jobs.services.mails import mail_render


@transaction.atomic
def contact_relay(
    *,
    offer: JobOffer,
    name: str,
    reply_email: str,
    reply_phone: str,
    message: str,
) -> ContactLog:
    """Relay the person's message to the offer's contact address, in the employer's language.

    Side effects: one e-mail (after commit) whose reply address is the person's e-mail when
    given; a ContactLog row (offer, channel, date); an audit event "jobs.contact_relayed"
    without personal data."""
    mail_render(
        to=offer.contact_email,
        language=offer.employer.language,
        template="contact_relay",
        context={
            "offer": offer,
            "offer_id": offer.pk,
            "name": name,
            "reply_email": reply_email,
            "reply_phone": reply_phone,
            "message": message,
        },
        reply_to=reply_email,
    )
    log = ContactLog.objects.create(offer=offer, channel=ContactChannel.EMPLOYER)
    # No request: the audit row would keep the visitor's IP address.
    event_record(action="jobs.contact_relayed", target=offer)
    return log


@transaction.atomic
def coach_send(
    *,
    offer: JobOffer,
    coach_email: str,
    name: str,
    note: str,
    language: str,
) -> ContactLog:
    """E-mail the offer's link to the person's career coach, in the page's language, with the
    person's name and note (both as they typed them).

    Side effects: one e-mail; a ContactLog row; an audit event "jobs.coach_asked" without
    personal data."""
    mail_render(
        to=coach_email,
        language=language,
        template="coach_request",
        context={"offer": offer, "offer_id": offer.pk, "name": name, "note": note},
    )
    log = ContactLog.objects.create(offer=offer, channel=ContactChannel.COACH)
    event_record(action="jobs.coach_asked", target=offer)
    return log
