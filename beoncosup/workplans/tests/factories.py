"""Plans for tests: made through the services, as the pages make them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.testing import organisation_with
from beoncosup.workplans.codes import Adjustment, ContactRole
from beoncosup.workplans.models import WorkPlan, WorkPlanShare
from beoncosup.workplans.services import plans, sharing

PHASE_TASKS = "Counter mornings only"
ADJUSTMENT_TEXT = "A stool behind the counter"
HR_NAME = "Hanna Hrmanager"
COACH_NAME = "Cato Coachwoman"
REVIEW_NOTE = "Talk about the hours"
NOTES = "Secret note about tiredness"


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"workplans:{name}", kwargs=kwargs or None)


def plan_make(*, language: str = "fr", **extra: Any) -> WorkPlan:
    """A plan starting in a week, with two phases, adjustments, two contacts, a review date and
    a private note."""
    start = timezone.localdate() + dt.timedelta(days=7)
    plan = plans.plan_create(
        title=extra.pop("title", "Back at the bakery"),
        start_date=start,
        employer_language=language,
        first_name="Mira",
        employer_name="Bakkerij Test",
        **extra,
    )
    plans.phase_save(
        plan=plan,
        phase=None,
        name="Weeks 1 to 4",
        starts_on=start,
        ends_on=start + dt.timedelta(days=27),
        hours_per_week=Decimal("12"),
        days=["mon", "wed", "fri"],
        tasks=PHASE_TASKS,
    )
    plans.phase_save(
        plan=plan,
        phase=None,
        name="Weeks 5 to 8",
        starts_on=start + dt.timedelta(days=28),
        ends_on=start + dt.timedelta(days=55),
        hours_per_week=Decimal("19.5"),
        days=[],
        tasks="",
    )
    plans.plan_adjustments_set(
        plan=plan,
        adjustments=[Adjustment.BREAKS, Adjustment.REMOTE_WORK],
        adjustments_text=ADJUSTMENT_TEXT,
    )
    plans.contact_save(
        plan=plan, contact=None, role=ContactRole.HR, name=HR_NAME, email="hr@example.org", phone=""
    )
    plans.contact_save(
        plan=plan,
        contact=None,
        role=ContactRole.COACH,
        name=COACH_NAME,
        email="",
        phone="+3225550123",
    )
    plans.review_save(plan=plan, review=None, date=start + dt.timedelta(days=14), note=REVIEW_NOTE)
    plans.plan_notes_set(plan=plan, notes=NOTES)
    return WorkPlan.objects.get(pk=plan.pk)


def share_make(plan: WorkPlan, **choices: Any) -> WorkPlanShare:
    """A share of the phases and the HR contact unless told otherwise."""
    contacts = choices.pop("contacts", list(plan.contacts.filter(role=ContactRole.HR)))
    options = {
        "label": "HR",
        "include_name": False,
        "include_phases": True,
        "include_adjustments": False,
        "include_reviews": False,
        "expires_on": None,
        **choices,
    }
    return sharing.share_create(plan=plan, contacts=contacts, **options)


def coach_make(email: str = "coach@example.org") -> Any:
    """A professional (a career coach in a return-to-work service's organisation)."""
    organisation = organisation_with(
        name=f"Coaching {email}", members={email: [OrgRole.PROFESSIONAL]}
    )
    return organisation.memberships.get().user
