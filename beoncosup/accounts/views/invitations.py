"""Accepting an invitation from the link in its e-mail."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone with the link: explains, offers sign-up and sign-in, then accepting."""
    found = services.invitation_by_token(token) if len(token) <= 100 else None
    if found is None or not found.is_open:
        return _invitation_gone(request, unknown=found is None)
    context: dict[str, Any] = {"invitation": found, "role": OrgRole(found.role).label}
    if not request.user.is_authenticated:
        return render(request, "accounts/invitation.html", context)
    addressed_to_me = EmailAddress.objects.filter(
        user=request.user, email__iexact=found.email, verified=True
    ).exists()
    if not addressed_to_me:
        return render(request, "accounts/invitation_elsewhere.html", context, status=403)
    if request.method != "POST":
        return render(request, "accounts/invitation.html", context)
    try:
        services.invitation_accept(token=token, user=request.user)
    except ValidationError:
        return _invitation_gone(request, unknown=False)
    messages.success(
        request,
        _("Welcome to %(name)s. Your role: %(role)s.")
        % {"name": found.organisation.name, "role": context["role"]},
    )
    return redirect("accounts:home")


def _invitation_gone(request: HttpRequest, *, unknown: bool) -> HttpResponse:
    """404 for a link we never issued, 410 for one that expired, was withdrawn or used."""
    return render(
        request,
        "accounts/invitation_gone.html",
        {"unknown": unknown},
        status=404 if unknown else 410,
    )
