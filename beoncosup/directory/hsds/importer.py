"""Import HSDS 3.0 service objects in one language, all or nothing.

Every record is checked first (types, required fields, ids, references, profile codes,
Belgian postcodes, coordinates, lengths); any problem rejects the whole file and nothing is
written. Texts go into the given language and leave the other languages untouched, so a second
file with the same ids adds a translation. Text is stored as text: HTML is never interpreted.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from pydantic import ValidationError

from beoncosup.directory.enums import PROFILE_TAXONOMIES, RecordFlag
from beoncosup.directory.hsds import writer
from beoncosup.directory.hsds.profile import AREA_URI_PREFIX, NEEDS_TAXONOMY
from beoncosup.directory.hsds.schemas import AttributeIn, ServiceAtLocationIn, ServiceIn
from beoncosup.directory.models import Organization
from beoncosup.directory.models.service import AREA_CODE_PATTERN
from beoncosup.geo.models import PostalCode
from beoncosup.taxonomy.models import Need

LANGUAGES = ("nl", "fr", "de", "en")
MAX_FILE_BYTES = 2 * 1024**3
AREA_CODE = re.compile(AREA_CODE_PATTERN)


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: record {self.record}: {self.field}: {self.message}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)


class ImportRejected(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__(f"{report.rejected} record(s) rejected; nothing was imported")
        self.report = report


def _load_records(path: Path) -> list[Any]:
    """The service objects of a JSON file: an array, a page object, or one service object."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _file_problem(name, "the file is larger than 2 GB")
        with path.open(encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as exc:
        raise _file_problem(name, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise _file_problem(name, "is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _file_problem(
            name, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return list(document["contents"])
    if isinstance(document, dict) and "id" in document:
        return [document]
    raise _file_problem(
        name, "expected an array of services, a page object with 'contents', or one service"
    )


def _file_problem(name: str, message: str) -> ImportRejected:
    return ImportRejected(ImportReport(rejected=1, problems=[Problem(name, "-", "file", message)]))


def _pydantic_problems(name: str, record_id: str, error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        location = ".".join(str(part) for part in item["loc"]) or "record"
        problems.append(Problem(name, record_id, location, item["msg"]))
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
        self.seen: dict[uuid.UUID, str] = {}
        self.problems: list[Problem] = []
        self.record = ""

    def bad(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.name, self.record, path, message))

    def claim(self, path: str, object_id: uuid.UUID, kind: str) -> None:
        """An id names one object; the same id for objects of two kinds is an error. (The same
        organisation or location may serve several services.)"""
        key = f"{kind}:{object_id}"
        previous = self.seen.get(object_id)
        if previous is not None and previous != key:
            self.bad(path, f"id {object_id} is used for two different objects")
        self.seen[object_id] = key

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


def _validated(records: Iterable[Any], name: str, report: ImportReport) -> list[ServiceIn]:
    checker = _Checker(name)
    services: list[ServiceIn] = []
    service_ids: set[uuid.UUID] = set()
    for index, raw in enumerate(records):
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
        if service.id in service_ids:
            problems.append(Problem(name, record, "id", "the same service id appears twice"))
        service_ids.add(service.id)
        if problems:
            report.problems.extend(problems)
            report.rejected += 1
            continue
        services.append(service)
    _check_location_organizations(services, name, report)
    return services


def _check_location_organizations(
    services: list[ServiceIn], name: str, report: ImportReport
) -> None:
    """A location may name its organisation: it must be in the file or already known."""
    in_file = {s.organization.id for s in services}
    wanted = {
        (str(s.id), index, sal.location.organization_id)
        for s in services
        for index, sal in enumerate(s.service_at_locations)
        if sal.location.organization_id and sal.location.organization_id not in in_file
    }
    known = set(
        Organization.objects.filter(id__in={org for _s, _i, org in wanted}).values_list(
            "id", flat=True
        )
    )
    for record, index, org in sorted(wanted, key=str):
        if org not in known:
            report.problems.append(
                Problem(
                    name,
                    record,
                    f"service_at_locations.{index}.location.organization_id",
                    f"organisation {org} is neither in the file nor in the directory",
                )
            )
            report.rejected += 1


def _batches(items: list[ServiceIn], size: int) -> Iterator[list[ServiceIn]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def export_files(directory: Path) -> list[tuple[Path, str]]:
    """The ``services.<lang>.json`` files of an export folder, Dutch first."""
    return [
        (directory / f"services.{lang}.json", lang)
        for lang in LANGUAGES
        if (directory / f"services.{lang}.json").is_file()
    ]


def hsds_import(
    *,
    sources: list[tuple[Path, str]],
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import HSDS service files, each with the language of its texts.

    Every file is checked before anything is written; on any problem ImportRejected carries
    them all and the database is untouched. Counts are per service and file.
    """
    report = ImportReport()
    checked: list[tuple[list[ServiceIn], str]] = []
    for path, language in sources:
        if language not in LANGUAGES:
            report.problems.append(
                Problem(str(path), "-", "--language", f"{language!r}: use nl, fr, de or en")
            )
            report.rejected += 1
            continue
        try:
            services = _validated(_load_records(path), str(path), report)
        except ImportRejected as rejected:
            report.problems.extend(rejected.report.problems)
            report.rejected += rejected.report.rejected
            continue
        checked.append((services, language))
    if report.problems:
        raise ImportRejected(report)
    total = sum(len(services) for services, _language in checked)
    if dry_run:
        report.unchanged = total
        return report
    done = 0
    with transaction.atomic():
        for services, language in checked:
            for batch in _batches(services, 500):
                counts = writer.write_services(batch, language=language)
                report.created += counts.created
                report.updated += counts.updated
                report.unchanged += counts.unchanged
                done += len(batch)
                if progress is not None:
                    progress(done, total)
    return report
