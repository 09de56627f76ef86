"""Employers' pages (signed in): asking for an employer account, and managing the offers of
the employers one belongs to. Another employer's offer answers 404."""

from __future__ import annotations

from typing import Any

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
from beoncosup.jobs.forms import EmployerSignupForm, OfferForm
from beoncosup.jobs.models import EmployerProfile, JobOffer
from beoncosup.jobs.selectors import employers_of, occupation_label, offers_of
from beoncosup.jobs.services import employers as employer_services
from beoncosup.jobs.services import offers as offer_services


def _errors_to_form(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@login_required
@require_http_methods(["GET", "POST"])
def employer_signup(request: HttpRequest) -> HttpResponse:
    """Ask for an employer account: the employer can draft offers at once and publish them
    once an editor verified it."""
    require(request, "jobs.request_employer_account")
    form = EmployerSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employer_services.employer_signup(
                user=request.user, language=default_language(), request=request, **form.cleaned_data
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your employer account was made. You can write offers now; they are "
                    "published once an editor has verified your organisation."
                ),
            )
            return HttpResponseRedirect(reverse("jobs:my_offers"))
    status = 400 if form.errors else 200
    return render(request, "jobs/employer/signup.html", {"form": form}, status=status)


@login_required
def my_offers(request: HttpRequest) -> HttpResponse:
    """The offers of the employers the person belongs to (or how to become one)."""
    employers = employers_of(request.user)
    language = default_language()
    offers = list(offers_of(employers))
    context = {
        "employers": list(employers),
        "offers": offers,
        "occupations": {o.pk: occupation_label(o.occupation, language) for o in offers},
    }
    return render(request, "jobs/employer/offers.html", context)


def _employer_for_new(request: HttpRequest) -> EmployerProfile:
    employers = list(employers_of(request.user))
    wanted = request.POST.get("employer") or request.GET.get("employer")
    if wanted:
        chosen = [e for e in employers if str(e.pk) == wanted]
        if not chosen:
            raise Http404
        return chosen[0]
    return employers[0]


@login_required
@require_http_methods(["GET", "POST"])
def offer_new(request: HttpRequest) -> HttpResponse:
    require(request, "jobs.create_offer")
    employer = _employer_for_new(request)
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            offer = offer_services.offer_save(
                employer=employer, fields=form.cleaned_data, user=request.user, request=request
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The offer was saved as a draft."))
            return HttpResponseRedirect(reverse("jobs:offer_edit", kwargs={"offer_id": offer.pk}))
    context = {"form": form, "employer": employer, "offer": None}
    return render(
        request, "jobs/employer/offer_form.html", context, status=400 if form.errors else 200
    )


def _own_offer(request: HttpRequest, offer_id: int) -> JobOffer:
    """The offer if the person is staff of its employer; 404 otherwise (even for someone of
    another employer: its existence does not leak)."""
    offer = JobOffer.objects.select_related("employer", "occupation").filter(pk=offer_id).first()
    if offer is None or not request.user.has_perm("jobs.manage_offer", offer):
        raise Http404
    return offer


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, offer_id: int) -> HttpResponse:
    offer = _own_offer(request, offer_id)
    if request.method == "POST":
        form = OfferForm(request.POST)
        if form.is_valid():
            try:
                offer_services.offer_save(
                    employer=offer.employer,
                    fields=form.cleaned_data,
                    user=request.user,
                    offer=offer,
                    request=request,
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your changes were saved. The offer is a draft again until you send "
                        "it for moderation."
                    ),
                )
                return HttpResponseRedirect(request.path)
    else:
        form = OfferForm(initial=OfferForm.initial_from(offer))
    context = {"form": form, "employer": offer.employer, "offer": offer}
    return render(
        request, "jobs/employer/offer_form.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
def offer_submit(request: HttpRequest, offer_id: int) -> HttpResponse:
    offer = _own_offer(request, offer_id)
    try:
        offer_services.offer_submit(offer=offer, user=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The offer was sent for moderation."))
    return HttpResponseRedirect(reverse("jobs:offer_edit", kwargs={"offer_id": offer.pk}))


@login_required
@require_POST
def offer_withdraw(request: HttpRequest, offer_id: int) -> HttpResponse:
    offer = _own_offer(request, offer_id)
    try:
        offer_services.offer_withdraw(offer=offer, user=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The offer was withdrawn: it is no longer shown."))
    return HttpResponseRedirect(reverse("jobs:my_offers"))


urlpatterns: list[URLPattern] = [
    path(
        pgettext_lazy("URL path", "work/employers/join/"), employer_signup, name="employer_signup"
    ),
    path(pgettext_lazy("URL path", "work/employers/offers/"), my_offers, name="my_offers"),
    path(pgettext_lazy("URL path", "work/employers/offers/new/"), offer_new, name="offer_new"),
    path(
        pgettext_lazy("URL path", "work/employers/offers/<int:offer_id>/"),
        offer_edit,
        name="offer_edit",
    ),
    path(
        pgettext_lazy("URL path", "work/employers/offers/<int:offer_id>/submit/"),
        offer_submit,
        name="offer_submit",
    ),
    path(
        pgettext_lazy("URL path", "work/employers/offers/<int:offer_id>/withdraw/"),
        offer_withdraw,
        name="offer_withdraw",
    ),
]
