"""Writes for the needs taxonomy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from beoncosup.taxonomy.enums import Audience, Basis, Phase
from beoncosup.taxonomy.models import Category, Domain, Need, NeedSynonym, code_validator
from beoncosup.taxonomy.signals import bulk_writing, needs_bulk_written

DEFAULT_TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "needs-taxonomy.yaml"
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
MAX_LABEL = 200
MAX_SYNONYM = 120


class TaxonomyFileError(Exception):
    """The taxonomy file is unusable; ``problems`` lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the taxonomy file")
        self.problems = problems


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=lambda: {"domain": 0, "category": 0, "need": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"domain": 0, "category": 0, "need": 0})
    unchanged: dict[str, int] = field(
        default_factory=lambda: {"domain": 0, "category": 0, "need": 0}
    )
    not_in_file: list[str] = field(default_factory=list)


class _Checker:
    """Collects every problem in the file rather than stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def text_map(
        self, where: str, value: Any, *, max_length: int | None, required: bool = True
    ) -> dict[str, str]:
        if not isinstance(value, Mapping):
            self.problems.append(f"{where}: expected a mapping of language to text")
            return {}
        result: dict[str, str] = {}
        for language in LANGUAGES:
            text = value.get(language)
            if text is None or (isinstance(text, str) and not text.strip()):
                if required:
                    self.problems.append(f"{where}.{language}: missing")
                continue
            if not isinstance(text, str):
                self.problems.append(f"{where}.{language}: expected text")
                continue
            if max_length is not None and len(text) > max_length:
                self.problems.append(f"{where}.{language}: longer than {max_length} characters")
            result[language] = text.strip()
        unknown = set(value) - set(LANGUAGES)
        if unknown:
            self.problems.append(f"{where}: unknown language(s) {sorted(unknown)}")
        return result

    def code(self, where: str, value: Any, seen: set[str]) -> str:
        if not isinstance(value, str):
            self.problems.append(f"{where}.code: expected text")
            return ""
        try:
            code_validator(value)
        except ValidationError:
            self.problems.append(f"{where}.code: {value!r} is not a valid code")
        if value in seen:
            self.problems.append(f"{where}.code: {value!r} appears twice")
        seen.add(value)
        return value

    def choices(self, where: str, value: Any, allowed: list[str]) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problems.append(f"{where}: expected a list of codes")
            return []
        wrong = [item for item in value if item not in allowed]
        if wrong:
            self.problems.append(f"{where}: unknown value(s) {wrong}; allowed: {allowed}")
        return [item for item in value if item in allowed]

    def synonyms(self, where: str, value: Any) -> dict[str, list[str]]:
        if not isinstance(value, Mapping):
            self.problems.append(f"{where}.synonyms: expected a mapping of language to a list")
            return {}
        result: dict[str, list[str]] = {}
        for language, words in value.items():
            if language not in LANGUAGES:
                self.problems.append(f"{where}.synonyms: unknown language {language!r}")
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                self.problems.append(f"{where}.synonyms.{language}: expected a list of words")
                continue
            too_long = [w for w in words if len(w) > MAX_SYNONYM]
            if too_long:
                self.problems.append(
                    f"{where}.synonyms.{language}: longer than {MAX_SYNONYM} characters: "
                    f"{too_long[0][:40]!r}"
                )
            result[language] = sorted({w.strip() for w in words if w.strip()})
        return result

    def entries(self, document: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = document.get(key)
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            self.problems.append(f"{key}: expected a list of entries")
            return []
        return value


@dataclass
class _Parsed:
    domains: list[dict[str, Any]]
    categories: list[dict[str, Any]]
    needs: list[dict[str, Any]]


def _parse(document: Any) -> _Parsed:
    check = _Checker()
    if not isinstance(document, Mapping):
        raise TaxonomyFileError(["the file must hold a mapping with domains, categories, needs"])
    codes: set[str] = set()
    domains = []
    for index, entry in enumerate(check.entries(document, "domains")):
        where = f"domains[{index}]"
        domains.append(
            {
                "code": check.code(where, entry.get("code"), codes),
                "label": check.text_map(f"{where}.label", entry.get("label"), max_length=MAX_LABEL),
                "description": check.text_map(
                    f"{where}.description", entry.get("description"), max_length=None
                ),
                "sort_order": index,
            }
        )
    domain_codes = {d["code"] for d in domains}
    categories = []
    for index, entry in enumerate(check.entries(document, "categories")):
        where = f"categories[{index}]"
        if entry.get("domain") not in domain_codes:
            check.problems.append(f"{where}.domain: unknown domain {entry.get('domain')!r}")
        categories.append(
            {
                "code": check.code(where, entry.get("code"), codes),
                "domain": entry.get("domain"),
                "label": check.text_map(f"{where}.label", entry.get("label"), max_length=MAX_LABEL),
                "sort_order": index,
            }
        )
    category_codes = {c["code"] for c in categories}
    needs = []
    for index, entry in enumerate(check.entries(document, "needs")):
        where = f"needs[{index}]"
        code = check.code(where, entry.get("code"), codes)
        where = f"needs[{index}] ({code})"
        if entry.get("category") not in category_codes:
            check.problems.append(f"{where}.category: unknown category {entry.get('category')!r}")
        synonyms = check.synonyms(where, entry.get("synonyms") or {})
        basis = entry.get("basis", Basis.SOURCED)
        if basis not in Basis.values:
            check.problems.append(f"{where}.basis: {basis!r} is not one of {Basis.values}")
        needs.append(
            {
                "code": code,
                "category": entry.get("category"),
                "label": check.text_map(f"{where}.label", entry.get("label"), max_length=MAX_LABEL),
                "description": check.text_map(
                    f"{where}.description", entry.get("description"), max_length=None
                ),
                "audiences": check.choices(
                    f"{where}.audience", entry.get("audience", []), Audience.values
                ),
                "phases": check.choices(f"{where}.phases", entry.get("phases", []), Phase.values),
                "basis": basis,
                "synonyms": synonyms,
                "sort_order": index,
            }
        )
    if check.problems:
        raise TaxonomyFileError(check.problems)
    return _Parsed(domains=domains, categories=categories, needs=needs)


def _translated(prefix: str, texts: Mapping[str, str]) -> dict[str, str]:
    return {f"{prefix}_{language}": texts.get(language, "") for language in LANGUAGES}


def _upsert(model: type[Any], code: str, values: dict[str, Any]) -> tuple[Any, str]:
    """Create or update one row by code; returns it with "created", "updated" or "unchanged"."""
    instance = model.objects.filter(code=code).first()
    if instance is None:
        return model.objects.create(code=code, **values), "created"
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return instance, "unchanged"
    for name in changed:
        setattr(instance, name, values[name])
    instance.save(update_fields=changed)
    return instance, "updated"


def _synonyms_replace(need: Need, synonyms: Mapping[str, list[str]]) -> bool:
    """Make the need's synonyms exactly those given; True when anything changed."""
    wanted = {(language, text) for language, words in synonyms.items() for text in words}
    existing = {(s.language, s.text): s.pk for s in need.synonyms.all()}
    stale = [pk for key, pk in existing.items() if key not in wanted]
    missing = wanted - set(existing)
    if stale:
        NeedSynonym.objects.filter(pk__in=stale).delete()
    NeedSynonym.objects.bulk_create(
        NeedSynonym(need=need, language=language, text=text) for language, text in sorted(missing)
    )
    return bool(stale or missing)


