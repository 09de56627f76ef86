"""The person and their situation as one frozen value, parsed and validated in one place.

``situation_parse`` reads the shared questions from a query string, a form or an API call and
returns a ``Situation`` or raises ``SituationError`` with structured field errors (field name →
messages in the active language). The finder, navigator and self-check ask these questions
through ``forms.SituationForm`` and ``api.SituationQuery``, which call the same parsers, so an
answer given in one journey means the same in every other (``Situation.query`` hands it on).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.translation import gettext as _

from beoncosup.situation.codes import (
    Audience,
    CancerType,
    EmploymentStatus,
    Language,
    Phase,
    Reach,
    age_band,
    eligibility_status,
    seeker_audience,
)
from beoncosup.situation.places import Place, place_for_postcode, place_for_text

LANGUAGE_CODES = tuple(str(code) for code in Language)
MAX_AGE = 120
# The query parameters of the shared questions, in the order they are written back.
FIELDS = ("postcode", "languages", "audience", "age", "status", "phase", "reach", "cancer_type")
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}$")


@dataclass(frozen=True)
class FieldError:
    code: str  # machine-readable: invalid, unknown, out_of_range
    message: str  # for people, in the active language


class SituationError(ValueError):
    """One or more answers are unusable; ``errors`` maps each field to its problems."""

    def __init__(self, errors: Mapping[str, list[FieldError]]) -> None:
        self.errors = {name: list(problems) for name, problems in errors.items()}
        super().__init__(
            "; ".join(f"{name}: {p.message}" for name, ps in self.errors.items() for p in ps)
        )

    def messages(self) -> dict[str, list[str]]:
        return {name: [p.message for p in problems] for name, problems in self.errors.items()}


class FieldProblem(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.error = FieldError(code, message)


def _given(value: Any) -> bool:
    """An answer was given (0 is an age; None, "" and no languages are not answers)."""
    return value not in (None, "", ())


@dataclass(frozen=True)
class Situation:
    """What a person told us about themselves. None or empty: not asked or not known, and then
    that answer filters nothing."""

    postcode: str | None = None
    languages: tuple[str, ...] = ()
    audience: str | None = None
    age: int | None = None
    status: str | None = None
    phase: str | None = None
    reach: str | None = None
    cancer_type: str | None = None
    # Resolved from the postcode (municipality, arrondissement, province, region); not an answer.
    place: Place | None = field(default=None, compare=False)

    @property
    def is_empty(self) -> bool:
        return not any(_given(getattr(self, name)) for name in FIELDS)

    @property
    def eligibility_status(self) -> str | None:
        return eligibility_status(self.status)

    @property
    def seeker_audience(self) -> str | None:
        return seeker_audience(self.audience)

    @property
    def age_band(self) -> str | None:
        return age_band(self.age)

    @property
    def region(self) -> str | None:
        return self.place.region if self.place else None

    def query(self) -> list[tuple[str, str]]:
        """The answers as query parameters (repeated ``languages``), to hand to another journey."""
        pairs: list[tuple[str, str]] = []
        for name in FIELDS:
            value = getattr(self, name)
            if name == "languages":
                pairs += [("languages", code) for code in value]
            elif _given(value):
                pairs.append((name, str(value)))
        return pairs

    def merged(self, earlier: Situation | None) -> Situation:
        """These answers, completed with ``earlier`` ones where this one has none."""
        if earlier is None:
            return self
        filled = {
            name: getattr(earlier, name)
            for name in FIELDS
            if not _given(getattr(self, name)) and _given(getattr(earlier, name))
        }
        if "postcode" in filled:
            filled["place"] = earlier.place
        return replace(self, **filled) if filled else self

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe form (for the memory cookie); ``situation_from_dict`` reads it back."""
        return {
            name: list(v) if isinstance(v := getattr(self, name), tuple) else v for name in FIELDS
        }


# Parsers: one per question, used by situation_parse, the form and the API schema alike.


def _choice(value: str, codes: Iterable[str], message: str) -> str:
    if value not in set(codes):
        raise FieldProblem("invalid", message)
    return value


