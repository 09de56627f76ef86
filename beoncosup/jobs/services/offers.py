"""An employer's offers through their life: saved as drafts, submitted, published or rejected
by an editor, withdrawn by the employer (expiry: services.expiry)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.geo.selectors import municipality_name, postcode_points
from beoncosup.jobs.codes import OfferStatus
from beoncosup.jobs.models import EmployerProfile, JobOffer
from beoncosup.jobs.services.mails import mail_render
from beoncosup.situation.places import place_for_postcode

MAX_DAYS = 90  # an offer is published for at most this long
DEFAULT_DAYS = 60
EDITABLE_FIELDS = (
    "kind",
    "title",
    "description",
    "occupation",
    "postcode",
    "hours_min",
    "hours_max",
    "flexibility",
    "adjustments",
    "contract_type",
    "progressive_resumption",
    "languages",
    "contact_name",
    "contact_email",
    "contact_phone",
    "expires_on",
)


def default_expiry(today: dt.date | None = None) -> dt.date:
    return (today or timezone.localdate()) + dt.timedelta(days=DEFAULT_DAYS)


def latest_expiry(today: dt.date | None = None) -> dt.date:
    return (today or timezone.localdate()) + dt.timedelta(days=MAX_DAYS)


def _place(offer: JobOffer) -> None:
    """The region, municipality and point of the offer's postcode. Raises ValidationError for
    a postcode that is not Belgian."""
    place = place_for_postcode(offer.postcode)
    points = list(postcode_points(offer.postcode))
    if place is None or not points:
        raise ValidationError({"postcode": _("This postcode does not exist in Belgium.")})
    offer.region = place.region
    offer.municipality = municipality_name(points[0].municipality, "en")
    offer.latitude = sum(p.latitude for p in points) / len(points)
    offer.longitude = sum(p.longitude for p in points) / len(points)


def _check(offer: JobOffer, today: dt.date) -> None:
    problems: dict[str, str] = {}
    if offer.hours_min > offer.hours_max:
        problems["hours_max"] = _("The most hours must be at least the fewest hours.")
    if offer.expires_on <= today:
        problems["expires_on"] = _("Choose a date after today.")
    elif offer.expires_on > latest_expiry(today):
        problems["expires_on"] = _("An offer is shown for at most 90 days: choose an earlier date.")
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def offer_save(
    *,
    employer: EmployerProfile,
    fields: dict[str, Any],
    user: Any,
    offer: JobOffer | None = None,
    request: HttpRequest | None = None,
    is_demo: bool = False,
) -> JobOffer:
    """Create an offer as a draft, or change one. A changed offer that was submitted,
    published or rejected goes back to draft: it is moderated again before the public sees it.
    Raises ValidationError (field → message).

    Side effects: an audit event "jobs.offer_created" or "jobs.offer_changed"; the catalogue
    announces the change (catalogue.py) so the search index follows."""
    today = timezone.localdate()
    created = offer is None
    if offer is None:
        offer = JobOffer(employer=employer, created_by=user, is_demo=is_demo)
    else:
        offer = JobOffer.objects.select_for_update().get(pk=offer.pk, employer=employer)
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name])
    if not offer.expires_on:
        offer.expires_on = default_expiry(today)
    _check(offer, today)
    _place(offer)
    was = offer.status
    if not created and was != OfferStatus.DRAFT:
        offer.status = OfferStatus.DRAFT
        offer.published_at = None
        offer.rejection_reason = ""
    offer.expiry_warned_at = None
    offer.save()
    event_record(
        action="jobs.offer_created" if created else "jobs.offer_changed",
        actor=user,
        organisation=employer.organisation,
        target=offer,
        request=request,
        detail={} if created else {"status_before": was},
    )
    return offer


def _transition(
    offer: JobOffer, allowed: set[str], to: str, *, actor: Any, request: HttpRequest | None
) -> JobOffer:
    locked = JobOffer.objects.select_for_update().select_related("employer__organisation")
    offer = locked.get(pk=offer.pk)
    if offer.status not in allowed:
        raise ValidationError(
            _("This offer cannot be changed this way now (it is: %(status)s).")
            % {"status": offer.get_status_display()}
        )
    before = offer.status
    offer.status = to
    event_record(
        action=f"jobs.offer_{to}",
        actor=actor,
        organisation=offer.employer.organisation,
        target=offer,
        request=request,
        detail={"from": before},
    )
    return offer


@transaction.atomic
def offer_submit(*, offer: JobOffer, user: Any, request: HttpRequest | None = None) -> JobOffer:
    """Send a draft (or a rejected offer, changed or not) to the editors for moderation.

    Side effects: an audit event "jobs.offer_submitted"."""
    offer = _transition(
        offer,
        {OfferStatus.DRAFT, OfferStatus.REJECTED},
        OfferStatus.SUBMITTED,
        actor=user,
        request=request,
    )
    _check(offer, timezone.localdate())
    offer.submitted_at = timezone.now()
    offer.save(update_fields=["status", "submitted_at", "updated_at"])
    return offer


@transaction.atomic
def offer_publish(*, offer: JobOffer, editor: Any, request: HttpRequest | None = None) -> JobOffer:
    """Publish a submitted offer. Refused while its employer is not verified, or when its end
    date has passed or lies more than 90 days ahead.

    Side effects: an audit event "jobs.offer_published"; an e-mail to the employer in its
    language; the search index follows."""
    offer = _transition(
        offer, {OfferStatus.SUBMITTED}, OfferStatus.PUBLISHED, actor=editor, request=request
    )
    if not offer.employer.is_verified:
        raise ValidationError(
            _("The employer is not verified yet: verify it before publishing its offers.")
        )
    _check(offer, timezone.localdate())
    offer.published_at = timezone.now()
    offer.rejection_reason = ""
    offer.save(update_fields=["status", "published_at", "rejection_reason", "updated_at"])
    mail_render(
        to=offer.employer.contact_email,
        language=offer.employer.language,
        template="offer_published",
        context={"offer": offer, "offer_id": offer.pk, "employer": offer.employer},
    )
    return offer


@transaction.atomic
def offer_reject(
    *, offer: JobOffer, editor: Any, reason: str, request: HttpRequest | None = None
) -> JobOffer:
    """Send a submitted offer back to its employer with the reason (required).

    Side effects: an audit event "jobs.offer_rejected"; an e-mail with the reason to the
    employer in its language."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why, so the employer can put it right.")})
    offer = _transition(
        offer, {OfferStatus.SUBMITTED}, OfferStatus.REJECTED, actor=editor, request=request
    )
    offer.rejection_reason = reason
    offer.save(update_fields=["status", "rejection_reason", "updated_at"])
    mail_render(
        to=offer.employer.contact_email,
        language=offer.employer.language,
        template="offer_rejected",
        context={"offer": offer, "employer": offer.employer, "reason": reason},
    )
    return offer


@transaction.atomic
def offer_withdraw(*, offer: JobOffer, user: Any, request: HttpRequest | None = None) -> JobOffer:
    """The employer takes an offer down (or a draft out of the way): it leaves the search at
    once. Side effects: an audit event "jobs.offer_withdrawn"; the search index follows."""
    offer = _transition(
        offer,
        {OfferStatus.DRAFT, OfferStatus.SUBMITTED, OfferStatus.PUBLISHED, OfferStatus.REJECTED},
        OfferStatus.WITHDRAWN,
        actor=user,
        request=request,
    )
    offer.save(update_fields=["status", "updated_at"])
    return offer
