"""Editors' pages: verifying employers, and moderating the offers sent for publication."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from beoncosup.accounts.rules import require
from beoncosup.core.i18n_text import default_language
from beoncosup.jobs.forms import RejectForm
from beoncosup.jobs.models import EmployerProfile, JobOffer
from beoncosup.jobs.selectors import (
    employers_for_editors,
    occupation_label,
    offers_to_moderate,
    shortage_of,
)
from beoncosup.jobs.services import employers as employer_services
from beoncosup.jobs.services import offers as offer_services


@login_required
def employers(request: HttpRequest) -> HttpResponse:
    require(request, "jobs.moderate")
    return render(
        request, "jobs/editor/employers.html", {"employers": list(employers_for_editors())}
    )


@login_required
@require_POST
def employer_verify(request: HttpRequest, employer_id: int) -> HttpResponse:
    require(request, "jobs.moderate")
    employer = EmployerProfile.objects.filter(pk=employer_id).first()
    if employer is None:
        raise Http404
    employer_services.employer_verify(employer=employer, verified_by=request.user, request=request)
    messages.success(request, _("%(name)s is verified.") % {"name": employer.public_name})
    return HttpResponseRedirect(reverse("jobs:employers"))


@login_required
def moderation(request: HttpRequest) -> HttpResponse:
    require(request, "jobs.moderate")
    return render(request, "jobs/editor/moderation.html", {"offers": list(offers_to_moderate())})


@login_required
@require_http_methods(["GET", "POST"])
def offer_review(request: HttpRequest, offer_id: int) -> HttpResponse:
    """One offer as submitted, with publish and reject (with a reason)."""
    require(request, "jobs.moderate")
    offer = (
        JobOffer.objects.select_related("employer", "occupation")
        .prefetch_related("occupation__shortages")
        .filter(pk=offer_id)
        .first()
    )
    if offer is None:
        raise Http404
    form = RejectForm(request.POST if request.POST.get("action") == "reject" else None)
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "publish":
                offer_services.offer_publish(offer=offer, editor=request.user, request=request)
                messages.success(request, _("The offer is published."))
                return HttpResponseRedirect(reverse("jobs:moderation"))
            if request.POST.get("action") == "reject" and form.is_valid():
                offer_services.offer_reject(
                    offer=offer,
                    editor=request.user,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
                messages.success(request, _("The offer was sent back to the employer."))
                return HttpResponseRedirect(reverse("jobs:moderation"))
            if request.POST.get("action") not in {"publish", "reject"}:
                messages.error(request, _("Choose to publish or to send back."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        status = 400
    context = {
        "offer": offer,
        "form": form,
        "occupation": occupation_label(offer.occupation, default_language()),
        "shortage": shortage_of(offer),
    }
    return render(request, "jobs/editor/review.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path(pgettext_lazy("URL path", "work/editors/employers/"), employers, name="employers"),
    path(
        pgettext_lazy("URL path", "work/editors/employers/<int:employer_id>/verify/"),
        employer_verify,
        name="employer_verify",
    ),
    path(pgettext_lazy("URL path", "work/editors/jobs/"), moderation, name="moderation"),
    path(
        pgettext_lazy("URL path", "work/editors/jobs/<int:offer_id>/"),
        offer_review,
        name="offer_review",
    ),
]
