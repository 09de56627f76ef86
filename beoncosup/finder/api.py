"""``GET /api/v1/finder``: ranked, explained services for a person's needs and situation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import yaml
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.core.schemas import Out, Problem
from beoncosup.directory.enums import CapacityStatus, WaitingBand
from beoncosup.directory.selectors import capacity_loaded
from beoncosup.finder.counting import visitor_id
from beoncosup.finder.forms import for_employers
from beoncosup.finder.selectors import Hit
from beoncosup.finder.services import finder_search
from beoncosup.search.matching.criteria import Criteria, CriteriaError
from beoncosup.situation.api import LanguageCode, SituationQuery
from beoncosup.situation.codes import Delivery
from beoncosup.taxonomy.services import DEFAULT_TAXONOMY_PATH

router = Router(tags=["Finder"])
Language = LanguageCode


def _taxonomy_need_codes(path: Path) -> tuple[str, ...]:
    """The need codes of the reference taxonomy, which never change once published (load_taxonomy
    refuses to rename a code): the schema can list them. A code listed here but not loaded in
    the database still answers 422 (the finder's own check)."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return tuple(str(need["code"]) for need in document["needs"])


NEED_CODES = _taxonomy_need_codes(DEFAULT_TAXONOMY_PATH)


def _known_needs(codes: list[str]) -> list[str]:
    # One short message for the whole list (pydantic's enum error would list all 111 codes).
    unknown = [code for code in codes if code not in NEED_CODES]
    if unknown:
        raise PydanticCustomError(
            "need_code",
            "unknown need code(s) {codes}; see /api/hsds/taxonomy_terms",
            {"codes": ", ".join(unknown)},
        )
    return codes


NeedCode = Annotated[str, Field(json_schema_extra={"enum": list(NEED_CODES)})]


class FinderParams(SituationQuery):
    """The kernel's questions about the person (postcode, languages, audience, age, status,
    phase, reach, cancer_type) plus the needs and the finder's own filters."""

    need: Annotated[list[NeedCode], AfterValidator(_known_needs)] = Field(
        default_factory=list, description="Need codes (repeat the parameter)."
    )
    q: str = Field("", max_length=300, description="The needs in everyday words.")
    lang: Language | None = None
    max_km: int | None = Field(None, ge=1, le=300)
    delivery: Delivery | None = None
    free_only: bool = False
    self_referral_only: bool = False
    for_employers: bool = Field(
        False,
        description=(
            "Services for employers and colleagues themselves (audience `employer`: advice for "
            "the workplace). Without it, `audience=employer` keeps its meaning: an employer "
            "looking for the employee's services."
        ),
    )
    page: int = Field(1, ge=1, le=1000)

    @field_validator("postcode")
    @classmethod
    def _known_postcode(cls, value: str | None) -> str | None:
        # The engine looks the postcode up anyway and answers 422 for an unknown one: checking
        # here too would cost the API a query.
        return value


class ServiceOut(Out):
    id: str = Field(description="The service's id, as in /api/hsds/services/{id}.")
    name: str | None = Field(description="In the asked language, else the nearest one available.")
    organization: str | None = Field(description="The organisation's name.")
    url: str | None = Field(description="The service's web page.")
    email: str | None
    phones: list[str] = Field(description="Phone numbers, as written by the organisation.")
    how_to_access: str | None = Field(
        description="How to get the service (HSDS application_process)."
    )
    wait_time: str | None
    access_routes: list[str] = Field(
        description="How to access it (codes of the beoncosup-access taxonomy, /api/hsds/profile)."
    )
    costs: list[str] = Field(description="What it costs (codes of beoncosup-cost).")
    delivery_modes: list[str] = Field(
        description="How it is delivered (codes of beoncosup-delivery)."
    )
    languages: list[str] = Field(description="Languages spoken, ISO 639-1 codes.")
    last_verified: str | None = Field(
        description="When an editor last checked the record (ISO date).",
        json_schema_extra={"format": "date"},
    )
    is_demo: bool = Field(description="A made-up record of the demo directory.")


class CapacityOut(Out):
    status: CapacityStatus = Field(
        description="Whether the service takes new referrals: open, waiting_list or closed."
    )
    waiting_band: WaitingBand | None = Field(
        description="For a waiting list: under_1_month, one_to_three_months or over_3_months; "
        "null otherwise."
    )
    as_of: str = Field(
        description="The date the provider stated it (ISO date).",
        json_schema_extra={"format": "date"},
    )


class ResultOut(Out):
    service: ServiceOut
    score: float = Field(description="Ranking score from 0 to 1 (docs/finder.md).")
    distance_km: float | None = Field(
        description="From the postcode to the nearest location, rounded to 0.1 km; null without "
        "a postcode or a location."
    )
    matched_needs: list[str] = Field(description="The asked needs this service covers.")
    reasons: list[str] = Field(description="Why it is proposed, in the asked language.")
    capacity: CapacityOut | None = Field(
        default=None,
        description="The capacity the service's provider stated (closed services rank below "
        "open ones); absent when never stated.",
    )


class CoverageOut(Out):
    need: str
    count: int = Field(description="Services found for this need.")


class AlternativesOut(Out):
    need: str = Field(description="An unmet need.")
    results: list[ResultOut] = Field(
        description="National, online or farther services, outside the person's limits."
    )


class FinderOut(Out):
    needs: list[str] = Field(description="The needs searched for: picked and matched from `q`.")
    text_needs: list[str] = Field(description="The needs matched from `q`.")
    text_unsure: list[str] = Field(
        description="Needs offered when the matcher is not sure what `q` means; empty otherwise."
    )
    suggestion: str | None = Field(description="`q` with misspelt words corrected, or null.")
    results: list[ResultOut] = Field(description="One page of 10, best first.")
    coverage: list[CoverageOut] = Field(description="Per need, how many services were found.")
    unmet: list[str] = Field(description="Needs no service covers.")
    alternatives: list[AlternativesOut]
    total: int = Field(description="Services found, over all pages.")
    page: int


def _capacity(service: Any) -> CapacityOut | None:
    """The capacity read with the service (``select_related("capacity")``), else None."""
    capacity = capacity_loaded(service)
    if capacity is None:
        return None
    return CapacityOut(
        status=CapacityStatus(capacity.status),
        waiting_band=WaitingBand(capacity.waiting_band) if capacity.waiting_band else None,
        as_of=capacity.as_of.isoformat(),
    )


def _service(service: Any, language: str) -> ServiceOut:
    def text(value: dict[str, str]) -> str | None:
        picked = pick(value, language)
        return picked.text if picked else None

    return ServiceOut(
        id=str(service.id),
        name=text(service.name),
        organization=text(service.organization.name),
        url=service.url or None,
        email=service.email or None,
        phones=[phone.number for phone in service.phones.all()],
        how_to_access=text(service.application_process),
        wait_time=text(service.wait_time),
        access_routes=service.access_routes,
        costs=service.costs,
        delivery_modes=service.delivery_modes,
        languages=[language.code for language in service.languages.all()],
        last_verified=service.assured_date.isoformat() if service.assured_date else None,
        is_demo=service.is_demo,
    )


@router.get(
    "/finder",
    response={200: FinderOut, 422: Problem},
    exclude_unset=True,  # an optional field left unset (a result's capacity) is absent
    summary="Services that fit a person's needs and situation",
    description=(
        "Ranked, explained services (`results`, one page of 10), per-need `coverage` and the "
        "`unmet` needs, with `alternatives` for each unmet need (national, online or farther "
        "services the person may still use). `text_needs` are the needs matched from `q`; "
        "`text_unsure` the needs offered instead when the matcher is not sure what `q` means; "
        "`suggestion` is a spelling correction of `q` when it has unknown words. Searches "
        "whose first page has unmet needs are counted anonymously (need, province, language, "
        "status, date). Formula and rules: docs/finder.md."
    ),
)
def finder(request: HttpRequest, params: Query[FinderParams]) -> FinderOut:
    language = params.lang or default_language()
    if not params.need and not params.q.strip():
        raise HttpError(422, "need or q: say which needs to search for.")
    # Employers and professionals look for the patient; services know public contract staff
    # as employees (the kernel's projections, as on the page); for_employers asks for the
    # workplace's own services instead.
    criteria = for_employers(
        Criteria.for_situation(
            params.situation(resolve_place=False),
            needs=tuple(params.need),
            q=params.q,
            lang=language,
            max_km=params.max_km,
            delivery=params.delivery.value if params.delivery else None,
            free_only=params.free_only,
            self_referral_only=params.self_referral_only,
            page=params.page,
        ),
        asked=params.for_employers,
    )
    try:
        # The first page of a search with unmet needs records anonymous unmet-need events.
        result = finder_search(criteria, visitor=visitor_id(request))
    except CriteriaError as error:
        raise HttpError(422, str(error)) from None

    def entry(hit: Hit) -> ResultOut:
        result = ResultOut(
            service=_service(hit.service, language),
            score=hit.score,
            distance_km=hit.distance_km,
            matched_needs=hit.matched_needs,
            reasons=hit.reasons,
        )
        capacity = _capacity(hit.service)
        if capacity is not None:
            # Set only when stated: the route leaves unset fields out (exclude_unset), so
            # answers without a capacity keep the bytes they had before the field existed.
            result.capacity = capacity
        return result

    return FinderOut(
        needs=result.needs,
        text_needs=result.text_needs,
        text_unsure=result.text_unsure,
        suggestion=result.suggestion,
        results=[entry(hit) for hit in result.hits],
        coverage=[CoverageOut(need=code, count=count) for code, count in result.coverage.items()],
        unmet=result.unmet,
        alternatives=[
            AlternativesOut(need=code, results=[entry(hit) for hit in hits])
            for code, hits in result.alternatives.items()
        ],
        total=result.total,
        page=result.page,
    )
