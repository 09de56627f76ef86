"""Validate our output against the official HSDS 3.0 JSON schemas (copied in hsds_reference/,
CC BY-SA 4.0, Open Referral), offline."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

REFERENCE = Path(__file__).parent / "hsds_reference"
SCHEMAS = REFERENCE / "schema"
EXAMPLES = REFERENCE / "examples"


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(schema, default_specification=_spec())))
    return Registry().with_resources(resources)


def _spec() -> Any:
    from referencing.jsonschema import DRAFT202012  # noqa: PLC0415 - test helper only

    return DRAFT202012


@cache
def _validator(name: str) -> Draft202012Validator:
    compiled = SCHEMAS / "compiled" / f"{name}.json"
    path = compiled if compiled.exists() else SCHEMAS / f"{name}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def schema_errors(instance: Any, name: str) -> list[str]:
    """Messages for every way ``instance`` breaks the official ``name`` schema (e.g. "service",
    "service_list", "organization", "taxonomy_term")."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in _validator(name).iter_errors(instance)
    ]


PAGE_KEYS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
    "contents": list,
}


def page_errors(page: dict[str, Any], item_schema: str) -> list[str]:
    """The official page envelope (components/schemas/Page plus contents) and every item."""
    errors = [
        f"{key}: expected {kind.__name__}"
        for key, kind in PAGE_KEYS.items()
        if not isinstance(page.get(key), kind)
    ]
    for index, item in enumerate(page.get("contents", [])):
        errors.extend(f"contents/{index}/{e}" for e in schema_errors(item, item_schema))
    return errors
