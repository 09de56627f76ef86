"""Making a referral: a professional for a person (from a finder result, a plan or a service
page), or a person for themselves without an account. Two steps: the form, then the consent
statement read to (or by) the person; or, without consent, an anonymous referral at once."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.rules import require
from beoncosup.accounts.selectors import roles_of
from beoncosup.core.qr import qr_svg
from beoncosup.directory.models import Service
from beoncosup.finder.queries import active_service
from beoncosup.referrals import services
from beoncosup.referrals.codes import Channel, ConsentMethod
from beoncosup.referrals.forms.refer import (
    ConsentForm,
    ProfessionalReferralForm,
    ReferralForm,
    SelfReferralForm,
    draft_dump,
)
from beoncosup.referrals.models import Referral
from beoncosup.taxonomy.models import Need

SELF_REFERRALS_PER_DAY = 5  # per browser session: a brake on misuse of the open form
_FIELDS = (
    "needs",
    "reason",
    "urgency",
    "consent",
    "name",
    "contact_method",
    "phone",
    "email",
    "language",
    "categories",
    "care_roles",
    "purposes",
    "months",
    "referrer_role",
    "organisation",
)


def _service_or_404(raw: Any) -> Service:
    try:
        service_id = uuid.UUID(str(raw))
    except ValueError:
        raise Http404 from None
    service = active_service(service_id)
    if service is None:
        raise Http404
    return service


def _need_choices(service: Service, wanted: list[str]) -> list[tuple[str, str]]:
    """The service's needs, and those the page came with, labelled in the page language."""
    codes = set(service.needs.values_list("code", flat=True)) | set(wanted)
    needs = Need.objects.filter(code__in=codes).order_by(
        "category__domain__sort_order", "category__sort_order", "sort_order", "code"
    )
    return [(need.code, need.label) for need in needs]


def _organisations(user: Any) -> list[tuple[int, str]]:
    ids = roles_of(user).organisations_with(OrgRole.PROFESSIONAL)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name"))


def _terms(data: dict[str, Any], *, method: str, valid_until: Any) -> services.ConsentTerms:
    return services.ConsentTerms(
        categories=list(data.get("categories") or []),
        care_roles=list(data.get("care_roles") or []),
        purposes=list(data.get("purposes") or []),
        valid_until=valid_until,
        method=method,
        statement_language=data["language"],
    )


def _identity(data: dict[str, Any]) -> services.Identity:
    return services.Identity(
        name=data.get("name", ""),
        contact_method=data.get("contact_method", ""),
        language=data["language"],
        phone=data.get("phone", "") or "",
        email=data.get("email", "") or "",
    )


