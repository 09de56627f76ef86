"""``/api/v1/selfcheck/…``: the self-check instruments and a stateless evaluation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.screening import selectors
from beoncosup.screening.models import InstrumentVersion, Item
from beoncosup.situation.api import LanguageCode

router = Router(tags=["Self-check"])
Language = LanguageCode


class LangParams(Schema):
    lang: Language | None = None


class EvaluateIn(Schema):
    instrument: str = Field(..., max_length=40, description="Instrument code, e.g. patient.")
    answers: dict[str, Any] = Field(
        default_factory=dict,
        description="Item id → answer: true/false for yes_no, a whole number for range, the "
        "choice value for choice.",
    )
    lang: Language | None = None


class EvaluateOut(Schema):
    score: int | None
    above_threshold: bool
    safety_alert: bool
    needs: list[str]
    wants_contact: list[str]


class Error(Schema):
    detail: str


def _text(value: dict[str, str], language: str) -> str | None:
    picked = pick(value, language)
    return picked.text if picked else None


def _item(item: Item, language: str) -> dict[str, Any]:
    return {
        "id": item.key,
        "domain": item.domain.code if item.domain else None,
        "text": _text(item.text, language),
        "role": item.role,
        "page": item.page,
        "scale": {
            "type": item.scale,
            "min": item.min_value,
            "max": item.max_value,
            "choices": [
                {
                    "value": str(choice.get("value")),
                    "label": _text(choice.get("label", {}), language),
                }
                for choice in item.choices
            ],
        },
        "needs": [need.code for need in item.needs.all()],
        "show_if": (
            {"item": item.show_if_item, "value": item.show_if_value} if item.show_if_item else None
        ),
    }


def _summary(version: InstrumentVersion, language: str) -> dict[str, Any]:
    return {
        "code": version.instrument.code,
        "version": version.number,
        "title": _text(version.instrument.title, language),
        "audience": version.instrument.audience,
        "threshold": version.threshold,
        "safety_threshold": version.safety_threshold,
    }


@router.get("/selfcheck/instruments", summary="The self-check instruments (current versions)")
def instruments(request: HttpRequest, params: Query[LangParams]) -> dict[str, Any]:
    language = params.lang or default_language()
    return {"results": [_summary(v, language) for v in selectors.current_versions()]}


@router.get(
    "/selfcheck/instruments/{code}",
    summary="One instrument's current version with its questions",
    response={200: dict[str, Any], 404: Error},
)
def instrument(request: HttpRequest, code: str, params: Query[LangParams]) -> Any:
    language = params.lang or default_language()
    try:
        version = selectors.current_version(code)
    except selectors.InstrumentNotFound:
        raise HttpError(404, f"instrument: unknown instrument {code!r}") from None
    return {
        **_summary(version, language),
        "items": [_item(item, language) for item in selectors.items_of(version)],
    }


@router.post(
    "/selfcheck/evaluate",
    summary="What a set of answers means (stores nothing)",
    response={200: EvaluateOut, 422: Error},
)
def evaluate(request: HttpRequest, payload: EvaluateIn) -> Any:
    try:
        version = selectors.current_version(payload.instrument)
    except selectors.InstrumentNotFound:
        raise HttpError(422, f"instrument: unknown instrument {payload.instrument!r}") from None
    try:
        answers = selectors.parse_answers(version, payload.answers)
    except selectors.AnswerError as error:
        raise HttpError(422, f"answers.{error.item}: {error.message}") from None
    return selectors.evaluate(version, answers)
