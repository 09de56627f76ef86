"""The person's own page behind their private link (no account): their referrals and what
happens with them, who sees what, who looked at their data; withdraw consent, stop a referral,
download everything, have it erased. Written for someone tired and anxious, on a phone."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.core.pdf import html_to_pdf, stylesheet_path
from beoncosup.referrals import selectors, services
from beoncosup.referrals.codes import (
    OPEN,
    CareRole,
    Channel,
    ContactMethod,
    DataCategory,
    Purpose,
    Reason,
    Status,
)
from beoncosup.referrals.forms.person import CancelForm
from beoncosup.referrals.models import Case, Consent, DataAccess, Referral, ReferralEvent
from beoncosup.taxonomy.models import Need

# A private-link token as services.token_new makes them (anything else is not a link of ours).
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,100}")

# What each status means for the person, in one or two short sentences.
STATUS_MEANS: dict[str, Any] = {
    Status.REQUESTED: gettext_lazy("Your referral was sent. The service has not answered yet."),
    Status.RECEIVED: gettext_lazy("The service has seen your referral. They will answer soon."),
    Status.ACCEPTED: gettext_lazy("The service said yes. They will get in touch with you."),
    Status.REJECTED: gettext_lazy(
        "The service cannot help you this time. Ask your professional about other help."
    ),
    Status.IN_PROGRESS: gettext_lazy("The service is helping you now."),
    Status.ON_HOLD: gettext_lazy("The help is paused for now."),
    Status.COMPLETED: gettext_lazy("The help from this service has ended."),
    Status.CANCELLED: gettext_lazy("This referral was stopped. Nothing more happens with it."),
}
NOT_SENT_STATUS = pgettext_lazy("referral status", "Not sent to the service")
NOT_SENT = gettext_lazy("This referral was not sent to the service. Please contact them yourself.")

MADE_NOT_SENT = pgettext_lazy("history", "Referral made (not sent to the service)")

# The access log's codes ("what"), said in words; by prefix when the code is not listed.
ACCESS_WHAT = {
    "person.view": gettext_lazy("Opened this page"),
    "person.export": gettext_lazy("Downloaded a copy of your data"),
    "referral.view": gettext_lazy("Looked at your referral"),
    "referral.list": gettext_lazy("Saw your referral in a list"),
    "inbox.list": gettext_lazy("Saw your referral in the service's list of referrals"),
    "inbox.detail": gettext_lazy("Looked at your referral in the service's inbox"),
    "inbox.view": gettext_lazy("Looked at your referral in the service's inbox"),
    "case.view": gettext_lazy("Looked at your file in the care team"),
    "team.case": gettext_lazy("Looked at your file in the care team"),
    "followed.list": gettext_lazy("Saw your referral in a list of followed referrals"),
    "notes.view": gettext_lazy("Read the notes between your professionals"),
    "api.referral": gettext_lazy("Read your referral through a connected computer system"),
    "fhir.task": gettext_lazy("Read your referral through a connected computer system"),
}
ACCESS_PREFIX = {
    "person": gettext_lazy("Looked at your page"),
    "inbox": gettext_lazy("Looked at your referral in the service's inbox"),
    "referral": gettext_lazy("Looked at your referral"),
    "case": gettext_lazy("Looked at your file in the care team"),
    "team": gettext_lazy("Looked at your file in the care team"),
    "api": gettext_lazy("Read your referral through a connected computer system"),
    "fhir": gettext_lazy("Read your referral through a connected computer system"),
}
ACCESS_OTHER = gettext_lazy("Looked at your data")
YOU = pgettext_lazy("access log", "You (on your private page)")
AUTOMATIC = pgettext_lazy("history", "BeONCOsup (automatic)")


def access_what(code: str) -> str:
    if code in ACCESS_WHAT:
        return str(ACCESS_WHAT[code])
    return str(ACCESS_PREFIX.get(code.partition(".")[0], ACCESS_OTHER))


def _label(choices: Any, code: str) -> str:
    return str(choices(code).label) if code in choices.values else code


def _private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No caching, no indexing, and no Referer (the token is in the URL). Pages with a form
    say "same-origin" instead: under "no-referrer" browsers send ``Origin: null`` with the
    form, and Django's CSRF check refuses it; "same-origin" still never tells another site."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if "Referrer-Policy" not in response:
            response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)


def _with_form(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "same-origin"
    return response


def _case_or_gone(request: HttpRequest, token: str) -> Case | HttpResponse:
    case = selectors.case_for_token(token) if TOKEN.fullmatch(token) else None
    if case is None:
        return render(request, "referrals/person/gone.html", status=404)
    return case


# --- What the page shows -------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    at: Any
    status: str
    reason: str
    who: str


@dataclass(frozen=True)
class NextSteps:
    how: Any
    phones: list[tuple[str, str]]
    email: str
    url: str

    @property
    def any(self) -> bool:
        return bool(self.how or self.phones or self.email or self.url)


@dataclass(frozen=True)
class ReferralRow:
    referral: Referral
    service: str
    needs: list[str]
    status: str
    means: str
    outcome: str
    steps: list[Step]
    next_steps: NextSteps
    can_cancel: bool


def _who_acted(event: ReferralEvent) -> str:
    if event.channel == Channel.PERSON:
        return _("You")
    if event.actor_label:
        return event.actor_label
    if event.channel == Channel.SYSTEM:
        return str(AUTOMATIC)
    return _("A professional")


def _step_label(referral: Referral, event: ReferralEvent) -> str:
    if not referral.delivered and event.status == Status.REQUESTED:
        return str(MADE_NOT_SENT)
    return _label(Status, event.status)


def _next_steps(referral: Referral, language: str) -> NextSteps:
    service = referral.service
    if service is None:
        return NextSteps(how=None, phones=[], email="", url="")
    phones = [
        (phone.number, "tel:" + re.sub(r"[^0-9+]", "", phone.number))
        for phone in service.phones.all()
    ]
    return NextSteps(
        how=pick(service.application_process, language),
        phones=phones,
        email=service.email,
        url=service.url,
    )


def _referral_rows(referrals: list[Referral], language: str) -> list[ReferralRow]:
    codes = {code for referral in referrals for code in referral.needs}
    labels = {n.code: n.label for n in Need.objects.filter(code__in=codes)} if codes else {}
    rows = []
    for referral in referrals:
        not_sent = not referral.delivered and referral.status in OPEN
        picked = pick(referral.service.name, language) if referral.service else None
        rows.append(
            ReferralRow(
                referral=referral,
                service=picked.text if picked else referral.service_name,
                needs=[labels.get(code, code) for code in referral.needs],
                status=str(NOT_SENT_STATUS) if not_sent else _label(Status, referral.status),
                means=str(NOT_SENT if not_sent else STATUS_MEANS.get(referral.status, "")),
                outcome=_label(Reason, referral.reason_code) if referral.reason_code else "",
                steps=[
                    Step(
                        at=event.at,
                        status=_step_label(referral, event),
                        reason=_label(Reason, event.reason_code) if event.reason_code else "",
                        who=_who_acted(event),
                    )
                    for event in referral.events.all()
                ],
                next_steps=_next_steps(referral, language),
                can_cancel=referral.status in OPEN,
            )
        )
    return rows


def _member_name(user: Any) -> str:
    full = f"{user.first_name} {user.last_name}".strip()
    return full or str(user.email)


def _sharing(case: Case, data: dict[str, Any], rows: list[ReferralRow]) -> dict[str, Any]:
    """Who sees what under the active consent, or since when nothing is shared."""
    consent: Consent | None = data["active_consent"]
    if consent is None:
        given = [c for c in data["consents"] if c.withdrawn_via != Channel.SYSTEM]
        latest = given[0] if given else None
        return {
            "consent": None,
            "withdrawn_at": latest.withdrawn_at if latest else None,
            "ended_on": latest.valid_until if latest and not latest.withdrawn_at else None,
        }
    return {
        "consent": consent,
        "categories": [_label(DataCategory, code) for code in consent.categories],
        "purposes": [_label(Purpose, code) for code in consent.purposes],
        "roles": [_label(CareRole, code) for code in consent.care_roles],
        "services": sorted(
            {
                row.service
                for row in rows
                if row.referral.consent_id == consent.pk and row.referral.delivered
            }
        ),
        "members": [
            {
                "name": _member_name(member.user),
                "role": _label(CareRole, member.role),
                "organisation": member.organisation.name if member.organisation else "",
            }
            for member in data["team"]
            if member.removed_at is None and member.role in consent.care_roles
        ],
        "valid_until": consent.valid_until,
    }


def _accesses(accesses: list[DataAccess]) -> list[dict[str, Any]]:
    rows = []
    for access in accesses:
        if access.channel == Channel.PERSON and access.actor_id is None:
            who = str(YOU)
        else:
            names = [access.actor_label, access.organisation_label]
            who = ", ".join(n for n in names if n) or str(AUTOMATIC)
        rows.append({"at": access.at, "who": who, "what": access_what(access.what)})
    return rows


@require_safe
@_private
def page(request: HttpRequest, token: str) -> HttpResponse:
    case = _case_or_gone(request, token)
    if isinstance(case, HttpResponse):
        return case
    services.access_record(case=case, what="person.view", channel=Channel.PERSON, actor=None)
    data = selectors.case_page(case)
    prefetch_related_objects(data["referrals"], "service__phones")
    rows = _referral_rows(data["referrals"], default_language())
    return render(
        request,
        "referrals/person/page.html",
        {
            "case": case,
            "token": token,
            "rows": rows,
            "sharing": _sharing(case, data, rows),
            "accesses": _accesses(data["accesses"]),
            "accesses_total": data["accesses_total"],
            "accesses_more": data["accesses_total"] - len(data["accesses"]),
            "any_open": any(row.can_cancel for row in rows),
        },
    )


# --- Actions -------------------------------------------------------------------------------


def _back(token: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("referrals:person", kwargs={"token": token}))


@require_http_methods(["GET", "HEAD", "POST"])
@_private
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """GET explains what withdrawing does; POST withdraws every consent at once."""
    case = _case_or_gone(request, token)
    if isinstance(case, HttpResponse):
        return case
    if selectors.active_consent_of(case) is None:
        messages.info(request, _("You are not sharing anything at the moment."))
        return _back(token)
    if request.method == "POST":
        services.consent_withdraw(case=case, channel=Channel.PERSON)
        messages.success(
            request,
            _("Done. You withdrew your consent. Nobody sees your data any more from now on."),
        )
        return _back(token)
    return _with_form(
        render(request, "referrals/person/withdraw.html", {"case": case, "token": token})
    )


@require_http_methods(["GET", "HEAD", "POST"])
@_private
def cancel(request: HttpRequest, token: str, referral_id: Any) -> HttpResponse:
    """Stop one open referral of this person (another person's referral: 404)."""
    case = _case_or_gone(request, token)
    if isinstance(case, HttpResponse):
        return case
    referral = case.referrals.select_related("service").filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    if referral.status not in OPEN:
        messages.info(request, _("This referral is already closed."))
        return _back(token)
    rows = _referral_rows([referral], default_language())
    form = CancelForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.referral_move(
                    referral=referral,
                    status=Status.CANCELLED,
                    reason_code=form.cleaned_data["reason"],
                    as_performer=False,
                    channel=Channel.PERSON,
                    actor_label="",
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Done. The referral is stopped."))
                return _back(token)
        status = 400
    return _with_form(
        render(
            request,
            "referrals/person/cancel.html",
            {"case": case, "token": token, "row": rows[0], "form": form},
            status=status,
        )
    )


@require_http_methods(["GET", "HEAD", "POST"])
@_private
def erase(request: HttpRequest, token: str) -> HttpResponse:
    """GET explains what is erased and what stays as anonymous counts; POST erases."""
    case = _case_or_gone(request, token)
    if isinstance(case, HttpResponse):
        return case
    if request.method == "POST":
        services.case_erase(case=case, channel=Channel.PERSON)
        return render(request, "referrals/person/erased.html")
    return _with_form(
        render(request, "referrals/person/erase.html", {"case": case, "token": token})
    )


# --- Downloads -----------------------------------------------------------------------------


def _export(case: Case) -> dict[str, Any]:
    services.access_record(case=case, what="person.export", channel=Channel.PERSON, actor=None)
    return services.case_export(case=case)


def _attachment(content: bytes | str, content_type: str, extension: str) -> HttpResponse:
    filename = f"beoncosup-my-data-{timezone.localdate():%Y-%m-%d}.{extension}"
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@require_safe
@_private
def export_json(request: HttpRequest, token: str) -> HttpResponse:
    case = _case_or_gone(request, token)
    if isinstance(case, HttpResponse):
        return case
    body = json.dumps(_export(case), ensure_ascii=False, indent=2)
    return _attachment(body, "application/json; charset=utf-8", "json")


def _when(value: str | None) -> dt.datetime | dt.date | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def _readable(export: dict[str, Any]) -> dict[str, Any]:
    """The export with its codes said in words and its dates as dates, for the PDF."""
    person = export["person"]
    codes = {code for r in export["referrals"] for code in r["needs"]}
    needs = {n.code: n.label for n in Need.objects.filter(code__in=codes)} if codes else {}
    return {
        "person": {
            **person,
            "contact_method": _label(ContactMethod, person["contact_method"]),
            "created_at": _when(person["created_at"]),
        },
        "consents": [
            {
                **c,
                "given_at": _when(c["given_at"]),
                "valid_until": _when(c["valid_until"]),
                "withdrawn_at": _when(c["withdrawn_at"]),
                "shared": [_label(DataCategory, code) for code in c["shared"]],
                "care_roles": [_label(CareRole, code) for code in c["care_roles"]],
                "purposes": [_label(Purpose, code) for code in c["purposes"]],
            }
            for c in export["consents"]
        ],
        "referrals": [
            {
                **r,
                "created_at": _when(r["created_at"]),
                "needs": [needs.get(code, code) for code in r["needs"]],
                "status": _label(Status, r["status"]),
                "outcome": _label(Reason, r["outcome"]) if r["outcome"] else "",
                "history": [
                    {
                        **e,
                        "at": _when(e["at"]),
                        "status": _label(Status, e["status"]),
                        "reason": _label(Reason, e["reason"]) if e["reason"] else "",
                    }
                    for e in r["history"]
                ],
            }
            for r in export["referrals"]
        ],
        "care_team": [
            {
                **m,
                "role": _label(CareRole, m["role"]),
                "added_at": _when(m["added_at"]),
                "removed_at": _when(m["removed_at"]),
            }
            for m in export["care_team"]
        ],
        "notes": [
            {**n, "role": _label(CareRole, n["role"]), "at": _when(n["at"])}
            for n in export["notes"]
        ],
        "access_log": [
            {
                **a,
                "at": _when(a["at"]),
                "who": str(YOU)
                if a["channel"] == Channel.PERSON and not a["who"]
                else ", ".join(x for x in (a["who"], a["organisation"]) if x) or str(AUTOMATIC),
                "what": access_what(a["what"]),
            }
            for a in export["access_log"]
        ],
    }


@require_safe
@_private
def export_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The same as the JSON download, as a tagged PDF (PDF/UA-1) in the page's language."""
    case = _case_or_gone(request, token)
    if isinstance(case, HttpResponse):
        return case
    stylesheet = stylesheet_path("beoncosup/css/person-pdf.css")
    html = render_to_string(
        "referrals/person/export_pdf.html",
        {"data": _readable(_export(case)), "today": timezone.localdate()},
        request=request,
    )
    return _attachment(html_to_pdf(html, base_url=stylesheet), "application/pdf", "pdf")
