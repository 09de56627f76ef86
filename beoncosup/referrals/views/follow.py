"""The referrer's follow-up pages: the referrals they made or follow through a care team, their
unread notices, one referral's status and history, and cancelling it.

Anonymous → sign-in page; signed in without the professional role → 403 on the list; a
referral the viewer may not see → 404. Personal data shows only as the person's consent grants
(``selectors.sight_of``), and each page showing some leaves a row in the person's access log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.rules import require
from beoncosup.accounts.selectors import roles_of
from beoncosup.finder.queries import need_labels
from beoncosup.providers.selectors import holder_of
from beoncosup.referrals import selectors, services
from beoncosup.referrals.codes import (
    REQUESTER_MOVES,
    CareRole,
    Channel,
    DataCategory,
    NoticeKind,
    Reason,
    Status,
)
from beoncosup.referrals.forms.follow import CancelForm
from beoncosup.referrals.models import (
    CareTeamMember,
    Notice,
    Referral,
)
from beoncosup.referrals.selectors import Sight

PAGE_SIZE = 50
NOTICES_SHOWN = 20


def errors_text(error: ValidationError) -> list[str]:
    """A service's ValidationError as the lines of an error summary."""
    return [str(message) for message in error.messages]


def organisation_label(sight: Sight, referral: Referral | None = None, user: Any = None) -> str:
    """How the viewer's organisation is named in the person's access log: their care-team
    organisation, the service's provider for its staff, else the referrer's organisation."""
    member = sight.member
    if member is not None and member.organisation is not None:
        return str(member.organisation.name)
    if sight.role == "service" and referral is not None and referral.service is not None:
        holder = holder_of(user, referral.service)
        if holder is not None:
            return str(holder.name)
    if referral is not None and referral.referrer_organisation is not None:
        return str(referral.referrer_organisation.name)
    return ""


# -- The list ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    referral: Referral
    name: str  # "" unless the consent shares the person's name with this viewer
    waiting_days: int  # working days without an answer, past the service's limit; else 0


def _names_shown(user: Any, referrals: list[Referral]) -> dict[Any, str]:
    """Case id → the person's name, for the cases where the viewer is in the care team and the
    active consent names their role and shares the contact (one query for the whole page; the
    consents come prefetched)."""
    case_ids = {referral.case_id for referral in referrals if referral.case_id}
    roles = dict(
        CareTeamMember.objects.filter(
            user=user, case_id__in=case_ids, removed_at__isnull=True
        ).values_list("case_id", "role")
    )
    names: dict[Any, str] = {}
    for referral in referrals:
        case = referral.case
        if case is None or case.pk not in roles or case.pk in names:
            continue
        consent = selectors.active_consent_of(case)
        if (
            consent is not None
            and roles[case.pk] in consent.care_roles
            and DataCategory.CONTACT in consent.categories
            and case.name
        ):
            names[case.pk] = case.name
    return names


def notice_text(notice: Notice) -> str:
    referral = notice.referral
    service = referral.service_name
    if notice.kind == NoticeKind.STALLED:
        return _("No answer yet from %(service)s.") % {"service": service}
    if notice.kind == NoticeKind.CONSENT_WITHDRAWN:
        return _("The person withdrew their consent for the referral to %(service)s.") % {
            "service": service
        }
    return _("%(service)s: %(status)s.") % {
        "service": service,
        "status": Status(referral.status).label,
    }


def _notices(user: Any) -> tuple[list[tuple[Notice, str]], int]:
    unread = selectors.notices_unread(user=user)
    shown = list(unread[:NOTICES_SHOWN])
    total = len(shown) if len(shown) < NOTICES_SHOWN else unread.count()
    return [(notice, notice_text(notice)) for notice in shown], total


def _team_organisation(user: Any) -> str:
    """The name of the organisation the professional follows people for (the list's rows show
    names only to care-team members): their professional organisation."""
    ids = roles_of(user).organisations_with(OrgRole.PROFESSIONAL)
    found = Organisation.objects.filter(pk__in=ids).order_by("name").values_list("name", flat=True)
    return str(found.first() or "")


