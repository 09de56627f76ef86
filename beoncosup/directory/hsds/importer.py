"""Import HSDS 3.0 service objects, all or nothing; each file holds one language's texts.

Every record of every file is checked first (types, required fields, ids, references, profile
codes, Belgian postcodes, coordinates, lengths); any problem rejects the whole import and
nothing is written. Texts go into their file's language and leave the other languages
untouched, so a second file with the same ids adds a translation. Text is stored as text: HTML
is never interpreted.
"""

from __future__ import annotations

import gc
import heapq
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from pydantic import ValidationError

from beoncosup.directory.enums import PROFILE_TAXONOMIES, RecordFlag
from beoncosup.directory.hsds import writer
from beoncosup.directory.hsds.problems import ImportRejected, ImportReport, Problem
from beoncosup.directory.hsds.profile import AREA_URI_PREFIX, NEEDS_TAXONOMY, RADIUS_EXTENT_TYPE
from beoncosup.directory.hsds.reading import records
from beoncosup.directory.hsds.schemas import (
    ADDRESSES_CHECKED,
    NO_NUL,
    AttributeIn,
    ServiceAtLocationIn,
    ServiceIn,
)
from beoncosup.directory.hsds.writer import Record
from beoncosup.directory.models import Organization, Service
from beoncosup.directory.models.service import AREA_CODE_PATTERN
from beoncosup.directory.signals import services_bulk_written
from beoncosup.geo.models import PostalCode
from beoncosup.taxonomy.models import Need

LANGUAGES = ("nl", "fr", "de", "en")
BATCH_SIZE = 2000
OUTCOME_RANK = {"unchanged": 0, "updated": 1, "created": 2}
AREA_CODE = re.compile(AREA_CODE_PATTERN)


def _pydantic_problems(name: str, record_id: str, error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        location = ".".join(str(part) for part in item["loc"]) or "record"
        message = item["msg"]
        if (
            item["type"] == "string_pattern_mismatch"
            and item.get("ctx", {}).get("pattern") == NO_NUL
        ):
            message = "contains a NUL character (\\u0000), which text may not hold"
        problems.append(Problem(name, record_id, location, message))
    return problems


class _Checker:
    """Profile and cross-record rules, collected for every record before anything is written."""

    CHILD_GROUPS = (
        "phones",
        "schedules",
        "service_areas",
        "languages",
        "cost_options",
        "required_documents",
        "contacts",
    )

    def __init__(self, name: str) -> None:
        self.name = name
        self.need_codes = set(Need.objects.values_list("code", flat=True))
        self.postcodes = set(PostalCode.objects.values_list("code", flat=True).distinct())
        # id (as an int) -> kind number: compact enough for the ~1.2 million ids of 100,000
        # services.
        self.seen: dict[int, int] = {}
        self.kinds: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.record = ""

    def bad(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.name, self.record, path, message))

    def claim(self, path: str, object_id: uuid.UUID, kind: str) -> None:
        """An id names one object; the same id for objects of two kinds is an error. (The same
        organisation or location may serve several services.)"""
        kind_number = self.kinds.setdefault(kind, len(self.kinds))
        previous = self.seen.setdefault(object_id.int, kind_number)
        if previous != kind_number:
            self.bad(path, f"id {object_id} is used for two different objects")

    def check(self, service: ServiceIn, record: str) -> list[Problem]:
        self.problems, self.record = [], record
        if service.organization_id and service.organization_id != service.organization.id:
            self.bad("organization_id", "does not match organization.id")
        if (
            service.minimum_age is not None
            and service.maximum_age is not None
            and service.minimum_age > service.maximum_age
        ):
            self.bad("minimum_age", "is greater than maximum_age")
        self.claim("id", service.id, "service")
        self.claim("organization.id", service.organization.id, "organization")
        for group in self.CHILD_GROUPS:
            for index, child in enumerate(getattr(service, group)):
                self.claim(f"{group}.{index}.id", child.id, group)
        for index, area in enumerate(service.service_areas):
            if area.extent_type == RADIUS_EXTENT_TYPE and not (
                area.extent and area.extent.isdigit() and 1 <= int(area.extent) <= 500
            ):
                self.bad(f"service_areas.{index}.extent", "a radius must be 1 to 500 (km)")
            if area.uri and area.uri.startswith(AREA_URI_PREFIX):
                code = area.uri.removeprefix(AREA_URI_PREFIX)
                if not AREA_CODE.match(code):
                    self.bad(f"service_areas.{index}.uri", f"unknown area code {code!r}")
        for index, sal in enumerate(service.service_at_locations):
            self._check_location(service, index, sal)
        for index, attribute in enumerate(service.attributes):
            self._check_attribute(index, attribute)
        return self.problems

    def _check_location(self, service: ServiceIn, index: int, sal: ServiceAtLocationIn) -> None:
        where = f"service_at_locations.{index}"
        self.claim(f"{where}.id", sal.id, "service_at_location")
        if sal.service_id and sal.service_id != service.id:
            self.bad(f"{where}.service_id", "does not refer to this service")
        if sal.location_id and sal.location_id != sal.location.id:
            self.bad(f"{where}.location_id", "does not match location.id")
        self.claim(f"{where}.location.id", sal.location.id, "location")
        for a_index, address in enumerate(sal.location.addresses):
            a_where = f"{where}.location.addresses.{a_index}"
            self.claim(f"{a_where}.id", address.id, "address")
            if address.location_id and address.location_id != sal.location.id:
                self.bad(f"{a_where}.location_id", "does not match the location's id")
            if address.country == "BE" and address.postal_code not in self.postcodes:
                self.bad(
                    f"{a_where}.postal_code", f"{address.postal_code!r} is not a Belgian postcode"
                )
        for x_index, entry in enumerate(sal.location.accessibility):
            self.claim(f"{where}.location.accessibility.{x_index}.id", entry.id, "accessibility")

    def _check_attribute(self, index: int, attribute: AttributeIn) -> None:
        term = attribute.taxonomy_term
        if term is None or term.taxonomy not in PROFILE_TAXONOMIES:
            return  # another directory's taxonomy: not ours to check or keep
        where = f"attributes.{index}.taxonomy_term.code"
        if term.taxonomy == NEEDS_TAXONOMY:
            if term.code not in self.need_codes:
                self.bad(where, f"unknown need code {term.code!r}")
            return
        code_list = PROFILE_TAXONOMIES[term.taxonomy] or RecordFlag
        if term.code not in code_list.values:
            self.bad(
                where,
                f"{term.code!r} is not a {term.taxonomy} code; use one of "
                f"{', '.join(code_list.values)}",
            )


