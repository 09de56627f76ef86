"""The care team's page around one person: what the consent shares, who is in the team, the
person's referrals, the coordination notes; referring the person to another service and sending
them a new private link.

Only a care-team member whose role the person's active consent names reaches these pages;
anyone else (and everyone, once the consent is withdrawn or expired) gets 404. Each page view
leaves a row in the person's access log."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from beoncosup.accounts.rules import require
from beoncosup.core.i18n_text import pick
from beoncosup.directory.enums import ServiceStatus
from beoncosup.directory.models import Service
from beoncosup.finder.queries import PickerDomain, needs_picker
from beoncosup.referrals import selectors, services
from beoncosup.referrals.codes import CareRole, Channel, DataCategory, Purpose
from beoncosup.referrals.forms.team import (
    CaseReferForm,
    MemberAddForm,
    NoteForm,
    ServiceSearchForm,
)
from beoncosup.referrals.models import CareTeamMember, Case
from beoncosup.referrals.selectors import Sight
from beoncosup.referrals.services.common import person_label
from beoncosup.referrals.views.follow import errors_text, organisation_label

SEARCH_LANGUAGES = ("nl", "fr", "de", "en")
SEARCH_RESULTS = 25
NOTES_SHOWN = 100


def _case_for(request: HttpRequest, case_id: uuid.UUID) -> tuple[Case, Sight]:
    """The person's case and what the viewer may see of it: 404 unless the viewer is in the
    care team in a role the active consent names."""
    case = Case.objects.filter(pk=case_id, erased_at__isnull=True).first()
    if case is None or not request.user.has_perm("referrals.view_case", case):
        raise Http404("No such person in your care teams")
    sight = selectors.sight_of_case(request.user, case)
    if sight.member is None:
        raise Http404("No such person in your care teams")
    return case, sight


def _case_page(
    request: HttpRequest,
    case: Case,
    sight: Sight,
    *,
    member_form: MemberAddForm | None = None,
    note_form: NoteForm | None = None,
    new_link: str = "",
    status: int = 200,
) -> HttpResponse:
    consent = selectors.active_consent_of(case)
    team = list(
        CareTeamMember.objects.filter(case=case, removed_at__isnull=True)
        .select_related("user", "organisation")
        .order_by("added_at", "id")
    )
    referrals = list(case.referrals.order_by("-created_at"))
    notes = (
        list(case.notes.select_related("author").order_by("-created_at", "-id")[:NOTES_SHOWN])
        if sight.notes
        else []
    )
    services.access_record(
        case=case,
        what="case.view",
        channel=Channel.WEB,
        actor=request.user,
        organisation_label=organisation_label(sight),
    )
    return render(
        request,
        "referrals/team/case.html",
        {
            "case": case,
            "sight": sight,
            "consent": consent,
            "consent_categories": [DataCategory(c).label for c in consent.categories]
            if consent
            else [],
            "consent_roles": [CareRole(r).label for r in consent.care_roles] if consent else [],
            "consent_purposes": [Purpose(p).label for p in consent.purposes] if consent else [],
            "team": [
                (member, person_label(member.user), CareRole(member.role).label) for member in team
            ],
            "referrals": referrals,
            "notes": [
                (note, person_label(note.author), CareRole(note.author_role).label)
                for note in notes
            ],
            "member_form": member_form or MemberAddForm(),
            "note_form": note_form or (NoteForm() if sight.notes else None),
            "new_link": new_link,
            "can_refer": request.user.has_perm("referrals.refer"),
        },
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def case(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    found, sight = _case_for(request, case_id)
    return _case_page(request, found, sight)


@login_required
@never_cache
@require_POST
def team_add(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    found, sight = _case_for(request, case_id)
    require(request, "referrals.manage_care_team", found)
    form = MemberAddForm(request.POST)
    if form.is_valid():
        try:
            services.care_team_add(
                case=found,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                actor=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The professional is now in the care team."))
            return redirect("referrals:case", case_id=found.pk)
    return _case_page(request, found, sight, member_form=form, status=400)


@login_required
@never_cache
@require_POST
def team_remove(request: HttpRequest, case_id: uuid.UUID, member_id: int) -> HttpResponse:
    found, _sight = _case_for(request, case_id)
    require(request, "referrals.manage_care_team", found)
    member = CareTeamMember.objects.filter(
        pk=member_id, case=found, removed_at__isnull=True
    ).first()
    if member is None:
        raise Http404("No such member in this care team")
    services.care_team_remove(member=member, actor=request.user)
    if member.user_id == request.user.pk:
        messages.success(request, _("You left the care team."))
        return redirect("referrals:followed")
    messages.success(request, _("The professional is no longer in the care team."))
    return redirect("referrals:case", case_id=found.pk)


@login_required
@never_cache
@require_POST
def note_add(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    found, sight = _case_for(request, case_id)
    require(request, "referrals.add_note", found)
    form = NoteForm(request.POST)
    if form.is_valid() and sight.member is not None:
        try:
            services.note_add(
                case=found,
                author=request.user,
                role=sight.member.role,
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The note was added."))
            return redirect("referrals:case", case_id=found.pk)
    return _case_page(request, found, sight, note_form=form, status=400)


@login_required
@never_cache
@require_POST
def link_renew(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    found, sight = _case_for(request, case_id)
    require(request, "referrals.manage_care_team", found)
    try:
        token = services.person_link_renew(case=found, actor=request.user)
    except ValidationError as error:
        for line in errors_text(error):
            messages.error(request, line)
        return redirect("referrals:case", case_id=found.pk)
    return _case_page(request, found, sight, new_link=services.person_link(found, token))


def _add_errors(form: Any, error: ValidationError) -> None:
    """A service's errors on the form's fields it knows, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            for message in messages_:
                form.add_error(field if field in form.fields else None, message)
    else:
        for line in errors_text(error):
            form.add_error(None, line)


