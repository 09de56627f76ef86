"""The shared questions as a django-ninja query schema. An operation that asks about the person
takes ``SituationQuery`` (alone or as a base of its own parameters), so the OpenAPI document
lists the kernel's codes and every API validates postcodes and ages like the pages do."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from beoncosup.situation.codes import Audience, CancerType, EmploymentStatus, Phase, Reach
from beoncosup.situation.values import (
    MAX_AGE,
    FieldProblem,
    Situation,
    parse_languages,
    parse_place,
)

# The interface languages as an API parameter type (a Literal, so values stay plain strings);
# a test keeps it equal to codes.Language.
LanguageCode = Literal["nl", "fr", "de", "en"]


class SituationQuery(Schema):
    postcode: str | None = Field(
        None,
        pattern=r"^[1-9][0-9]{3}$",
        description="Belgian postcode where the person lives; one we do not know answers 422.",
    )
    languages: str | None = Field(
        None, pattern=r"^[a-z]{2}(,[a-z]{2})*$", description="Preferred languages, e.g. fr,nl."
    )
    audience: Audience | None = None
    age: int | None = Field(None, ge=0, le=MAX_AGE)
    status: EmploymentStatus | None = None
    phase: Phase | None = None
    reach: Reach | None = Field(
        None,
        description=(
            "How the help can reach the person: travel (no limit), home (home visits, phone "
            "or online) or remote (phone or online only)."
        ),
    )
    cancer_type: CancerType | None = Field(
        None, description="Services limited to other cancer types are left out."
    )

    @field_validator("postcode")
    @classmethod
    def _known_postcode(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return parse_place(value).postcode
        except FieldProblem as problem:
            raise PydanticCustomError(problem.error.code, problem.error.message) from None

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return ",".join(parse_languages([value]))
        except FieldProblem as problem:
            raise PydanticCustomError(problem.error.code, problem.error.message) from None

    def situation(self, *, resolve_place: bool = True) -> Situation:
        values: dict[str, Any] = {
            "postcode": self.postcode,
            "languages": parse_languages([self.languages]) if self.languages else (),
            "audience": _code(self.audience),
            "age": self.age,
            "status": _code(self.status),
            "phase": _code(self.phase),
            "reach": _code(self.reach),
            "cancer_type": _code(self.cancer_type),
        }
        place = parse_place(self.postcode) if self.postcode and resolve_place else None
        return Situation(**values, place=place)


def _code(value: Any) -> str | None:
    return None if value is None else str(value.value if hasattr(value, "value") else value)
