"""Writes validated HSDS services (``schemas.ServiceIn``) into the directory, in batches.

Texts are merged into the ``{lang: text}`` values for one language; a field missing from the
file removes that language's text for that field. Rows are matched by their HSDS ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone

from beoncosup.directory.hsds.profile import (
    AREA_URI_PREFIX,
    ATTRIBUTE_FIELDS,
    NEEDS_TAXONOMY,
    RECORD_TAXONOMY,
)
from beoncosup.directory.hsds.schemas import LocationIn, ServiceIn
from beoncosup.directory.hsds.serialize import service_json
from beoncosup.directory.models import (
    Accessibility,
    Address,
    Contact,
    CostOption,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceLanguage,
)
from beoncosup.geo.models import PostalCode
from beoncosup.taxonomy.models import Need


@dataclass
class BatchCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def merged(current: Mapping[str, str] | None, value: str | None, language: str) -> dict[str, str]:
    result = dict(current or {})
    if value:
        result[language] = value
    else:
        result.pop(language, None)
    return result


class _Merger:
    """Fills one model instance from an input object: plain fields copied, texts merged."""

    def __init__(self, language: str) -> None:
        self.language = language

    def apply(
        self,
        instance: models.Model,
        data: Mapping[str, Any],
        *,
        texts: Iterable[str],
        plain: Iterable[str],
    ) -> None:
        for name in texts:
            setattr(instance, name, merged(getattr(instance, name), data.get(name), self.language))
        for name in plain:
            value = data.get(name)
            setattr(instance, name, "" if value is None and _is_char(instance, name) else value)


def _is_char(instance: models.Model, name: str) -> bool:
    return isinstance(instance._meta.get_field(name), models.CharField)


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


def _child_data(group: str, item: Any) -> dict[str, Any]:
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


def _area_fields(uri: str | None) -> tuple[str, str]:
    if uri and uri.startswith(AREA_URI_PREFIX):
        return uri.removeprefix(AREA_URI_PREFIX), ""
    return "", uri or ""


def _codes(service: ServiceIn) -> dict[str, list[str]]:
    by_taxonomy: dict[str, list[str]] = {}
    for attribute in service.attributes:
        term = attribute.taxonomy_term
        if term is None or term.taxonomy is None or term.code is None:
            continue
        codes = by_taxonomy.setdefault(term.taxonomy, [])
        if term.code not in codes:
            codes.append(term.code)
    return by_taxonomy


def write_services(batch: list[ServiceIn], *, language: str) -> BatchCounts:
    writer = _BatchWriter(language)
    return writer.write(batch)


class _BatchWriter:
    def __init__(self, language: str) -> None:
        self.language = language
        self.merge = _Merger(language)

    def write(self, batch: list[ServiceIn]) -> BatchCounts:
        from beoncosup.directory.selectors import services_for_hsds  # noqa: PLC0415 - cycle

        ids = [s.id for s in batch]
        before = {
            service.id: _comparable(service_json(service, self.language, exact=True))
            for service in services_for_hsds().filter(id__in=ids)
        }
        self._organizations(batch)
        self._locations(batch)
        self._services(batch)
        counts = BatchCounts()
        after = services_for_hsds().filter(id__in=[i for i in ids if i in before])
        changed = {
            s.id
            for s in after
            if _comparable(service_json(s, self.language, exact=True)) != before[s.id]
        }
        for service_id in ids:
            if service_id not in before:
                counts.created += 1
            elif service_id in changed:
                counts.updated += 1
            else:
                counts.unchanged += 1
        return counts

    def _organizations(self, batch: list[ServiceIn]) -> None:
        incoming = {s.organization.id: s.organization for s in batch}
        demo = {s.organization.id for s in batch if RECORD_TAXONOMY in _codes(s)}
        existing = Organization.objects.in_bulk(list(incoming))
        new: list[Any] = []
        changed: list[Any] = []
        for org_id, data in incoming.items():
            org = existing.get(org_id) or Organization(id=org_id)
            self.merge.apply(
                org,
                data.model_dump(),
                texts=("name", "alternate_name", "description"),
                plain=("email", "website"),
            )
            org.is_demo = org.is_demo or org_id in demo
            (changed if org_id in existing else new).append(org)
        Organization.objects.bulk_create(new)
        Organization.objects.bulk_update(
            changed, ["name", "alternate_name", "description", "email", "website", "is_demo"]
        )

    def _locations(self, batch: list[ServiceIn]) -> None:
        incoming: dict[uuid.UUID, LocationIn] = {}
        for service in batch:
            for sal in service.service_at_locations:
                incoming[sal.location.id] = sal.location
        existing = Location.objects.in_bulk(list(incoming))
        postcodes = {
            a.postal_code for loc in incoming.values() for a in loc.addresses if a.country == "BE"
        }
        municipality_of = dict(
            PostalCode.objects.filter(code__in=postcodes)
            .order_by("code", "municipality__nis_code")
            .values_list("code", "municipality_id")
        )
        new: list[Any] = []
        changed: list[Any] = []
        for location_id, data in incoming.items():
            location = existing.get(location_id) or Location(id=location_id)
            self.merge.apply(
                location,
                data.model_dump(),
                texts=("name", "description", "transportation"),
                plain=("location_type", "organization_id", "latitude", "longitude"),
            )
            be_codes = [a.postal_code for a in data.addresses if a.country == "BE"]
            location.municipality_id = municipality_of.get(be_codes[0]) if be_codes else None
            (changed if location_id in existing else new).append(location)
        Location.objects.bulk_create(new)
        Location.objects.bulk_update(
            changed,
            [
                "name",
                "description",
                "transportation",
                "location_type",
                "organization_id",
                "latitude",
                "longitude",
                "municipality_id",
            ],
        )
        self._replace_rows(
            Address,
            "location_id",
            {
                loc_id: [(a.id, a.model_dump()) for a in loc.addresses]
                for loc_id, loc in incoming.items()
            },
            texts=("address_1", "address_2", "city", "region", "state_province"),
            plain=("attention", "postal_code", "country", "address_type"),
        )
        self._replace_rows(
            Accessibility,
            "location_id",
            {
                loc_id: [(x.id, x.model_dump()) for x in loc.accessibility]
                for loc_id, loc in incoming.items()
            },
            texts=("description",),
            plain=("details", "url"),
        )

    def _services(self, batch: list[ServiceIn]) -> None:
        existing = Service.objects.in_bulk([s.id for s in batch])
        new: list[Any] = []
        changed: list[Any] = []
        needs = dict(Need.objects.values_list("code", "id"))
        need_links: dict[uuid.UUID, list[int]] = {}
        for data in batch:
            service = existing.get(data.id) or Service(id=data.id)
            dumped = data.model_dump()
            self.merge.apply(
                service,
                dumped,
                texts=(
                    "name",
                    "alternate_name",
                    "description",
                    "application_process",
                    "fees_description",
                    "wait_time",
                    "eligibility_description",
                    "alert",
                ),
                plain=(
                    "url",
                    "email",
                    "status",
                    "minimum_age",
                    "maximum_age",
                    "assured_date",
                    "assurer_email",
                ),
            )
            service.organization_id = data.organization.id
            service.last_modified = data.last_modified or timezone.now()
            codes = _codes(data)
            for taxonomy, field_name in ATTRIBUTE_FIELDS:
                setattr(service, field_name, codes.get(taxonomy, []))
            service.is_demo = "demo" in codes.get(RECORD_TAXONOMY, [])
            need_links[data.id] = [needs[c] for c in codes.get(NEEDS_TAXONOMY, [])]
            (changed if data.id in existing else new).append(service)
        Service.objects.bulk_create(new)
        Service.objects.bulk_update(
            changed,
            [
                "name",
                "alternate_name",
                "description",
                "application_process",
                "fees_description",
                "wait_time",
                "eligibility_description",
                "alert",
                "url",
                "email",
                "status",
                "minimum_age",
                "maximum_age",
                "assured_date",
                "assurer_email",
                "organization_id",
                "last_modified",
                "audiences",
                "employment_statuses",
                "phases",
                "delivery_modes",
                "access_routes",
                "costs",
                "cancer_types",
                "is_demo",
            ],
        )
        through = Service.needs.through
        through.objects.filter(service_id__in=list(need_links)).delete()
        through.objects.bulk_create(
            through(service_id=sid, need_id=nid)
            for sid, need_ids in need_links.items()
            for nid in need_ids
        )
        for group, (model, texts, plain) in CHILDREN.items():
            rows = {}
            for data in batch:
                items = []
                for item in getattr(data, group):
                    child = _child_data(group, item)
                    if group == "service_areas":
                        child["code"], child["uri"] = _area_fields(child.get("uri"))
                    items.append((item.id, child))
                rows[data.id] = items
            extra = ("code", "uri") if group == "service_areas" else ()
            self._replace_rows(
                model, "service_id", rows, texts=texts, plain=(*plain, *extra), ordered=True
            )
        self._replace_rows(
            ServiceAtLocation,
            "service_id",
            {
                data.id: [
                    (sal.id, {"description": sal.description, "location_id": sal.location.id})
                    for sal in data.service_at_locations
                ]
                for data in batch
            },
            texts=("description",),
            plain=("location_id",),
        )

    def _replace_rows(
        self,
        model: type[models.Model],
        parent_field: str,
        rows_by_parent: Mapping[uuid.UUID, list[tuple[uuid.UUID, dict[str, Any]]]],
        *,
        texts: tuple[str, ...],
        plain: tuple[str, ...],
        ordered: bool = False,
    ) -> None:
        """Make each parent's child rows exactly those given (matched by id)."""
        parents = list(rows_by_parent)
        wanted = {child_id for rows in rows_by_parent.values() for child_id, _ in rows}
        manager = model._default_manager
        manager.filter(**{f"{parent_field}__in": parents}).exclude(id__in=wanted).delete()
        existing = manager.in_bulk(list(wanted))
        new: list[Any] = []
        changed: list[Any] = []
        for parent_id, rows in rows_by_parent.items():
            for position, (child_id, data) in enumerate(rows):
                row = existing.get(child_id) or model(id=child_id)
                setattr(row, parent_field, parent_id)
                self.merge.apply(row, data, texts=texts, plain=plain)
                if ordered:
                    row.sort_order = position  # type: ignore[attr-defined]
                (changed if child_id in existing else new).append(row)
        manager.bulk_create(new)
        fields = [parent_field, *texts, *plain, *(["sort_order"] if ordered else [])]
        if changed:
            manager.bulk_update(changed, fields)


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """A service's export without its timestamp, to tell a real change from a re-import."""
    return {key: value for key, value in data.items() if key != "last_modified"}
