"""Reading return-to-work plans: by the person's token, by a share token, by a helper."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from beoncosup.workplans.codes import Adjustment
from beoncosup.workplans.models import (
    WorkPlan,
    WorkPlanContact,
    WorkPlanHelper,
    WorkPlanInvitation,
    WorkPlanShare,
)


class ShareGone(Exception):
    """The share link was revoked or has expired."""


class InvitationGone(Exception):
    """The invitation was used or has expired."""


def _plans() -> QuerySet[WorkPlan]:
    return WorkPlan.objects.prefetch_related("phases", "contacts", "reviews")


def plan_for_token(token: str) -> WorkPlan:
    """The plan whose private link this is; raises WorkPlan.DoesNotExist."""
    return _plans().get(token=token)


def plan_for_helper(plan_id: int, user: Any) -> WorkPlan:
    """A plan the user keeps as a helper; raises WorkPlan.DoesNotExist otherwise."""
    return _plans().get(pk=plan_id, helpers__user=user)


def plans_of_helper(user: Any) -> QuerySet[WorkPlan]:
    """The plans a professional keeps, last edited first, with their own role on each."""
    return (
        WorkPlan.objects.filter(helpers__user=user)
        .prefetch_related(Prefetch("helpers", queryset=WorkPlanHelper.objects.filter(user=user)))
        .order_by("-updated_at", "-pk")
    )


def share_for_token(token: str) -> WorkPlanShare:
    """An active share and its plan; raises WorkPlanShare.DoesNotExist (unknown: 404) or
    ShareGone (revoked or expired: 410)."""
    # The plan's parts are read later, and only those the person chose (document_shared).
    share = WorkPlanShare.objects.select_related("plan").get(token=token)
    if not share.is_active:
        raise ShareGone
    return share


def invitation_for_token(token: str) -> WorkPlanInvitation:
    """An open invitation; raises WorkPlanInvitation.DoesNotExist or InvitationGone."""
    invitation = WorkPlanInvitation.objects.select_related("plan").get(token=token)
    if not invitation.is_open:
        raise InvitationGone
    return invitation


def plan_helpers(plan: WorkPlan) -> list[WorkPlanHelper]:
    return list(plan.helpers.select_related("user"))


def open_invitations(plan: WorkPlan) -> list[WorkPlanInvitation]:
    return [invitation for invitation in plan.invitations.all() if invitation.is_open]


def plan_shares(plan: WorkPlan) -> list[WorkPlanShare]:
    return list(plan.shares.prefetch_related("contacts"))


@dataclass(frozen=True)
class PlanDocument:
    """What a page or PDF shows of a plan: everything for the person and helpers, only the
    chosen parts for the employer (``shared`` True: the notes are never in it)."""

    plan: WorkPlan
    shared: bool
    show_name: bool
    phases: list[Any]
    adjustments: list[str]
    adjustments_text: str
    contacts: list[WorkPlanContact]
    reviews: list[Any]
    notes: str
    show_phases: bool
    show_adjustments: bool
    show_reviews: bool
    show_contacts: bool


def _adjustment_labels(codes: list[str]) -> list[str]:
    labels = dict(Adjustment.choices)
    return [str(labels[code]) for code in codes if code in labels]


def document_full(plan: WorkPlan) -> PlanDocument:
    return PlanDocument(
        plan=plan,
        shared=False,
        show_name=True,
        phases=list(plan.phases.all()),
        adjustments=_adjustment_labels(plan.adjustments),
        adjustments_text=plan.adjustments_text,
        contacts=list(plan.contacts.all()),
        reviews=list(plan.reviews.all()),
        notes=plan.notes,
        show_phases=True,
        show_adjustments=True,
        show_reviews=True,
        show_contacts=True,
    )


def document_shared(share: WorkPlanShare) -> PlanDocument:
    """Only what the person chose for this link; parts left out are not even read."""
    plan = share.plan
    contacts = list(share.contacts.all())
    return PlanDocument(
        plan=plan,
        shared=True,
        show_name=share.include_name,
        phases=list(plan.phases.all()) if share.include_phases else [],
        adjustments=_adjustment_labels(plan.adjustments) if share.include_adjustments else [],
        adjustments_text=plan.adjustments_text if share.include_adjustments else "",
        contacts=contacts,
        reviews=list(plan.reviews.all()) if share.include_reviews else [],
        notes="",
        show_phases=share.include_phases,
        show_adjustments=share.include_adjustments,
        show_reviews=share.include_reviews,
        show_contacts=bool(contacts),
    )
