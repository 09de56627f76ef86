"""Pages of signed-in people: their account, organisations, roles, tokens, the audit trail.

Who may open what is checked here on every request, with the rules of ``rules.py``: anonymous
people are sent to sign in, signed-in people without the permission get 403, and an
organisation's pages answer 404 to anyone who does not belong to it (nor administers the
platform), so they do not learn what is inside."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beoncosup.accounts.selectors import organisations_of, roles_of
from beoncosup.accounts.services import sign_out_everywhere
from beoncosup.accounts.views.audit import (
    CSV_COLUMNS,
    audit,
    audit_export,
    csv_cell,
    organisation_audit,
    organisation_audit_export,
)
from beoncosup.accounts.views.invitations import invitation
from beoncosup.accounts.views.organisations import (
    invitation_revoke,
    join_request_decide,
    member_remove,
    organisation,
    organisation_create,
    organisation_invite,
    organisation_join,
    organisations,
)
from beoncosup.accounts.views.roles import role_revoke, roles
from beoncosup.accounts.views.tokens import organisation_tokens, token_revoke

__all__ = [
    "CSV_COLUMNS",
    "audit",
    "audit_export",
    "csv_cell",
    "home",
    "invitation",
    "invitation_revoke",
    "join_request_decide",
    "member_remove",
    "organisation",
    "organisation_audit",
    "organisation_audit_export",
    "organisation_create",
    "organisation_invite",
    "organisation_join",
    "organisation_tokens",
    "organisations",
    "role_revoke",
    "roles",
    "security",
    "token_revoke",
]


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