def _done(request: HttpRequest, referral: Referral, token: str, *, is_self: bool) -> HttpResponse:
    """The result page: shown once, since only it knows the person's private link."""
    case = referral.case
    assert case is not None  # noqa: S101 (a new referral always has its case)
    link = services.person_link(case, token)
    response = render(
        request,
        "referrals/refer/done.html",
        {
            "referral": referral,
            "service": referral.service,
            "link": link,
            "qr": qr_svg(link, title=_("QR code of the private link")),
            "is_self": is_self,
            "sent_by": case.contact_method if referral.delivered else "",
        },
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _create(
    request: HttpRequest,
    *,
    service: Service,
    data: dict[str, Any],
    with_consent: bool,
    is_self: bool,
    valid_until: Any,
) -> tuple[Referral, str]:
    user = request.user if request.user.is_authenticated else None
    organisation = None
    if not is_self:
        allowed = dict(_organisations(request.user))
        if int(data.get("organisation") or 0) not in allowed:
            raise Http404
        organisation = Organisation.objects.get(pk=int(data["organisation"]))
    method = ConsentMethod.OWN_DEVICE if is_self else ConsentMethod.READ_ALOUD
    return services.referral_create(
        service=service,
        needs=list(data["needs"]),
        reason=data.get("reason", ""),
        urgency=data["urgency"],
        language=data["language"],
        identity=_identity(data) if with_consent else None,
        terms=_terms(data, method=method, valid_until=valid_until) if with_consent else None,
        referrer=user,
        organisation=organisation,
        referrer_role="" if is_self else data.get("referrer_role", ""),
        channel=Channel.WEB,
        is_self_referral=is_self,
    )


def _self_allowed(request: HttpRequest) -> bool:
    today = timezone.localdate().isoformat()
    counts = request.session.get("self_referrals", {})
    return int(counts.get(today, 0)) < SELF_REFERRALS_PER_DAY


def _self_count(request: HttpRequest) -> None:
    today = timezone.localdate().isoformat()
    counts = request.session.get("self_referrals", {})
    request.session["self_referrals"] = {today: int(counts.get(today, 0)) + 1}


def _form_page(
    request: HttpRequest, *, is_self: bool, service: Service, form: ReferralForm, status: int
) -> HttpResponse:
    return render(
        request,
        "referrals/refer/form.html",
        {"form": form, "service": service, "is_self": is_self},
        status=status,
    )


def _step_one(request: HttpRequest, *, is_self: bool) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    service = _service_or_404(source.get("service"))
    asked = request.GET.getlist("need") + request.POST.getlist("needs")
    wanted = [code for code in asked if len(code) <= 60]
    needs = _need_choices(service, wanted)
    form: ReferralForm
    if request.method != "POST":
        initial = {"needs": wanted, "language": translation.get_language()}
        if is_self:
            form = SelfReferralForm(initial=initial, needs=needs)
        else:
            form = ProfessionalReferralForm(
                initial=initial, needs=needs, organisations=_organisations(request.user)
            )
        return _form_page(request, is_self=is_self, service=service, form=form, status=200)
    if is_self:
        form = SelfReferralForm(request.POST, needs=needs)
    else:
        form = ProfessionalReferralForm(
            request.POST, needs=needs, organisations=_organisations(request.user)
        )
    if not form.is_valid():
        return _form_page(request, is_self=is_self, service=service, form=form, status=400)
    if is_self and not _self_allowed(request):
        form.add_error(None, _("You sent several requests today already. Please call the service."))
        return _form_page(request, is_self=is_self, service=service, form=form, status=429)
    data: dict[str, Any] = {
        key: form.cleaned_data.get(key) for key in _FIELDS if key in form.cleaned_data
    }
    if data["consent"] != "yes":
        try:
            referral, token = _create(
                request,
                service=service,
                data=data,
                with_consent=False,
                is_self=is_self,
                valid_until=None,
            )
        except ValidationError as error:
            _errors_to(form, error)
            return _form_page(request, is_self=is_self, service=service, form=form, status=400)
        if is_self:
            _self_count(request)
        return _done(request, referral, token, is_self=is_self)
    valid_until = form.valid_until
    method = ConsentMethod.OWN_DEVICE if is_self else ConsentMethod.READ_ALOUD
    terms = _terms(data, method=method, valid_until=valid_until)
    statement = services.consent_statement(
        terms=terms, service_names=[services.service_name(service, data["language"])]
    )
    draft = {**data, "service": str(service.pk), "valid_until": valid_until.isoformat()}
    consent_form = ConsentForm(initial={"draft": draft_dump(draft)})
    if is_self:
        consent_form.fields["agreed"].label = _("I have read this and I agree")
    return render(
        request,
        "referrals/refer/consent.html",
        {
            "form": consent_form,
            "service": service,
            "statement": statement,
            "statement_language": data["language"],
            "is_self": is_self,
            "action": "referrals:self_refer_consent" if is_self else "referrals:refer_consent",
        },
    )


def _errors_to(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def _step_two(request: HttpRequest, *, is_self: bool) -> HttpResponse:
    form = ConsentForm(request.POST)
    anonymous = "anonymous" in request.POST
    if anonymous:
        form.fields["agreed"].required = False
    if not form.is_valid():
        draft_errors = form.errors.get("draft")
        if draft_errors or "draft" not in form.data:
            return render(
                request,
                "referrals/refer/expired.html",
                {"messages_": draft_errors or [_("Please start again.")], "is_self": is_self},
                status=400,
            )
        draft = ConsentForm(request.POST)
        draft.fields["agreed"].required = False
        draft.is_valid()
        data = draft.cleaned_data.get("draft") or {}
        service = _service_or_404(data.get("service"))
        statement = services.consent_statement(
            terms=_terms(
                data,
                method=ConsentMethod.OWN_DEVICE if is_self else ConsentMethod.READ_ALOUD,
                valid_until=dt.date.fromisoformat(data["valid_until"]),
            ),
            service_names=[services.service_name(service, data["language"])],
        )
        return render(
            request,
            "referrals/refer/consent.html",
            {
                "form": form,
                "service": service,
                "statement": statement,
                "statement_language": data["language"],
                "is_self": is_self,
                "action": "referrals:self_refer_consent" if is_self else "referrals:refer_consent",
            },
            status=400,
        )
    data = form.cleaned_data["draft"]
    service = _service_or_404(data.get("service"))
    if is_self and not _self_allowed(request):
        raise Http404
    valid_until = dt.date.fromisoformat(data["valid_until"])
    try:
        referral, token = _create(
            request,
            service=service,
            data=data,
            with_consent=not anonymous,
            is_self=is_self,
            valid_until=valid_until,
        )
    except ValidationError as error:
        return render(
            request,
            "referrals/refer/expired.html",
            {"messages_": error.messages, "is_self": is_self},
            status=400,
        )
    if is_self:
        _self_count(request)
    return _done(request, referral, token, is_self=is_self)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def refer(request: HttpRequest) -> HttpResponse:
    require(request, "referrals.refer")
    return _step_one(request, is_self=False)


@login_required
@never_cache
@require_POST
def refer_consent(request: HttpRequest) -> HttpResponse:
    require(request, "referrals.refer")
    return _step_two(request, is_self=False)


@never_cache
@require_http_methods(["GET", "POST"])
def self_refer(request: HttpRequest) -> HttpResponse:
    return _step_one(request, is_self=True)


@never_cache
@require_POST
def self_refer_consent(request: HttpRequest) -> HttpResponse:
    return _step_two(request, is_self=True)
