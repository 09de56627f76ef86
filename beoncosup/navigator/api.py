"""``GET /api/v1/navigator``: the measures that apply to a person, as JSON (docs/navigator.md)."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from pydantic.config import JsonDict

from beoncosup.core.i18n_text import default_language
from beoncosup.core.schemas import Out, Problem
from beoncosup.navigator.enums import Duration, Situation
from beoncosup.navigator.items import ChecklistItem, checklist_item
from beoncosup.navigator.selectors import Answers, UnknownPostcodeError, checklist
from beoncosup.situation.api import LanguageCode
from beoncosup.situation.codes import EmploymentStatus

router = Router(tags=["Navigator"])
DATE: JsonDict = {"format": "date"}


class NavigatorParams(Schema):
    audience: Literal["patient", "relative", "employer", "professional"] = Field(
        description="Who asks: the person with cancer, a relative, an employer or a professional."
    )
    status: EmploymentStatus | None = Field(
        None, description="Employment status (of the employee, for an employer)."
    )
    postcode: str | None = Field(
        None,
        pattern=r"^[1-9][0-9]{3}$",
        description="Belgian postcode where the person lives; one we do not know answers 422.",
    )
    situation: Situation | None = None
    duration: Duration | None = Field(None, description="How long the person has been ill.")
    lang: LanguageCode | None = None


class SourceOut(Out):
    title: str = Field(description="The official source the measure is checked against.")
    url: str | None
    date: str = Field(description="When the source was read (ISO date).", json_schema_extra=DATE)


class MeasureOut(Out):
    code: str = Field(description="The measure's stable code.")
    title: str | None
    summary: str | None
    next_steps: str | None = Field(description="What to do now.")
    contact: str | None = Field(description="Who to contact, in words.")
    contacts: list[str] = Field(description="Who to contact, as codes (employer, mutuality, …).")
    change_note: str | None = Field(description="What changed recently, if anything.")
    article_url: str | None = Field(description="Path of the site's article about it.")
    finder_url: str | None = Field(description="Path of the finder, asking for matching services.")
    sources: list[SourceOut]
    valid_from: str | None = Field(description="In force since (ISO date).", json_schema_extra=DATE)
    valid_until: str | None = Field(
        description="In force until (ISO date).", json_schema_extra=DATE
    )
    rules_as_of: str = Field(
        description="The date the rules were last checked (ISO date).", json_schema_extra=DATE
    )
    language: str | None = Field(description="The language of the texts (see `lang`).")
    is_demo: bool = Field(description="An example measure, not checked for real use.")


class NavigatorOut(Out):
    region: str | None = Field(description="The navigator region of the postcode, else null.")
    regions: list[str] = Field(description="Both regions when a postcode spans two.")
    measures: list[MeasureOut]


def _measure(item: ChecklistItem) -> MeasureOut:
    def text(value: Any) -> str | None:
        return value.text if value else None

    return MeasureOut(
        code=item.code,
        title=text(item.title),
        summary=text(item.summary),
        next_steps=text(item.next_steps),
        contact=text(item.contact),
        contacts=[code for code, _label in item.contacts],
        change_note=text(item.change_note),
        article_url=item.article_url,
        finder_url=item.finder_url,
        sources=[
            SourceOut(title=s.title, url=s.url or None, date=s.date.isoformat())
            for s in item.sources
        ],
        valid_from=item.valid_from.isoformat() if item.valid_from else None,
        valid_until=item.valid_until.isoformat() if item.valid_until else None,
        rules_as_of=item.rules_as_of.isoformat(),
        language=item.title.language if item.title else None,
        is_demo=item.is_demo,
    )


@router.get(
    "/navigator",
    url_name="navigator",
    response={200: NavigatorOut, 422: Problem},
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
def navigator(request: HttpRequest, params: Query[NavigatorParams]) -> NavigatorOut:
    language = params.lang or default_language()
    answers = Answers(
        audience=params.audience,
        status=params.status.value if params.status else None,
        postcode=params.postcode,
        situation=params.situation.value if params.situation else None,
        duration=params.duration.value if params.duration else None,
    )
    try:
        result = checklist(answers)
    except UnknownPostcodeError:
        raise HttpError(422, f"postcode: we do not know the postcode {params.postcode}.") from None
    return NavigatorOut(
        region=result.region,
        regions=result.regions,
        measures=[
            _measure(checklist_item(m, language=language, answers=answers, request=request))
            for m in result.measures
        ],
    )
