"""``GET /api/v1/needs/match``: free text to taxonomy needs."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from beoncosup.core.i18n_text import default_language
from beoncosup.search.needs import match_needs
from beoncosup.situation.api import LanguageCode

router = Router(tags=["Needs"])


class MatchParams(Schema):
    q: str = Field(min_length=1, max_length=300, description="What the person said or typed.")
    lang: LanguageCode | None = Field(
        None, description="Language of the text and of the labels; else Accept-Language."
    )
    limit: int = Field(10, ge=1, le=50)


class NeedMatchOut(Schema):
    code: str
    label: str
    score: float


class MatchOut(Schema):
    results: list[NeedMatchOut]


@router.get("/needs/match", response=MatchOut, summary="Needs that match free text, best first")
def needs_match(request: HttpRequest, params: Query[MatchParams]) -> MatchOut:
    language = params.lang or default_language()
    matches = match_needs(params.q, language, limit=params.limit)
    return MatchOut(
        results=[NeedMatchOut(code=m.code, label=m.label, score=m.score) for m in matches]
    )
