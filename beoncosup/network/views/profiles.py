"""A member's own profile: make or change it (with consent), remove it.

Anonymous → sign-in page; signed in without the professional role and without a profile →
403. Nobody edits or removes another's profile: these pages only ever act on the signed-in
person's own."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from beoncosup.accounts.rules import require
from beoncosup.network import selectors, services
from beoncosup.network.forms import ProfileForm


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    require(request, "network.create_profile")
    profile = selectors.profile_of(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.profile_save(
                    user=request.user,
                    data=form.data_out(),
                    consent=form.cleaned_data["consent"],
                    request=request,
                )
            except services.NetworkError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your profile is saved."))
                return redirect("network:profile_edit")
        status = 422
    else:
        initial = ProfileForm.initial_from(profile) if profile else {"languages": []}
        if profile is None:
            user = request.user
            name = f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}".strip()
            initial["display_name"] = name
        form = ProfileForm(initial=initial)
        status = 200
    return render(
        request, "network/profile_edit.html", {"form": form, "profile": profile}, status=status
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_delete(request: HttpRequest) -> HttpResponse:
    """GET asks to confirm; POST removes the profile."""
    profile = selectors.profile_of(request.user)
    if profile is None:
        return redirect("network:profile_edit")
    if request.method == "POST":
        services.profile_delete(profile=profile, actor=request.user, request=request)
        messages.success(request, _("Your profile is removed from the network."))
        return redirect("network:groups")
    return render(request, "network/profile_delete.html", {"profile": profile})
