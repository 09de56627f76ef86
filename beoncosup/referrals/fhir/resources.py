"""Referrals as FHIR R4B resources, each validated through the ``fhir.resources.R4B`` model
before it leaves. Personal data (the contained Patient, the needs and the reason) is put in
only as the viewer's ``Sight`` allows; the rest is the referral's bookkeeping."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import translation
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.consent import Consent as FhirConsent
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task

from beoncosup.core.i18n_text import pick
from beoncosup.referrals.codes import (
    CareRole,
    ContactMethod,
    DataCategory,
    Purpose,
    Reason,
    Status,
    Urgency,
)
from beoncosup.referrals.models import Consent, Referral
from beoncosup.referrals.selectors import Sight

BASE = "https://beoncosup.be/fhir/CodeSystem/"
NEED_SYSTEM = BASE + "need"
REASON_SYSTEM = BASE + "referral-reason"
STATUS_SYSTEM = BASE + "referral-status"
CARE_ROLE_SYSTEM = BASE + "care-role"
DATA_CATEGORY_SYSTEM = BASE + "data-category"
PURPOSE_SYSTEM = BASE + "consent-purpose"
FHIR_VERSION = "4.3.0"

PRIORITY = {Urgency.ROUTINE: "routine", Urgency.SOON: "urgent", Urgency.URGENT: "asap"}
# ServiceRequest.status for each Task.status.
REQUEST_STATUS = {
    Status.COMPLETED: "completed",
    Status.REJECTED: "revoked",
    Status.CANCELLED: "revoked",
}
REQUEST_STATUSES = {"active", "completed", "revoked"}


def request_status(status: str) -> str:
    return REQUEST_STATUS.get(Status(status), "active")


def statuses_of_request(code: str) -> list[str]:
    """Our statuses behind one ServiceRequest.status."""
    return [s for s in Status.values if request_status(s) == code]


def instant(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def owner_name(referral: Referral) -> str:
    """The name of the organisation offering the service, else the service's own name."""
    service = referral.service
    if service is not None:
        picked = pick(service.organization.name, referral.language)
        if picked:
            return picked.text
    return referral.service_name


def _reason(referral: Referral) -> dict[str, Any] | None:
    if not referral.reason_code:
        return None
    with translation.override("en"):
        display = str(Reason(referral.reason_code).label)
    return {
        "coding": [{"system": REASON_SYSTEM, "code": referral.reason_code, "display": display}],
        "text": display,
    }


def _patient(referral: Referral, sight: Sight) -> dict[str, Any] | None:
    """A contained Patient with the name and the one contact channel, only when the consent
    shares contact details with this viewer."""
    case = referral.case
    if not sight.contact or case is None or case.erased_at is not None or not case.name:
        return None
    telecom = []
    if case.phone:
        kind = "sms" if case.contact_method == ContactMethod.SMS else "phone"
        telecom.append({"system": kind, "value": case.phone, "rank": 1})
    if case.email:
        telecom.append({"system": "email", "value": case.email, "rank": 1})
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": "patient",
        "name": [{"text": case.name}],
        "communication": [
            {
                "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": case.language}]},
                "preferred": True,
            }
        ],
    }
    if telecom:
        patient["telecom"] = telecom
    return patient


