"""Our directory as HSDS 3.0 objects, in one language at a time.

Used by the read API (``exact=False``: a missing text falls back to another language, so no
field is empty) and by the export (``exact=True``: only texts written in that language, so an
export imported again restores exactly what was there). Callers prefetch: see
``directory.selectors.services_for_hsds``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db.models import TextChoices
from django.utils import translation

from beoncosup.core.i18n_text import pick
from beoncosup.directory import enums
from beoncosup.directory.hsds.profile import (
    AREA_URI_PREFIX,
    ATTRIBUTE_FIELDS,
    NEEDS_TAXONOMY,
    RADIUS_EXTENT_TYPE,
    RECORD_TAXONOMY,
    SERVICE_TEXT_FIELDS,
    attribute_id,
    taxonomy_id,
    taxonomy_term_id,
)
from beoncosup.directory.models import Location, Organization, Service, ServiceAtLocation
from beoncosup.situation.codes import CodeSubset
from beoncosup.taxonomy.models import Need

Json = dict[str, Any]

TAXONOMY_DESCRIPTIONS = {
    NEEDS_TAXONOMY: "Needs of people with cancer and their relatives (BeONCOsup taxonomy)",
    "beoncosup-audience": "Who the service is for",
    "beoncosup-employment-status": "Employment statuses eligible (none = every status)",
    "beoncosup-phase": "Treatment phases",
    "beoncosup-delivery": "How the service is delivered",
    "beoncosup-access": "How to access the service",
    "beoncosup-cost": "What the service costs",
    "beoncosup-cancer-type": "Cancer types served (none = all)",
    RECORD_TAXONOMY: "Flags about the record itself",
}
CODE_LISTS: dict[str, type[TextChoices] | CodeSubset] = {
    taxonomy: code_list
    for taxonomy, code_list in enums.PROFILE_TAXONOMIES.items()
    if code_list is not None
}


class Texts:
    """Reads ``{lang: text}`` values for one output language."""

    def __init__(self, language: str, *, exact: bool) -> None:
        self.language = language
        self.exact = exact

    def get(self, value: Mapping[str, str] | None) -> str | None:
        if self.exact:
            return (value or {}).get(self.language) or None
        picked = pick(value, self.language)
        return picked.text if picked else None

    def required(self, value: Mapping[str, str] | None) -> str:
        return self.get(value) or ""


def _put(target: Json, key: str, value: Any) -> None:
    """HSDS leaves out unknown values rather than sending nulls or empty strings."""
    if value is None or value in ("", []):
        return
    target[key] = value


def _timestamp(value: dt.datetime) -> str:
    utc = value.astimezone(dt.UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"


def _time(value: dt.time | None) -> str | None:
    if value is None:
        return None
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def taxonomy_json(taxonomy: str) -> Json:
    return {
        "id": taxonomy_id(taxonomy),
        "name": taxonomy,
        "description": TAXONOMY_DESCRIPTIONS[taxonomy],
        "uri": f"urn:beoncosup:{taxonomy}",
        "version": "1",
    }


def code_term_json(taxonomy: str, code: str, language: str) -> Json:
    with translation.override(language):
        label = str(CODE_LISTS[taxonomy](code).label)
    return {
        "id": taxonomy_term_id(taxonomy, code),
        "code": code,
        "name": label,
        "description": label,
        "taxonomy": taxonomy,
        "taxonomy_id": taxonomy_id(taxonomy),
        "language": language,
    }


def need_term_json(need: Need, language: str) -> Json:
    return {
        "id": taxonomy_term_id(NEEDS_TAXONOMY, need.code),
        "code": need.code,
        "name": getattr(need, f"label_{language}") or need.code,
        "description": getattr(need, f"description_{language}") or need.code,
        "taxonomy": NEEDS_TAXONOMY,
        "taxonomy_id": taxonomy_id(NEEDS_TAXONOMY),
        "language": language,
    }


def _attribute(service: Service, term: Json) -> Json:
    return {
        "id": attribute_id(service.id, term["taxonomy"], term["code"]),
        "link_id": str(service.id),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def attributes_json(service: Service, language: str) -> list[Json]:
    result = [_attribute(service, need_term_json(need, language)) for need in service.needs.all()]
    for taxonomy, field in ATTRIBUTE_FIELDS:
        for code in getattr(service, field):
            result.append(_attribute(service, code_term_json(taxonomy, code, language)))
    if service.is_demo:
        result.append(_attribute(service, code_term_json(RECORD_TAXONOMY, "demo", language)))
    if service.source:
        source = _attribute(service, code_term_json(RECORD_TAXONOMY, "source", language))
        result.append({**source, "value": service.source})
    return result


def organization_json(organization: Organization, texts: Texts) -> Json:
    result: Json = {
        "id": str(organization.id),
        "name": texts.required(organization.name),
        "description": texts.required(organization.description),
    }
    _put(result, "alternate_name", texts.get(organization.alternate_name))
    _put(result, "email", organization.email)
    _put(result, "website", organization.website)
    return result


def location_json(location: Location, texts: Texts) -> Json:
    result: Json = {"id": str(location.id), "location_type": location.location_type}
    _put(result, "organization_id", str(location.organization_id or ""))
    _put(result, "name", texts.get(location.name))
    _put(result, "description", texts.get(location.description))
    _put(result, "transportation", texts.get(location.transportation))
    _put(result, "latitude", location.latitude)
    _put(result, "longitude", location.longitude)
    addresses = []
    for address in location.addresses.all():
        item: Json = {
            "id": str(address.id),
            "location_id": str(location.id),
            "address_1": texts.required(address.address_1),
            "city": texts.required(address.city),
            "state_province": texts.required(address.state_province),
            "postal_code": address.postal_code,
            "country": address.country,
            "address_type": address.address_type,
        }
        _put(item, "attention", address.attention)
        _put(item, "address_2", texts.get(address.address_2))
        _put(item, "region", texts.get(address.region))
        addresses.append(item)
    _put(result, "addresses", addresses)
    accessibility = []
    for entry in location.accessibility.all():
        item = {"id": str(entry.id), "location_id": str(location.id)}
        _put(item, "description", texts.get(entry.description))
        _put(item, "details", entry.details)
        _put(item, "url", entry.url)
        accessibility.append(item)
    _put(result, "accessibility", accessibility)
    return result


def service_at_location_json(sal: ServiceAtLocation, texts: Texts) -> Json:
    result: Json = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
    }
    _put(result, "description", texts.get(sal.description))
    result["location"] = location_json(sal.location, texts)
    return result


def service_json(service: Service, language: str, *, exact: bool) -> Json:
    """A fully nested HSDS service, as ``/services/{id}`` returns it."""
    texts = Texts(language, exact=exact)
    sid = str(service.id)
    result = _service_fields(service, texts)
    result["phones"] = [
        _drop_empty(
            {
                "id": str(p.id),
                "service_id": sid,
                "number": p.number,
                "extension": p.extension,
                "type": p.type,
                "description": texts.get(p.description),
            }
        )
        for p in service.phones.all()
    ]
    result["schedules"] = [
        _drop_empty(
            {
                "id": str(s.id),
                "service_id": sid,
                "freq": s.freq,
                "byday": s.byday,
                "opens_at": _time(s.opens_at),
                "closes_at": _time(s.closes_at),
                "valid_from": s.valid_from.isoformat() if s.valid_from else None,
                "valid_to": s.valid_to.isoformat() if s.valid_to else None,
                "description": texts.get(s.description),
            }
        )
        for s in service.schedules.all()
    ]
    result["service_areas"] = [
        _drop_empty(
            {
                "id": str(a.id),
                "service_id": sid,
                "name": texts.get(a.name),
                "description": texts.get(a.description),
                "uri": f"{AREA_URI_PREFIX}{a.code}" if a.code else a.uri,
                "extent": str(a.radius_km) if a.radius_km else None,
                "extent_type": RADIUS_EXTENT_TYPE if a.radius_km else None,
            }
        )
        for a in service.service_areas.all()
    ]
    result["languages"] = [
        _drop_empty(
            {
                "id": str(lang.id),
                "service_id": sid,
                "code": lang.code,
                "name": texts.get(lang.name),
                "note": texts.get(lang.note),
            }
        )
        for lang in service.languages.all()
    ]
    result["cost_options"] = [
        _drop_empty(
            {
                "id": str(c.id),
                "service_id": sid,
                "option": texts.get(c.option),
                "amount": _number(c.amount),
                "currency": c.currency if c.amount is not None else None,
                "amount_description": texts.get(c.amount_description),
            }
        )
        for c in service.cost_options.all()
    ]
    result["required_documents"] = [
        _drop_empty(
            {
                "id": str(d.id),
                "service_id": sid,
                "document": texts.get(d.document),
                "uri": d.uri,
            }
        )
        for d in service.required_documents.all()
    ]
    result["contacts"] = [
        _drop_empty(
            {
                "id": str(c.id),
                "service_id": sid,
                "name": c.name,
                "title": texts.get(c.title),
                "department": c.department,
                "email": c.email,
            }
        )
        for c in service.contacts.all()
    ]
    result["service_at_locations"] = [
        service_at_location_json(sal, texts) for sal in service.service_at_locations.all()
    ]
    result["attributes"] = attributes_json(service, language)
    return result


def _drop_empty(item: Json) -> Json:
    return {key: value for key, value in item.items() if value not in (None, "", [])}


LIST_ARRAYS = (
    "phones",
    "schedules",
    "service_areas",
    "languages",
    "cost_options",
    "required_documents",
    "contacts",
    "service_at_locations",
    "attributes",
)


def service_list_json(service: Service, language: str) -> Json:
    """A service as the HSDS lists show it: its own fields and its organisation, no arrays."""
    return _service_fields(service, Texts(language, exact=False))


def _service_fields(service: Service, texts: Texts) -> Json:
    """The service's own fields and its organisation: an HSDS list item, and the start of a
    fully nested service."""
    result: Json = {
        "id": str(service.id),
        "organization_id": str(service.organization_id),
        "name": texts.required(service.name),
        "status": service.status,
    }
    for field in SERVICE_TEXT_FIELDS[1:]:
        _put(result, field, texts.get(getattr(service, field)))
    _put(result, "url", service.url)
    _put(result, "email", service.email)
    _put(result, "minimum_age", service.minimum_age)
    _put(result, "maximum_age", service.maximum_age)
    _put(result, "assured_date", service.assured_date.isoformat() if service.assured_date else None)
    _put(result, "assurer_email", service.assurer_email)
    result["last_modified"] = _timestamp(service.last_modified)
    result["organization"] = organization_json(service.organization, texts)
    return result
