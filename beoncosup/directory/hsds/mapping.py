"""How validated HSDS input objects map onto the directory's model fields (used by the
writer): which fields are texts merged per language, which are copied, and the profile's
attributes read back into fields."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from django.db import models

from beoncosup.directory.hsds.profile import (
    AREA_URI_PREFIX,
    ATTRIBUTE_FIELDS,
    RADIUS_EXTENT_TYPE,
    RECORD_TAXONOMY,
    SERVICE_TEXT_FIELDS,
)
from beoncosup.directory.hsds.schemas import ServiceIn
from beoncosup.directory.models import (
    Contact,
    CostOption,
    Phone,
    RequiredDocument,
    Schedule,
    ServiceArea,
    ServiceLanguage,
)

# A child row to write: its id, its fields, the language of its texts, its position in the list.
ChildRow = tuple[uuid.UUID, dict[str, Any], str, int]


def merged(current: Mapping[str, str] | None, value: str | None, language: str) -> dict[str, str]:
    result = dict(current or {})
    if value:
        result[language] = value
    else:
        result.pop(language, None)
    return result


class Merger:
    """Fills one model instance from an input object: plain fields copied, texts merged into
    the given language."""

    @staticmethod
    def apply(
        instance: models.Model,
        data: Mapping[str, Any],
        *,
        language: str,
        texts: Iterable[str],
        plain: Iterable[str],
    ) -> None:
        for name in texts:
            setattr(instance, name, merged(getattr(instance, name), data.get(name), language))
        for name in plain:
            value = data.get(name)
            setattr(instance, name, "" if value is None and is_char(instance, name) else value)


@cache
def char_fields(model: type[models.Model]) -> frozenset[str]:
    return frozenset(
        f.attname for f in model._meta.concrete_fields if isinstance(f, models.CharField)
    )


def is_char(instance: models.Model, name: str) -> bool:
    return name in char_fields(type(instance))


CHILDREN: dict[str, tuple[type[models.Model], tuple[str, ...], tuple[str, ...]]] = {
    # related name: (model, text fields, plain fields)
    "phones": (Phone, ("description",), ("number", "extension", "type")),
    "schedules": (
        Schedule,
        ("description",),
        ("freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to"),
    ),
    "service_areas": (ServiceArea, ("name", "description"), ()),
    "languages": (ServiceLanguage, ("name", "note"), ("code",)),
    "cost_options": (CostOption, ("option", "amount_description"), ("amount", "currency")),
    "required_documents": (RequiredDocument, ("document",), ("uri",)),
    "contacts": (Contact, ("title",), ("name", "department", "email")),
}


def child_data(group: str, item: Any) -> dict[str, Any]:
    data: dict[str, Any] = item.model_dump()
    if group == "phones" and not data.get("type"):
        data["type"] = "voice"
    if group == "schedules" and not data.get("freq"):
        data["freq"] = "WEEKLY"
    if group == "cost_options":
        data["currency"] = (data.get("currency") or "EUR").upper()
        if data.get("amount") is not None:
            data["amount"] = Decimal(str(data["amount"]))
    return data


def area_fields(uri: str | None) -> tuple[str, str]:
    if uri and uri.startswith(AREA_URI_PREFIX):
        return uri.removeprefix(AREA_URI_PREFIX), ""
    return "", uri or ""


def radius(area: Mapping[str, Any]) -> int | None:
    if area.get("extent_type") == RADIUS_EXTENT_TYPE and area.get("extent"):
        return int(area["extent"])
    return None


def source(service: ServiceIn) -> str:
    for attribute in service.attributes:
        term = attribute.taxonomy_term
        if term and term.taxonomy == RECORD_TAXONOMY and term.code == "source":
            return attribute.value or ""
    return ""


def codes(service: ServiceIn) -> dict[str, list[str]]:
    by_taxonomy: dict[str, list[str]] = {}
    for attribute in service.attributes:
        term = attribute.taxonomy_term
        if term is None or term.taxonomy is None or term.code is None:
            continue
        codes = by_taxonomy.setdefault(term.taxonomy, [])
        if term.code not in codes:
            codes.append(term.code)
    return by_taxonomy


SERVICE_TEXTS = SERVICE_TEXT_FIELDS
SERVICE_PLAIN = (
    "url",
    "email",
    "status",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
)
# Only the fields read from a service or location: dumping the nested lists too was a fifth of
# the write time.
SERVICE_INPUT = {*SERVICE_TEXTS, *SERVICE_PLAIN}
SERVICE_CODES = tuple(field for _taxonomy, field in ATTRIBUTE_FIELDS)
LOCATION_FIELDS = [
    "name",
    "description",
    "transportation",
    "location_type",
    "organization_id",
    "latitude",
    "longitude",
    "municipality_id",
]
LOCATION_INPUT = set(LOCATION_FIELDS) - {"municipality_id"}
ORGANIZATION_FIELDS = ["name", "alternate_name", "description", "email", "website", "is_demo"]
