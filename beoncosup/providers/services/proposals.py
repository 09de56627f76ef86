"""Change proposals: provider staff propose, an editor approves (applied atomically) or rejects."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import RequestStatus
from beoncosup.accounts.models import Organisation
from beoncosup.audit.services import event_record
from beoncosup.directory.models import Service
from beoncosup.providers.changes import FIELDS, changes_between, changes_write, conflicts_of
from beoncosup.providers.changes import service_snapshot as snapshot
from beoncosup.providers.models import ChangeProposal
from beoncosup.providers.services.common import (
    language_or_default,
    link,
    mail_to,
    require_holder,
)


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
    require_holder(proposed_by, organisation, service)
    changes = changes_between(snapshot(service), values)
    if not changes:
        raise ValidationError(_("Nothing was changed: change at least one value, or confirm."))
    proposal = ChangeProposal.objects.create(
        service=service,
        organisation=organisation,
        proposed_by=proposed_by,
        changes=changes,
        note=note.strip(),
        language=language_or_default(language or translation.get_language()),
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
        mail_to(
            to=[proposal.proposed_by.email],
            language=proposal.language,
            template="proposal_decided",
            context={
                "proposal": proposal,
                "service": service,
                "approved": approve,
                "url": (
                    link("directory:service", proposal.language, service_id=str(service.pk))
                    if approve
                    else link("providers:home", proposal.language)
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
