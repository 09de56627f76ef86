"""Invitations by e-mail: an expiring link to join an organisation in a role."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import (
    Invitation,
    Membership,
    Organisation,
)
from beoncosup.accounts.services.common import (
    absolute_url,
    mail_to,
    token_hash,
)
from beoncosup.accounts.services.organisations import membership_add
from beoncosup.audit.services import event_record


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    url: str


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: Any,
    language: str,
) -> IssuedInvitation:
    """Invite someone by e-mail. Side effects: an e-mail in ``language`` with a link valid for
    BEONCOSUP_INVITATION_DAYS; earlier open invitations to the same address and role are
    revoked so only the newest link works."""
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    if role not in OrgRole.values:
        raise ValidationError(_("Choose one of the roles offered."))
    now = timezone.now()
    Invitation.objects.filter(
        organisation=organisation, email=email, role=role, accepted_at=None, revoked_at=None
    ).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        language=language,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=now + timedelta(days=settings.BEONCOSUP_INVITATION_DAYS),
    )
    with translation.override(language):
        url = absolute_url(reverse("accounts:invitation", kwargs={"token": token}))
    mail_to(
        to=email,
        language=language,
        template="invitation",
        context={
            "organisation": organisation,
            "role": OrgRole(role).label,
            "inviter": invited_by.get_full_name() or invited_by.email,
            "url": url,
            "expires_at": invitation.expires_at,
        },
    )
    event_record(
        action="invitation.sent",
        actor=invited_by,
        organisation=organisation,
        target=invitation,
        target_label=email,
        detail={"role": role},
    )
    return IssuedInvitation(invitation=invitation, url=url)


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=token_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, user: Any) -> Membership:
    """Accept an invitation as the signed-in ``user``: the invitation must be open and addressed
    to one of the user's verified e-mail addresses."""
    from allauth.account.models import EmailAddress  # noqa: PLC0415 (allauth's app registry)

    invitation = (
        Invitation.objects.select_for_update()
        .select_related("organisation")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None or not invitation.is_open:
        raise ValidationError(
            _("This invitation has expired or was already used. Ask for a new one.")
        )
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise PermissionDenied(
            _("This invitation was sent to %(email)s. Sign in with that address.")
            % {"email": invitation.email}
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership_add(
        organisation=invitation.organisation,
        user=user,
        role=invitation.role,
        added_by=invitation.invited_by,
        via="invitation",
    )


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, revoked_by: Any) -> None:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        event_record(
            action="invitation.revoked",
            actor=revoked_by,
            organisation=invitation.organisation,
            target=invitation,
            target_label=invitation.email,
        )
