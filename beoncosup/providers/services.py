"""Writes of the providers app: claims, change proposals, "still correct" and verification
reminders. Every function is keyword-only and atomic and records an audit event; mails are
sent once the transaction commits, each in its recipient's language."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrgRole, RequestStatus
from beoncosup.accounts.models import Invitation, Membership, Organisation
from beoncosup.accounts.selectors import roles_of
from beoncosup.accounts.services import absolute_url
from beoncosup.audit.services import event_record
from beoncosup.directory.models import Organization, Service
from beoncosup.directory.services import service_verify
from beoncosup.providers.changes import FIELDS, changes_between, changes_write, conflicts_of
from beoncosup.providers.changes import service_snapshot as snapshot
from beoncosup.providers.models import ChangeProposal, ListingClaim, VerificationReminder

REMINDER_INTERVAL = dt.timedelta(days=30)


def _language(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = (language or "").split("-")[0]
    return language if language in codes else str(settings.LANGUAGE_CODE)


def _mail(*, to: list[str], language: str, template: str, context: dict[str, Any]) -> None:
    """Render a mail in ``language`` and send it once the transaction commits."""
    with translation.override(language):
        subject = render_to_string(f"providers/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"providers/email/{template}_message.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
    )


def _url(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs or None))


def _require_staff(user: Any, organisation: Organisation) -> None:
    if not roles_of(user).in_organisation(organisation.pk, OrgRole.PROVIDER_STAFF):
        raise PermissionDenied


def _require_holder(user: Any, organisation: Organisation, service: Service) -> None:
    _require_staff(user, organisation)
    if not organisation.listings.filter(pk=service.organization_id).exists():
        raise PermissionDenied


# ---------------------------------------------------------------- claims


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
    _require_staff(requested_by, organisation)
    if organisation.listings.filter(pk=listing.pk).exists():
        raise ValidationError(_("Your organisation already keeps this listing right."))
    try:
        with transaction.atomic():
            claim = ListingClaim.objects.create(
                organisation=organisation,
                listing=listing,
                requested_by=requested_by,
                message=message.strip(),
                language=_language(language or translation.get_language()),
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
        _mail(
            to=[claim.requested_by.email],
            language=claim.language,
            template="claim_decided",
            context={
                "claim": claim,
                "approved": approve,
                "url": _url("providers:home", claim.language),
            },
        )
    return claim


# ---------------------------------------------------------------- proposals


@transaction.atomic
def proposal_create(
    *,
    service: Service,
    organisation: Organisation,
    proposed_by: Any,
    values: dict[str, Any],
    note: str = "",
    language: str | None = None,
    request: Any = None,
) -> ChangeProposal:
    """Propose new values for some of the service's fields (those in changes.FIELDS). Refused
    when nothing differs from the current values. Side effects: an audit event."""
    _require_holder(proposed_by, organisation, service)
    changes = changes_between(snapshot(service), values)
    if not changes:
        raise ValidationError(_("Nothing was changed: change at least one value, or confirm."))
    proposal = ChangeProposal.objects.create(
        service=service,
        organisation=organisation,
        proposed_by=proposed_by,
        changes=changes,
        note=note.strip(),
        language=_language(language or translation.get_language()),
    )
    event_record(
        action="listing.change_proposed",
        actor=proposed_by,
        organisation=organisation,
        target=proposal,
        request=request,
        detail={"service": str(service.pk), "fields": sorted(changes)},
    )
    return proposal


def proposal_conflicts(proposal: ChangeProposal) -> list[str]:
    """The fields the proposal touches that changed since it was made."""
    service = Service.objects.prefetch_related("phones", "schedules", "languages").get(
        pk=proposal.service_id
    )
    return conflicts_of(proposal.changes, snapshot(service))


@transaction.atomic
def proposal_decide(
    *,
    proposal: ChangeProposal,
    decided_by: Any,
    approve: bool,
    reason: str = "",
    overwrite: bool = False,
    request: Any = None,
) -> ChangeProposal:
    """Approve (apply the new values) or reject with a reason. Approving a proposal whose
    fields changed since it was made needs ``overwrite``, else a ValidationError names them.

    Side effects on approval: the service and its phones, schedules and languages are written,
    ``last_modified`` bumped, ``assured_date`` set to today (the provider checked it);
    an audit event on the proposal and one on the service; a mail to the proposer."""
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_pending:
        raise ValidationError(_("This proposal was decided already."))
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError(_("Give a reason for the rejection."))
    service = Service.objects.select_for_update().get(pk=proposal.service_id)
    if approve:
        conflicts = conflicts_of(
            proposal.changes,
            snapshot(
                Service.objects.prefetch_related("phones", "schedules", "languages").get(
                    pk=service.pk
                )
            ),
        )
        if conflicts and not overwrite:
            raise ValidationError(
                _(
                    "The service changed since this proposal was made, in: %(fields)s. "
                    "Check the current values, then approve again with “overwrite” ticked, "
                    "or reject the proposal."
                )
                % {"fields": ", ".join(str(_field_label(f)) for f in conflicts)}
            )
        _service_apply(service=service, proposal=proposal, by=decided_by, request=request)
    proposal.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    proposal.reason = reason
    proposal.decided_by = decided_by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    event_record(
        action=f"listing.change_{proposal.status}",
        actor=decided_by,
        organisation=proposal.organisation,
        target=proposal,
        request=request,
        detail={"service": str(service.pk), "reason": reason},
    )
    if proposal.proposed_by is not None and proposal.proposed_by.email:
        _mail(
            to=[proposal.proposed_by.email],
            language=proposal.language,
            template="proposal_decided",
            context={
                "proposal": proposal,
                "service": service,
                "approved": approve,
                "url": (
                    _url("directory:service", proposal.language, service_id=str(service.pk))
                    if approve
                    else _url("providers:home", proposal.language)
                ),
            },
        )
    return proposal


def _field_label(field: str) -> Any:
    return FIELDS.get(field, field)


def _service_apply(*, service: Service, proposal: ChangeProposal, by: Any, request: Any) -> None:
    changes_write(service, proposal.changes)
    service.last_modified = timezone.now()
    service.assured_date = timezone.localdate()
    if proposal.proposed_by is not None:
        service.assurer_email = proposal.proposed_by.email[:255]
    # Saved last, after its children, so the search index (post_save) sees the new values.
    service.save()
    event_record(
        action="listing.changed",
        actor=by,
        organisation=proposal.organisation,
        target=service,
        request=request,
        detail={"proposal": proposal.pk, "fields": sorted(proposal.changes)},
    )


# ---------------------------------------------------------------- still correct


@transaction.atomic
def service_confirm(
    *, service: Service, organisation: Organisation, user: Any, request: Any = None
) -> Service:
    """Provider staff confirm the service is still correct: today becomes its "last verified
    on" date, their e-mail its verifier. Side effects: those fields saved; an audit event."""
    _require_holder(user, organisation, service)
    verified = service_verify(service=service, by=user.email)
    event_record(
        action="listing.confirmed",
        actor=user,
        organisation=organisation,
        target=verified,
        request=request,
    )
    return verified


