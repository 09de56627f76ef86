"""``GET /api/v1/needs/match``: free text to taxonomy needs."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from beoncosup.core.i18n_text import default_language
from beoncosup.search.needs import understand
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
    score: float = Field(
        description="0-1, calibrated: the estimated chance that this is a need the person "
        "meant, the same scale in every language."
    )
    confident: bool = Field(
        description="True when the score reaches the threshold: the need was understood. "
        "False for a suggestion to offer, not to act on."
    )


class SegmentOut(Schema):
    text: str = Field(description="A clause of `q`, as recognised.")
    codes: list[str] = Field(description="The needs understood from this clause (maybe none).")


class MatchOut(Schema):
    understood: bool = Field(
        description="False when the matcher is not sure what `q` means: `results` then holds "
        "the 3 closest needs as suggestions, none confident."
    )
    results: list[NeedMatchOut]
    segments: list[SegmentOut] = Field(
        description="The clauses of `q` (`moe, en bang om ...` is two) and their needs."
    )


@router.get(
    "/needs/match",
    response=MatchOut,
    summary="Needs that match free text, best first",
    description=(
        "Understands everyday words, paraphrase and several needs in one sentence in Dutch, "
        "French, German and English (a multilingual sentence model fused with the taxonomy's "
        "labels and lay synonyms). Confident needs come first, in the order the text names "
        "them; below the threshold the answer is `understood: false` with three suggestions."
    ),
)
def needs_match(request: HttpRequest, params: Query[MatchParams]) -> MatchOut:
    language = params.lang or default_language()
    found = understand(params.q, language, limit=params.limit)
    return MatchOut(
        understood=found.understood,
        results=[
            NeedMatchOut(code=m.code, label=m.label, score=m.score, confident=m.confident)
            for m in found.results
        ],
        segments=[SegmentOut(text=s.text, codes=list(s.codes)) for s in found.segments],
    )
