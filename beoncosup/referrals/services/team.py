"""The care team around one person: who is in it, and their coordination notes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Membership
from beoncosup.audit.services import event_record
from beoncosup.referrals.codes import CareRole
from beoncosup.referrals.models import CareTeamMember, Case, CoordinationNote

MAX_NOTE = 2000


@transaction.atomic
def care_team_add(*, case: Case, email: str, role: str, actor: Any) -> CareTeamMember:
    """Add a professional (an account that is a professional of an organisation) to the
    person's care team in ``role``. What they then see is what the person's consent grants
    that role.

    Raises ValidationError for an unknown address, someone who is not a professional, or
    someone already in the team. Side effects: the member row; an audit event."""
    if role not in CareRole.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    membership = (
        Membership.objects.filter(user=user, role=OrgRole.PROFESSIONAL)
        .select_related("organisation")
        .first()
        if user is not None
        else None
    )
    if user is None or membership is None:
        raise ValidationError(
            {"email": _("No professional with this e-mail address has an account here.")}
        )
    if CareTeamMember.objects.filter(case=case, user=user, removed_at__isnull=True).exists():
        raise ValidationError({"email": _("This professional is already in the care team.")})
    member = CareTeamMember.objects.create(
        case=case, user=user, organisation=membership.organisation, role=role, added_by=actor
    )
    event_record(
        action="referrals.team_added",
        actor=actor,
        target=case,
        detail={"member": member.pk, "role": role},
    )
    return member


@transaction.atomic
def care_team_remove(*, member: CareTeamMember, actor: Any) -> None:
    """End a professional's place in the care team (their access ends at once).

    Side effects: the member's ``removed_at``; an audit event."""
    if member.removed_at is not None:
        return
    member.removed_at = timezone.now()
    member.save(update_fields=["removed_at"])
    event_record(
        action="referrals.team_removed",
        actor=actor,
        target=member.case,
        detail={"member": member.pk},
    )


@transaction.atomic
def note_add(*, case: Case, author: Any, role: str, text: str) -> CoordinationNote:
    """A short coordination note for the care team (encrypted at rest).

    Raises ValidationError for an empty or too long note. Side effects: the note; an audit
    event (without its text)."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the note first.")})
    if len(text) > MAX_NOTE:
        raise ValidationError({"text": _("Keep notes short: at most 2,000 characters.")})
    if "\x00" in text:
        raise ValidationError({"text": _("The note contains a character that is not allowed.")})
    note = CoordinationNote.objects.create(case=case, author=author, author_role=role, text=text)
    event_record(action="referrals.note_added", actor=author, target=case, detail={"note": note.pk})
    return note