def _validated(model: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The resource as the R4B model serialises it (raises pydantic's ValidationError)."""
    return model.model_validate(data).model_dump(mode="json", exclude_none=True)  # type: ignore[no-any-return]


def task_of(referral: Referral) -> dict[str, Any]:
    """The Task of a referral: its status, who asked and who performs. No personal data."""
    with translation.override("en"):
        status_label = str(Status(referral.status).label)
    data: dict[str, Any] = {
        "resourceType": "Task",
        "id": str(referral.pk),
        "meta": {"lastUpdated": instant(referral.updated_at)},
        "status": referral.status,
        "businessStatus": {
            "coding": [{"system": STATUS_SYSTEM, "code": referral.status, "display": status_label}],
            "text": status_label,
        },
        "intent": "order",
        "priority": PRIORITY[Urgency(referral.urgency)],
        "focus": {"reference": f"ServiceRequest/{referral.pk}"},
        "authoredOn": instant(referral.created_at),
        "lastModified": instant(referral.updated_at),
        "owner": {"display": owner_name(referral)},
    }
    if referral.referrer_organisation is not None:
        data["requester"] = {"display": referral.referrer_organisation.name}
    reason = _reason(referral)
    if reason:
        data["statusReason"] = reason
    return _validated(Task, data)


def service_request_of(referral: Referral, sight: Sight) -> dict[str, Any]:
    """The ServiceRequest: the needs and the reason only if the consent shares the needs with
    this viewer, the person (a contained Patient) only if it shares contact details."""
    data: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": str(referral.pk),
        "meta": {"lastUpdated": instant(referral.updated_at)},
        "status": request_status(referral.status),
        "intent": "order",
        "priority": PRIORITY[Urgency(referral.urgency)],
        "code": {"text": referral.service_name},
        "authoredOn": instant(referral.created_at),
        "performer": [{"display": owner_name(referral)}],
    }
    patient = _patient(referral, sight)
    if patient is not None:
        data["contained"] = [patient]
        data["subject"] = {"reference": "#patient"}
    else:
        data["subject"] = {"display": "anonymous"}
    if referral.referrer_organisation is not None:
        data["requester"] = {"display": referral.referrer_organisation.name}
    if sight.needs:
        data["category"] = [
            {"coding": [{"system": NEED_SYSTEM, "code": code}]} for code in referral.needs
        ]
        if referral.reason:
            data["note"] = [{"text": referral.reason}]
    reason = _reason(referral)
    if reason and referral.status in (Status.REJECTED, Status.CANCELLED):
        data["reasonCode"] = [reason]
    return _validated(ServiceRequest, data)


def consent_of(referral: Referral, consent: Consent, sight: Sight) -> dict[str, Any]:
    """The person's consent behind the referral: what is shared, with whom, why, until when."""
    actors: list[dict[str, Any]] = [
        {
            "role": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                        "code": "PRCP",
                        "display": "primary information recipient",
                    }
                ]
            },
            "reference": {"display": owner_name(referral)},
        }
    ]
    with translation.override("en"):
        for role in consent.care_roles:
            label = str(CareRole(role).label)
            actors.append(
                {
                    "role": {
                        "coding": [{"system": CARE_ROLE_SYSTEM, "code": role, "display": label}]
                    },
                    "reference": {"display": label},
                }
            )
        classes = [
            {
                "system": DATA_CATEGORY_SYSTEM,
                "code": c,
                "display": str(DataCategory(c).label),
            }
            for c in consent.categories
        ]
        purposes = [
            {"system": PURPOSE_SYSTEM, "code": p, "display": str(Purpose(p).label)}
            for p in consent.purposes
        ]
    data: dict[str, Any] = {
        "resourceType": "Consent",
        "id": str(referral.pk),
        "status": "active" if consent.is_active() else "inactive",
        "scope": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/consentscope",
                    "code": "patient-privacy",
                }
            ]
        },
        "category": [
            {"coding": [{"system": "http://loinc.org", "code": "59284-0"}], "text": "Consent"}
        ],
        "dateTime": instant(consent.given_at),
        "policyRule": {
            "coding": [
                {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}
            ]
        },
        "provision": {
            "type": "permit",
            "period": {"end": consent.valid_until.isoformat()},
            "actor": actors,
            "purpose": purposes,
            "class": classes,
        },
    }
    if consent.withdrawn_at is not None:
        data["provision"]["period"]["end"] = instant(consent.withdrawn_at)
    patient = _patient(referral, sight)
    if patient is not None:
        data["contained"] = [patient]
        data["patient"] = {"reference": "#patient"}
    else:
        data["patient"] = {"display": "anonymous"}
    return _validated(FhirConsent, data)


def bundle_of(
    *, resources: list[dict[str, Any]], total: int, base: str, self_url: str, next_url: str
) -> dict[str, Any]:
    links = [{"relation": "self", "url": self_url}]
    if next_url:
        links.append({"relation": "next", "url": next_url})
    data = {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": total,
        "link": links,
        "entry": [
            {
                "fullUrl": f"{base}{resource['resourceType']}/{resource['id']}",
                "resource": resource,
                "search": {"mode": "match"},
            }
            for resource in resources
        ],
    }
    return _validated(Bundle, data)


def outcome_of(*issues: tuple[str, str, str]) -> dict[str, Any]:
    """An OperationOutcome: one issue per (code, diagnostics, expression or "")."""
    data = {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": code,
                "diagnostics": diagnostics,
                **({"expression": [expression]} if expression else {}),
            }
            for code, diagnostics, expression in issues
        ],
    }
    return _validated(OperationOutcome, data)


def capability_statement(*, date: dt.datetime) -> dict[str, Any]:
    search_params = [
        {
            "name": "status",
            "type": "token",
            "documentation": "One code or several separated by commas.",
        },
        {
            "name": "_lastUpdated",
            "type": "date",
            "documentation": "With ge, gt, le, lt (or eq); repeat for a range.",
        },
        {
            "name": "_count",
            "type": "number",
            "documentation": "Page size: 50 by default, at most 200.",
        },
    ]
    data = {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": instant(date),
        "publisher": "BeONCOsup",
        "kind": "instance",
        "implementation": {"description": "BeONCOsup referrals (docs/referrals.md)"},
        "fhirVersion": FHIR_VERSION,
        "format": ["application/fhir+json"],
        "patchFormat": ["application/json-patch+json"],
        "rest": [
            {
                "mode": "server",
                "security": {
                    "description": (
                        "An organisation's API token: Authorization: Bearer bos_…. Only the "
                        "organisation that made a referral and the organisation holding the "
                        "receiving service see it."
                    )
                },
                "resource": [
                    {
                        "type": "Task",
                        "interaction": [
                            {"code": "read"},
                            {"code": "search-type"},
                            {"code": "update"},
                            {"code": "patch"},
                        ],
                        "updateCreate": False,
                        "searchParam": search_params,
                    },
                    {
                        "type": "ServiceRequest",
                        "interaction": [{"code": "read"}, {"code": "search-type"}],
                        "searchParam": search_params,
                    },
                    {"type": "Consent", "interaction": [{"code": "read"}]},
                ],
            }
        ],
    }
    return _validated(CapabilityStatement, data)
