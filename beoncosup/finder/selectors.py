"""Find, filter and rank the services that fit a person (docs/finder.md, "Ranking").

Eligibility is decided in Python over the services that address at least one selected need,
so SQLite and PostgreSQL give the same answers: work status, audience, age, phase, the area
served (codes or a radius) and, for services met in person, the distance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, override

from beoncosup.directory.models import Service
from beoncosup.finder.criteria import DEFAULT_MAX_KM, PAGE_SIZE, Criteria, CriteriaError
from beoncosup.geo.distance import haversine_km
from beoncosup.geo.selectors import area_codes_for_postcode, postcode_points
from beoncosup.search.needs import match_needs
from beoncosup.taxonomy.models import Need

REMOTE = {"phone", "online"}
MATCH_THRESHOLD = 0.5  # free-text needs: keep matches this strong…
RELATIVE_THRESHOLD = 0.8  # …and nearly as strong as the best one
MAX_TEXT_NEEDS = 3
# Ranking weights (sum 1): need coverage, text relevance, distance, language, freshness.
WEIGHTS = {"coverage": 0.45, "relevance": 0.15, "distance": 0.2, "language": 0.1, "fresh": 0.1}
REMOTE_DISTANCE_SCORE = 0.7
FRESH_DAYS = 365
# One phrase per language: grammar differs ("parle néerlandais", "spricht Niederländisch").
SPEAKS = {
    "nl": gettext_lazy("speaks Dutch"),
    "fr": gettext_lazy("speaks French"),
    "de": gettext_lazy("speaks German"),
    "en": gettext_lazy("speaks English"),
}


@dataclass(frozen=True)
class Hit:
    service: Service
    score: float
    distance_km: float | None
    matched_needs: list[str]
    reasons: list[str]


@dataclass
class FinderResult:
    needs: list[str]
    hits: list[Hit]
    total: int
    page: int
    coverage: dict[str, int] = field(default_factory=dict)
    # Needs the free text `q` was matched to (a subset of `needs`), for the page to show them.
    text_needs: list[str] = field(default_factory=list)
    # "Did you mean …?": the free text with misspelt words replaced, or None.
    suggestion: str | None = None
    # For each unmet need, the nearest, national or online services the person could still
    # use (outside the distance or area limits), best first.
    alternatives: dict[str, list[Hit]] = field(default_factory=dict)

    @property
    def unmet(self) -> list[str]:
        return [code for code in self.needs if not self.coverage.get(code)]


def resolve_needs(criteria: Criteria) -> tuple[list[str], dict[str, float]]:
    """The selected need codes (checked) plus the needs the free text is about, with each
    need's relevance (1 for picked needs, the match score for typed ones)."""
    known = set(Need.objects.filter(code__in=criteria.needs).values_list("code", flat=True))
    unknown = [code for code in criteria.needs if code not in known]
    if unknown:
        raise CriteriaError(f"need: unknown need code(s) {', '.join(unknown)}")
    relevance = dict.fromkeys(criteria.needs, 1.0)
    if criteria.q.strip():
        matches = match_needs(criteria.q, criteria.lang, limit=MAX_TEXT_NEEDS)
        # Keep strong matches only: near the best one and above an absolute floor.
        floor = max(MATCH_THRESHOLD, RELATIVE_THRESHOLD * matches[0].score) if matches else 1
        for match in matches:
            if match.score >= floor and match.code not in relevance:
                relevance[match.code] = match.score
    return list(relevance), relevance


def _candidates(needs: Iterable[str]) -> QuerySet[Service]:
    queryset: QuerySet[Service] = (
        Service.objects.filter(needs__code__in=list(needs), status="active")
        .distinct()
        .select_related("organization")
        .prefetch_related(
            "needs",
            "service_areas",
            "languages",
            "phones",
            "service_at_locations__location",
        )
    )
    return queryset


@dataclass(frozen=True)
class _Place:
    latitude: float
    longitude: float
    area_codes: frozenset[str]


def _place(postcode: str | None) -> _Place | None:
    if not postcode:
        return None
    points = list(postcode_points(postcode).values_list("latitude", "longitude"))
    if not points:
        raise CriteriaError(f"postcode: {postcode} is not a Belgian postcode")
    return _Place(
        latitude=sum(p[0] for p in points) / len(points),
        longitude=sum(p[1] for p in points) / len(points),
        area_codes=frozenset(area_codes_for_postcode(postcode)),
    )


def _nearest_km(service: Service, place: _Place) -> float | None:
    distances = [
        haversine_km(place.latitude, place.longitude, loc.latitude, loc.longitude)
        for sal in service.service_at_locations.all()
        if (loc := sal.location).latitude is not None and loc.longitude is not None
    ]
    return min(distances) if distances else None


def _serves_area(service: Service, place: _Place, distance: float | None) -> bool:
    areas = list(service.service_areas.all())
    if not areas:
        return True  # whoever can reach it: the distance decides
    for area in areas:
        if area.code and area.code in place.area_codes:
            return True
        if area.radius_km and distance is not None and distance <= area.radius_km:
            return True
    return False


