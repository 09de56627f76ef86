"""The e-mail addresses people left to hear what was done with their answers (the contract
with the participation app: docs/consultations.md, "For developers")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

from beoncosup.consultations.models import Contact


@dataclass(frozen=True)
class ContactRecipient:
    """Someone to tell: their address, their language, and the path (with the language
    prefix, no host) of the link that deletes their address."""

    email: str
    language: str
    unsubscribe_url_path: str


def contact_unsubscribe_path(contact: Contact) -> str:
    with translation.override(contact.language):
        return reverse("consultations:unsubscribe", kwargs={"token": contact.token})


def contact_recipients(*, consultation_ids: Iterable[int]) -> list[ContactRecipient]:
    """One recipient per address among the contacts of these consultations (an address left on
    several of them is told once, through its oldest contact), in a stable order."""
    found: list[ContactRecipient] = []
    seen: set[str] = set()
    contacts = Contact.objects.filter(consultation_id__in=list(consultation_ids)).order_by("pk")
    for contact in contacts:
        if contact.email_digest in seen:
            continue
        seen.add(contact.email_digest)
        found.append(
            ContactRecipient(
                email=contact.email,
                language=contact.language,
                unsubscribe_url_path=contact_unsubscribe_path(contact),
            )
        )
    return found
