"""Writes for the navigator: loading measures from the YAML seed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from wagtail.models import Page

from beoncosup.core.i18n_text import LANGUAGES, i18n_problems
from beoncosup.navigator.enums import (
    NAVIGATOR_AUDIENCES,
    Contact,
    Duration,
    Region,
    Situation,
    Status,
)
from beoncosup.navigator.models import Measure, MeasureSource, code_validator
from beoncosup.taxonomy.models import Need

DEFAULT_MEASURES_PATH = Path(__file__).resolve().parent / "data" / "measures.yaml"
CODE_LISTS: dict[str, Any] = {
    "audiences": NAVIGATOR_AUDIENCES,
    "statuses": Status,
    "regions": Region,
    "situations": Situation,
    "durations": Duration,
    "contacts": Contact,
}
# Texts every measure needs in Dutch and French (the two languages of every region).
REQUIRED_TEXTS = ("title", "summary")
OPTIONAL_TEXTS = ("next_steps", "contact", "change_note")
TEXT_MAX = {"title": 200, "summary": 2000, "next_steps": 2000, "contact": 1000, "change_note": 1000}
EDITOR_NOTE_MAX = 2000
KNOWN_KEYS = {
    "code",
    "article",
    "priority",
    "is_demo",
    "valid_from",
    "valid_until",
    "rules_as_of",
    "need_codes",
    "sources",
    "editor_note",
    *CODE_LISTS,
    *REQUIRED_TEXTS,
    *OPTIONAL_TEXTS,
}


class MeasureFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the measures file")
        self.problems = problems


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    needs_checked: bool = True
    articles_linked: list[str] = field(default_factory=list)
    # Slugs named in the file with no page yet (the hub content is not loaded).
    articles_missing: list[str] = field(default_factory=list)


def _date(value: Any, where: str, problems: list[str], *, required: bool) -> dt.date | None:
    if value is None or value == "":
        if required:
            problems.append(f"{where}: required (a date like 2026-01-01)")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {value!r} is not a date like 2026-01-01")
        return None


def _text(value: Any, name: str, where: str, problems: list[str]) -> dict[str, str]:
    if value is None:
        value = {}
    found = i18n_problems(value, max_length=TEXT_MAX[name])
    if found:
        problems.extend(f"{where} {name}: {problem}" for problem in found)
        return {}
    text = {lang: str(value[lang]).strip() for lang in LANGUAGES if str(value.get(lang) or "")}
    if name in REQUIRED_TEXTS:
        missing = [lang for lang in ("nl", "fr") if not text.get(lang)]
        if missing:
            problems.append(
                f"{where} {name}: missing {', '.join(missing)} (nl and fr are required)"
            )
    return text


def _codes(raw: dict[str, Any], name: str, where: str, problems: list[str]) -> list[str]:
    value = raw.get(name) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append(f"{where} {name}: must be a list of codes")
        return []
    allowed = CODE_LISTS[name].values
    unknown = [item for item in value if item not in allowed]
    if unknown:
        problems.append(
            f"{where} {name}: unknown code(s) {', '.join(unknown)}; use {', '.join(allowed)}"
        )
    return list(dict.fromkeys(value))


def _sources(raw: Any, where: str, problems: list[str]) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where} sources: at least one source (title, url, consulted)")
        return []
    sources = []
    check_url = URLValidator(schemes=["http", "https"])
    for number, source in enumerate(raw, start=1):
        here = f"{where} source {number}"
        if not isinstance(source, dict):
            problems.append(f"{here}: must have title, url and consulted")
            continue
        title = str(source.get("title") or "").strip()
        url = str(source.get("url") or "").strip()
        if not title:
            problems.append(f"{here}: title is required")
        if len(title) > 300:
            problems.append(f"{here}: title longer than 300 characters")
        if url:
            try:
                check_url(url)
            except ValidationError:
                problems.append(f"{here}: {url!r} is not a web address")
        consulted = _date(source.get("consulted"), f"{here} consulted", problems, required=True)
        sources.append({"title": title, "url": url, "consulted_on": consulted})
    return sources


def _scalars(raw: dict[str, Any], where: str, problems: list[str]) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    spec["valid_from"] = _date(
        raw.get("valid_from"), f"{where} valid_from", problems, required=False
    )
    spec["valid_until"] = _date(
        raw.get("valid_until"), f"{where} valid_until", problems, required=False
    )
    if spec["valid_from"] and spec["valid_until"] and spec["valid_from"] > spec["valid_until"]:
        problems.append(f"{where}: valid_from is after valid_until")
    spec["rules_as_of"] = _date(
        raw.get("rules_as_of"), f"{where} rules_as_of", problems, required=True
    )
    priority = raw.get("priority", 100)
    if not isinstance(priority, int) or isinstance(priority, bool) or not 0 <= priority <= 32767:
        problems.append(f"{where} priority: a whole number from 0 to 32767")
        priority = 100
    spec["priority"] = priority
    is_demo = raw.get("is_demo", False)
    if not isinstance(is_demo, bool):
        problems.append(f"{where} is_demo: true or false")
    spec["is_demo"] = bool(is_demo)
    return spec


def _needs(raw: dict[str, Any], where: str, need_codes: set[str], problems: list[str]) -> list[str]:
    needs = raw.get("need_codes") or []
    if not isinstance(needs, list) or not all(isinstance(item, str) for item in needs):
        problems.append(f"{where} need_codes: must be a list of need codes")
        return []
    unknown = [code for code in needs if need_codes and code not in need_codes]
    if unknown:
        problems.append(f"{where} need_codes: unknown need code(s) {', '.join(unknown)}")
    return list(dict.fromkeys(needs))


def _editor_note(value: Any, where: str, problems: list[str]) -> str:
    """The editors' note: one plain text (editors share it whatever their language)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f"{where} editor_note: plain text, not a list or a mapping")
        return ""
    if len(value) > EDITOR_NOTE_MAX:
        problems.append(f"{where} editor_note: longer than {EDITOR_NOTE_MAX} characters")
    return value.strip()


