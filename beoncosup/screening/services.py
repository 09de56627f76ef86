"""Writes for the self-check: loading instruments and help lines, versions, consented answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from beoncosup.core.i18n_text import LANGUAGES, i18n_problems
from beoncosup.insights.services.signals import band_of, self_check_signal_record
from beoncosup.screening.enums import PERSON_AUDIENCES, Role, Scale, Status
from beoncosup.screening.models import (
    HelpLine,
    Instrument,
    InstrumentVersion,
    Item,
    SelfCheckResponse,
)
from beoncosup.screening.selectors import evaluate
from beoncosup.taxonomy.models import Domain, Need

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_INSTRUMENTS_PATH = DATA_DIR / "instruments.yaml"
DEFAULT_HELP_LINES_PATH = DATA_DIR / "helplines.yaml"
ITEM_FIELDS = (
    "key",
    "role",
    "domain",
    "text",
    "scale",
    "min_value",
    "max_value",
    "min_label",
    "max_label",
    "choices",
    "page",
    "page_title",
    "sort_order",
    "show_if_item",
    "show_if_value",
    "needs",
)


class InstrumentFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the instruments file")
        self.problems = problems


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)  # "patient v1"
    unchanged: list[str] = field(default_factory=list)
    help_lines: int = 0


def _text(value: Any, where: str, problems: list[str], *, required: bool) -> dict[str, str]:
    if value is None and not required:
        return {}
    found = i18n_problems(value)
    if found:
        problems.extend(f"{where}: {problem}" for problem in found)
        return {}
    missing = [lang for lang in LANGUAGES if not value.get(lang)]
    if required and missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
    return {lang: str(value[lang]).strip() for lang in LANGUAGES if value.get(lang)}


def _item_spec(raw: dict[str, Any], order: int, where: str, problems: list[str]) -> dict[str, Any]:
    key = str(raw.get("id", ""))
    where = f"{where} item {key or order}"
    scale = raw.get("scale")
    role = raw.get("role", Role.PROBLEM)
    if scale not in Scale.values:
        problems.append(f"{where}: scale must be one of {', '.join(Scale.values)}")
    if role not in Role.values:
        problems.append(f"{where}: role must be one of {', '.join(Role.values)}")
    show_if = raw.get("show_if") or {}
    spec = {
        "key": key,
        "role": role,
        "domain": raw.get("domain") or None,
        "text": _text(raw.get("text"), f"{where} text", problems, required=True),
        "scale": scale,
        "min_value": raw.get("min"),
        "max_value": raw.get("max"),
        "min_label": _text(raw.get("min_label"), f"{where} min_label", problems, required=False),
        "max_label": _text(raw.get("max_label"), f"{where} max_label", problems, required=False),
        "choices": raw.get("choices") or [],
        "page": int(raw.get("page", 1)),
        "page_title": _text(raw.get("page_title"), f"{where} page_title", problems, required=False),
        "sort_order": order,
        "show_if_item": str(show_if.get("item", "")),
        "show_if_value": str(show_if.get("value", "")),
        "needs": sorted(raw.get("needs") or []),
    }
    if scale == Scale.RANGE and not (
        isinstance(spec["min_value"], int)
        and isinstance(spec["max_value"], int)
        and spec["min_value"] < spec["max_value"]
    ):
        problems.append(f"{where}: a range needs whole numbers min < max")
    if scale == Scale.CHOICE and not spec["choices"]:
        problems.append(f"{where}: a choice item needs choices")
    return spec


def _parse(data: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """Check the whole file; every problem is listed, with where it is."""
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("instruments"), list):
        return [], ["the file must have a list 'instruments'"]
    domains = set(Domain.objects.values_list("code", flat=True))
    needs = set(Need.objects.values_list("code", flat=True))
    instruments = []
    for raw in data["instruments"]:
        code = str(raw.get("code", ""))
        where = f"instrument {code or '?'}"
        if raw.get("audience") not in PERSON_AUDIENCES.values:
            problems.append(f"{where}: audience must be patient or relative")
        items = [
            _item_spec(item, order, where, problems)
            for order, item in enumerate(raw.get("items") or [], start=1)
        ]
        keys = [item["key"] for item in items]
        if not items:
            problems.append(f"{where}: no items")
        for key in {k for k in keys if keys.count(k) > 1}:
            problems.append(f"{where}: item id {key} is used twice")
        for item in items:
            if item["domain"] and item["domain"] not in domains:
                problems.append(f"{where} item {item['key']}: unknown domain {item['domain']}")
            unknown = [code for code in item["needs"] if code not in needs]
            if unknown:
                problems.append(
                    f"{where} item {item['key']}: unknown need code(s) {', '.join(unknown)}"
                )
            if item["show_if_item"] and item["show_if_item"] not in keys:
                problems.append(
                    f"{where} item {item['key']}: show_if refers to unknown item "
                    f"{item['show_if_item']}"
                )
        if sum(item["role"] == Role.DISTRESS for item in items) > 1:
            problems.append(f"{where}: at most one distress item")
        instruments.append(
            {
                "code": code,
                "audience": raw.get("audience"),
                "title": _text(raw.get("title"), f"{where} title", problems, required=True),
                "threshold": int(raw.get("threshold", 4)),
                "safety_threshold": int(raw.get("safety_threshold", 9)),
                "items": items,
            }
        )
    return instruments, problems


def _version_spec(version: InstrumentVersion) -> dict[str, Any]:
    items = [
        {
            **{
                name: getattr(item, name) for name in ITEM_FIELDS if name not in ("domain", "needs")
            },
            "domain": item.domain.code if item.domain else None,
            "needs": sorted(need.code for need in item.needs.all()),
        }
        for item in version.items.select_related("domain").prefetch_related("needs")
    ]
    return {
        "threshold": version.threshold,
        "safety_threshold": version.safety_threshold,
        "items": sorted(items, key=lambda item: item["sort_order"]),
    }


def _create_items(version: InstrumentVersion, items: list[dict[str, Any]]) -> None:
    domains = {domain.code: domain for domain in Domain.objects.all()}
    needs = {need.code: need for need in Need.objects.all()}
    for spec in items:
        values = {name: spec[name] for name in ITEM_FIELDS if name not in ("domain", "needs")}
        item = Item(version=version, domain=domains.get(spec["domain"] or ""), **values)
        item.needs = [needs[code] for code in spec["needs"]]
        item.save()


def _publish(version: InstrumentVersion) -> None:
    InstrumentVersion.objects.filter(instrument=version.instrument, is_current=True).exclude(
        pk=version.pk
    ).update(is_current=False)
    version.status = Status.PUBLISHED
    version.is_current = True
    version.published_on = timezone.localdate()
    version.save(update_fields=["status", "is_current", "published_on"])


def instruments_load(*, path: Path = DEFAULT_INSTRUMENTS_PATH) -> LoadReport:
    """Create or update the instruments from a YAML file; idempotent.

    Side effects: an instrument whose questions or thresholds differ from its current version
    gets a new, published, current version; older versions are left untouched. Writes nothing
    when the file has any problem (InstrumentFileError lists them all).
    """
    instruments, problems = _parse(yaml.safe_load(path.read_text(encoding="utf-8")))
    if problems:
        raise InstrumentFileError(problems)
    report = LoadReport()
    with transaction.atomic():
        for order, spec in enumerate(instruments):
            instrument, _created = Instrument.objects.update_or_create(
                code=spec["code"],
                defaults={
                    "title": spec["title"],
                    "audience": spec["audience"],
                    "sort_order": order,
                },
            )
            current = instrument.versions.filter(is_current=True).first()
            wanted = {
                "threshold": spec["threshold"],
                "safety_threshold": spec["safety_threshold"],
                "items": spec["items"],
            }
            if current is not None and _version_spec(current) == wanted:
                report.unchanged.append(f"{instrument.code} v{current.number}")
                continue
            number = (instrument.versions.aggregate(top=Max("number"))["top"] or 0) + 1
            version = InstrumentVersion.objects.create(
                instrument=instrument,
                number=number,
                threshold=spec["threshold"],
                safety_threshold=spec["safety_threshold"],
            )
            _create_items(version, spec["items"])
            _publish(version)
            report.created.append(f"{instrument.code} v{number}")
    return report


def help_lines_load(*, path: Path = DEFAULT_HELP_LINES_PATH) -> int:
    """Create or update the help lines from a YAML file, matched by code; returns how many."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    rows = []
    for order, raw in enumerate(data.get("help_lines") or []):
        where = f"help line {raw.get('code', order)}"
        rows.append(
            {
                "code": raw["code"],
                "name": _text(raw.get("name"), f"{where} name", problems, required=True),
                "availability": _text(raw.get("availability"), where, problems, required=True),
                "number": str(raw["number"]),
                "tel": str(raw["tel"]),
                "languages": [lang for lang in raw.get("languages", []) if lang in LANGUAGES],
                "source_url": raw["source_url"],
                "checked_on": raw["checked_on"]
                if isinstance(raw["checked_on"], dt.date)
                else dt.date.fromisoformat(str(raw["checked_on"])),
                "sort_order": order,
            }
        )
    if problems:
        raise InstrumentFileError(problems)
    with transaction.atomic():
        for row in rows:
            code = row.pop("code")
            HelpLine.objects.update_or_create(code=code, defaults=row)
    return len(rows)


