"""An organisation's API tokens (its admins): list, create (the secret shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.accounts import selectors, services
from beoncosup.accounts.forms import TokenCreateForm
from beoncosup.accounts.models import ApiToken
from beoncosup.accounts.views.common import organisation_for


@login_required
def organisation_tokens(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's API tokens; a new token's secret is shown on this answer only."""
    organisation = organisation_for(request, slug, manage=True)
    form = TokenCreateForm(request.POST or None)
    issued = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                issued = services.api_token_create(
                    organisation=organisation,
                    name=form.cleaned_data["name"],
                    created_by=request.user,
                    days=form.cleaned_data["days"],
                )
            except ValidationError as error:
                form.add_error("days", error)
                status = 400
            else:
                form = TokenCreateForm()
        else:
            status = 400
    response = render(
        request,
        "accounts/organisation_tokens.html",
        {
            "organisation": organisation,
            "form": form,
            "issued": issued,
            "tokens": selectors.api_tokens_of(organisation=organisation),
            "now": timezone.now(),
        },
        status=status,
    )
    if issued is not None:
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_for(request, slug, manage=True)
    token = get_object_or_404(ApiToken, pk=pk, organisation=organisation)
    services.api_token_revoke(token=token, revoked_by=request.user)
    messages.success(request, _("The token was revoked: it no longer works."))
    return redirect("accounts:organisation_tokens", slug=organisation.slug)
