"""Pages of signed-in people: their account, organisations, roles, tokens, the audit trail.

Who may open what is checked here on every request, with the rules of ``rules.py``: anonymous
people are sent to sign in, signed-in people without the permission get 403, and an
organisation's pages answer 404 to anyone who does not belong to it (nor administers the
platform), so they do not learn what is inside."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.accounts import selectors, services
from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.forms import (
    AuditFilterForm,
    InvitationForm,
    JoinDecisionForm,
    JoinRequestForm,
    MemberRemoveForm,
    OrganisationCreateForm,
    OrganisationSearchForm,
    RoleGrantForm,
    RoleRevokeForm,
    TokenCreateForm,
)
from beoncosup.accounts.models import ApiToken, Invitation, JoinRequest, Organisation
from beoncosup.accounts.selectors import organisations_of, roles_of
from beoncosup.accounts.services import sign_out_everywhere
from beoncosup.audit.models import AuditEvent
from beoncosup.audit.selectors import events_filter

AUDIT_PAGE_SIZE = 50


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


# ---------------------------------------------------------------- helpers


def _require(request: HttpRequest, permission: str, obj: Any = None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _organisation_for(request: HttpRequest, slug: str, *, manage: bool = False) -> Organisation:
    """The organisation, if the person belongs to it or administers the platform (else 404);
    with ``manage``, only for its admins (a plain member gets 403)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("accounts.view_organisation", organisation):
        raise Http404
    if manage:
        _require(request, "accounts.manage_organisation", organisation)
    return organisation


def _first_error(form: Any) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return _("Check what you entered.")


# ---------------------------------------------------------------- organisations


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
    _require(request, "accounts.create_organisation")
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
    context: dict[str, Any] = {
        "organisation": organisation,
        "members": selectors.organisation_members(organisation=organisation),
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
    return _organisation_page(request, _organisation_for(request, slug))


@login_required
@require_POST
def organisation_invite(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_for(request, slug, manage=True)
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
    organisation = _organisation_for(request, slug, manage=True)
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    services.invitation_revoke(invitation=invitation, revoked_by=request.user)
    messages.success(request, _("The invitation was withdrawn: its link no longer works."))
    return redirect("accounts:organisation", slug=organisation.slug)


@login_required
@require_POST
def join_request_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _organisation_for(request, slug, manage=True)
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
        request, organisation, decision_errors={join_request.pk: _first_error(form)}, status=400
    )


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    """An admin removes a role (or every role) of a member; a member may remove themselves."""
    organisation = _organisation_for(request, slug)
    leaving = user_id == request.user.pk
    if not leaving:
        _require(request, "accounts.manage_organisation", organisation)
    member = get_object_or_404(
        get_user_model().objects.filter(memberships__organisation=organisation).distinct(),
        pk=user_id,
    )
    form = MemberRemoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
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
    _require(request, "accounts.request_membership")
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


# ---------------------------------------------------------------- invitations


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


# ---------------------------------------------------------------- platform roles


@login_required
def roles(request: HttpRequest) -> HttpResponse:
    _require(request, "accounts.manage_roles")
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
    _require(request, "accounts.manage_roles")
    form = RoleRevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return redirect("accounts:roles")
    person = get_object_or_404(get_user_model(), pk=form.cleaned_data["user"])
    if services.role_revoke(user=person, role=form.cleaned_data["role"], revoked_by=request.user):
        messages.success(request, _("The role was withdrawn."))
    return redirect("accounts:roles")


# ---------------------------------------------------------------- audit trail


def _audit_events(
    request: HttpRequest, *, organisation: Organisation | None
) -> tuple[AuditFilterForm, QuerySet[AuditEvent] | None]:
    form = AuditFilterForm(request.GET or None, all_organisations=organisation is None)
    if form.is_bound and not form.is_valid():
        return form, None
    data: dict[str, Any] = form.cleaned_data if form.is_bound else {}
    if organisation is not None:
        organisation_ids: list[int] | None = [organisation.pk]
    elif data.get("organisation"):
        organisation_ids = [data["organisation"].pk]
    else:
        organisation_ids = None
    since: date | None = data.get("since")
    until: date | None = data.get("until")
    return form, events_filter(
        action=data.get("action", "").strip(),
        actor=data.get("actor", "").strip(),
        organisation_ids=organisation_ids,
        since=since,
        until=until,
    )


def _audit_page(request: HttpRequest, organisation: Organisation | None) -> HttpResponse:
    form, events = _audit_events(request, organisation=organisation)
    page = (
        Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
        if events is not None
        else None
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/audit.html",
        {"form": form, "page": page, "organisation": organisation, "query": query.urlencode()},
        status=200 if events is not None else 400,
    )


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


CSV_COLUMNS = [
    "at",
    "action",
    "actor_label",
    "organisation_label",
    "target_type",
    "target_id",
    "target_label",
    "detail",
]


def _audit_csv(events: QuerySet[AuditEvent], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield writer.writerow(CSV_COLUMNS)
        for event in events.iterator(chunk_size=1000):
            yield writer.writerow(
                [
                    csv_cell(value)
                    for value in (
                        event.at.isoformat(),
                        event.action,
                        event.actor_label,
                        event.organisation_label,
                        event.target_type,
                        event.target_id,
                        event.target_label,
                        json.dumps(event.detail, ensure_ascii=False, sort_keys=True),
                    )
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    _require(request, "accounts.view_audit")
    return _audit_page(request, None)


@login_required
def audit_export(request: HttpRequest) -> HttpResponseBase:
    _require(request, "accounts.view_audit")
    _form, events = _audit_events(request, organisation=None)
    if events is None:
        return _audit_page(request, None)
    return _audit_csv(events, f"audit-{timezone.localdate():%Y-%m-%d}.csv")


@login_required
def organisation_audit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_for(request, slug)
    _require(request, "accounts.view_organisation_audit", organisation)
    return _audit_page(request, organisation)


@login_required
def organisation_audit_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    organisation = _organisation_for(request, slug)
    _require(request, "accounts.view_organisation_audit", organisation)
    _form, events = _audit_events(request, organisation=organisation)
    if events is None:
        return _audit_page(request, organisation)
    return _audit_csv(events, f"audit-{organisation.slug}-{timezone.localdate():%Y-%m-%d}.csv")


# ---------------------------------------------------------------- API tokens


@login_required
def organisation_tokens(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's API tokens; a new token's secret is shown on this answer only."""
    organisation = _organisation_for(request, slug, manage=True)
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
    organisation = _organisation_for(request, slug, manage=True)
    token = get_object_or_404(ApiToken, pk=pk, organisation=organisation)
    services.api_token_revoke(token=token, revoked_by=request.user)
    messages.success(request, _("The token was revoked: it no longer works."))
    return redirect("accounts:organisation_tokens", slug=organisation.slug)