@dataclass(frozen=True)
class _Checked:
    path: Path
    language: str
    count: int
    ascending: bool  # services listed by increasing id, as export_hsds writes them


def _check_file(path: Path, language: str, report: ImportReport) -> _Checked:
    """First pass: check every record of a file, collecting problems."""
    name = str(path)
    checker = _Checker(name)
    service_ids: set[uuid.UUID] = set()
    organizations: set[uuid.UUID] = set()
    location_organizations: list[tuple[str, int, uuid.UUID]] = []
    count = 0
    previous, ascending = -1, True
    for index, raw in enumerate(records(path)):
        count += 1
        record = str(raw.get("id", f"#{index + 1}")) if isinstance(raw, dict) else f"#{index + 1}"
        if not isinstance(raw, dict):
            report.problems.append(Problem(name, record, "record", "must be a JSON object"))
            report.rejected += 1
            continue
        try:
            service = ServiceIn.model_validate(raw)
        except ValidationError as error:
            report.problems.extend(_pydantic_problems(name, record, error))
            report.rejected += 1
            continue
        problems = checker.check(service, record)
        ascending = ascending and service.id.int > previous
        previous = service.id.int
        if service.id in service_ids:
            problems.append(Problem(name, record, "id", "the same service id appears twice"))
        service_ids.add(service.id)
        organizations.add(service.organization.id)
        location_organizations.extend(
            (record, i, sal.location.organization_id)
            for i, sal in enumerate(service.service_at_locations)
            if sal.location.organization_id
        )
        if problems:
            report.problems.extend(problems)
            report.rejected += 1
    _check_location_organizations(location_organizations, organizations, name, report)
    return _Checked(path, language, count, ascending)


def _check_location_organizations(
    references: list[tuple[str, int, uuid.UUID]],
    in_file: set[uuid.UUID],
    name: str,
    report: ImportReport,
) -> None:
    """A location may name its organisation: it must be in the file or already known."""
    outside = {org for _record, _index, org in references if org not in in_file}
    known = set(Organization.objects.filter(id__in=outside).values_list("id", flat=True))
    for record, index, org in references:
        if org in outside and org not in known:
            report.problems.append(
                Problem(
                    name,
                    record,
                    f"service_at_locations.{index}.location.organization_id",
                    f"organisation {org} is neither in the file nor in the directory",
                )
            )
            report.rejected += 1