def parse_place(text: str) -> Place:
    """The place of a known Belgian postcode, from "9000", "9000 Gent" or a municipality name."""
    text = text.strip()
    if text.isdigit():
        if not POSTCODE_RE.match(text):
            raise FieldProblem(
                "invalid", _("A Belgian postcode has four digits, for example 9000.")
            )
        place = place_for_postcode(text)
        if place is None:
            raise FieldProblem(
                "unknown",
                _("%(postcode)s is not a Belgian postcode. Check the number.") % {"postcode": text},
            )
        return place
    place = place_for_text(text)
    if place is None:
        raise FieldProblem(
            "unknown",
            _("We do not know %(place)s. Type a postcode, for example 9000.") % {"place": text},
        )
    return place


def parse_postcode(text: str) -> str:
    return parse_place(text).postcode


def parse_languages(values: Iterable[str]) -> tuple[str, ...]:
    """Repeated (languages=fr&languages=nl) or a comma list (languages=fr,nl)."""
    codes = [part.strip() for value in values for part in value.split(",") if part.strip()]
    for code in codes:
        if code not in LANGUAGE_CODES:
            raise FieldProblem(
                "invalid", _("We do not know the language %(value)s.") % {"value": code}
            )
    return tuple(dict.fromkeys(codes))


def parse_age(text: str) -> int:
    try:
        age = int(text.strip())
    except ValueError:
        raise FieldProblem("invalid", _("Enter the age as a whole number of years.")) from None
    if not 0 <= age <= MAX_AGE:
        raise FieldProblem("out_of_range", _("Enter an age from 0 to %(max)s.") % {"max": MAX_AGE})
    return age


def parse_audience(text: str) -> str:
    return _choice(text, Audience.values, _("Choose who needs the help from the list."))


def parse_status(text: str) -> str:
    return _choice(text, EmploymentStatus.values, _("Choose a work status from the list."))


def parse_phase(text: str) -> str:
    return _choice(text, Phase.values, _("Choose a treatment phase from the list."))


def parse_reach(text: str) -> str:
    return _choice(text, Reach.values, _("Choose how the help can reach the person."))


def parse_cancer_type(text: str) -> str:
    return _choice(text, CancerType.values, _("Choose a type of cancer from the list."))


SINGLE_PARSERS: dict[str, Any] = {
    "postcode": parse_place,
    "age": parse_age,
    "audience": parse_audience,
    "status": parse_status,
    "phase": parse_phase,
    "reach": parse_reach,
    "cancer_type": parse_cancer_type,
}


def _values(data: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(data, "getlist", None)
    raw = getlist(name) if callable(getlist) else data.get(name)
    if raw is None:
        return []
    if isinstance(raw, (list, tuple)):
        return [str(v) for v in raw]
    return [str(raw)]


def situation_parse(
    data: Mapping[str, Any],
    *,
    fields: Iterable[str] = FIELDS,
    allowed: Mapping[str, Iterable[str]] | None = None,
) -> Situation:
    """The shared answers in ``data`` (a QueryDict, a form's data or a plain dict). Only
    ``fields`` are read; ``allowed`` narrows a field's codes for one journey (the self-check asks
    only patient or relative). Empty values mean "not given". Raises SituationError naming every
    field that is wrong; single-valued fields given twice are refused."""
    errors: dict[str, list[FieldError]] = {}
    values: dict[str, Any] = {}
    for name in fields:
        raw = [v for v in _values(data, name) if v.strip()]
        try:
            if name == "languages":
                values[name] = parse_languages(raw)
                continue
            if not raw:
                continue
            if len(raw) > 1:
                raise FieldProblem("repeated", _("Give one value only."))
            value = SINGLE_PARSERS[name](raw[0])
            if isinstance(value, Place):
                values["place"] = value
                value = value.postcode
            if allowed and name in allowed and str(value) not in {str(a) for a in allowed[name]}:
                raise FieldProblem("invalid", _("This answer is not one of the choices here."))
            values[name] = value
        except FieldProblem as problem:
            errors.setdefault(name, []).append(problem.error)
    if errors:
        raise SituationError(errors)
    return Situation(**values)


def situation_from_dict(data: Mapping[str, Any]) -> Situation | None:
    """A situation stored by ``Situation.to_dict``, without looking its postcode up again (its
    ``place`` stays None); None when it no longer parses (a code list changed)."""
    postcode = data.get("postcode")
    if postcode is not None and not (isinstance(postcode, str) and POSTCODE_RE.match(postcode)):
        return None
    try:
        situation = situation_parse(data, fields=[f for f in FIELDS if f != "postcode"])
    except SituationError:
        return None
    return replace(situation, postcode=postcode)
