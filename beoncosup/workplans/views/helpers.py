"""The professionals on a plan: the person invites one (a single-use link they give them) and
removes them; the professional opens the invitation signed in and joins."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from beoncosup.accounts.rules import require
from beoncosup.workplans import selectors
from beoncosup.workplans.access import person_access
from beoncosup.workplans.forms import InviteForm
from beoncosup.workplans.models import WorkPlanHelper, WorkPlanInvitation
from beoncosup.workplans.services import helpers, plans


@require_POST
def invite(request: HttpRequest, token: str) -> HttpResponse:
    """Make an invitation link for a professional (POST); it shows on the plan's page."""
    access = person_access(token)
    form = InviteForm(request.POST)
    url = reverse("workplans:plan", kwargs={"token": access.plan.token})
    if not form.is_valid():
        messages.error(request, gettext("Choose the professional's role."))
        return HttpResponseRedirect(f"{url}#helpers")
    helpers.invitation_create(plan=access.plan, role=form.cleaned_data["role"])
    return HttpResponseRedirect(f"{url}?saved=invited#helpers")


@require_POST
def helper_remove(request: HttpRequest, token: str, helper_id: int) -> HttpResponse:
    """Remove a professional from the plan (POST): they no longer see it."""
    access = person_access(token)
    try:
        helper = access.plan.helpers.get(pk=helper_id)
    except WorkPlanHelper.DoesNotExist:
        raise Http404("No such helper") from None
    helpers.helper_remove(helper=helper)
    url = reverse("workplans:plan", kwargs={"token": access.plan.token})
    return HttpResponseRedirect(f"{url}?saved=removed#helpers")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def join(request: HttpRequest, token: str) -> HttpResponse:
    """A professional opens the person's invitation signed in and joins the plan (POST)."""
    require(request, "workplans.keep_plans")
    try:
        invitation = selectors.invitation_for_token(token)
    except WorkPlanInvitation.DoesNotExist:
        raise Http404("No such invitation") from None
    except selectors.InvitationGone:
        return render(request, "workplans/join_gone.html", status=410)
    if request.method == "POST":
        try:
            helper = helpers.invitation_accept(invitation=invitation, user=request.user)
        except helpers.InvitationClosed:
            return render(request, "workplans/join_gone.html", status=410)
        return HttpResponseRedirect(
            reverse("workplans:helper_plan", kwargs={"plan_id": helper.plan_id})
        )
    return render(request, "workplans/join.html", {"invitation": invitation})


@require_POST
def link_renew(request: HttpRequest, token: str) -> HttpResponse:
    """Give the plan a new private link (POST); the old one stops working (404)."""
    access = person_access(token)
    plan = plans.plan_token_renew(plan=access.plan)
    url = reverse("workplans:plan", kwargs={"token": plan.token})
    return HttpResponseRedirect(f"{url}?saved=renewed#private-link-title")
