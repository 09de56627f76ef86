"""The matcher: find, filter, rank and explain the entries of any registered catalogue
(situation.catalogues) that fit a person (docs/finder.md, "Ranking").

Candidates are the entries addressing a selected need plus those the free text finds in the
search index; search.matching.eligibility keeps those the person can use. Scores and reasons
are computed for the page shown only. The finder asks it for services; every other catalogue
(courses, network members, studies, jobs) is matched by the same code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, override

from beoncosup.directory.enums import WaitingBand
from beoncosup.geo.selectors import area_codes_for_postcode, postcode_points
from beoncosup.search.matching.criteria import DEFAULT_MAX_KM, PAGE_SIZE, Criteria, CriteriaError
from beoncosup.search.matching.eligibility import (
    Candidate,
    Place,
    nearest_km,
    prefilter,
    serves_area,
    within_reach,
)
from beoncosup.search.matching.relaxations import Relaxation, relaxations_find
from beoncosup.search.needs import understand
from beoncosup.search.selectors import search_scores, text_query
from beoncosup.search.vocabulary import suggest
from beoncosup.situation.catalogues import catalogue_get
from beoncosup.taxonomy.models import Need

MAX_TEXT_NEEDS = 4  # needs understood from the free text (one per clause, at most four)
# Ranking weights (sum 1): need coverage, text relevance, distance, language, freshness.
WEIGHTS = {"coverage": 0.45, "relevance": 0.15, "distance": 0.2, "language": 0.1, "fresh": 0.1}
REMOTE_DISTANCE_SCORE = 0.7
FRESH_DAYS = 365
MAX_ALTERNATIVES = 3
# One phrase per language: grammar differs ("parle néerlandais", "spricht Niederländisch").
SPEAKS = {
    "nl": gettext_lazy("speaks Dutch"),
    "fr": gettext_lazy("speaks French"),
    "de": gettext_lazy("speaks German"),
    "en": gettext_lazy("speaks English"),
}


DOES_NOT_SPEAK = {
    "nl": gettext_lazy("does not speak Dutch"),
    "fr": gettext_lazy("does not speak French"),
    "de": gettext_lazy("does not speak German"),
    "en": gettext_lazy("does not speak English"),
}
# Language tiers: entries that speak one of the person's languages come first, then those that
# say nothing about languages, then those that speak none of them (issue #12).
SPEAKS_ONE, LANGUAGE_UNKNOWN, NO_LANGUAGE = 0, 1, 2


def wanted_languages(criteria: Criteria) -> frozenset[str]:
    """The person's languages, or the page's language when they named none."""
    return frozenset(criteria.languages) or frozenset({criteria.lang})


def language_tier(candidate: Candidate, wanted: frozenset[str]) -> int:
    offered = candidate.languages
    if offered & wanted:
        return SPEAKS_ONE
    return NO_LANGUAGE if offered else LANGUAGE_UNKNOWN


def _does_not_speak(criteria: Criteria) -> str:
    wanted = sorted(wanted_languages(criteria))
    if len(wanted) == 1 and wanted[0] in DOES_NOT_SPEAK:
        return str(DOES_NOT_SPEAK[wanted[0]])
    return _("speaks none of your languages")


@dataclass(frozen=True)
class Match:
    """An entry that fits, with why."""

    object_id: str
    score: float
    distance_km: float | None  # to its nearest place, rounded to 100 m; None when unknown
    matched_needs: list[str]
    reasons: list[str]


@dataclass
class MatchResult:
    kind: str
    needs: list[str]
    matches: list[Match]  # the page asked for, best first
    total: int
    page: int
    coverage: dict[str, int] = field(default_factory=dict)  # need -> entries that fit
    # Needs the free text `q` was matched to (a subset of `needs`), for the page to show them.
    text_needs: list[str] = field(default_factory=list)
    # When the matcher is not sure what `q` means: the closest needs, offered to pick from.
    text_unsure: list[str] = field(default_factory=list)
    # "Did you mean …?": the free text with misspelt words replaced, or None.
    suggestion: str | None = None
    # For each unmet need, the nearest, national or online entries the person could still use
    # (outside the distance or area limits, or their preferences), best first.
    alternatives: dict[str, list[Match]] = field(default_factory=dict)
    # When nothing fits: which of the person's preferences would change that, and how much.
    relaxations: list[Relaxation] = field(default_factory=list)

    @property
    def unmet(self) -> list[str]:
        """The needs no entry fits: the honest empty state names them, one by one."""
        return [code for code in self.needs if not self.coverage.get(code)]


def resolve_needs(criteria: Criteria) -> tuple[list[str], dict[str, float], list[str]]:
    """The selected need codes (checked) plus the needs the free text is confidently about,
    with each need's relevance (1 for picked needs, the match score for typed ones), and, when
    the matcher is not sure what the text means, the closest needs to offer instead."""
    known = set(Need.objects.filter(code__in=criteria.needs).values_list("code", flat=True))
    unknown = [code for code in criteria.needs if code not in known]
    if unknown:
        raise CriteriaError(f"need: unknown need code(s) {', '.join(unknown)}")
    relevance = dict.fromkeys(criteria.needs, 1.0)
    unsure: list[str] = []
    if criteria.q.strip():
        understood = understand(criteria.q, criteria.lang, limit=MAX_TEXT_NEEDS)
        for found in understood.confident:
            if found.code not in relevance:
                relevance[found.code] = found.score
        if not understood.understood:
            unsure = [m.code for m in understood.results if m.code not in relevance]
    return list(relevance), relevance, unsure


def _place(postcode: str | None) -> Place | None:
    if not postcode:
        return None
    points = list(postcode_points(postcode).values_list("latitude", "longitude"))
    if not points:
        raise CriteriaError(f"postcode: {postcode} is not a Belgian postcode")
    return Place(
        latitude=sum(p[0] for p in points) / len(points),
        longitude=sum(p[1] for p in points) / len(points),
        area_codes=frozenset(area_codes_for_postcode(postcode)),
    )


def _capacity_reasons(candidate: Candidate) -> list[str]:
    """What its provider says about new referrals (issue #15), in the active language."""
    if candidate.closed:
        return [_("Not taking new referrals at the moment")]
    if candidate.waiting_band in WaitingBand.values:
        return [_("Waiting list: %(band)s") % {"band": WaitingBand(candidate.waiting_band).label}]
    return []


def _reasons(candidate: Candidate, criteria: Criteria, needs: list[str]) -> list[str]:
    """Why an entry is listed, in the person's language."""
    with override(criteria.lang):
        if candidate.needs or not criteria.q.strip():
            # The noun agrees with the count ("1 besoin sur 13", "2 besoins sur 13").
            reasons = [
                ngettext(
                    "covers %(count)s need of %(total)s",
                    "covers %(count)s needs of %(total)s",
                    len(candidate.needs),
                )
                % {"count": len(candidate.needs), "total": len(needs)}
            ]
        else:
            reasons = [_("matches the words you typed")]
        if language_tier(candidate, wanted_languages(criteria)) == NO_LANGUAGE:
            reasons.append(_does_not_speak(criteria))
        distance = candidate.distance_km
        if candidate.remote:
            reasons.append(_("by phone or online"))
        elif candidate.home_visit:
            reasons.append(_("visits people at home in your area"))
        elif distance is not None:
            reasons.append(_("%(km)s km away") % {"km": round(distance)})
        for code in criteria.languages:
            if code in candidate.languages and code in SPEAKS:
                reasons.append(str(SPEAKS[code]))
        reasons += _capacity_reasons(candidate)
        if "free" in candidate.costs:
            reasons.append(_("free"))
        if "self_referral" in candidate.access:
            reasons.append(_("no referral needed"))
        if candidate.assured_date:
            months = max((timezone.localdate() - candidate.assured_date).days // 30, 0)
            reasons.append(
                _("verified this month")
                if months == 0
                else ngettext(
                    "verified %(months)s month ago",
                    "verified %(months)s months ago",
                    months,
                )
                % {"months": months}
            )
        return reasons


class _Scorer:
    """The ranking formula (docs/finder.md), with what is the same for every candidate worked
    out once: thousands of candidates are scored per search at 100,000 services."""

    def __init__(
        self,
        criteria: Criteria,
        relevance: dict[str, float],
        text_scores: dict[str, float],
        today: dt.date,
    ) -> None:
        self.relevance = relevance
        # Picked needs all weigh 1: then relevance is 1 for any service that covers one.
        self.uniform = all(value == 1.0 for value in relevance.values())
        self.text_scores = text_scores
        self.typed = bool(criteria.q.strip())
        self.limit = criteria.max_km or DEFAULT_MAX_KM
        self.wanted = wanted_languages(criteria)
        self.fresh_since = (today - dt.timedelta(FRESH_DAYS)).isoformat()

    def __call__(self, candidate: Candidate) -> float:
        matched = candidate.needs
        coverage = len(matched) / max(len(self.relevance), 1)
        if not matched:
            need_relevance = 0.0
        elif self.uniform:
            need_relevance = 1.0
        else:
            need_relevance = sum(self.relevance[code] for code in matched) / len(matched)
        if self.typed:
            text = (need_relevance + self.text_scores.get(candidate.object_id, 0.0)) / 2
        else:
            text = need_relevance
        distance = candidate.distance_km
        if candidate.remote:
            near = REMOTE_DISTANCE_SCORE
        elif distance is None:
            near = 0.5
        else:
            near = max(0.0, 1 - distance / self.limit)
        offered = candidate.languages
        language = 1.0 if offered & self.wanted else (0.0 if offered else 0.5)
        verified = candidate.verified  # ISO dates: string order is date order
        fresh = 1.0 if verified and verified >= self.fresh_since else 0.3
        return round(
            WEIGHTS["coverage"] * coverage
            + WEIGHTS["relevance"] * text
            + WEIGHTS["distance"] * near
            + WEIGHTS["language"] * language
            + WEIGHTS["fresh"] * fresh,
            4,
        )


ADULT_AGE = 18


def _minors_only(candidate: Candidate) -> bool:
    maximum = candidate.ages[1] if candidate.ages else None
    return maximum is not None and maximum < ADULT_AGE


def _alternatives(
    kind: str, criteria: Criteria, unmet: list[str], place: Place | None, needs: list[str]
) -> dict[str, list[tuple[Candidate, list[str]]]]:
    """For each unmet need, what the person could still use: the person's rights stay
    (status, audience, age, phase, area served), their preferences go (distance, delivery,
    cost, referral, languages). National and online services first, then the nearest."""
    if place is None or not unmet:
        return {}
    relaxed = replace(
        criteria,
        delivery=None,
        reach=None,
        free_only=False,
        self_referral_only=False,
        languages=(),
    )
    usable: dict[str, list[Candidate]] = {code: [] for code in unmet}
    for candidate in prefilter(kind, relaxed, unmet, place):  # one statement for every unmet need
        if criteria.age is None and candidate.ages is not None and _minors_only(candidate):
            # Not offered unasked: support for children or teenagers, to a person whose age we
            # do not know (most who ask are adults; with an age, eligibility checked it).
            continue
        candidate.distance_km = distance = nearest_km(candidate, place)
        if serves_area(candidate, place, distance) and (candidate.remote or distance is not None):
            for code in candidate.needs:
                usable[code].append(candidate)
    result: dict[str, list[tuple[Candidate, list[str]]]] = {}
    for code, found in usable.items():
        # Open ones first: a service closed to new referrals is the last thing to propose.
        found.sort(key=lambda c: (c.closed, not c.remote, c.distance_km or 0.0, c.object_id))
        result[code] = [(c, _reasons(c, criteria, needs)) for c in found[:MAX_ALTERNATIVES]]
    return result


def match(*, kind: str, criteria: Criteria, page_size: int = PAGE_SIZE) -> MatchResult:
    """Ranked, explained entries of the catalogue for the person's needs and situation (one
    page of ``page_size``, PAGE_SIZE unless a caller that lists more on one page asks), with
    coverage per need and alternatives for the unmet ones.

    Raises CriteriaError for an unknown need code or postcode, KeyError for an unknown kind."""
    catalogue_get(kind)
    needs, relevance, unsure = resolve_needs(criteria)
    place = _place(criteria.postcode)
    text_scores: dict[str, float] = {}
    suggestion = None
    if criteria.q.strip():
        text_scores = search_scores(kind, text_query(criteria.q, criteria.lang))
        suggestion = suggest(criteria.q, criteria.lang)
    limit = criteria.max_km or DEFAULT_MAX_KM
    candidates = prefilter(kind, criteria, needs, place, extra_ids=text_scores, max_km=limit)
    coverage = dict.fromkeys(needs, 0)
    ranked: list[tuple[int, bool, float, float, str, Candidate]] = []
    score_of = _Scorer(criteria, relevance, text_scores, timezone.localdate())
    wanted = wanted_languages(criteria)
    for candidate in candidates:
        if place is not None and not within_reach(candidate, criteria, place):
            continue
        for code in candidate.needs:
            coverage[code] += 1
        score = score_of(candidate)
        # The language tier first (one that speaks none of the person's languages comes after
        # every one that does); within it, services closed to new referrals after the open ones
        # (issue #15); then the score; ties: the nearer, then by id.
        ranked.append(
            (
                language_tier(candidate, wanted),
                candidate.closed,
                -score,
                candidate.distance_km or 0.0,
                candidate.object_id,
                candidate,
            )
        )
    ranked.sort(key=lambda row: row[:5])
    start = (criteria.page - 1) * page_size
    page = ranked[start : start + page_size]
    unmet = [code for code in needs if not coverage[code]]
    alternatives = _alternatives(kind, criteria, unmet, place, needs)

    relaxations = (
        relaxations_find(
            kind=kind, criteria=criteria, needs=needs, place=place, extra=list(text_scores)
        )
        if not ranked
        else []
    )

    def found(candidate: Candidate, score: float, reasons: list[str]) -> Match:
        distance = candidate.distance_km
        return Match(
            object_id=candidate.object_id,
            score=score,
            distance_km=round(distance, 1) if distance is not None else None,
            matched_needs=candidate.needs,
            reasons=reasons,
        )

    # Reasons are sentences in the person's language: written for the page shown only.
    return MatchResult(
        kind=kind,
        needs=needs,
        matches=[
            found(candidate, -negative, _reasons(candidate, criteria, needs))
            for _tier, _closed, negative, _near, _id, candidate in page
        ],
        total=len(ranked),
        page=criteria.page,
        coverage=coverage,
        text_needs=[code for code in needs if code not in criteria.needs],
        text_unsure=unsure,
        suggestion=suggestion,
        alternatives={
            code: [found(c, 0.0, reasons) for c, reasons in options]
            for code, options in alternatives.items()
        },
        relaxations=relaxations,
    )