@transaction.atomic
def version_publish(*, version: InstrumentVersion) -> InstrumentVersion:
    """Publish a draft and make it the instrument's current version.

    Side effects: the previous current version stops being current (it stays published and
    unchanged, with the answers given under it).
    """
    if version.is_published:
        raise ValueError("This version is already published.")
    _publish(version)
    return version


def version_number_next(*, instrument: Instrument) -> int:
    top: int | None = instrument.versions.aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


@transaction.atomic
def version_copy_current(*, version: InstrumentVersion) -> None:
    """Fill an empty draft with a copy of its instrument's current questions and thresholds."""
    current = version.instrument.versions.filter(is_current=True).exclude(pk=version.pk).first()
    if current is None or version.is_published:
        return
    version.threshold = current.threshold
    version.safety_threshold = current.safety_threshold
    version.save(update_fields=["threshold", "safety_threshold"])
    _create_items(version, _version_spec(current)["items"])


@transaction.atomic
def version_new_draft(*, instrument: Instrument) -> InstrumentVersion:
    """A new draft version holding a copy of the current version's questions and thresholds."""
    draft: InstrumentVersion = InstrumentVersion.objects.create(
        instrument=instrument, number=version_number_next(instrument=instrument)
    )
    version_copy_current(version=draft)
    return draft


@transaction.atomic
def response_record(
    *,
    version: InstrumentVersion,
    answers: dict[str, Any],
    language: str,
    audience: str,
    postcode: str = "",
) -> None:
    """Keep answers given with consent, anonymously: the date only, no postcode, IP or session;
    and give the needs insights their signal: the version, the score band, the needs the
    answers point to and the arrondissement of the postcode (never the postcode itself).

    Side effects: one SelfCheckResponse row; one insights.SelfCheckSignal. Nothing is logged.
    """
    SelfCheckResponse.objects.create(
        version=version,
        answers=answers,
        date=timezone.localdate(),
        language=language,
        audience=audience,
    )
    evaluation = evaluate(version, answers)
    self_check_signal_record(
        instrument=version.instrument.code,
        version=version.number,
        band=band_of(
            score=evaluation.score,
            threshold=version.threshold,
            safety_threshold=version.safety_threshold,
            safety=evaluation.safety_alert,
        ),
        needs=evaluation.needs,
        postcode=postcode,
        language=language,
        audience=audience,
    )