def _count(report: LoadReport, kind: str, status: str) -> None:
    getattr(report, status)[kind] += 1


def taxonomy_load(*, path: Path = DEFAULT_TAXONOMY_PATH) -> LoadReport:
    """Create or update domains, categories, needs and synonyms from a taxonomy YAML file.

    Idempotent and atomic: the file is checked completely before anything is written, entries
    are matched by code (codes never change), and a second run reports everything unchanged.
    Needs in the database but not in the file are kept (plans refer to them) and reported.
    Side effect: sends ``needs_bulk_written`` (the search index rebuilds the needs' documents).
    """
    try:
        # libyaml's parser when present: the file is 2,000 lines (1.3 s in pure Python).
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise TaxonomyFileError([f"{path}: cannot be read ({exc.strerror})"]) from None
    except yaml.YAMLError as exc:
        raise TaxonomyFileError([f"{path}: not valid YAML ({exc})"]) from None
    parsed = _parse(document)
    report = LoadReport()
    with transaction.atomic(), bulk_writing():
        domains: dict[str, Domain] = {}
        for d in parsed.domains:
            values = {
                **_translated("label", d["label"]),
                **_translated("description", d["description"]),
                "sort_order": d["sort_order"],
            }
            domains[d["code"]], status = _upsert(Domain, d["code"], values)
            _count(report, "domain", status)
        categories: dict[str, Category] = {}
        for c in parsed.categories:
            values = {
                "domain": domains[c["domain"]],
                **_translated("label", c["label"]),
                "sort_order": c["sort_order"],
            }
            categories[c["code"]], status = _upsert(Category, c["code"], values)
            _count(report, "category", status)
        for n in parsed.needs:
            values = {
                "category": categories[n["category"]],
                **_translated("label", n["label"]),
                **_translated("description", n["description"]),
                "audiences": n["audiences"],
                "phases": n["phases"],
                "basis": n["basis"],
                "sort_order": n["sort_order"],
            }
            need, status = _upsert(Need, n["code"], values)
            if _synonyms_replace(need, n["synonyms"]) and status == "unchanged":
                status = "updated"
            _count(report, "need", status)
        file_codes = {n["code"] for n in parsed.needs}
        report.not_in_file = sorted(set(Need.objects.values_list("code", flat=True)) - file_codes)
        # Synonyms are written in bulk, without signals, and per-need listeners waited for
        # this (bulk_writing): the search index rebuilds every need's documents once, here.
        needs_bulk_written.send(sender=Need)
    return report
