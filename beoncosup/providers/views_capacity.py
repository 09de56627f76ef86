"""The capacity page: provider staff say whether a service of their listings takes new
referrals (open, a waiting list with its band, or closed), and since when (issue #15).

Anonymous → sign-in page; signed in without the provider role → 403; a service of someone
else's listing (or none) → 404."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from beoncosup.accounts.rules import require
from beoncosup.directory.models import Service
from beoncosup.directory.selectors import capacity_loaded
from beoncosup.directory.services import capacity_set
from beoncosup.providers.forms import CapacityForm


def _service(request: HttpRequest, service_id: uuid.UUID) -> Service:
    require(request, "providers.use_provider_home")
    service: Service | None = (
        Service.objects.select_related("organization", "capacity").filter(pk=service_id).first()
    )
    if service is None or not request.user.has_perm("providers.set_capacity", service):
        raise Http404("No such service among your listings")
    return service


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def capacity(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _service(request, service_id)
    current = capacity_loaded(service)
    initial = (
        {"status": current.status, "waiting_band": current.waiting_band, "as_of": current.as_of}
        if current is not None
        else {"as_of": timezone.localdate()}
    )
    form = CapacityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            capacity_set(
                service=service,
                status=form.cleaned_data["status"],
                waiting_band=form.cleaned_data["waiting_band"],
                as_of=form.cleaned_data["as_of"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, _("Thank you: the capacity of the service is updated."))
            return redirect("providers:home")
    return render(
        request,
        "providers/capacity.html",
        {"service": service, "current": current, "form": form},
        status=400 if request.method == "POST" else 200,
    )