# -- Refer the same person to another service -------------------------------------------------


def _service(value: Any) -> Service | None:
    try:
        key = uuid.UUID(str(value))
    except ValueError:
        return None
    service: Service | None = (
        Service.objects.filter(pk=key, status=ServiceStatus.ACTIVE)
        .select_related("organization")
        .first()
    )
    return service


def _service_label(service: Service) -> str:
    picked = pick(service.name, get_language() or "nl")
    return picked.text if picked else str(service)


def _need_codes(domains: tuple[PickerDomain, ...]) -> list[str]:
    return [
        code for domain in domains for category in domain.categories for code, _ in category.needs
    ]


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def case_refer(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    found, sight = _case_for(request, case_id)
    require(request, "referrals.refer")
    domains = needs_picker()
    search = ServiceSearchForm(request.GET if "q" in request.GET else None)
    results = (
        selectors.services_named(search.cleaned_data["q"])
        if search.is_valid() and search.cleaned_data["q"]
        else []
    )
    selected = _service(request.POST.get("service") or request.GET.get("service") or "")
    form = CaseReferForm(
        request.POST or None,
        need_codes=_need_codes(domains),
        initial={"service": selected.pk if selected else None},
    )
    if request.method == "POST" and form.is_valid():
        if selected is None:
            form.add_error(None, _("This service does not exist or takes no referrals now."))
        else:
            member = sight.member
            try:
                referral = services.referral_add(
                    case=found,
                    service=selected,
                    needs=form.cleaned_data["needs"],
                    reason=form.cleaned_data["reason"],
                    urgency=form.cleaned_data["urgency"],
                    referrer=request.user,
                    organisation=member.organisation if member is not None else None,
                    channel=Channel.WEB,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The referral was sent to %(service)s.") % {"service": referral.service_name},
                )
                return redirect("referrals:detail", referral_id=referral.pk)
    picked = set(form["needs"].value() or []) if form.is_bound else set()
    return render(
        request,
        "referrals/team/refer.html",
        {
            "case": found,
            "sight": sight,
            "search": search,
            "results": [(service, _service_label(service)) for service in results],
            "selected": selected,
            "selected_label": _service_label(selected) if selected else "",
            "form": form,
            "domains": domains,
            "picked": picked,
        },
        status=400 if request.method == "POST" else 200,
    )