# ---------------------------------------------------------------- reminders


def _user_languages(user_ids: set[int]) -> dict[int, str]:
    """Each person's language: the one they last asked in, else the one they were invited in."""
    found: dict[int, str] = {}
    for model, field in ((ChangeProposal, "proposed_by_id"), (ListingClaim, "requested_by_id")):
        for user_id, language in (
            model.objects.filter(**{f"{field}__in": user_ids})
            .order_by("created_at")
            .values_list(field, "language")
        ):
            found.setdefault(user_id, language)
    for user_id, language in (
        Invitation.objects.filter(accepted_by__in=user_ids)
        .order_by("accepted_at")
        .values_list("accepted_by_id", "language")
    ):
        found.setdefault(user_id, language)
    return {user_id: _language(found.get(user_id)) for user_id in user_ids}


def _listing_language(listing: Organization) -> str:
    for language, _name in settings.LANGUAGES:
        if (listing.name or {}).get(language):
            return str(language)
    return str(settings.LANGUAGE_CODE)


def services_due(*, today: dt.date | None = None) -> Any:
    """Active services unverified for BEONCOSUP_VERIFY_AFTER_DAYS (or never), not reminded
    in the last 30 days."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=settings.BEONCOSUP_VERIFY_AFTER_DAYS)
    recent = VerificationReminder.objects.filter(
        sent_at__gte=timezone.now() - REMINDER_INTERVAL
    ).values("service_id")
    return (
        Service.objects.filter(status="active")
        .filter(Q(assured_date__isnull=True) | Q(assured_date__lt=cutoff))
        .exclude(pk__in=recent)
        .select_related("organization")
        .order_by("id")
    )


@transaction.atomic
def reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail the provider staff of the organisations holding each due service (one mail per
    person, listing their due services), or the listing's own e-mail when nobody holds it.

    Side effects: mails after commit; a VerificationReminder and an audit event per service
    reminded. Returns how many mails were sent."""
    due = list(services_due(today=today))
    if not due:
        return 0
    memberships = Membership.objects.filter(
        role=OrgRole.PROVIDER_STAFF,
        organisation__listings__in={s.organization_id for s in due},
        user__is_active=True,
    ).values_list("organisation__listings", "user_id", "user__email")
    staff_of_listing: dict[Any, set[tuple[int, str]]] = defaultdict(set)
    for listing_id, user_id, email in memberships:
        if email:
            staff_of_listing[listing_id].add((user_id, email))
    languages = _user_languages({user_id for s in staff_of_listing.values() for user_id, _e in s})

    # recipient (e-mail, language) → services
    mails: dict[tuple[str, str, bool], list[Service]] = defaultdict(list)
    counts: dict[Any, int] = defaultdict(int)
    for service in due:
        staff = staff_of_listing.get(service.organization_id, set())
        if staff:
            for user_id, email in staff:
                mails[(email, languages[user_id], True)].append(service)
                counts[service.pk] += 1
        elif service.organization.email:
            key = (service.organization.email, _listing_language(service.organization), False)
            mails[key].append(service)
            counts[service.pk] += 1
    for (email, language, has_account), services in mails.items():
        _mail(
            to=[email],
            language=language,
            template="verification_reminder",
            context={
                "services": [
                    {
                        "service": s,
                        "url": _url("directory:service", language, service_id=str(s.pk)),
                    }
                    for s in services
                ],
                "has_account": has_account,
                "url": _url("providers:home", language),
                "days": settings.BEONCOSUP_VERIFY_AFTER_DAYS,
            },
        )
    for service in due:
        if counts[service.pk]:
            VerificationReminder.objects.create(service=service, sent_to_count=counts[service.pk])
            event_record(
                action="listing.reminder_sent",
                target=service,
                detail={"recipients": counts[service.pk]},
            )
    return len(mails)