@login_required
@never_cache
@require_safe
def followed(request: HttpRequest) -> HttpResponse:
    require(request, "referrals.follow_referrals")
    paginator = Paginator(selectors.referrals_followed(user=request.user), PAGE_SIZE)
    page: Page[Referral] = paginator.get_page(request.GET.get("page"))
    referrals = list(page.object_list)
    names = _names_shown(request.user, referrals)
    limits = selectors.stall_limits({r.service_id for r in referrals if r.service_id})
    today = timezone.localdate()
    rows = [
        Row(
            referral=referral,
            name=names.get(referral.case_id, ""),
            waiting_days=selectors.days_unanswered(referral, limits, today),
        )
        for referral in referrals
    ]
    shown_cases = {row.referral.case_id: row.referral.case for row in rows if row.name}
    if shown_cases:
        services.accesses_record(
            cases=[case for case in shown_cases.values() if case is not None],
            what="followed.list",
            channel=Channel.WEB,
            actor=request.user,
            organisation_label=_team_organisation(request.user),
        )
    notices, notices_total = _notices(request.user)
    return render(
        request,
        "referrals/follow/followed.html",
        {"page": page, "rows": rows, "notices": notices, "notices_total": notices_total},
    )


@login_required
@require_POST
def notices_read(request: HttpRequest) -> HttpResponse:
    """Mark the user's unread notices read (all of them, or those of one referral)."""
    require(request, "referrals.follow_referrals")
    user: Any = request.user
    count = services.notices_mark_read(
        user=user, referral_id=_uuid(request.POST.get("referral", ""))
    )
    if count:
        messages.success(request, _("Notices marked as read."))
    return redirect("referrals:followed")


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value and "\x00" not in value else None
    except ValueError:
        return None


# -- One referral -----------------------------------------------------------------------------


def referral_for(request: HttpRequest, referral_id: uuid.UUID) -> Referral:
    """The referral, if the viewer may see it (404 otherwise: its existence is not revealed)."""
    referral = selectors.referral_detail(referral_id)
    if referral is None or not request.user.has_perm("referrals.view_referral", referral):
        raise Http404("No such referral among yours")
    return referral


def _detail_page(
    request: HttpRequest, referral: Referral, *, form: CancelForm | None = None, status: int = 200
) -> HttpResponse:
    sight = selectors.sight_of(request.user, referral)
    case = referral.case
    can_cancel = referral.status in REQUESTER_MOVES and request.user.has_perm(
        "referrals.cancel_referral", referral
    )
    if (sight.needs or sight.contact) and case is not None:
        services.access_record(
            case=case,
            what="referral.view",
            channel=Channel.WEB,
            actor=request.user,
            organisation_label=organisation_label(sight, referral, request.user),
            referral=referral,
        )
    user: Any = request.user
    services.notices_mark_read(user=user, referral_id=referral.pk)
    labels = need_labels(referral.needs) if sight.needs else {}
    return render(
        request,
        "referrals/follow/detail.html",
        {
            "referral": referral,
            "case": case,
            "sight": sight,
            "needs": [labels.get(code, code) for code in referral.needs] if sight.needs else [],
            "events": [
                (event, Reason(event.reason_code).label if event.reason_code else "")
                for event in referral.events.all()
            ],
            "reason_label": (
                Reason(referral.reason_code).label if referral.reason_code in Reason.values else ""
            ),
            "can_cancel": can_cancel,
            "form": form or (CancelForm() if can_cancel else None),
            "member_role": CareRole(sight.member.role).label if sight.member else "",
        },
        status=status,
    )


@login_required
@never_cache
@require_safe
def detail(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    return _detail_page(request, referral_for(request, referral_id))


@login_required
@never_cache
@require_POST
def cancel(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = referral_for(request, referral_id)
    require(request, "referrals.cancel_referral", referral)
    form = CancelForm(request.POST)
    if form.is_valid():
        sight = selectors.sight_of(request.user, referral)
        try:
            services.referral_move(
                referral=referral,
                status=Status.CANCELLED,
                reason_code=form.cleaned_data["reason_code"],
                note=form.cleaned_data["note"],
                actor=request.user,
                actor_label=organisation_label(sight, referral),
                as_performer=False,
                channel=Channel.WEB,
            )
        except ValidationError as error:
            for line in errors_text(error):
                form.add_error(None, line)
        else:
            messages.success(request, _("The referral is cancelled. The service was told."))
            return redirect("referrals:detail", referral_id=referral.pk)
    return _detail_page(request, referral, form=form, status=400)
