"""The finder's search: the matcher (search.matching) over the services catalogue, and the
page's services with what result lists show (docs/finder.md, "Ranking")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import HttpRequest

from beoncosup.directory.catalogue import KIND
from beoncosup.directory.models import (
    Address,
    Phone,
    RequiredDocument,
    Service,
    ServiceAtLocation,
    ServiceLanguage,
)
from beoncosup.finder import queries
from beoncosup.finder.plan_session import plan_token
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.engine import Match, match
from beoncosup.search.matching.relaxations import Relaxation


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
    # When the matcher is not sure what `q` means: the closest needs, offered to pick from
    # (never searched for).
    text_unsure: list[str] = field(default_factory=list)
    # "Did you mean …?": the free text with misspelt words replaced, or None.
    suggestion: str | None = None
    # For each unmet need, the nearest, national or online services the person could still
    # use (outside the distance or area limits), best first.
    alternatives: dict[str, list[Hit]] = field(default_factory=dict)
    # When nothing fits: the person's preferences that, dropped or widened, would find services.
    relaxations: list[Relaxation] = field(default_factory=list)

    @property
    def unmet(self) -> list[str]:
        return [code for code in self.needs if not self.coverage.get(code)]


def _services(ids: Iterable[str]) -> dict[str, Service]:
    """The page's services with what result lists show (one query per relation).

    Each relation is prefetched with an explicit queryset: these are modelcluster relations,
    and without one Django builds a fresh filtered queryset per service and relation to hold
    the prefetched rows (about 40 % of an API call's time); with one, modelcluster only clones
    it. Same queries, same rows."""
    services = (
        Service.objects.filter(pk__in=list(ids))
        .select_related("organization", "capacity")
        .prefetch_related(
            Prefetch("phones", queryset=Phone.objects.all()),
            Prefetch("languages", queryset=ServiceLanguage.objects.all()),
            Prefetch("required_documents", queryset=RequiredDocument.objects.all()),
            Prefetch("service_at_locations", queryset=ServiceAtLocation.objects.all()),
            "service_at_locations__location",  # a foreign key: one object each, no manager
            Prefetch("service_at_locations__location__addresses", queryset=Address.objects.all()),
        )
    )
    return {str(service.pk): service for service in services}


def find_services(criteria: Criteria) -> FinderResult:
    """Ranked, explained services for the person's needs and situation (one page).

    Raises CriteriaError for an unknown need code or postcode."""
    result = match(kind=KIND, criteria=criteria)
    shown = [found.object_id for found in result.matches] + [
        found.object_id for options in result.alternatives.values() for found in options
    ]
    services = _services(shown)

    def hit(found: Match) -> Hit:
        return Hit(
            service=services[found.object_id],
            score=found.score,
            distance_km=found.distance_km,
            matched_needs=found.matched_needs,
            reasons=found.reasons,
        )

    return FinderResult(
        needs=result.needs,
        hits=[hit(found) for found in result.matches],
        total=result.total,
        page=result.page,
        coverage=result.coverage,
        text_needs=result.text_needs,
        text_unsure=result.text_unsure,
        suggestion=result.suggestion,
        alternatives={
            code: [hit(found) for found in options] for code, options in result.alternatives.items()
        },
        relaxations=result.relaxations,
    )


def visitor_plan_service_ids(request: HttpRequest) -> set[str]:
    """The ids of the services in this visitor's plan (the one "My plan (n)" counts), for other
    journeys to mark what is already in it; empty without a plan."""
    return queries.plan_service_ids(plan_token(request))
