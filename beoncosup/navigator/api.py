"""``GET /api/v1/navigator``: the measures that apply to a person, as JSON (docs/navigator.md)."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from beoncosup.navigator.items import ChecklistItem, checklist_item
from beoncosup.navigator.selectors import Answers, UnknownPostcodeError, checklist

router = Router(tags=["Navigator"])


class NavigatorParams(Schema):
    audience: Literal["patient", "relative", "employer", "professional"] = Field(
        description="Who asks: the person with cancer, a relative, an employer or a professional."
    )
    status: (
        Literal[
            "employee",
            "contractual_public",
            "civil_servant",
            "self_employed",
            "self_employed_secondary",
            "job_seeker",
            "student",
            "other",
        ]
        | None
    ) = Field(None, description="Employment status (of the employee, for an employer).")
    postcode: str | None = Field(
        None,
        pattern=r"^[1-9][0-9]{3}$",
        description="Belgian postcode where the person lives; one we do not know answers 422.",
    )
    situation: (
        Literal["sick_leave", "working", "resume_partly", "change_job", "caring", "employer"] | None
    ) = None
    duration: Literal["lt1m", "1to12m", "gt12m"] | None = Field(
        None, description="How long the person has been ill."
    )
    lang: Literal["nl", "fr", "de", "en"] | None = None


class SourceOut(Schema):
    title: str
    url: str | None
    date: str


class MeasureOut(Schema):
    code: str
    title: str | None
    summary: str | None
    next_steps: str | None
    contact: str | None
    contacts: list[str]
    change_note: str | None
    article_url: str | None
    finder_url: str | None
    sources: list[SourceOut]
    valid_from: str | None
    valid_until: str | None
    rules_as_of: str
    language: str | None
    is_demo: bool


class NavigatorOut(Schema):
    region: str | None
    regions: list[str]
    measures: list[MeasureOut]


class ErrorOut(Schema):
    detail: str


def _measure(item: ChecklistItem) -> dict[str, Any]:
    def text(value: Any) -> str | None:
        return value.text if value else None

    return {
        "code": item.code,
        "title": text(item.title),
        "summary": text(item.summary),
        "next_steps": text(item.next_steps),
        "contact": text(item.contact),
        "contacts": [code for code, _label in item.contacts],
        "change_note": text(item.change_note),
        "article_url": item.article_url,
        "finder_url": item.finder_url,
        "sources": [
            {"title": s.title, "url": s.url or None, "date": s.date.isoformat()}
            for s in item.sources
        ],
        "valid_from": item.valid_from.isoformat() if item.valid_from else None,
        "valid_until": item.valid_until.isoformat() if item.valid_until else None,
        "rules_as_of": item.rules_as_of.isoformat(),
        "language": item.title.language if item.title else None,
        "is_demo": item.is_demo,
    }


@router.get(
    "/navigator",
    url_name="navigator",
    response={200: NavigatorOut, 422: ErrorOut},
    summary="The rights and measures that apply to a person",
    description=(
        "The same checklist as the “What applies to me?” pages: measures in force today whose "
        "conditions fit the answers (a condition not given does not filter). `region` is the "
        "navigator region of the postcode (BE-VLG, BE-WAL, BE-BRU or BE-DG for the "
        "German-speaking Community); `regions` lists both when a postcode spans two. Texts "
        "are in `lang` (default: the request's language), else the nearest language "
        "available (`language`). Rules: docs/navigator.md."
    ),
)
def navigator(request: HttpRequest, params: Query[NavigatorParams]) -> dict[str, Any]:
    language = params.lang or get_language() or "nl"
    answers = Answers(
        audience=params.audience,
        status=params.status,
        postcode=params.postcode,
        situation=params.situation,
        duration=params.duration,
    )
    try:
        result = checklist(answers)
    except UnknownPostcodeError:
        raise HttpError(422, f"postcode: we do not know the postcode {params.postcode}.") from None
    return {
        "region": result.region,
        "regions": result.regions,
        "measures": [
            _measure(checklist_item(m, language=language, answers=answers, request=request))
            for m in result.measures
        ],
    }
