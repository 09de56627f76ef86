"""Reads for the navigator: the region from a postcode and the measures that apply.

The wizard (views.py) and ``GET /api/v1/navigator`` (api.py) both call ``checklist``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from beoncosup.geo.selectors import municipalities_for_postcode
from beoncosup.navigator.enums import Region
from beoncosup.navigator.models import Measure, MeasureSource

# The navigator's statuses → the finder's (and the directory's) employment statuses. The finder
# has no separate code for contract staff in the public sector: they fall under the employee
# rules (domain facts 3.4), so they are "employee" there.
FINDER_STATUS = {
    "employee": "employee",
    "contractual_public": "employee",
    "civil_servant": "civil_servant",
    "self_employed": "self_employed",
    "self_employed_secondary": "self_employed_secondary",
    "job_seeker": "job_seeker",
    "student": "student",
    "other": "other",
}
# Who needs the help, for the finder: relatives look for help for themselves; employers and
# professionals look on behalf of the person with cancer.
FINDER_AUDIENCE = {
    "patient": "patient",
    "relative": "relative",
    "employer": "patient",
    "professional": "patient",
}


class UnknownPostcodeError(ValueError):
    pass


@dataclass(frozen=True)
class Answers:
    """What a person told the navigator. None: not asked or not known (then that condition
    does not filter)."""

    audience: str
    status: str | None = None
    postcode: str | None = None
    situation: str | None = None
    duration: str | None = None


@dataclass
class Checklist:
    answers: Answers
    regions: list[str]  # navigator region codes, usually one (a few postcodes span two)
    measures: list[Measure] = field(default_factory=list)
    as_of: dt.date | None = None  # the oldest "rules as of" date among the measures

    @property
    def region(self) -> str | None:
        return self.regions[0] if self.regions else None


def regions_for_postcode(postcode: str) -> list[str]:
    """The navigator regions of a postcode: Flanders, Wallonia, Brussels, or the German-speaking
    Community instead of Wallonia for its nine municipalities. Raises UnknownPostcodeError."""
    codes: list[str] = []
    for municipality in municipalities_for_postcode(postcode):
        code = (
            Region.GERMAN_SPEAKING if municipality.community == "de" else municipality.region.code
        )
        if code in Region.values and code not in codes:
            codes.append(str(code))
    if not codes:
        raise UnknownPostcodeError(postcode)
    return sorted(codes)


def _applies(values: list[str], answer: str | None) -> bool:
    return not values or answer is None or answer in values


def _applies_to_any(values: list[str], answers: list[str]) -> bool:
    return not values or not answers or any(answer in values for answer in answers)


def valid_measures(*, today: dt.date | None = None) -> QuerySet[Measure]:
    """Measures in force today (valid_from ≤ today ≤ valid_until, open ends allowed), with
    their sources and article, in checklist order."""
    today = today or timezone.localdate()
    measures: QuerySet[Measure] = (
        Measure.objects.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .select_related("article")
        .prefetch_related(
            Prefetch("sources", queryset=MeasureSource.objects.order_by("sort_order", "pk"))
        )
        .order_by("priority", "code")
    )
    return measures


def checklist(answers: Answers, *, today: dt.date | None = None) -> Checklist:
    """The measures that apply to ``answers`` today. The conditions are few and stored as JSON
    lists, so they are checked in Python over the (small) set of valid measures: two queries,
    whatever the number of measures. Raises UnknownPostcodeError."""
    regions = regions_for_postcode(answers.postcode) if answers.postcode else []
    measures = [
        measure
        for measure in valid_measures(today=today)
        if _applies(measure.audiences, answers.audience)
        and _applies(measure.statuses, answers.status)
        and _applies(measure.situations, answers.situation)
        and _applies(measure.durations, answers.duration)
        and _applies_to_any(measure.regions, regions)
    ]
    as_of = min((measure.rules_as_of for measure in measures), default=None)
    return Checklist(answers=answers, regions=regions, measures=measures, as_of=as_of)
