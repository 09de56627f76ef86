from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from beoncosup.core.selectors import data_sources, database_is_reachable, software_credits


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    checked_on = max(source.consulted for source in data_sources() if source.kind == "contact")
    return render(request, "core/home.html", {"contacts_checked_on": checked_on})


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/about.html",
        {"sources": data_sources(), "credits": software_credits()},
    )


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and uptime checks: 200 when the database answers, 503 otherwise."""
    if database_is_reachable():
        return JsonResponse({"status": "ok", "database": "ok"})
    return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)


def login_locked_out(request: HttpRequest, credentials: Any = None) -> HttpResponse:
    """django-axes calls this instead of signing in once an account and address are locked out
    (settings.AXES_*): a page in the visitor's language saying how long to wait, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "core/lockout.html", {"lockout_minutes": minutes}, status=429)


def admin_login(request: HttpRequest) -> HttpResponse:
    """``/admin/login/`` and Wagtail's sign-in for private pages: neither has a form of its own
    (it would skip the second factor); allauth's, in the visitor's language, signs people in and
    sends them back."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    url = reverse("account_login")
    return HttpResponseRedirect(f"{url}?{urlencode({'next': target or '/admin/'})}")