def _records_in(checked: _Checked) -> Iterator[tuple[int, Record]]:
    """Second pass, after a clean first pass: the file's services again, with their ids."""
    for raw in records(checked.path):
        service = ServiceIn.model_validate(raw, context=ADDRESSES_CHECKED)
        yield service.id.int, (service, checked.language)


def _batches(files: list[_Checked]) -> Iterator[list[Record]]:
    """Batches of records to write. When every file lists its services by increasing id (as
    our exports do), the files are merged so each service's languages are written together,
    once; otherwise the files are written one after the other."""
    if len(files) > 1 and all(f.ascending for f in files):
        streams: list[Iterator[tuple[int, Record]]] = [
            heapq.merge(*(_records_in(f) for f in files), key=lambda item: item[0])
        ]
    else:
        streams = [_records_in(f) for f in files]
    for stream in streams:
        batch: list[Record] = []
        last = None
        for key, record in stream:
            if key != last and len(batch) >= BATCH_SIZE:
                yield batch
                batch = []
            batch.append(record)
            last = key
        if batch:
            yield batch


def export_files(directory: Path) -> list[tuple[Path, str]]:
    """What an export folder holds, Dutch first: ``services.<lang>.json`` files (JSON export)
    or ``<lang>/datapackage.json`` packages (CSV export)."""
    found = []
    for lang in LANGUAGES:
        if (directory / f"services.{lang}.json").is_file():
            found.append((directory / f"services.{lang}.json", lang))
        elif (directory / lang / "datapackage.json").is_file():
            found.append((directory / lang, lang))
    return found


def hsds_import(
    *,
    sources: list[tuple[Path, str]],
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import HSDS service files, each with the language of its texts.

    Every file is checked before anything is written; on any problem ImportRejected carries
    them all and the database is untouched. The summary counts services: created, updated
    (in any of its languages) or unchanged.
    """
    with _few_garbage_collections():
        return _import(sources, dry_run=dry_run, progress=progress)


@contextmanager
def _few_garbage_collections() -> Iterator[None]:
    """Python's cyclic garbage collector re-scans every live object as an import allocates
    millions of them; pausing it halves the import time. Refcounting still frees almost
    everything, and ``_import`` collects between batches to bound memory."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import(
    sources: list[tuple[Path, str]],
    *,
    dry_run: bool,
    progress: Callable[[int, int], None] | None,
) -> ImportReport:
    report = ImportReport()
    checked: list[_Checked] = []
    for path, language in sources:
        if language not in LANGUAGES:
            report.problems.append(
                Problem(str(path), "-", "--language", f"{language!r}: use nl, fr, de or en")
            )
            report.rejected += 1
            continue
        try:
            checked.append(_check_file(path, language, report))
        except ImportRejected as rejected:
            report.problems.extend(rejected.report.problems)
            report.rejected += rejected.report.rejected
    if report.problems:
        raise ImportRejected(report)
    total = sum(f.count for f in checked)
    if dry_run:
        report.unchanged = total
        return report
    statuses: dict[uuid.UUID, str] = {}
    done = 0
    with transaction.atomic():
        for number, batch in enumerate(_batches(checked), start=1):
            for service_id, status in writer.write_services(batch).items():
                # A service's summary is its strongest outcome over all its languages.
                if statuses.get(service_id) not in ("created", status):
                    statuses[service_id] = (
                        status
                        if status != "unchanged" or service_id not in statuses
                        else statuses[service_id]
                    )
            done += len(batch)
            if number % 10 == 0:
                gc.collect()
            if progress is not None:
                progress(done, total)
        # Bulk writes send no model signals: announce them, so derived data (the search index)
        # is brought up to date in the same transaction.
        _index([sid for sid, status in statuses.items() if status != "unchanged"])
    report.created = sum(1 for s in statuses.values() if s == "created")
    report.updated = sum(1 for s in statuses.values() if s == "updated")
    report.unchanged = sum(1 for s in statuses.values() if s == "unchanged")
    return report


def _index(service_ids: list[uuid.UUID]) -> None:
    """Index the written services a batch at a time, collecting garbage in between: the
    prefetched rows the indexer reads hold reference cycles (a row and its related rows), which
    only the cyclic collector frees, and it is paused during the import. Indexed in one go,
    100,000 services peaked at 2 GB. Only the youngest generation is collected (what the
    batch allocated): a full collection re-scans the whole application, 0.3 s each time."""
    for start in range(0, len(service_ids), BATCH_SIZE):
        # The search app indexes them on this signal (the directory imports no higher app).
        services_bulk_written.send(Service, service_ids=service_ids[start : start + BATCH_SIZE])
        gc.collect(0)
