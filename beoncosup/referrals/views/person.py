"""The person's own page behind their private link (no account): their referrals and what
happens with them, who sees what, who looked at their data; withdraw consent, stop a referral,
download everything, have it erased. Written for someone tired and anxious, on a phone."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
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
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from beoncosup.core.i18n_text import default_language
from beoncosup.core.pdf import html_to_pdf, stylesheet_path
from beoncosup.referrals import selectors, services
from beoncosup.referrals.codes import (
    OPEN,
    Channel,
    Status,
)
from beoncosup.referrals.forms.person import CancelForm
from beoncosup.referrals.models import Case
from beoncosup.referrals.views import person_text as text

# A private-link token as services.token_new makes them (anything else is not a link of ours).
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,100}")


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


@require_safe
@_private
def page(request: HttpRequest, token: str) -> HttpResponse:
    case = _case_or_gone(request, token)
    if isinstance(case, HttpResponse):
        return case
    services.access_record(case=case, what="person.view", channel=Channel.PERSON, actor=None)
    data = selectors.case_page(case)
    prefetch_related_objects(data["referrals"], "service__phones")
    rows = text.referral_rows(data["referrals"], default_language())
    return render(
        request,
        "referrals/person/page.html",
        {
            "case": case,
            "token": token,
            "rows": rows,
            "sharing": text.sharing(data, rows),
            "accesses": text.access_rows(data["accesses"]),
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
    rows = text.referral_rows([referral], default_language())
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
        {"data": text.readable(_export(case)), "today": timezone.localdate()},
        request=request,
    )
    return _attachment(html_to_pdf(html, base_url=stylesheet), "application/pdf", "pdf")
