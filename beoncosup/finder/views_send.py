"""Sending a support plan's link to the person, by e-mail or text message.

Anyone holding the plan's link may send it (the token is the only key, as for the plan page).
The address or number is used for one message and never stored or logged; a counter in the
browser session (the plan's id and a number, nothing about the person) keeps one visitor from
using the page to send messages in bulk.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from beoncosup.core.sms import sms_enabled
from beoncosup.finder import services
from beoncosup.finder.forms import PlanSendForm
from beoncosup.finder.models import SupportPlan
from beoncosup.finder.views import _plan_or_gone

SENDS_PER_DAY = 5  # per plan, per browser session
SESSION_SENDS = "finder_plan_sends"


def _sends_today(request: HttpRequest, plan: SupportPlan) -> int:
    stored = request.session.get(SESSION_SENDS)
    if not isinstance(stored, dict) or stored.get("day") != timezone.localdate().isoformat():
        return 0
    count = stored.get("plans", {}).get(str(plan.pk), 0)
    return count if isinstance(count, int) else 0


def _send_counted(request: HttpRequest, plan: SupportPlan) -> None:
    day = timezone.localdate().isoformat()
    stored = request.session.get(SESSION_SENDS)
    if not isinstance(stored, dict) or stored.get("day") != day:
        stored = {"day": day, "plans": {}}
    plans = dict(stored.get("plans", {}))
    plans[str(plan.pk)] = _sends_today(request, plan) + 1
    request.session[SESSION_SENDS] = {"day": day, "plans": plans}


def _default_language(plan: SupportPlan) -> str:
    return plan.language


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def plan_send(request: HttpRequest, token: str) -> HttpResponse:
    """The form to send the plan's link (GET) and the sending (POST): one e-mail address or one
    mobile number, and the message's language; at most SENDS_PER_DAY sends a day per plan and
    browser session. Bad input: the form again (400), nothing sent."""
    plan = _plan_or_gone(request, token)
    if isinstance(plan, HttpResponse):
        return plan
    sms = sms_enabled()
    limit_reached = _sends_today(request, plan) >= SENDS_PER_DAY
    status = 200
    if request.method == "POST" and limit_reached:
        form = PlanSendForm(sms=sms, initial={"language": _default_language(plan)})
        status = 429
    elif request.method == "POST":
        form = PlanSendForm(request.POST, sms=sms)
        if form.is_valid():
            channel = services.plan_link_send(
                plan=plan,
                email=form.cleaned_data["email"],
                phone=form.cleaned_data.get("phone", ""),
                language=form.cleaned_data["language"],
            )
            _send_counted(request, plan)
            messages.success(
                request,
                gettext("The link was sent by e-mail.")
                if channel == "email"
                else gettext("The link was sent by text message."),
            )
            return HttpResponseRedirect(reverse("finder:plan", args=[plan.token]))
        status = 400
    else:
        form = PlanSendForm(sms=sms, initial={"language": _default_language(plan)})
    context: dict[str, Any] = {
        "plan": plan,
        "form": form,
        "sms": sms,
        "limit_reached": limit_reached,
        "sends_per_day": SENDS_PER_DAY,
    }
    return render(request, "finder/plan_send.html", context, status=status)
