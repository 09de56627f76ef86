"""The FHIR R4B endpoints (plain Django views: FHIR's content type, its OperationOutcome errors
and its search parameters fit them better than the v1 API's conventions).

Authentication: ``Authorization: Bearer <organisation API token>`` (401 without). A referral
the organisation may not see does not exist (404). Every answer that holds personal data is
logged on the person's page (``DataAccess``, channel ``fhir``). Writes go through
``services.referral_move`` only."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from fhir.resources.R4B.task import Task
from pydantic import ValidationError as PydanticValidationError

from beoncosup.accounts.models import ApiToken, Organisation
from beoncosup.accounts.services import api_token_authenticate
from beoncosup.referrals import services
from beoncosup.referrals.codes import Channel, DataCategory, Status
from beoncosup.referrals.fhir import resources
from beoncosup.referrals.models import Referral
from beoncosup.referrals.selectors import (
    NOTHING,
    Sight,
    inbox_for_organisation,
    referral_detail,
    sight_of_organisation,
)

CONTENT_TYPE = "application/fhir+json; charset=utf-8"
PAGE = 50
MAX_PAGE = 200
MAX_OFFSET = 100_000
SEARCH_PARAMS = {"status", "_lastUpdated", "_count", "_offset", "_format"}
PATCHABLE = {"/status", "/statusReason", "/businessStatus", "/note"}
# When what the CapabilityStatement says last changed.
CAPABILITIES_CHANGED = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
COMPARATORS = {"ge": "gte", "gt": "gt", "le": "lte", "lt": "lt", "eq": "exact"}


class Refusal(Exception):
    """An answer other than 200: its status and an OperationOutcome."""

    def __init__(self, status: int, code: str, diagnostics: str, expression: str = "") -> None:
        super().__init__(diagnostics)
        self.status = status
        self.issues = [(code, diagnostics, expression)]


def fhir_response(data: dict[str, Any], status: int = 200) -> HttpResponse:
    response = HttpResponse(json.dumps(data), content_type=CONTENT_TYPE, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="fhir"'
    return response


def fhir_view(view: Callable[..., dict[str, Any]]) -> Callable[..., HttpResponse]:
    """Token-free CSRF (no cookies are used), no caching, and refusals as OperationOutcome."""

    @csrf_exempt
    @never_cache
    def wrapped(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        try:
            with translation.override("en"):
                return fhir_response(view(request, **kwargs))
        except Refusal as refusal:
            return fhir_response(resources.outcome_of(*refusal.issues), refusal.status)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def organisation_of(request: HttpRequest) -> Organisation:
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    token: ApiToken | None = None
    if scheme.lower() == "bearer" and secret.strip():
        token = api_token_authenticate(secret.strip())
    if token is None:
        raise Refusal(401, "login", "Give an organisation's API token: Authorization: Bearer …")
    return token.organisation


def _methods(request: HttpRequest, *allowed: str) -> None:
    if request.method not in allowed:
        raise Refusal(405, "not-supported", f"Use {' or '.join(allowed)} here.")


def _referral_for(organisation: Organisation, referral_id: str) -> tuple[Referral, Sight]:
    try:
        pk = UUID(referral_id)
    except ValueError:
        pk = None
    referral = referral_detail(pk) if pk else None
    sight = sight_of_organisation(organisation, referral) if referral else NOTHING
    if referral is None or not sight.role:
        raise Refusal(404, "not-found", "No such referral.")
    return referral, sight


def _logged(organisation: Organisation, referral: Referral, sight: Sight, what: str) -> None:
    if sight.personal and referral.case is not None:
        services.access_record(
            case=referral.case,
            what=what,
            channel=Channel.FHIR,
            organisation_label=organisation.name,
            referral=referral,
        )


@fhir_view
def metadata(request: HttpRequest) -> dict[str, Any]:
    """The CapabilityStatement (no token needed: it says nothing about anyone)."""
    _methods(request, "GET")
    return resources.capability_statement(date=CAPABILITIES_CHANGED)


@fhir_view
def service_request_read(request: HttpRequest, referral_id: str) -> dict[str, Any]:
    _methods(request, "GET")
    organisation = organisation_of(request)
    referral, sight = _referral_for(organisation, referral_id)
    _logged(organisation, referral, sight, "fhir.servicerequest")
    return resources.service_request_of(referral, sight)


@fhir_view
def consent_read(request: HttpRequest, referral_id: str) -> dict[str, Any]:
    _methods(request, "GET")
    organisation = organisation_of(request)
    referral, sight = _referral_for(organisation, referral_id)
    if referral.consent is None:
        raise Refusal(404, "not-found", "This referral was made without consent (anonymous).")
    _logged(organisation, referral, sight, "fhir.consent")
    return resources.consent_of(referral, referral.consent, sight)


@fhir_view
def task_instance(request: HttpRequest, referral_id: str) -> dict[str, Any]:
    """GET reads the Task; PUT (a Task) or PATCH (a JSON Patch) changes its status."""
    _methods(request, "GET", "PUT", "PATCH")
    organisation = organisation_of(request)
    referral, sight = _referral_for(organisation, referral_id)
    if request.method == "GET":  # a Task holds no personal data: nothing to log
        return resources.task_of(referral)
    current = resources.task_of(referral)
    wanted = _patched(request, current) if request.method == "PATCH" else _put(request, referral)
    _move(organisation, referral, sight, current, wanted)
    return resources.task_of(referral_detail(referral.pk) or referral)


def _body(request: HttpRequest) -> Any:
    try:
        body = json.loads(request.body)
    except ValueError:
        raise Refusal(400, "structure", "The body is not JSON.") from None
    if "\x00" in json.dumps(body, ensure_ascii=False):
        raise Refusal(422, "invalid", "The body contains a NUL character (\\u0000).")
    return body


def _put(request: HttpRequest, referral: Referral) -> dict[str, Any]:
    body = _body(request)
    if not isinstance(body, dict) or body.get("resourceType") != "Task":
        raise Refusal(400, "structure", "Send a Task resource.", "Task")
    if body.get("id") not in (None, str(referral.pk)):
        raise Refusal(400, "invalid", "The Task's id is not the one in the address.", "Task.id")
    return _checked(body)


def _patched(request: HttpRequest, current: dict[str, Any]) -> dict[str, Any]:
    """A JSON Patch (RFC 6902) of ``add``/``replace``/``remove`` operations on /status,
    /statusReason, /businessStatus or /note."""
    operations = _body(request)
    if not isinstance(operations, list) or not operations:
        raise Refusal(400, "structure", "Send a JSON Patch: a list of operations.")
    task = dict(current)
    for operation in operations:
        if not isinstance(operation, dict):
            raise Refusal(400, "structure", "Each operation is an object.")
        op, path = operation.get("op"), operation.get("path")
        if path not in PATCHABLE:
            raise Refusal(
                422,
                "not-supported",
                f"Only {', '.join(sorted(PATCHABLE))} can be changed.",
                str(path),
            )
        key = str(path)[1:]
        if op in ("add", "replace"):
            if "value" not in operation:
                raise Refusal(400, "structure", "An add or replace needs a value.", key)
            task[key] = operation["value"]
        elif op == "remove" and key != "status":
            task.pop(key, None)
        else:
            raise Refusal(422, "not-supported", "Use add, replace or remove.", key)
    return _checked(task)


def _checked(task: dict[str, Any]) -> dict[str, Any]:
    try:
        Task.model_validate(task)
    except PydanticValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise Refusal(
            400, "structure", f"Not a valid R4B Task: {first.get('msg')}", where
        ) from None
    return task


def _reason_code(task: dict[str, Any]) -> str:
    for coding in (task.get("statusReason") or {}).get("coding", []) or []:
        if coding.get("system") == resources.REASON_SYSTEM:
            return str(coding.get("code") or "")
    return ""


def _move(
    organisation: Organisation,
    referral: Referral,
    sight: Sight,
    current: dict[str, Any],
    wanted: dict[str, Any],
) -> None:
    status = str(wanted.get("status") or "")
    if status not in Status.values:
        raise Refusal(422, "code-invalid", f"Unknown Task.status {status!r}.", "Task.status")
    reason_code = _reason_code(wanted)
    if status == current["status"] and reason_code == _reason_code(current):
        return  # nothing to change
    notes = wanted.get("note") or []
    note = str(notes[-1].get("text") or "") if notes and notes != current.get("note") else ""
    as_performer = sight.role == "service"
    if not as_performer and status != Status.CANCELLED:
        raise Refusal(
            403,
            "forbidden",
            "Only the service's organisation moves a referral; its requester may only cancel it.",
            "Task.status",
        )
    try:
        services.referral_move(
            referral=referral,
            status=status,
            reason_code=reason_code,
            note=note,
            actor=None,
            actor_label=organisation.name,
            as_performer=as_performer,
            channel=Channel.FHIR,
        )
    except ValidationError as error:
        expressions = {
            "status": "Task.status",
            "reason_code": "Task.statusReason",
            "note": "Task.note",
        }
        refusal = Refusal(422, "business-rule", "The change is not allowed.")
        refusal.issues = [
            ("business-rule", " ".join(messages), expressions.get(field, ""))
            for field, messages in error.message_dict.items()
        ]
        raise refusal from None


# ----------------------------------------------------------------- searches


def _instant(value: str) -> dt.datetime | None:
    value = value.replace(" ", "+")  # an unencoded "+" in the query string
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            return None
        moment = dt.datetime.combine(day, dt.time.min)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _number(request: HttpRequest, name: str, default: int, highest: int) -> int:
    raw = request.GET.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) > highest:
        raise Refusal(400, "invalid", f"{name} must be a whole number up to {highest}.", name)
    return int(raw)


def _filtered(request: HttpRequest, organisation: Organisation, kind: str) -> Q:
    unknown = set(request.GET) - SEARCH_PARAMS
    if unknown:
        raise Refusal(
            400, "not-supported", f"Unknown search parameter: {', '.join(sorted(unknown))}."
        )
    where = Q()
    codes = [c for raw in request.GET.getlist("status") for c in raw.split(",") if c]
    if codes:
        known = Status.values if kind == "Task" else resources.REQUEST_STATUSES
        wrong = [c for c in codes if c not in known]
        if wrong:
            raise Refusal(400, "code-invalid", f"Unknown status: {', '.join(wrong)}.", "status")
        if kind == "ServiceRequest":
            codes = [s for c in codes for s in resources.statuses_of_request(c)]
        where &= Q(status__in=codes)
    for raw in request.GET.getlist("_lastUpdated"):
        prefix, rest = (raw[:2], raw[2:]) if raw[:2] in COMPARATORS else ("eq", raw)
        moment = _instant(rest)
        if moment is None:
            raise Refusal(
                400,
                "invalid",
                "_lastUpdated: give an instant, e.g. ge2026-12-01T08:00:00Z.",
                "_lastUpdated",
            )
        where &= Q(**{f"updated_at__{COMPARATORS[prefix]}": moment})
    return where


def sight_in_search(organisation: Organisation, referral: Referral, listing_ids: set[Any]) -> Sight:
    """``selectors.sight_of_organisation`` without a query per referral (a search page): the
    same rule, with the organisation's listings read once."""
    consent = referral.consent
    if consent is not None and not consent.is_active():
        consent = None
    service = referral.service
    if referral.delivered and service is not None and service.organization_id in listing_ids:
        role = "service"
    elif referral.referrer_organisation_id == organisation.pk:
        role = "requester"
    else:
        return NOTHING
    categories = set(consent.categories) if consent is not None else set()
    return Sight(
        role=role,
        needs=DataCategory.NEEDS in categories,
        contact=DataCategory.CONTACT in categories,
    )


