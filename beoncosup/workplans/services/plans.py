"""Writing return-to-work plans: the plan, its phases, contacts and review dates.

Every write moves the plan's ``updated_at`` (retention counts from the last edit) and records an
audit event naming the plan, never its contents (no names, no notes). ``actor`` is the signed-in
helper, or None for the person (who has no account)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.workplans.models import (
    WorkPlan,
    WorkPlanContact,
    WorkPlanHelper,
    WorkPlanPhase,
    WorkPlanReview,
    new_token,
)


def plan_touch(*, plan: WorkPlan) -> None:
    """Mark the plan as edited now (no audit event: callers record their own)."""
    plan.updated_at = timezone.now()
    WorkPlan.objects.filter(pk=plan.pk).update(updated_at=plan.updated_at)


@transaction.atomic
def plan_create(
    *,
    title: str,
    start_date: dt.date,
    employer_language: str,
    first_name: str = "",
    employer_name: str = "",
    helper: Any = None,
    helper_role: str = "",
    is_demo: bool = False,
) -> WorkPlan:
    """Make a plan. With ``helper`` (a professional making it with the person during a
    consultation), that professional keeps the plan with the person from the start.

    Side effects: the plan (and the helper) rows; audit event ``workplans.plan_created``."""
    plan = WorkPlan.objects.create(
        title=title,
        start_date=start_date,
        employer_language=employer_language,
        first_name=first_name,
        employer_name=employer_name,
        is_demo=is_demo,
    )
    if helper is not None:
        WorkPlanHelper.objects.create(plan=plan, user=helper, role=helper_role)
    event_record(
        action="workplans.plan_created",
        actor=helper,
        target=plan,
        detail={"with_helper": helper is not None},
    )
    return plan


@transaction.atomic
def plan_token_renew(*, plan: WorkPlan) -> WorkPlan:
    """Give the plan a new private link: the old one answers 404 from now on (for a person who
    removed a professional who knew it, or who fears someone else has it). Share links and
    helpers stay.

    Side effects: the plan's token; audit event ``workplans.link_renewed``."""
    plan.token = new_token()
    plan.save(update_fields=["token"])
    event_record(action="workplans.link_renewed", target=plan)
    return plan


@transaction.atomic
def plan_details_set(
    *,
    plan: WorkPlan,
    title: str,
    start_date: dt.date,
    employer_language: str,
    first_name: str,
    employer_name: str,
    actor: Any = None,
) -> WorkPlan:
    """Change the plan's title, dates and employer.

    Side effects: the plan row; audit event ``workplans.plan_changed``."""
    plan.title = title
    plan.start_date = start_date
    plan.employer_language = employer_language
    plan.first_name = first_name
    plan.employer_name = employer_name
    plan.updated_at = timezone.now()
    plan.save()
    event_record(
        action="workplans.plan_changed", actor=actor, target=plan, detail={"part": "details"}
    )
    return plan


@transaction.atomic
def plan_adjustments_set(
    *, plan: WorkPlan, adjustments: list[str], adjustments_text: str, actor: Any = None
) -> WorkPlan:
    """Set the adjustments (codes and free text).

    Side effects: the plan row; audit event ``workplans.plan_changed``."""
    plan.adjustments = list(adjustments)
    plan.adjustments_text = adjustments_text
    plan.updated_at = timezone.now()
    plan.save(update_fields=["adjustments", "adjustments_text", "updated_at"])
    event_record(
        action="workplans.plan_changed", actor=actor, target=plan, detail={"part": "adjustments"}
    )
    return plan


@transaction.atomic
def plan_notes_set(*, plan: WorkPlan, notes: str, actor: Any = None) -> WorkPlan:
    """Set the private notes (never shared, never logged).

    Side effects: the plan row; audit event ``workplans.plan_changed``."""
    plan.notes = notes
    plan.updated_at = timezone.now()
    plan.save(update_fields=["notes", "updated_at"])
    event_record(
        action="workplans.plan_changed", actor=actor, target=plan, detail={"part": "notes"}
    )
    return plan


@transaction.atomic
def phase_save(
    *,
    plan: WorkPlan,
    phase: WorkPlanPhase | None,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    hours_per_week: Decimal,
    days: list[str],
    tasks: str,
    actor: Any = None,
) -> WorkPlanPhase:
    """Add a phase (``phase`` None) or change one; the form has checked dates and hours.

    Side effects: the phase row, the plan's ``updated_at``; audit event
    ``workplans.plan_changed``."""
    phase = phase or WorkPlanPhase(plan=plan)
    phase.name = name
    phase.starts_on = starts_on
    phase.ends_on = ends_on
    phase.hours_per_week = hours_per_week
    phase.days = list(days)
    phase.tasks = tasks
    phase.save()
    plan_touch(plan=plan)
    event_record(
        action="workplans.plan_changed", actor=actor, target=plan, detail={"part": "phase"}
    )
    return phase


@transaction.atomic
def contact_save(
    *,
    plan: WorkPlan,
    contact: WorkPlanContact | None,
    role: str,
    name: str,
    email: str,
    phone: str,
    actor: Any = None,
) -> WorkPlanContact:
    """Add a contact (``contact`` None) or change one.

    Side effects: the contact row, the plan's ``updated_at``; audit event
    ``workplans.plan_changed`` (without the contact's details)."""
    if contact is None:
        contact = WorkPlanContact(plan=plan, position=plan.contacts.count())
    contact.role = role
    contact.name = name
    contact.email = email
    contact.phone = phone
    contact.save()
    plan_touch(plan=plan)
    event_record(
        action="workplans.plan_changed", actor=actor, target=plan, detail={"part": "contact"}
    )
    return contact


@transaction.atomic
def review_save(
    *,
    plan: WorkPlan,
    review: WorkPlanReview | None,
    date: dt.date,
    note: str,
    actor: Any = None,
) -> WorkPlanReview:
    """Add a review date (``review`` None) or change one.

    Side effects: the review row, the plan's ``updated_at``; audit event
    ``workplans.plan_changed``."""
    review = review or WorkPlanReview(plan=plan)
    review.date = date
    review.note = note
    review.save()
    plan_touch(plan=plan)
    event_record(
        action="workplans.plan_changed", actor=actor, target=plan, detail={"part": "review"}
    )
    return review


@transaction.atomic
def item_delete(
    *, plan: WorkPlan, item: WorkPlanPhase | WorkPlanContact | WorkPlanReview, actor: Any = None
) -> None:
    """Delete a phase, contact or review date of the plan (a contact leaves every share).

    Side effects: the row goes, the plan's ``updated_at``; audit event
    ``workplans.plan_changed``."""
    part = type(item).__name__.removeprefix("WorkPlan").lower()
    item.delete()
    plan_touch(plan=plan)
    event_record(
        action="workplans.plan_changed",
        actor=actor,
        target=plan,
        detail={"part": part, "deleted": True},
    )
