"""HSDS 3.0 in its tabular form: a Frictionless data package (datapackage.json + CSV files).

The package describes one language, like the JSON files. Export flattens the same nested
service objects the JSON export writes; import reassembles nested service objects from the
tables, converting each cell by the official field types, and hands them to the importer's
usual checks. The official ``datapackage.json`` (Open Referral, CC BY-SA 4.0) is copied into
every exported package as its schema.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from beoncosup.directory.hsds.serialize import service_json

OFFICIAL_PACKAGE = Path(__file__).with_name("datapackage.json")
INTEGER = re.compile(r"^-?\d+$")
# Nested lists of a service that are tables keyed by service_id.
SERVICE_TABLES = (
    ("phones", "phone"),
    ("schedules", "schedule"),
    ("service_areas", "service_area"),
    ("languages", "language"),
    ("cost_options", "cost_option"),
    ("required_documents", "required_document"),
    ("contacts", "contact"),
)


class TabularError(Exception):
    def __init__(self, file: str, record: str, field: str, message: str) -> None:
        super().__init__(message)
        self.file, self.record, self.field, self.message = file, record, field, message


@cache
def _package() -> dict[str, Any]:
    package: dict[str, Any] = json.loads(OFFICIAL_PACKAGE.read_text(encoding="utf-8"))
    return package


@cache
def _resources() -> dict[str, dict[str, Any]]:
    return {resource["name"]: resource for resource in _package()["resources"]}


def _columns(resource: str) -> list[str]:
    return [field["name"] for field in _resources()[resource]["schema"]["fields"]]


def _types(resource: str) -> dict[str, str]:
    return {field["name"]: field["type"] for field in _resources()[resource]["schema"]["fields"]}


# ---------------------------------------------------------------------------------- export


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "time" and isinstance(value, str) and len(value) == 5:
        return f"{value}:00"  # Frictionless times are HH:MM:SS
    return str(value)


# Tables of a parent's list (a service's phones, a location's addresses, …): their rows are
# written in the list's order, parent after parent, because the import rebuilds each list in
# row order. The other tables are sorted by id.
LIST_TABLES = frozenset(
    {
        *(resource for _key, resource in SERVICE_TABLES),
        "service_at_location",
        "address",
        "accessibility",
        "attribute",
    }
)


class _Tables:
    def __init__(self) -> None:
        self.rows: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)

    def add(self, resource: str, row: dict[str, Any]) -> None:
        self.rows[resource][row["id"]] = row

    def write(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for resource in _resources().values():
            name = resource["name"]
            types = _types(name)
            columns = _columns(name)
            with (directory / resource["path"]).open("w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(columns)
                rows = self.rows.get(name, {})
                for row_id in rows if name in LIST_TABLES else sorted(rows):
                    writer.writerow([_cell(rows[row_id].get(c), types[c]) for c in columns])
        (directory / "datapackage.json").write_text(
            json.dumps(_package(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def _flatten(service: dict[str, Any], tables: _Tables) -> None:
    organization = service["organization"]
    tables.add("organization", organization)
    tables.add(
        "service",
        {k: v for k, v in service.items() if not isinstance(v, list | dict)},
    )
    for key, resource in SERVICE_TABLES:
        for row in service.get(key, []):
            tables.add(resource, {**row, "service_id": service["id"]})
    for sal in service.get("service_at_locations", []):
        location = sal["location"]
        tables.add("service_at_location", {k: v for k, v in sal.items() if k != "location"})
        tables.add(
            "location", {k: v for k, v in location.items() if not isinstance(v, list | dict)}
        )
        for address in location.get("addresses", []):
            tables.add("address", address)
        for entry in location.get("accessibility", []):
            tables.add("accessibility", entry)
    for attribute in service.get("attributes", []):
        term = attribute["taxonomy_term"]
        tables.add("attribute", {k: v for k, v in attribute.items() if k != "taxonomy_term"})
        tables.add("taxonomy_term", term)
        tables.add(
            "taxonomy",
            {
                "id": term["taxonomy_id"],
                "name": term["taxonomy"],
                "description": term["taxonomy"],
                "uri": f"urn:beoncosup:{term['taxonomy']}",
                "version": "1",
            },
        )


def export_csv(directory: Path) -> dict[str, int]:
    """Write one data package per language: ``OUT/<lang>/datapackage.json`` and its CSVs."""
    from beoncosup.directory.hsds.export import LANGUAGES, services_in  # noqa: PLC0415 - cycle

    counts = {}
    for language in LANGUAGES:
        tables = _Tables()
        count = 0
        for service in services_in(language):
            _flatten(service_json(service, language, exact=True), tables)
            count += 1
        if count:
            tables.write(directory / language)
            counts[language] = count
    return counts


# ---------------------------------------------------------------------------------- import


def _convert(value: str, kind: str, where: tuple[str, str, str]) -> Any:
    if value == "":
        return None
    if kind == "number":
        try:
            return int(value) if INTEGER.match(value) else float(value)
        except ValueError:
            raise TabularError(*where, f"{value!r} is not a number") from None
    return value


def _read(directory: Path, resource: str) -> list[dict[str, Any]]:
    path = directory / _resources()[resource]["path"]
    if not path.exists():
        return []
    types = _types(resource)
    rows = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"id"} - set(reader.fieldnames or [])
            if missing:
                raise TabularError(path.name, "-", "id", "the header has no id column")
            for line, raw in enumerate(reader, start=2):
                record = raw.get("id") or f"line {line}"
                if None in raw:
                    raise TabularError(path.name, record, "row", f"line {line} has extra cells")
                row = {}
                for key, value in raw.items():
                    if key in types and value is not None:
                        converted = _convert(value, types[key], (path.name, record, key))
                        if converted is not None:
                            row[key] = converted
                rows.append(row)
    except UnicodeDecodeError:
        raise TabularError(path.name, "-", "file", "is not UTF-8 text") from None
    except csv.Error as exc:
        raise TabularError(path.name, "-", "file", f"is not valid CSV: {exc}") from None
    return rows


def _by(rows: Iterable[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get(key):
            grouped[row[key]].append(row)
    return grouped


def read_package(directory: Path) -> Iterator[dict[str, Any]]:
    """Nested HSDS service objects rebuilt from a tabular package, in services.csv order; each
    nested list in the order of its table's rows."""
    if not (directory / "datapackage.json").is_file():
        raise TabularError(str(directory), "-", "datapackage.json", "is missing")
    organizations = {row["id"]: row for row in _read(directory, "organization")}
    locations = {row["id"]: row for row in _read(directory, "location")}
    addresses = _by(_read(directory, "address"), "location_id")
    accessibility = _by(_read(directory, "accessibility"), "location_id")
    children = {key: _by(_read(directory, res), "service_id") for key, res in SERVICE_TABLES}
    sals = _by(_read(directory, "service_at_location"), "service_id")
    terms = {row["id"]: row for row in _read(directory, "taxonomy_term")}
    attributes = _by(_read(directory, "attribute"), "link_id")
    for row in _read(directory, "service"):
        service = dict(row)
        sid = service.get("id", "")
        org_id = service.get("organization_id")
        if org_id not in organizations:
            raise TabularError("services.csv", sid, "organization_id", "no such organization")
        service["organization"] = organizations[org_id]
        for key, _resource in SERVICE_TABLES:
            service[key] = children[key].get(sid, [])
        service["service_at_locations"] = []
        for sal in sals.get(sid, []):
            location_id = str(sal.get("location_id", ""))
            if location_id not in locations:
                raise TabularError(
                    "service_at_location.csv", sal["id"], "location_id", "no such location"
                )
            location = {
                **locations[location_id],
                "addresses": addresses.get(location_id, []),
                "accessibility": accessibility.get(location_id, []),
            }
            service["service_at_locations"].append({**sal, "location": location})
        service["attributes"] = []
        for attribute in attributes.get(sid, []):
            term = terms.get(attribute.get("taxonomy_term_id", ""))
            if term is None:
                raise TabularError(
                    "attributes.csv", attribute["id"], "taxonomy_term_id", "no such taxonomy term"
                )
            service["attributes"].append({**attribute, "taxonomy_term": term})
        yield service
