"""Pages of signed-in people: their account, organisations, roles, tokens, the audit trail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beoncosup.accounts.selectors import organisations_of, roles_of
from beoncosup.accounts.services import sign_out_everywhere


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/home.html",
        {"organisations": organisations_of(request.user), "roles": roles_of(request.user)},
    )


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """Sign out everywhere: every session of this account, this one included."""
    if request.method == "POST":
        sign_out_everywhere(user=request.user, request=request)
        logout(request)
        messages.success(request, _("You are signed out on every device."))
        return redirect("account_login")
    return render(request, "accounts/security.html")
