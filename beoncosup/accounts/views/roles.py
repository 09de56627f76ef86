"""Platform roles: who has one, giving and withdrawing them (platform admins)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.accounts import selectors, services
from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.forms import RoleGrantForm, RoleRevokeForm
from beoncosup.accounts.views.common import first_error, require


@login_required
def roles(request: HttpRequest) -> HttpResponse:
    require(request, "accounts.manage_roles")
    form = RoleGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = (
            get_user_model()
            .objects.filter(email__iexact=form.cleaned_data["email"].strip(), is_active=True)
            .first()
        )
        if person is None:
            form.add_error("email", _("No account uses this e-mail address."))
        else:
            services.role_grant(
                user=person, role=form.cleaned_data["role"], granted_by=request.user
            )
            messages.success(
                request,
                _("%(email)s is now %(role)s.")
                % {"email": person.email, "role": PlatformRole(form.cleaned_data["role"]).label},
            )
            return redirect("accounts:roles")
    people = [
        {
            "user": person,
            "grants": sorted(
                (PlatformRole(g.role).label, g.role, g.granted_at) for g in person.role_grants.all()
            ),
        }
        for person in selectors.people_with_platform_roles()
    ]
    return render(
        request,
        "accounts/roles.html",
        {"form": form, "people": people},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def role_revoke(request: HttpRequest) -> HttpResponse:
    require(request, "accounts.manage_roles")
    form = RoleRevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("accounts:roles")
    person = get_object_or_404(get_user_model(), pk=form.cleaned_data["user"])
    if services.role_revoke(user=person, role=form.cleaned_data["role"], revoked_by=request.user):
        messages.success(request, _("The role was withdrawn."))
    return redirect("accounts:roles")