def _fits_person(service: Service, criteria: Criteria) -> bool:
    """Work status, audience, age, phase and the filters. An empty list on the service means
    "no restriction"."""
    offered = {language.code for language in service.languages.all()}
    age = criteria.age
    conditions = (
        not criteria.status
        or not service.employment_statuses
        or criteria.status in service.employment_statuses,
        not criteria.audience or not service.audiences or criteria.audience in service.audiences,
        age is None or service.minimum_age is None or age >= service.minimum_age,
        age is None or service.maximum_age is None or age <= service.maximum_age,
        not criteria.phase or not service.phases or criteria.phase in service.phases,
        not criteria.delivery or criteria.delivery in service.delivery_modes,
        not criteria.free_only or "free" in service.costs,
        not criteria.self_referral_only or "self_referral" in service.access_routes,
        not criteria.languages or not offered or bool(offered & set(criteria.languages)),
    )
    return all(conditions)


def _within_reach(
    service: Service, criteria: Criteria, place: _Place | None
) -> tuple[bool, float | None]:
    """The area served, and for services met in person the distance (max_km, default 50)."""
    if place is None:
        return True, None
    distance = _nearest_km(service, place)
    if not _serves_area(service, place, distance):
        return False, distance
    if REMOTE & set(service.delivery_modes):
        return True, distance
    limit = criteria.max_km or DEFAULT_MAX_KM
    return distance is not None and distance <= limit, distance


def _reasons(
    service: Service,
    criteria: Criteria,
    matched: list[str],
    needs: list[str],
    distance: float | None,
) -> list[str]:
    """Why a service is listed, in the person's language."""
    with override(criteria.lang):
        reasons = [
            ngettext(
                "covers %(count)s of %(total)s need",
                "covers %(count)s of %(total)s needs",
                len(needs),
            )
            % {"count": len(matched), "total": len(needs)}
        ]
        if distance is not None and not REMOTE & set(service.delivery_modes):
            reasons.append(_("%(km)s km away") % {"km": round(distance)})
        elif REMOTE & set(service.delivery_modes):
            reasons.append(_("by phone or online"))
        offered = [language.code for language in service.languages.all()]
        for code in criteria.languages:
            if code in offered and code in SPEAKS:
                reasons.append(str(SPEAKS[code]))
        if "free" in service.costs:
            reasons.append(_("free"))
        if "self_referral" in service.access_routes:
            reasons.append(_("no referral needed"))
        if service.assured_date:
            months = max((timezone.localdate() - service.assured_date).days // 30, 0)
            reasons.append(
                ngettext(
                    "verified %(months)s month ago",
                    "verified %(months)s months ago",
                    months,
                )
                % {"months": months}
            )
        return reasons


def _score(
    service: Service,
    criteria: Criteria,
    matched: list[str],
    relevance: dict[str, float],
    distance: float | None,
) -> float:
    coverage = len(matched) / max(len(relevance), 1)
    text = sum(relevance[code] for code in matched) / max(len(matched), 1)
    limit = criteria.max_km or DEFAULT_MAX_KM
    if REMOTE & set(service.delivery_modes):
        near = REMOTE_DISTANCE_SCORE
    elif distance is None:
        near = 0.5
    else:
        near = max(0.0, 1 - distance / limit)
    offered = {language.code for language in service.languages.all()}
    wanted = set(criteria.languages) or {criteria.lang}
    language = 1.0 if offered & wanted else (0.5 if not offered else 0.0)
    verified = service.assured_date
    fresh = (
        1.0 if verified and (timezone.localdate() - verified) <= dt.timedelta(FRESH_DAYS) else 0.3
    )
    parts = {
        "coverage": coverage,
        "relevance": text,
        "distance": near,
        "language": language,
        "fresh": fresh,
    }
    return round(sum(WEIGHTS[key] * value for key, value in parts.items()), 4)


def find_services(criteria: Criteria) -> FinderResult:
    """Ranked, explained services for the person's needs and situation (one page)."""
    needs, relevance = resolve_needs(criteria)
    place = _place(criteria.postcode)
    ranked: list[tuple[float, float, str, Service, float | None, list[str]]] = []
    coverage = dict.fromkeys(needs, 0)
    for service in _candidates(needs) if needs else []:
        if not _fits_person(service, criteria):
            continue
        reachable, distance = _within_reach(service, criteria, place)
        if not reachable:
            continue
        codes = {need.code for need in service.needs.all()}
        matched = [code for code in needs if code in codes]
        for code in matched:
            coverage[code] += 1
        score = _score(service, criteria, matched, relevance, distance)
        ranked.append((-score, distance or 0.0, str(service.id), service, distance, matched))
    ranked.sort(key=lambda row: row[:3])
    start = (criteria.page - 1) * PAGE_SIZE
    # Reasons are sentences in the person's language: written for the page shown only.
    hits = [
        Hit(
            service=service,
            score=-negative_score,
            distance_km=round(distance, 1) if distance is not None else None,
            matched_needs=matched,
            reasons=_reasons(service, criteria, matched, needs, distance),
        )
        for negative_score, _near, _id, service, distance, matched in ranked[
            start : start + PAGE_SIZE
        ]
    ]
    return FinderResult(
        needs=needs,
        hits=hits,
        total=len(ranked),
        page=criteria.page,
        coverage=coverage,
    )