def _measure_spec(
    raw: dict[str, Any], where: str, need_codes: set[str], problems: list[str]
) -> dict[str, Any]:
    code = str(raw.get("code") or "")
    try:
        code_validator(code)
    except ValidationError:
        problems.append(f"{where}: code must be small letters, digits and hyphens")
    unknown_keys = sorted(set(raw) - KNOWN_KEYS)
    if unknown_keys:
        problems.append(f"{where}: unknown field(s) {', '.join(unknown_keys)}")
    spec: dict[str, Any] = {"code": code, **_scalars(raw, where, problems)}
    for name in CODE_LISTS:
        spec[name] = _codes(raw, name, where, problems)
    for name in (*REQUIRED_TEXTS, *OPTIONAL_TEXTS):
        spec[name] = _text(raw.get(name), name, where, problems)
    spec["need_codes"] = _needs(raw, where, need_codes, problems)
    article = raw.get("article") or ""
    if not isinstance(article, str):
        problems.append(f"{where} article: the slug of a hub article")
        article = ""
    spec["article"] = article
    spec["sources"] = _sources(raw.get("sources"), where, problems)
    spec["editor_note"] = _editor_note(raw.get("editor_note"), where, problems)
    return spec


def _parse(data: Any, need_codes: set[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """Check the whole file; every problem is listed with the measure it is in."""
    if not isinstance(data, dict) or not isinstance(data.get("measures"), list):
        return [], ["the file must have a list 'measures'"]
    problems: list[str] = []
    specs: list[dict[str, Any]] = []
    for number, raw in enumerate(data["measures"], start=1):
        if not isinstance(raw, dict):
            problems.append(f"measure #{number}: must be a mapping of fields")
            continue
        where = f"measure {raw.get('code') or f'#{number}'}"
        spec = _measure_spec(raw, where, need_codes, problems)
        if any(other["code"] == spec["code"] for other in specs):
            problems.append(f"{where}: code used twice")
        specs.append(spec)
    return specs, problems


def _current(measure: Measure) -> dict[str, Any]:
    values = {name: getattr(measure, name) for name in _FIELDS}
    values["sources"] = [
        {"title": s.title, "url": s.url, "consulted_on": s.consulted_on}
        for s in measure.sources.order_by("sort_order", "pk")
    ]
    return values


_FIELDS = (
    *CODE_LISTS,
    *REQUIRED_TEXTS,
    *OPTIONAL_TEXTS,
    "valid_from",
    "valid_until",
    "rules_as_of",
    "priority",
    "is_demo",
    "need_codes",
    "editor_note",
)


def measures_load(*, path: Path = DEFAULT_MEASURES_PATH) -> LoadReport:
    """Create or update measures from a YAML file, matched by code; all or nothing.

    Side effects: writes Measure and MeasureSource rows (a changed measure's sources are
    replaced). Measures not in the file and the article links set by editors are left alone.
    Need codes are checked against the taxonomy when it is loaded. Raises MeasureFileError
    listing every problem, and then writes nothing.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MeasureFileError([f"cannot read {path}: {exc.strerror}"]) from None
    except yaml.YAMLError as exc:
        raise MeasureFileError([f"{path} is not valid YAML: {exc}"]) from None
    need_codes = set(Need.objects.values_list("code", flat=True))
    specs, problems = _parse(data, need_codes)
    if problems:
        raise MeasureFileError(problems)
    report = LoadReport(needs_checked=bool(need_codes))
    with transaction.atomic():
        existing = {m.code: m for m in Measure.objects.filter(code__in=[s["code"] for s in specs])}
        for spec in specs:
            measure = existing.get(spec["code"])
            if measure is not None and _current(measure) == {
                **{name: spec[name] for name in _FIELDS},
                "sources": spec["sources"],
            }:
                report.unchanged.append(spec["code"])
                continue
            if measure is None:
                measure = Measure(code=spec["code"])
                report.created.append(spec["code"])
            else:
                report.updated.append(spec["code"])
            for name in _FIELDS:
                setattr(measure, name, spec[name])
            measure.full_clean(exclude=["article"])
            measure.save()
            MeasureSource.objects.filter(measure=measure).delete()
            MeasureSource.objects.bulk_create(
                MeasureSource(measure=measure, sort_order=order, **source)
                for order, source in enumerate(spec["sources"])
            )
        _link_articles(specs, report)
    return report


def _link_articles(specs: list[dict[str, Any]], report: LoadReport) -> None:
    """A measure without an article gets the one its ``article`` slug names (the Dutch page,
    or any language's); links editors set are never replaced."""
    wanted = {spec["code"]: spec["article"] for spec in specs if spec["article"]}
    if not wanted:
        return
    pages: dict[str, Page] = {}
    for page in Page.objects.filter(slug__in=set(wanted.values())).select_related("locale"):
        if page.slug not in pages or page.locale.language_code == "nl":
            pages[page.slug] = page
    for measure in Measure.objects.filter(code__in=wanted, article__isnull=True):
        page = pages.get(wanted[measure.code])
        if page is None:
            report.articles_missing.append(wanted[measure.code])
            continue
        measure.article = page
        measure.save(update_fields=["article", "last_modified"])
        report.articles_linked.append(measure.code)


def measure_article_set(*, code: str, page: Page | None) -> Measure:
    """Link a measure to its hub article (or unlink it with None); for editors' scripts and the
    hub's loader, which know articles by slug and measures by code.

    Side effects: saves the measure's ``article``. Raises Measure.DoesNotExist for an unknown
    code.
    """
    with transaction.atomic():
        measure: Measure = Measure.objects.select_for_update().get(code=code)
        measure.article = page
        measure.save(update_fields=["article", "last_modified"])
    return measure
