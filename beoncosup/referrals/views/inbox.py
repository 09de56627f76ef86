"""The receiving service's inbox: the referrals delivered to the services a provider's staff
hold, one referral with what the person's consent shares and its next steps, and the service's
referral settings.

Anonymous → sign-in page; signed in without the provider role → 403; a referral or a service
of another provider (or none) → 404. Personal data shows only as the consent grants, and each
page showing some leaves rows in the person's access log."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from beoncosup.accounts.rules import require
from beoncosup.directory.models import Service
from beoncosup.finder.queries import need_labels
from beoncosup.providers.selectors import holder_of, provider_organisations, services_of
from beoncosup.referrals import selectors, services
from beoncosup.referrals.codes import (
    OPEN,
    Channel,
    ContactMethod,
    DataCategory,
    Reason,
    Status,
)
from beoncosup.referrals.forms.inbox import MoveForm, ServiceSettingsForm, moves_from
from beoncosup.referrals.models import Referral, ServiceReferralSettings

ALL = "all"
# The tabs of the inbox: "" (open, the default), each status, "all".
TABS = ("", *Status.values, ALL)


# -- Shared -----------------------------------------------------------------------------------


def _shared(referral: Referral, today: dt.date) -> set[str]:
    """What the person's consent shares with the service (the service's ``Sight`` without a
    query: the consent and the case come with the inbox's rows)."""
    case, consent = referral.case, referral.consent
    if case is None or case.erased_at is not None or consent is None:
        return set()
    if not consent.is_active(today):
        return set()
    return set(consent.categories) & {DataCategory.NEEDS, DataCategory.CONTACT}


# -- The list ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    referral: Referral
    name: str | None  # None: not shared
    needs: list[str] | None  # labels; None: not shared
    waiting_days: int


def _queryset(user: Any, tab: str) -> QuerySet[Referral]:
    return selectors.inbox(user=user, status=selectors.ALL_STATUSES if tab == ALL else tab)


def _tab_counts(user: Any) -> dict[str, int]:
    rows = (
        _queryset(user, ALL)
        .prefetch_related(None)
        .order_by()
        .values("status")
        .annotate(n=Count("id"))
    )
    counts = {row["status"]: row["n"] for row in rows}
    counts[""] = sum(n for status, n in counts.items() if status in OPEN)
    counts[ALL] = sum(n for status, n in counts.items() if status in Status.values)
    return counts


def _labels_by_listing(user: Any) -> dict[Any, str]:
    """Listing id → the name of the user's organisation holding it (the access log's label)."""
    labels: dict[Any, str] = {}
    for name, listing_id in provider_organisations(user).values_list("name", "listings"):
        labels.setdefault(listing_id, name)
    return labels


@login_required
@require_safe
@never_cache
def inbox(request: HttpRequest) -> HttpResponse:
    require(request, "referrals.use_inbox")
    user = request.user
    tab = request.GET.get("status", "")
    if tab not in TABS:
        tab = ""
    page = Paginator(_queryset(user, tab), selectors.INBOX_PAGE).get_page(request.GET.get("page"))
    referrals: list[Referral] = list(page.object_list)
    today = timezone.localdate()
    held = list(services_of(user))
    limits = selectors.stall_limits({service.pk for service in held})
    shared = {referral.pk: _shared(referral, today) for referral in referrals}
    labels = need_labels(
        {code for r in referrals if DataCategory.NEEDS in shared[r.pk] for code in r.needs}
    )
    rows = []
    for referral in referrals:
        grants = shared[referral.pk]
        case = referral.case
        rows.append(
            Row(
                referral=referral,
                name=case.name if case is not None and DataCategory.CONTACT in grants else None,
                needs=[labels.get(code, code) for code in referral.needs]
                if DataCategory.NEEDS in grants
                else None,
                waiting_days=selectors.days_unanswered(referral, limits, today),
            )
        )
    _log_list(user, rows)
    default_days = settings.BEONCOSUP_REFERRAL_STALL_DAYS
    return render(
        request,
        "referrals/inbox/inbox.html",
        {
            "rows": rows,
            "page": page,
            "tab": tab,
            "tabs": _tabs(_tab_counts(user)),
            "services": [(service, limits.get(service.pk, default_days)) for service in held],
        },
    )


