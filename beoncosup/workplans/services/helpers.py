"""The professionals who keep a plan with the person: invitations, consent, removal, and the
audit of their reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.workplans.codes import INVITATION_DAYS
from beoncosup.workplans.models import WorkPlan, WorkPlanHelper, WorkPlanInvitation


class InvitationClosed(Exception):
    """The invitation was used already or has expired."""


@transaction.atomic
def invitation_create(*, plan: WorkPlan, role: str) -> WorkPlanInvitation:
    """A single-use link, valid INVITATION_DAYS days, that the person gives a professional.

    Side effects: the invitation row; audit event ``workplans.helper_invited``."""
    invitation = WorkPlanInvitation.objects.create(
        plan=plan,
        role=role,
        expires_at=timezone.now() + dt.timedelta(days=INVITATION_DAYS),
    )
    event_record(action="workplans.helper_invited", target=plan, detail={"role": role})
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: WorkPlanInvitation, user: Any) -> WorkPlanHelper:
    """The professional opens the person's invitation signed in and joins the plan (the
    person's consent is the invitation they sent). Joining a plan one keeps already only uses
    up the invitation.

    Side effects: the helper row, the invitation's ``accepted_at``; audit event
    ``workplans.helper_added``. Raises InvitationClosed when used or expired."""
    invitation = WorkPlanInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise InvitationClosed
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    helper = WorkPlanHelper.objects.filter(plan_id=invitation.plan_id, user=user).first()
    if helper is None:
        try:
            with transaction.atomic():
                helper = WorkPlanHelper.objects.create(
                    plan_id=invitation.plan_id, user=user, role=invitation.role
                )
        except IntegrityError:  # joined at the same moment by another request
            helper = WorkPlanHelper.objects.get(plan_id=invitation.plan_id, user=user)
    event_record(
        action="workplans.helper_added",
        actor=user,
        target=helper.plan,
        detail={"role": helper.role},
    )
    return helper


@transaction.atomic
def helper_remove(*, helper: WorkPlanHelper) -> None:
    """The person removes a professional from the plan: they no longer see it.

    Side effects: the helper row goes; audit event ``workplans.helper_removed``."""
    plan = helper.plan
    user_id = helper.user_id
    helper.delete()
    event_record(action="workplans.helper_removed", target=plan, detail={"user": user_id})


def helper_read_record(*, plan: WorkPlan, user: Any, document: str) -> None:
    """Log that a helper read the plan (``document``: "page", "print" or "pdf").

    Side effects: audit event ``workplans.plan_read``."""
    event_record(
        action="workplans.plan_read", actor=user, target=plan, detail={"document": document}
    )
