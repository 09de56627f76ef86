"""Writes of the providers app: claims, change proposals, "still correct" and verification
reminders. Every function is keyword-only and atomic and records an audit event; mails are
sent once the transaction commits, each in its recipient's language.

A package: one module per part, everything re-exported here."""

from beoncosup.providers.services.claims import (
    claim_decide,
    claim_request,
)
from beoncosup.providers.services.common import (
    REMINDER_INTERVAL,
    language_or_default,
    link,
    mail_to,
    require_holder,
    require_staff,
)
from beoncosup.providers.services.confirm import (
    service_confirm,
)
from beoncosup.providers.services.proposals import (
    proposal_conflicts,
    proposal_create,
    proposal_decide,
)
from beoncosup.providers.services.reminders import (
    reminders_send,
    services_due,
)

__all__ = [
    "REMINDER_INTERVAL",
    "claim_decide",
    "claim_request",
    "language_or_default",
    "link",
    "mail_to",
    "proposal_conflicts",
    "proposal_create",
    "proposal_decide",
    "reminders_send",
    "require_holder",
    "require_staff",
    "service_confirm",
    "services_due",
]
