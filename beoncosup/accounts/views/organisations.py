"""Organisations: the list and search, creating one, its page, inviting, deciding on
requests to join, removing members and leaving, asking to join."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.accounts import selectors, services
from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.forms import (
    InvitationForm,
    JoinDecisionForm,
    JoinRequestForm,
    MemberRemoveForm,
    OrganisationCreateForm,
    OrganisationSearchForm,
)
from beoncosup.accounts.models import Invitation, JoinRequest, Organisation
from beoncosup.accounts.selectors import organisations_of, roles_of
from beoncosup.accounts.views.common import first_error, organisation_for, require

MEMBERS_PER_PAGE = 50


@login_required
def organisations(request: HttpRequest) -> HttpResponse:
    """My organisations and roles, my requests to join, and a search to ask to join another."""
    roles = roles_of(request.user)
    search = OrganisationSearchForm(request.GET or None)
    found: list[Organisation] | None = None
    if search.is_valid() and search.cleaned_data["q"].strip():
        found = list(
            selectors.organisations_all().filter(name__icontains=search.cleaned_data["q"].strip())[
                :20
            ]
        )
    is_platform_admin = roles.has_platform(PlatformRole.PLATFORM_ADMIN)
    mine = [
        {
            "organisation": organisation,
            "roles": [
                OrgRole(r).label for r in sorted(roles.by_organisation.get(organisation.pk, ()))
            ],
        }
        for organisation in organisations_of(request.user)
    ]
    return render(
        request,
        "accounts/organisations.html",
        {
            "mine": mine,
            "requests": selectors.join_requests_of(user=request.user),
            "search": search,
            "found": found,
            "all_organisations": selectors.organisations_all() if is_platform_admin else None,
            "can_create": is_platform_admin,
        },
        status=200 if not search.is_bound or search.is_valid() else 400,
    )


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    require(request, "accounts.create_organisation")
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            organisation = services.organisation_create(
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                created_by=request.user,
            )
            # services.organisation_create takes no listings (yet): linked in the same
            # transaction, so a failure leaves no organisation behind.
            if form.cleaned_data["listings"]:
                organisation.listings.set(form.cleaned_data["listings"])
        messages.success(request, _("The organisation was created."))
        return redirect("accounts:organisation", slug=organisation.slug)
    return render(
        request,
        "accounts/organisation_create.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


def _organisation_page(
    request: HttpRequest,
    organisation: Organisation,
    *,
    invite_form: InvitationForm | None = None,
    decision_errors: dict[int, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    can_manage = request.user.has_perm("accounts.manage_organisation", organisation)
    search = request.GET.get("q", "").strip()[:100]
    members = Paginator(
        selectors.organisation_members(organisation=organisation, search=search), MEMBERS_PER_PAGE
    ).get_page(request.GET.get("page"))
    context: dict[str, Any] = {
        "organisation": organisation,
        "members": members,
        "member_search": search,
        "listings": list(organisation.listings.all()),
        "can_manage": can_manage,
        "my_roles": sorted(roles_of(request.user).by_organisation.get(organisation.pk, ())),
        "role_choices": OrgRole.choices,
    }
    if can_manage:
        requests = list(selectors.join_requests_pending(organisation=organisation))
        for join_request in requests:
            join_request.decision_error = (decision_errors or {}).get(join_request.pk, "")  # type: ignore[attr-defined]
        context.update(
            invite_form=invite_form or InvitationForm(),
            invitations=selectors.invitations_open(organisation=organisation),
            requests=requests,
        )
    return render(request, "accounts/organisation.html", context, status=status)


@login_required
def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    return _organisation_page(request, organisation_for(request, slug))


@login_required
@require_POST
def organisation_invite(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for(request, slug, manage=True)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            issued = services.invitation_create(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                language=translation.get_language() or "nl",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s. Its link works until %(date)s.")
                % {
                    "email": issued.invitation.email,
                    "date": timezone.localtime(issued.invitation.expires_at).strftime("%d/%m/%Y"),
                },
            )
            return redirect("accounts:organisation", slug=organisation.slug)
    return _organisation_page(request, organisation, invite_form=form, status=400)


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_for(request, slug, manage=True)
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    services.invitation_revoke(invitation=invitation, revoked_by=request.user)
    messages.success(request, _("The invitation was withdrawn: its link no longer works."))
    return redirect("accounts:organisation", slug=organisation.slug)


@login_required
@require_POST
def join_request_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_for(request, slug, manage=True)
    join_request = get_object_or_404(JoinRequest, pk=pk, organisation=organisation)
    form = JoinDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.join_request_decide(
                join_request=join_request,
                approve=form.cleaned_data["decision"] == "approve",
                decided_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your decision was saved and the person was told."))
            return redirect("accounts:organisation", slug=organisation.slug)
    return _organisation_page(
        request, organisation, decision_errors={join_request.pk: first_error(form)}, status=400
    )


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    """An admin removes a role (or every role) of a member; a member may remove themselves."""
    organisation = organisation_for(request, slug)
    leaving = user_id == request.user.pk
    if not leaving:
        require(request, "accounts.manage_organisation", organisation)
    member = get_object_or_404(
        get_user_model().objects.filter(memberships__organisation=organisation).distinct(),
        pk=user_id,
    )
    form = MemberRemoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("accounts:organisation", slug=organisation.slug)
    try:
        services.membership_remove(
            organisation=organisation,
            user=member,
            removed_by=request.user,
            role=form.cleaned_data["role"] or None,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:organisation", slug=organisation.slug)
    selectors.roles_forget(request.user)  # their own roles may have changed: read them again
    if leaving and not request.user.has_perm("accounts.view_organisation", organisation):
        messages.success(request, _("You left %(name)s.") % {"name": organisation.name})
        return redirect("accounts:organisations")
    messages.success(request, _("The role was removed: the access ends at once."))
    return redirect("accounts:organisation", slug=organisation.slug)


@login_required
def organisation_join(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, "accounts.request_membership")
    organisation = get_object_or_404(Organisation, slug=slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_create(
                organisation=organisation,
                user=request.user,
                role=form.cleaned_data["role"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your request was sent. You get an e-mail when an administrator decides."),
            )
            return redirect("accounts:organisations")
    return render(
        request,
        "accounts/organisation_join.html",
        {"organisation": organisation, "form": form},
        status=400 if form.is_bound else 200,
    )
