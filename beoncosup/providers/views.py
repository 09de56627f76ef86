"""Pages of the providers app: provider staff keep their listings right, editors decide.

Every view checks a rule on the server: anonymous → sign-in page, signed in without the role →
403, another organisation's object → 404 (its existence is not revealed)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from beoncosup.accounts.rules import require
from beoncosup.directory.models import Organization, Service
from beoncosup.providers import selectors, services
from beoncosup.providers.changes import FIELDS, service_snapshot
from beoncosup.providers.extensions import home_sections
from beoncosup.providers.forms import ClaimForm, DecisionForm, ProposalForm, SearchForm
from beoncosup.providers.models import ChangeProposal, ListingClaim


def _provider_service(request: HttpRequest, service_id: uuid.UUID, permission: str) -> Service:
    """The service, if the user's organisation holds its listing: 403 without the provider
    role, 404 for a service of someone else's listing."""
    require(request, "providers.use_provider_home")
    service: Service | None = (
        Service.objects.select_related("organization").filter(pk=service_id).first()
    )
    if service is None or not request.user.has_perm(permission, service):
        raise Http404("No such service among your listings")
    return service


def _errors(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _listing(value: str | None) -> Organization | None:
    try:
        key = uuid.UUID(str(value))
    except ValueError:
        return None
    return Organization.objects.filter(pk=key).first()


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    require(request, "providers.use_provider_home")
    return render(
        request,
        "providers/home.html",
        {
            "organisations": selectors.provider_organisations(request.user),
            "rows": selectors.service_rows(request.user),
            "claims": selectors.claims_of(request.user)[:50],
            "proposals": selectors.proposals_of(request.user)[:50],
            # What other apps add (the feedback app: open reports about these listings).
            "sections": home_sections(request),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def claim(request: HttpRequest) -> HttpResponse:
    require(request, "providers.use_provider_home")
    organisations = list(selectors.provider_organisations(request.user))
    search = SearchForm(request.GET if "q" in request.GET else None)
    results = (
        list(selectors.listings_search(search.cleaned_data["q"]))
        if search.is_valid() and search.cleaned_data["q"]
        else []
    )
    selected = _listing(request.POST.get("listing") or request.GET.get("listing"))
    form = ClaimForm(
        request.POST or None,
        organisations=organisations,
        initial={"listing": selected.pk if selected else None},
    )
    if request.method == "POST" and form.is_valid():
        organisation = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        require(request, "providers.claim_listing", organisation)
        if selected is None:
            form.add_error(None, _("This listing does not exist (any more)."))
        else:
            try:
                services.claim_request(
                    organisation=organisation,
                    listing=selected,
                    requested_by=request.user,
                    message=form.cleaned_data["message"],
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(
                    request, _("Your claim was sent. An editor will decide on it soon.")
                )
                return redirect("providers:home")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "providers/claim.html",
        {"search": search, "results": results, "form": form, "selected": selected},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _provider_service(request, service_id, "providers.propose_change")
    organisation = selectors.holder_of(request.user, service)
    if organisation is None:
        raise Http404
    current = service_snapshot(
        Service.objects.prefetch_related("phones", "schedules", "languages").get(pk=service.pk)
    )
    form = ProposalForm(request.POST or None, initial=ProposalForm.initial_from(current))
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_create(
                service=service,
                organisation=organisation,
                proposed_by=request.user,
                values=form.values(),
                note=form.cleaned_data["note"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(
                request, _("Your proposal was sent. An editor will check it and apply it.")
            )
            return redirect("providers:home")
    return render(
        request,
        "providers/propose.html",
        {"service": service, "organisation": organisation, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def confirm(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _provider_service(request, service_id, "providers.confirm_service")
    organisation = selectors.holder_of(request.user, service)
    if organisation is None:
        raise Http404
    services.service_confirm(
        service=service, organisation=organisation, user=request.user, request=request
    )
    messages.success(request, _("Thank you: the service is marked as verified today."))
    return redirect("providers:home")


@login_required
@require_safe
def review(request: HttpRequest) -> HttpResponse:
    require(request, "providers.review_listings")
    claims = list(selectors.claims_pending())
    proposals = list(selectors.proposals_pending())
    return render(request, "providers/review.html", {"claims": claims, "proposals": proposals})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def claim_decide(request: HttpRequest, claim_id: int) -> HttpResponse:
    require(request, "providers.decide_claim")
    claim = get_object_or_404(
        ListingClaim.objects.select_related("organisation", "listing", "requested_by"),
        pk=claim_id,
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not claim.is_pending:
            form.add_error(None, _("This claim was decided already."))
        else:
            approve = form.cleaned_data["decision"] == "approve"
            try:
                services.claim_decide(
                    claim=claim,
                    decided_by=request.user,
                    approve=approve,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(request, _("Claim approved.") if approve else _("Claim rejected."))
                return redirect("providers:review")
    return render(
        request,
        "providers/claim_decide.html",
        {"claim": claim, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _rows(proposal: ChangeProposal, current: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "label": FIELDS[field],
            "old": change["old"],
            "new": change["new"],
            "now": current.get(field),
            "conflict": current.get(field) not in (change["old"], change["new"]),
        }
        for field, change in proposal.changes.items()
        if field in FIELDS
    ]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_decide(request: HttpRequest, proposal_id: int) -> HttpResponse:
    require(request, "providers.decide_proposal")
    proposal = get_object_or_404(
        ChangeProposal.objects.select_related("organisation", "service", "proposed_by"),
        pk=proposal_id,
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not proposal.is_pending:
            form.add_error(None, _("This proposal was decided already."))
        else:
            approve = form.cleaned_data["decision"] == "approve"
            try:
                services.proposal_decide(
                    proposal=proposal,
                    decided_by=request.user,
                    approve=approve,
                    reason=form.cleaned_data["reason"],
                    overwrite=form.cleaned_data["overwrite"],
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(
                    request,
                    _("Proposal approved: the service shows the new values.")
                    if approve
                    else _("Proposal rejected."),
                )
                return redirect("providers:review")
    current = service_snapshot(
        Service.objects.prefetch_related("phones", "schedules", "languages").get(
            pk=proposal.service_id
        )
    )
    rows = _rows(proposal, current)
    return render(
        request,
        "providers/proposal_decide.html",
        {
            "proposal": proposal,
            "rows": rows,
            "has_conflicts": proposal.is_pending and any(r["conflict"] for r in rows),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_safe
def service_history(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    require(request, "providers.view_service_history")
    service = selectors.service_for_history(service_id)
    if service is None:
        raise Http404("No such service")
    return render(
        request,
        "providers/service_history.html",
        {
            "service": service,
            "events": list(selectors.service_history(service)[:200]),
            "proposals": list(selectors.service_proposals(service)[:100]),
        },
    )
