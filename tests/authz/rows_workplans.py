"""The authorization matrix rows for the return-to-work plans (workplans), and their objects
in the world: a plan kept by the world's professional (a career coach), a phase, a share link
for the employer and an open invitation.

The person's pages and the employer's view are capability URLs: the token is the key, so they
answer everyone alike (``public``). Professionals' pages need a professional (of an
organisation, or staff of a listed service); another professional asking for a plan they do
not keep gets 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from beoncosup.workplans.models import WorkPlanHelper
from beoncosup.workplans.services import helpers, plans, sharing
from tests.authz.rowkit import Row, public
from tests.authz.world import World

KEEPERS = {"professional", "outsider", "provider_staff"}  # may keep plans with people
NOT_HELPER = KEEPERS - {"professional"}


def token(w: World) -> dict[str, Any]:
    return {"token": w.objects["workplan"]}


def plan_id(w: World) -> dict[str, Any]:
    return {"plan_id": w.objects["workplan_id"]}


def phase(w: World) -> dict[str, Any]:
    return {"kind": "phase", "item_id": w.objects["workplan_phase"]}


def share(w: World) -> dict[str, Any]:
    return {"token": w.objects["workplan_share"]}


ROWS: dict[str, Row] = {
    "workplans:start": public(),
    "workplans:mine": Row(KEEPERS),
    # The person's pages (the private link's token).
    "workplans:plan": public(token),
    "workplans:item_add": public(lambda w: {**token(w), "kind": "phase"}),
    "workplans:item_edit": public(lambda w: {**token(w), **phase(w)}),
    "workplans:item_delete": public(lambda w: {**token(w), **phase(w)}, method="post"),
    "workplans:print": public(token),
    "workplans:pdf": public(token),
    "workplans:share": public(token),
    "workplans:share_revoke": public(
        lambda w: {**token(w), "share_id": w.objects["workplan_share_id"]}, method="post"
    ),
    "workplans:share_send": public(
        lambda w: {**token(w), "share_id": w.objects["workplan_share_id"]}, method="post"
    ),
    "workplans:invite": public(token, method="post"),
    "workplans:link_renew": public(token, method="post"),
    "workplans:helper_remove": public(
        lambda w: {**token(w), "helper_id": w.objects["workplan_helper"]}, method="post"
    ),
    # The employer's view (the share link's own token).
    "workplans:shared": public(share),
    "workplans:shared_pdf": public(share),
    # Professionals, signed in.
    "workplans:join": Row(KEEPERS, lambda w: {"token": w.objects["workplan_invitation"]}),
    "workplans:helper_plan": Row({"professional"}, plan_id, hidden=NOT_HELPER),
    "workplans:helper_item_add": Row(
        {"professional"}, lambda w: {**plan_id(w), "kind": "review"}, hidden=NOT_HELPER
    ),
    "workplans:helper_item_edit": Row(
        {"professional"}, lambda w: {**plan_id(w), **phase(w)}, hidden=NOT_HELPER
    ),
    "workplans:helper_item_delete": Row(
        {"professional"}, lambda w: {**plan_id(w), **phase(w)}, "post", hidden=NOT_HELPER
    ),
    "workplans:helper_print": Row({"professional"}, plan_id, hidden=NOT_HELPER),
    "workplans:helper_pdf": Row({"professional"}, plan_id, hidden=NOT_HELPER),
}


def world_add(w: World) -> None:
    """A plan kept by the world's professional, with a phase, a share and an invitation."""
    start = timezone.localdate() + dt.timedelta(days=7)
    plan = plans.plan_create(
        title="Matrix plan",
        start_date=start,
        employer_language="fr",
        helper=w.users["professional"],
        helper_role="career_coach",
    )
    made = plans.phase_save(
        plan=plan,
        phase=None,
        name="Weeks 1 to 4",
        starts_on=start,
        ends_on=start + dt.timedelta(days=27),
        hours_per_week=Decimal("12"),
        days=[],
        tasks="",
    )
    link = sharing.share_create(
        plan=plan,
        label="HR",
        include_name=False,
        include_phases=True,
        include_adjustments=False,
        include_reviews=False,
        contacts=[],
        expires_on=None,
    )
    invitation = helpers.invitation_create(plan=plan, role="occupational_physician")
    w.objects |= {
        "workplan": plan.token,
        "workplan_id": plan.pk,
        "workplan_phase": made.pk,
        "workplan_share": link.token,
        "workplan_share_id": link.pk,
        "workplan_helper": WorkPlanHelper.objects.get(plan=plan).pk,
        "workplan_invitation": invitation.token,
    }
