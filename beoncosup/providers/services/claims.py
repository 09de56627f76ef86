"""Claims: provider staff ask to keep a directory organisation's listing; an editor decides."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import RequestStatus
from beoncosup.accounts.models import Organisation
from beoncosup.audit.services import event_record
from beoncosup.directory.models import Organization
from beoncosup.providers.models import ListingClaim
from beoncosup.providers.services.common import (
    language_or_default,
    link,
    mail_to,
    require_staff,
)


@transaction.atomic
def claim_request(
    *,
    organisation: Organisation,
    listing: Organization,
    requested_by: Any,
    message: str = "",
    language: str | None = None,
    request: Any = None,
) -> ListingClaim:
    """Ask that ``organisation`` keep ``listing`` right. Refused when the organisation holds it
    already or a claim of it is waiting. Side effects: an audit event."""
    require_staff(requested_by, organisation)
    if organisation.listings.filter(pk=listing.pk).exists():
        raise ValidationError(_("Your organisation already keeps this listing right."))
    try:
        with transaction.atomic():
            claim = ListingClaim.objects.create(
                organisation=organisation,
                listing=listing,
                requested_by=requested_by,
                message=message.strip(),
                language=language_or_default(language or translation.get_language()),
            )
    except IntegrityError:
        raise ValidationError(
            _("A claim of this listing by your organisation is already waiting for a decision.")
        ) from None
    event_record(
        action="listing.claim_requested",
        actor=requested_by,
        organisation=organisation,
        target=claim,
        request=request,
        detail={"listing": str(listing.pk)},
    )
    return claim


@transaction.atomic
def claim_decide(
    *, claim: ListingClaim, decided_by: Any, approve: bool, reason: str = "", request: Any = None
) -> ListingClaim:
    """Approve (the listing joins the organisation's listings) or reject with a reason.
    Side effects: an audit event; a mail to the person who asked, in their language."""
    claim = (
        ListingClaim.objects.select_for_update()
        .select_related("listing", "organisation")
        .get(pk=claim.pk)
    )
    if not claim.is_pending:
        raise ValidationError(_("This claim was decided already."))
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError(_("Give a reason for the rejection."))
    claim.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    claim.reason = reason
    claim.decided_by = decided_by
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    if approve:
        claim.organisation.listings.add(claim.listing)
    event_record(
        action=f"listing.claim_{claim.status}",
        actor=decided_by,
        organisation=claim.organisation,
        target=claim,
        request=request,
        detail={"listing": str(claim.listing_id), "reason": reason},
    )
    if claim.requested_by is not None and claim.requested_by.email:
        mail_to(
            to=[claim.requested_by.email],
            language=claim.language,
            template="claim_decided",
            context={
                "claim": claim,
                "approved": approve,
                "url": link("providers:home", claim.language),
            },
        )
    return claim
