"""Reads for the self-check, and the evaluation shared by the pages and the API.

Evaluation (docs/selfcheck.md, "Scoring"): the score is the distress item's value; it is
``above_threshold`` from the version's threshold (4) and raises the safety alert from its safety
threshold (9), as does a "yes" to the safety item. The needs are those mapped to the problem
items answered "yes" (or a choice marked ``triggers``, or a range value from the threshold up),
plus the safety item's needs; ``wants_contact`` lists the domains whose "Would you like to talk
to someone?" item was answered "yes". Answers to questions that are not shown (their condition
does not hold) are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from beoncosup.screening.enums import Role, Scale
from beoncosup.screening.models import HelpLine, InstrumentVersion, Item

Answer = int | bool | str


class InstrumentNotFound(LookupError):
    pass


class AnswerError(ValueError):
    """An answer is unusable; ``item`` names the question (or "instrument")."""

    def __init__(self, item: str, message: str) -> None:
        super().__init__(f"{item}: {message}")
        self.item = item
        self.message = message


@dataclass(frozen=True)
class Evaluation:
    score: int | None
    above_threshold: bool
    safety_alert: bool
    needs: list[str] = field(default_factory=list)
    wants_contact: list[str] = field(default_factory=list)


def _versions() -> QuerySet[InstrumentVersion]:
    items = Item.objects.select_related("domain").prefetch_related("needs")
    versions: QuerySet[InstrumentVersion] = InstrumentVersion.objects.select_related(
        "instrument"
    ).prefetch_related(Prefetch("items", queryset=items))
    return versions


def current_versions() -> list[InstrumentVersion]:
    """Every instrument's current version with its items (for lists and the start page)."""
    return list(_versions().filter(is_current=True).order_by("instrument__sort_order"))


def current_version(code: str) -> InstrumentVersion:
    try:
        return _versions().get(instrument__code=code, is_current=True)
    except InstrumentVersion.DoesNotExist:
        raise InstrumentNotFound(code) from None


def version_by_id(pk: int) -> InstrumentVersion:
    """Any version, current or not: a self-check in progress keeps the version it started on."""
    try:
        return _versions().get(pk=pk)
    except InstrumentVersion.DoesNotExist:
        raise InstrumentNotFound(str(pk)) from None


# Page languages for which none of our checked 24/7 lines answers in that language: the German-
# speaking Community's own line is not in our checked reference (domain-facts.md), so German
# pages say so plainly above the Dutch and French lines (docs/selfcheck.md, "Safety path").
LANGUAGES_WITHOUT_OWN_LINE = ("de",)


def help_lines(language: str) -> list[HelpLine]:
    return [line for line in HelpLine.objects.all() if language in line.languages]


def items_of(version: InstrumentVersion) -> list[Item]:
    """The version's items in order (uses the prefetched items)."""
    return sorted(version.items.all(), key=lambda item: (item.page, item.sort_order, item.pk))


def condition_value(value: Answer) -> str:
    """An answer as written in a condition: yes, no, a number or a choice value."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def is_shown(item: Item, answers: Mapping[str, Answer]) -> bool:
    if not item.show_if_item:
        return True
    given = answers.get(item.show_if_item)
    return given is not None and condition_value(given) == item.show_if_value


def visible_items(items: Iterable[Item], answers: Mapping[str, Answer]) -> list[Item]:
    return [item for item in items if is_shown(item, answers)]


def visible_pages(version: InstrumentVersion, answers: Mapping[str, Answer]) -> list[int]:
    """The screens to show, in order: those with at least one question shown."""
    return sorted({item.page for item in visible_items(items_of(version), answers)})


def parse_answer(item: Item, value: Any) -> Answer | None:
    """The typed answer for a raw value (JSON or form text); AnswerError when unusable."""
    if value is None or value == "":
        return None
    if item.scale == Scale.YES_NO:
        if isinstance(value, bool):
            return value
        if value in ("yes", "no"):
            return bool(value == "yes")
        raise AnswerError(item.key, "answer true or false (yes or no)")
    if item.scale == Scale.RANGE:
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(item.key, "answer a whole number")
        low, high = item.min_value or 0, item.max_value or 0
        if not low <= value <= high:
            raise AnswerError(item.key, f"answer a number from {low} to {high}")
        return int(value)
    allowed = [str(choice.get("value")) for choice in item.choices]
    if not isinstance(value, str) or value not in allowed:
        raise AnswerError(item.key, f"answer one of {', '.join(allowed)}")
    return value


def parse_answers(version: InstrumentVersion, raw: Mapping[str, Any]) -> dict[str, Answer]:
    """Typed answers for a whole instrument. Unknown items and bad values raise AnswerError."""
    by_key = {item.key: item for item in items_of(version)}
    answers: dict[str, Answer] = {}
    for key, value in raw.items():
        if key not in by_key:
            raise AnswerError(key, f"unknown item for {version.instrument.code}")
        parsed = parse_answer(by_key[key], value)
        if parsed is not None:
            answers[key] = parsed
    return answers


def _triggers(item: Item, value: Answer, threshold: int) -> bool:
    if item.scale == Scale.YES_NO:
        return value is True
    if item.scale == Scale.RANGE:
        return isinstance(value, int) and value >= threshold
    return any(
        str(choice.get("value")) == value and choice.get("triggers") for choice in item.choices
    )


def evaluate(version: InstrumentVersion, answers: Mapping[str, Answer]) -> Evaluation:
    """What the answers mean; typed answers as from parse_answers. Stores nothing."""
    score: int | None = None
    safety = False
    needs: list[str] = []
    contact: list[str] = []
    for item in visible_items(items_of(version), answers):
        value = answers.get(item.key)
        if value is None:
            continue
        if item.role == Role.DISTRESS and isinstance(value, int) and not isinstance(value, bool):
            score = value
            safety = safety or value >= version.safety_threshold
        elif item.role == Role.CONTACT:
            if value is True and item.domain and item.domain.code not in contact:
                contact.append(item.domain.code)
        elif item.role in (Role.PROBLEM, Role.SAFETY) and _triggers(item, value, version.threshold):
            safety = safety or item.role == Role.SAFETY
            needs.extend(need.code for need in item.needs.all() if need.code not in needs)
    return Evaluation(
        score=score,
        above_threshold=score is not None and score >= version.threshold,
        safety_alert=safety,
        needs=needs,
        wants_contact=contact,
    )
