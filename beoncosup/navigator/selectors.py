"""Reads for the navigator: the region from a postcode and the measures that apply.

The wizard (views.py) and ``GET /api/v1/navigator`` (api.py) both call ``checklist``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from beoncosup.navigator.models import Measure, MeasureSource
from beoncosup.situation.places import place_for_postcode
from beoncosup.situation.values import Situation


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

    def person(self) -> Situation:
        """Who the person is, as the kernel's Situation (to hand on to other journeys)."""
        return Situation(audience=self.audience, status=self.status, postcode=self.postcode)


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
    """The regions of a postcode (the kernel's: Flanders, Wallonia, Brussels, or the
    German-speaking Community instead of Wallonia for its nine municipalities). Raises
    UnknownPostcodeError."""
    place = place_for_postcode(postcode)
    if place is None:
        raise UnknownPostcodeError(postcode)
    return sorted(place.regions)


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
