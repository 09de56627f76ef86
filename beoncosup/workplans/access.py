"""Who is at a plan's pages: the person (by the private link's token) or a professional who
keeps the plan with them (signed in, by the plan's id). The same views serve both; this object
builds the right links and names the actor for the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from beoncosup.accounts.rules import require
from beoncosup.workplans import selectors
from beoncosup.workplans.models import WorkPlan


@dataclass(frozen=True)
class PlanAccess:
    plan: WorkPlan
    helper: Any = None  # the signed-in professional, or None for the person

    @property
    def is_person(self) -> bool:
        return self.helper is None

    def url(self, name: str, **extra: Any) -> str:
        """The URL of one of the plan's pages, for whoever is here."""
        if self.helper is None:
            return reverse(f"workplans:{name}", kwargs={"token": self.plan.token, **extra})
        return reverse(f"workplans:helper_{name}", kwargs={"plan_id": self.plan.pk, **extra})


def person_access(token: str) -> PlanAccess:
    try:
        return PlanAccess(plan=selectors.plan_for_token(token))
    except WorkPlan.DoesNotExist:
        raise Http404("No such plan") from None


def helper_access(request: HttpRequest, plan_id: int) -> PlanAccess | HttpResponse:
    """Signed in (else to sign in), a professional who keeps plans (else 403), and one of this
    plan's helpers (else 404: whether the plan exists does not leak)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require(request, "workplans.keep_plans")
    try:
        plan = selectors.plan_for_helper(plan_id, request.user)
    except WorkPlan.DoesNotExist:
        raise Http404("No such plan") from None
    require(request, "workplans.edit_plan", plan)
    return PlanAccess(plan=plan, helper=request.user)