def _search(request: HttpRequest, kind: str) -> dict[str, Any]:
    _methods(request, "GET")
    organisation = organisation_of(request)
    where = _filtered(request, organisation, kind)
    count = _number(request, "_count", PAGE, MAX_PAGE) or PAGE
    offset = _number(request, "_offset", 0, MAX_OFFSET)
    queryset = (
        inbox_for_organisation(organisation)
        .filter(where)
        .select_related("service__organization")
        .prefetch_related(None)
        .order_by("updated_at", "id")
    )
    total = queryset.count()
    page = list(queryset[offset : offset + count])
    listing_ids = set(organisation.listings.values_list("pk", flat=True))
    sights = [sight_in_search(organisation, referral, listing_ids) for referral in page]
    if kind == "Task":
        found = [resources.task_of(referral) for referral in page]
    else:
        found = [resources.service_request_of(r, s) for r, s in zip(page, sights, strict=True)]
    # Only ServiceRequests carry personal data (a Task holds none): only they are logged.
    cases = [r.case for r, s in zip(page, sights, strict=True) if s.personal and r.case]
    if cases and kind != "Task":
        services.accesses_record(
            cases=cases,
            what=f"fhir.{kind.lower()}.search",
            channel=Channel.FHIR,
            actor=None,
            organisation_label=organisation.name,
        )
    base = request.build_absolute_uri("/api/fhir/")
    params = [(k, v) for k, vs in request.GET.lists() for v in vs if k != "_offset"]
    url = request.build_absolute_uri(request.path)
    self_url = f"{url}?{urlencode([*params, ('_offset', offset)])}"
    next_url = (
        f"{url}?{urlencode([*params, ('_offset', offset + count)])}"
        if offset + count < total
        else ""
    )
    return resources.bundle_of(
        resources=found, total=total, base=base, self_url=self_url, next_url=next_url
    )


@fhir_view
def task_search(request: HttpRequest) -> dict[str, Any]:
    return _search(request, "Task")


@fhir_view
def service_request_search(request: HttpRequest) -> dict[str, Any]:
    return _search(request, "ServiceRequest")
