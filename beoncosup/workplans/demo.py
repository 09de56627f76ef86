"""The demo return-to-work plan (``load_demo_workplans``): made up, marked as demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from beoncosup.workplans.codes import Adjustment, ContactRole
from beoncosup.workplans.models import WorkPlan, WorkPlanShare
from beoncosup.workplans.services import plans, sharing

DEMO_TITLE = "Demo: back to work at Bakkerij Voorbeeld"


@transaction.atomic
def demo_workplans_load() -> tuple[WorkPlan, WorkPlanShare, bool]:
    """The demo plan and its share link; made only when no demo plan exists (the bool says
    whether they were made now)."""
    existing = WorkPlan.objects.filter(is_demo=True).order_by("pk").first()
    if existing is not None:
        share = existing.shares.filter(revoked_at__isnull=True).first()
        if share is None:
            share = _share(existing)
            return existing, share, True
        return existing, share, False
    start = timezone.localdate() + dt.timedelta(days=14)
    plan = plans.plan_create(
        title=DEMO_TITLE,
        start_date=start,
        employer_language="fr",
        first_name="Demo",
        employer_name="Bakkerij Voorbeeld (demo)",
        is_demo=True,
    )
    for index, (name, weeks, hours, days, tasks) in enumerate(
        [
            ("Weeks 1-4", 4, "12", ["mon", "wed", "fri"], "Mornings only; no night shifts."),
            ("Weeks 5-8", 4, "19", ["mon", "tue", "thu", "fri"], "Back at the counter."),
            ("Weeks 9-12", 4, "28", ["mon", "tue", "wed", "thu"], "Ordering and counter."),
        ]
    ):
        phase_start = start + dt.timedelta(weeks=4 * index)
        plans.phase_save(
            plan=plan,
            phase=None,
            name=name,
            starts_on=phase_start,
            ends_on=phase_start + dt.timedelta(weeks=weeks, days=-1),
            hours_per_week=Decimal(hours),
            days=days,
            tasks=tasks,
        )
    plans.plan_adjustments_set(
        plan=plan,
        adjustments=[Adjustment.ADAPTED_HOURS, Adjustment.BREAKS, Adjustment.MENTOR],
        adjustments_text="A stool behind the counter.",
    )
    plans.contact_save(
        plan=plan,
        contact=None,
        role=ContactRole.HR,
        name="Demo HR contact",
        email="hr@example.org",
        phone="",
    )
    plans.contact_save(
        plan=plan,
        contact=None,
        role=ContactRole.COACH,
        name="Demo career coach",
        email="",
        phone="+3225550100",
    )
    plans.review_save(
        plan=plan, review=None, date=start + dt.timedelta(weeks=2), note="Short talk."
    )
    plans.plan_notes_set(plan=plan, notes="Demo private note: never shared.")
    return plan, _share(plan), True


def _share(plan: WorkPlan) -> WorkPlanShare:
    return sharing.share_create(
        plan=plan,
        label="HR (demo)",
        include_name=True,
        include_phases=True,
        include_adjustments=True,
        include_reviews=True,
        contacts=list(plan.contacts.filter(role=ContactRole.HR)),
        expires_on=None,
    )