def _tabs(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    tabs = [("", _("Open"), counts.get("", 0))]
    tabs += [(status.value, str(status.label), counts.get(status.value, 0)) for status in Status]
    tabs.append((ALL, _("All"), counts.get(ALL, 0)))
    return tabs


def _log_list(user: Any, rows: list[Row]) -> None:
    """One access-log row per person whose data the page shows, named by the organisation
    holding the service (one insert per organisation)."""
    shown = [row for row in rows if row.name is not None or row.needs is not None]
    if not shown:
        return
    by_listing = _labels_by_listing(user)
    groups: dict[str, list[Any]] = {}
    for row in shown:
        service = row.referral.service
        label = by_listing.get(service.organization_id, "") if service is not None else ""
        case = row.referral.case
        if case is not None:
            groups.setdefault(label, []).append(case)
    for label, cases in groups.items():
        services.accesses_record(
            cases=cases,
            what="inbox.list",
            channel=Channel.WEB,
            actor=user,
            organisation_label=label,
        )


# -- One referral -----------------------------------------------------------------------------


def _handled(request: HttpRequest, referral_id: uuid.UUID) -> Referral:
    """The referral, if it went to a service of the user's provider: 403 without the provider
    role, 404 for anyone else's (its existence is not revealed)."""
    require(request, "referrals.use_inbox")
    referral = selectors.referral_detail(referral_id)
    if referral is None or not request.user.has_perm("referrals.handle_referral", referral):
        raise Http404("No such referral in your inbox")
    return referral


def _organisation_label(user: Any, referral: Referral) -> str:
    holder = holder_of(user, referral.service) if referral.service is not None else None
    return str(holder.name) if holder is not None else ""


@dataclass(frozen=True)
class Step:
    at: dt.datetime
    status: str
    reason: str
    note: str
    actor_label: str
    channel: str


def _consent_state(referral: Referral, today: dt.date) -> str:
    case, consent = referral.case, referral.consent
    if case is not None and case.erased_at is not None:
        return "erased"
    if consent is None:
        return "none"
    if consent.withdrawn_at is not None:
        return "withdrawn"
    if not consent.is_active(today):
        return "expired"
    return "active"


def _reason_label(code: str) -> str:
    return str(Reason(code).label) if code in Reason.values else code


def _detail_page(
    request: HttpRequest,
    referral: Referral,
    *,
    label: str,
    bound: MoveForm | None = None,
    errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    sight = selectors.sight_of(user, referral)
    today = timezone.localdate()
    state = _consent_state(referral, today)
    case = referral.case
    personal = state == "active" and case is not None and sight.personal
    contact: dict[str, Any] | None = None
    if personal and sight.contact and case is not None:
        contact = {
            "name": case.name,
            "method": case.get_contact_method_display(),
            "value": case.phone
            if case.contact_method in (ContactMethod.PHONE, ContactMethod.SMS)
            else case.email
            if case.contact_method == ContactMethod.EMAIL
            else "",
            "language": case.get_language_display(),
        }
    needs: list[str] | None = None
    if personal and sight.needs:
        labels = need_labels(referral.needs)
        needs = [labels.get(code, code) for code in referral.needs]
    steps = [
        Step(
            at=event.at,
            status=str(Status(event.status).label) if event.status in Status.values else "",
            reason=_reason_label(event.reason_code) if event.reason_code else "",
            note=event.note if personal else "",
            actor_label=event.actor_label,
            channel=event.get_channel_display(),
        )
        for event in referral.events.all()
    ]
    forms = [
        bound if bound is not None and bound.target == move else MoveForm(target=move)
        for move in moves_from(referral.status)
    ]
    if personal and case is not None:
        services.access_record(
            case=case,
            what="referral.view",
            channel=Channel.WEB,
            actor=user,
            organisation_label=label,
            referral=referral,
        )
    consent = referral.consent
    return render(
        request,
        "referrals/inbox/detail.html",
        {
            "referral": referral,
            "consent": consent,
            "consent_state": state,
            "shared_labels": [
                DataCategory(code).label
                for code in (consent.categories if consent else [])
                if code in DataCategory.values
            ],
            "contact": contact,
            "needs": needs,
            "reason": referral.reason if needs is not None else "",
            "status_label": Status(referral.status).label,
            "reason_label": _reason_label(referral.reason_code) if referral.reason_code else "",
            "steps": steps,
            "forms": forms,
            "errors": errors or [],
            "closed_for_capacity": referral.status == Status.REJECTED
            and referral.reason_code == Reason.NO_CAPACITY,
        },
        status=status,
    )


@login_required
@require_safe
@never_cache
def detail(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = _handled(request, referral_id)
    label = _organisation_label(request.user, referral)
    if referral.status == Status.REQUESTED:
        # Someone of the service may have opened or answered it at the same moment.
        with contextlib.suppress(ValidationError):
            services.referral_move(
                referral=referral,
                status=Status.RECEIVED,
                actor=request.user,
                actor_label=label,
                as_performer=True,
                channel=Channel.WEB,
            )
        referral = _handled(request, referral_id)
    return _detail_page(request, referral, label=label)


@login_required
@require_POST
@never_cache
def move(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = _handled(request, referral_id)
    label = _organisation_label(request.user, referral)
    target = request.POST.get("move", "")
    if target not in moves_from(referral.status):
        message = _("This step is not possible now: the referral is “%(status)s”.") % {
            "status": Status(referral.status).label
        }
        return _detail_page(request, referral, label=label, errors=[message], status=400)
    form = MoveForm(request.POST, target=target)
    if form.is_valid():
        values = form.values()
        try:
            services.referral_move(
                referral=referral,
                status=target,
                reason_code=values["reason_code"],
                note=values["note"],
                actor=request.user,
                actor_label=label,
                as_performer=True,
                channel=Channel.WEB,
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, _success(target, values["reason_code"]))
            return redirect("referrals:inbox_detail", referral_id=referral.pk)
    return _detail_page(request, referral, label=label, bound=form, status=400)


def _success(target: str, reason_code: str) -> str:
    if target == Status.REJECTED and reason_code == Reason.NO_CAPACITY:
        return _(
            "You declined the referral for lack of capacity. The service is now marked closed "
            "to new referrals: change its capacity as soon as you can take new referrals again."
        )
    return _("Saved: the referral is now “%(status)s”. The referrer is told.") % {
        "status": Status(target).label
    }


# -- The service's settings -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def service_settings(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    require(request, "referrals.use_inbox")
    service: Service | None = (
        Service.objects.select_related("organization").filter(pk=service_id).first()
    )
    if service is None or not request.user.has_perm("referrals.set_service_settings", service):
        raise Http404("No such service among your listings")
    current = ServiceReferralSettings.objects.filter(service=service).first()
    days = current.stall_after_days if current else settings.BEONCOSUP_REFERRAL_STALL_DAYS
    form = ServiceSettingsForm(request.POST or None, initial={"stall_after_days": days})
    if request.method == "POST" and form.is_valid():
        try:
            services.service_settings_set(
                service=service,
                stall_after_days=form.cleaned_data["stall_after_days"],
                actor=request.user,
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, _("Saved: the referral settings of the service."))
            return redirect("referrals:inbox")
    return render(
        request,
        "referrals/inbox/service_settings.html",
        {"service": service, "form": form},
        status=400 if request.method == "POST" else 200,
    )
