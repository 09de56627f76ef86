"""Requests to join an organisation, and their decisions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrgRole, RequestStatus
from beoncosup.accounts.models import (
    JoinRequest,
    Membership,
    Organisation,
)
from beoncosup.accounts.services.common import (
    absolute_url,
    mail_to,
    preferred_language,
)
from beoncosup.accounts.services.organisations import membership_add
from beoncosup.audit.services import event_record


@transaction.atomic
def join_request_create(
    *, organisation: Organisation, user: Any, role: str, message: str = ""
) -> JoinRequest:
    """Ask to join. Side effects: an e-mail to each of the organisation's admins."""
    if role not in OrgRole.values or role == OrgRole.ORG_ADMIN:
        raise ValidationError(_("Choose one of the roles offered."))
    if Membership.objects.filter(organisation=organisation, user=user, role=role).exists():
        raise ValidationError(_("You already have this role in this organisation."))
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(
                organisation=organisation,
                user=user,
                role=role,
                message=message.strip(),
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
    except IntegrityError:
        raise ValidationError(
            _("You already asked to join this organisation: an administrator will decide.")
        ) from None
    for admin in Membership.objects.filter(
        organisation=organisation, role=OrgRole.ORG_ADMIN
    ).select_related("user"):
        language = preferred_language(admin.user)
        with translation.override(language):
            url = absolute_url(reverse("accounts:organisation", kwargs={"slug": organisation.slug}))
        mail_to(
            to=admin.user.email,
            language=language,
            template="join_request",
            context={
                "organisation": organisation,
                "person": user.email,
                "url": url,
                "role": OrgRole(role).label,
            },
        )
    event_record(
        action="membership.requested",
        actor=user,
        organisation=organisation,
        target=request,
        target_label=user.email,
        detail={"role": role},
    )
    return request


@transaction.atomic
def join_request_decide(
    *, join_request: JoinRequest, approve: bool, decided_by: Any, reason: str = ""
) -> JoinRequest:
    """Approve (the person gets the role at once) or reject with a reason; the person is told
    by e-mail either way."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request was already decided."))
    if not approve and not reason.strip():
        raise ValidationError(_("Say why the request is rejected: the person will read it."))
    join_request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    join_request.reason = reason.strip()
    join_request.decided_by = decided_by
    join_request.decided_at = timezone.now()
    join_request.save()
    if approve:
        membership_add(
            organisation=join_request.organisation,
            user=join_request.user,
            role=join_request.role,
            added_by=decided_by,
            via="request",
        )
    event_record(
        action="membership.approved" if approve else "membership.rejected",
        actor=decided_by,
        organisation=join_request.organisation,
        target=join_request,
        target_label=join_request.user.email,
        detail={"role": join_request.role},
    )
    mail_to(
        to=join_request.user.email,
        language=preferred_language(join_request.user, join_request.language),
        template="join_decision",
        context={
            "organisation": join_request.organisation,
            "approved": approve,
            "reason": join_request.reason,
        },
    )
    return join_request
