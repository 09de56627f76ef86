"""Writes validated HSDS services (``schemas.ServiceIn``) into the directory, in batches.

Each record's texts are merged into the ``{lang: text}`` values for that record's language (a
batch may hold several languages of one service); a field missing from a record removes that
language's text for that field. Rows are matched by their HSDS ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import models
from django.utils import timezone

from beoncosup.core.db import insert_rows, update_rows
from beoncosup.directory.hsds.mapping import (
    CHILDREN,
    LOCATION_FIELDS,
    LOCATION_INPUT,
    ORGANIZATION_FIELDS,
    SERVICE_CODES,
    SERVICE_INPUT,
    SERVICE_PLAIN,
    SERVICE_TEXTS,
    ChildRow,
    Merger,
    area_fields,
    child_data,
    codes,
    radius,
    source,
)
from beoncosup.directory.hsds.profile import (
    ATTRIBUTE_FIELDS,
    NEEDS_TAXONOMY,
    RECORD_TAXONOMY,
)
from beoncosup.directory.hsds.schemas import LocationIn, ServiceIn
from beoncosup.directory.models import (
    Accessibility,
    Address,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
)
from beoncosup.geo.models import PostalCode
from beoncosup.taxonomy.models import Need

Record = tuple[ServiceIn, str]  # a service object and the language of its texts


def write_services(records: list[Record]) -> dict[uuid.UUID, str]:
    """Write a batch; a service may come several times, once per language. Returns, per
    service id, "created", "updated" or "unchanged"."""
    return _BatchWriter().write(records)


def _snapshot(instance: models.Model, fields: Iterable[str]) -> tuple[Any, ...]:
    return tuple(getattr(instance, name) for name in fields)


class _BatchWriter:
    """Writes one batch and tracks which services it really changed (for the summary), so a
    re-import of the same file writes nothing and reports everything unchanged."""

    def __init__(self) -> None:
        self.merge = Merger()
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
            if "demo" in codes(data).get(RECORD_TAXONOMY, []):
                demo.add(org_id)
        self._merge_parents(
            Organization,
            incoming,
            ORGANIZATION_FIELDS,
            texts=("name", "alternate_name", "description"),
            plain=("email", "website"),
            users=services_of,
            finish=lambda org, org_id, _versions: setattr(
                org, "is_demo", org.is_demo or org_id in demo
            ),
        )

    def _locations(self, records: list[Record]) -> None:
        incoming: dict[uuid.UUID, list[tuple[LocationIn, str]]] = {}
        users: dict[uuid.UUID, set[uuid.UUID]] = {}
        for data, language in records:
            for sal in data.service_at_locations:
                incoming.setdefault(sal.location.id, []).append((sal.location, language))
                users.setdefault(sal.location.id, set()).add(data.id)
        postcodes = {
            a.postal_code
            for versions in incoming.values()
            for loc, _language in versions
            for a in loc.addresses
            if a.country == "BE"
        }
        # A postcode in two municipalities (1040, 1050, 1804) takes the lower NIS code: the
        # rows come highest first and a dict keeps the last.
        municipality_of = dict(
            PostalCode.objects.filter(code__in=postcodes)
            .order_by("code", "-municipality__nis_code")
            .values_list("code", "municipality_id")
        )

        municipality_for = {}
        for loc_id, versions in incoming.items():
            be_codes = [a.postal_code for a in versions[-1][0].addresses if a.country == "BE"]
            municipality_for[loc_id] = municipality_of.get(be_codes[0]) if be_codes else None
        self._merge_parents(
            Location,
            {
                loc_id: [
                    (place.model_dump(include=LOCATION_INPUT), lang) for place, lang in versions
                ]
                for loc_id, versions in incoming.items()
            },
            LOCATION_FIELDS,
            texts=("name", "description", "transportation"),
            plain=("location_type", "organization_id", "latitude", "longitude"),
            users=users,
            finish=lambda location, loc_id, _versions: setattr(
                location, "municipality_id", municipality_for[loc_id]
            ),
        )
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
            for loc_id in self._replace_rows(
                model, "location_id", rows, texts=texts, plain=plain, ordered=True
            ):
                self.touched |= users[loc_id]

    def _merge_parents(
        self,
        model: type[models.Model],
        incoming: Mapping[uuid.UUID, list[tuple[dict[str, Any], str]]],
        fields: list[str],
        *,
        texts: tuple[str, ...],
        plain: tuple[str, ...],
        users: Mapping[uuid.UUID, set[uuid.UUID]],
        finish: Callable[[Any, uuid.UUID, list[Any]], None],
    ) -> None:
        """Create or update organisations or locations shared by services: merge each
        language's version, then mark the services using a changed row as touched."""
        existing = model._default_manager.in_bulk(list(incoming))
        self.existing_parents |= set(existing)
        new: list[Any] = []
        changed: list[Any] = []
        for row_id, versions in incoming.items():
            row = existing.get(row_id) or model(id=row_id)
            before = _snapshot(row, fields)
            for data, language in versions:
                self.merge.apply(row, data, language=language, texts=texts, plain=plain)
            finish(row, row_id, versions)
            if row_id not in existing:
                new.append(row)
            elif _snapshot(row, fields) != before:
                changed.append(row)
                self.touched |= users[row_id]
        insert_rows(model, new)
        update_rows(model, changed, fields)

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
            taxonomy_codes = codes(data)
            for taxonomy, field_name in ATTRIBUTE_FIELDS:
                setattr(service, field_name, taxonomy_codes.get(taxonomy, []))
            service.is_demo = "demo" in taxonomy_codes.get(RECORD_TAXONOMY, [])
            service.source = source(data)
            need_links[service_id] = [needs[c] for c in taxonomy_codes.get(NEEDS_TAXONOMY, [])]
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
                        child = child_data(group, item)
                        if group == "service_areas":
                            child["code"], child["uri"] = area_fields(child.get("uri"))
                            child["radius_km"] = radius(child)
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
            ordered=True,
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
