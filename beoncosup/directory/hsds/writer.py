"""Writes validated HSDS services (``schemas.ServiceIn``) into the directory, in batches.

Texts are merged into the ``{lang: text}`` values for one language; a field missing from the
file removes that language's text for that field. Rows are matched by their HSDS ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from django.db import models
from django.utils import timezone

from beoncosup.core.db import insert_rows, update_rows
from beoncosup.directory.hsds.profile import (
    AREA_URI_PREFIX,
    ATTRIBUTE_FIELDS,
    NEEDS_TAXONOMY,
    RADIUS_EXTENT_TYPE,
    RECORD_TAXONOMY,
    SERVICE_TEXT_FIELDS,
)
from beoncosup.directory.hsds.schemas import LocationIn, ServiceIn
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

# A child row to write: its id, its fields, the language of its texts, its position in the list.
ChildRow = tuple[uuid.UUID, dict[str, Any], str, int]


def merged(current: Mapping[str, str] | None, value: str | None, language: str) -> dict[str, str]:
    result = dict(current or {})
    if value:
        result[language] = value
    else:
        result.pop(language, None)
    return result


class _Merger:
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
            setattr(instance, name, "" if value is None and _is_char(instance, name) else value)


@cache
def _char_fields(model: type[models.Model]) -> frozenset[str]:
    return frozenset(
        f.attname for f in model._meta.concrete_fields if isinstance(f, models.CharField)
    )


def _is_char(instance: models.Model, name: str) -> bool:
    return name in _char_fields(type(instance))


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


def _radius(area: Mapping[str, Any]) -> int | None:
    if area.get("extent_type") == RADIUS_EXTENT_TYPE and area.get("extent"):
        return int(area["extent"])
    return None


def _source(service: ServiceIn) -> str:
    for attribute in service.attributes:
        term = attribute.taxonomy_term
        if term and term.taxonomy == RECORD_TAXONOMY and term.code == "source":
            return attribute.value or ""
    return ""


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


Record = tuple[ServiceIn, str]  # a service object and the language of its texts


def write_services(records: list[Record]) -> dict[uuid.UUID, str]:
    """Write a batch; a service may come several times, once per language. Returns, per
    service id, "created", "updated" or "unchanged"."""
    return _BatchWriter().write(records)


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
LOCATION_INPUT = {
    "name",
    "description",
    "transportation",
    "location_type",
    "organization_id",
    "latitude",
    "longitude",
}
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
ORGANIZATION_FIELDS = ["name", "alternate_name", "description", "email", "website", "is_demo"]


def _snapshot(instance: models.Model, fields: Iterable[str]) -> tuple[Any, ...]:
    return tuple(getattr(instance, name) for name in fields)


class _BatchWriter:
    """Writes one batch and tracks which services it really changed (for the summary), so a
    re-import of the same file writes nothing and reports everything unchanged."""

    def __init__(self) -> None:
        self.merge = _Merger()
        self.touched: set[uuid.UUID] = set()
        # Services and locations that were in the database before this batch.
        self.existing_parents: set[uuid.UUID] = set()

    def write(self, records: list[Record]) -> dict[uuid.UUID, str]:
        ids = list(dict.fromkeys(data.id for data, _language in records))
        existed = set(Service.objects.filter(id__in=ids).values_list("id", flat=True))
        self._organizations(records)
        self._locations(records)
        self._services(records)
        return {
            sid: "created"
            if sid not in existed
            else ("updated" if sid in self.touched else "unchanged")
            for sid in ids
        }

    def _organizations(self, records: list[Record]) -> None:
        incoming: dict[uuid.UUID, list[tuple[dict[str, Any], str]]] = {}
        services_of: dict[uuid.UUID, set[uuid.UUID]] = {}
        demo: set[uuid.UUID] = set()
        for data, language in records:
            org_id = data.organization.id
            incoming.setdefault(org_id, []).append((data.organization.model_dump(), language))
            services_of.setdefault(org_id, set()).add(data.id)
            if RECORD_TAXONOMY in _codes(data):
                demo.add(org_id)
        existing = Organization.objects.in_bulk(list(incoming))
        new: list[Any] = []
        changed: list[Any] = []
        for org_id, versions in incoming.items():
            org = existing.get(org_id) or Organization(id=org_id)
            before = _snapshot(org, ORGANIZATION_FIELDS)
            for dumped, language in versions:
                self.merge.apply(
                    org,
                    dumped,
                    language=language,
                    texts=("name", "alternate_name", "description"),
                    plain=("email", "website"),
                )
            org.is_demo = org.is_demo or org_id in demo
            if org_id not in existing:
                new.append(org)
            elif _snapshot(org, ORGANIZATION_FIELDS) != before:
                changed.append(org)
                self.touched |= services_of[org_id]
        insert_rows(Organization, new)
        update_rows(Organization, changed, ORGANIZATION_FIELDS)

    def _locations(self, records: list[Record]) -> None:
        incoming: dict[uuid.UUID, list[tuple[LocationIn, str]]] = {}
        users: dict[uuid.UUID, set[uuid.UUID]] = {}
        for data, language in records:
            for sal in data.service_at_locations:
                incoming.setdefault(sal.location.id, []).append((sal.location, language))
                users.setdefault(sal.location.id, set()).add(data.id)
        existing = Location.objects.in_bulk(list(incoming))
        self.existing_parents |= set(existing)
        postcodes = {
            a.postal_code
            for versions in incoming.values()
            for loc, _language in versions
            for a in loc.addresses
            if a.country == "BE"
        }
        municipality_of = dict(
            PostalCode.objects.filter(code__in=postcodes)
            .order_by("code", "municipality__nis_code")
            .values_list("code", "municipality_id")
        )
        new: list[Any] = []
        changed: list[Any] = []
        for location_id, versions in incoming.items():
            location = existing.get(location_id) or Location(id=location_id)
            before = _snapshot(location, LOCATION_FIELDS)
            for place, language in versions:
                self.merge.apply(
                    location,
                    place.model_dump(include=LOCATION_INPUT),
                    language=language,
                    texts=("name", "description", "transportation"),
                    plain=("location_type", "organization_id", "latitude", "longitude"),
                )
            be_codes = [a.postal_code for a in versions[-1][0].addresses if a.country == "BE"]
            location.municipality_id = municipality_of.get(be_codes[0]) if be_codes else None
            if location_id not in existing:
                new.append(location)
            elif _snapshot(location, LOCATION_FIELDS) != before:
                changed.append(location)
                self.touched |= users[location_id]
        insert_rows(Location, new)
        update_rows(Location, changed, LOCATION_FIELDS)
        for model, attribute, texts, plain in (
            (
                Address,
                "addresses",
                ("address_1", "address_2", "city", "region", "state_province"),
                ("attention", "postal_code", "country", "address_type"),
            ),
            (Accessibility, "accessibility", ("description",), ("details", "url")),
        ):
            rows = {
                loc_id: [
                    (row.id, row.model_dump(), language, position)
                    for loc, language in versions
                    for position, row in enumerate(getattr(loc, attribute))
                ]
                for loc_id, versions in incoming.items()
            }
            for loc_id in self._replace_rows(model, "location_id", rows, texts=texts, plain=plain):
                self.touched |= users[loc_id]

    def _services(self, records: list[Record]) -> None:
        by_id: dict[uuid.UUID, list[Record]] = {}
        for data, language in records:
            by_id.setdefault(data.id, []).append((data, language))
        existing = Service.objects.in_bulk(list(by_id))
        self.existing_parents |= set(existing)
        fields = [
            *SERVICE_TEXTS,
            *SERVICE_PLAIN,
            "organization_id",
            *SERVICE_CODES,
            "is_demo",
            "source",
        ]
        new: list[Any] = []
        changed: list[Any] = []
        needs = dict(Need.objects.values_list("code", "id"))
        need_links: dict[uuid.UUID, list[int]] = {}
        for service_id, versions in by_id.items():
            service = existing.get(service_id) or Service(id=service_id)
            before = _snapshot(service, fields)
            for data, language in versions:
                self.merge.apply(
                    service,
                    data.model_dump(include=SERVICE_INPUT),
                    language=language,
                    texts=SERVICE_TEXTS,
                    plain=SERVICE_PLAIN,
                )
            data = versions[-1][0]
            service.organization_id = data.organization.id
            codes = _codes(data)
            for taxonomy, field_name in ATTRIBUTE_FIELDS:
                setattr(service, field_name, codes.get(taxonomy, []))
            service.is_demo = "demo" in codes.get(RECORD_TAXONOMY, [])
            service.source = _source(data)
            need_links[service_id] = [needs[c] for c in codes.get(NEEDS_TAXONOMY, [])]
            if service_id not in existing:
                service.last_modified = data.last_modified or timezone.now()
                new.append(service)
            elif _snapshot(service, fields) != before:
                changed.append(service)
                self.touched.add(service_id)
        insert_rows(Service, new)
        update_rows(Service, changed, fields)
        self._needs(need_links, existing=set(existing))
        for group, (model, texts, plain) in CHILDREN.items():
            rows: dict[uuid.UUID, list[ChildRow]] = {}
            for service_id, versions in by_id.items():
                entries = []
                for data, language in versions:
                    for position, item in enumerate(getattr(data, group)):
                        child = _child_data(group, item)
                        if group == "service_areas":
                            child["code"], child["uri"] = _area_fields(child.get("uri"))
                            child["radius_km"] = _radius(child)
                        entries.append((item.id, child, language, position))
                rows[service_id] = entries
            extra = ("code", "uri", "radius_km") if group == "service_areas" else ()
            self.touched |= self._replace_rows(
                model, "service_id", rows, texts=texts, plain=(*plain, *extra), ordered=True
            )
        self.touched |= self._replace_rows(
            ServiceAtLocation,
            "service_id",
            {
                service_id: [
                    (
                        sal.id,
                        {"description": sal.description, "location_id": sal.location.id},
                        language,
                        position,
                    )
                    for data, language in versions
                    for position, sal in enumerate(data.service_at_locations)
                ]
                for service_id, versions in by_id.items()
            },
            texts=("description",),
            plain=("location_id",),
        )
        # The file's timestamp is kept on every service it changed, so exports round-trip.
        stamps = [
            (service, versions[-1][0].last_modified or timezone.now())
            for service_id, versions in by_id.items()
            if service_id in self.touched and (service := existing.get(service_id)) is not None
        ]
        for service, stamp in stamps:
            service.last_modified = stamp
        update_rows(Service, [s for s, _stamp in stamps], ["last_modified"])

    def _needs(self, links: dict[uuid.UUID, list[int]], *, existing: set[uuid.UUID]) -> None:
        through = Service.needs.through
        current: dict[uuid.UUID, set[int]] = {}
        for service_id, need_id in through.objects.filter(service_id__in=list(links)).values_list(
            "service_id", "need_id"
        ):
            current.setdefault(service_id, set()).add(need_id)
        stale = [sid for sid, need_ids in links.items() if current.get(sid, set()) != set(need_ids)]
        self.touched |= {sid for sid in stale if sid in existing}
        through.objects.filter(service_id__in=stale).delete()
        through.objects.bulk_create(
            [through(service_id=sid, need_id=nid) for sid in stale for nid in links[sid]]
        )

    def _replace_rows(
        self,
        model: type[models.Model],
        parent_field: str,
        rows_by_parent: Mapping[uuid.UUID, list[ChildRow]],
        *,
        texts: tuple[str, ...],
        plain: tuple[str, ...],
        ordered: bool = False,
    ) -> set[uuid.UUID]:
        """Make each parent's child rows exactly those given (matched by id); returns the
        parents whose rows changed."""
        manager = model._default_manager
        parents = [p for p in rows_by_parent if p in self.existing_parents]
        wanted = {entry[0] for rows in rows_by_parent.values() for entry in rows}
        changed_parents: set[uuid.UUID] = set()
        existing: dict[Any, Any] = {}
        if parents:  # rows of brand-new parents cannot exist yet: skip both look-ups
            stale = manager.filter(**{f"{parent_field}__in": parents}).exclude(id__in=wanted)
            changed_parents = set(stale.values_list(parent_field, flat=True))
            stale.delete()
            existing = manager.in_bulk(list(wanted))
        fields = [parent_field, *texts, *plain, *(["sort_order"] if ordered else [])]
        new: list[Any] = []
        changed: list[Any] = []
        for parent_id, rows in rows_by_parent.items():
            seen: dict[uuid.UUID, tuple[Any, tuple[Any, ...]]] = {}
            for child_id, data, language, position in rows:
                if child_id not in seen:
                    row = existing.get(child_id) or model(id=child_id)
                    seen[child_id] = (row, _snapshot(row, fields))
                row = seen[child_id][0]
                setattr(row, parent_field, parent_id)
                self.merge.apply(row, data, language=language, texts=texts, plain=plain)
                if ordered:
                    setattr(row, "sort_order", position)  # noqa: B010 - any child model
            for child_id, (row, before) in seen.items():
                if child_id not in existing:
                    new.append(row)
                    changed_parents.add(parent_id)
                elif _snapshot(row, fields) != before:
                    changed.append(row)
                    changed_parents.add(parent_id)
        insert_rows(model, new)
        update_rows(model, changed, fields)
        return changed_parents
