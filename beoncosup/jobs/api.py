"""The jobs API: ``GET /api/v1/jobs`` and ``GET /api/v1/jobs/{id}`` (public: the published,
unexpired offers of verified employers, as the search shows them, through the same selectors).
The employer's contact details are never part of the answer: people write through the page's
contact form (``contact_url``)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.core.schemas import Out, Problem
from beoncosup.jobs.codes import ContractType, Flexibility, OfferKind
from beoncosup.jobs.models import JobOffer, Occupation
from beoncosup.jobs.selectors import (
    JobFilters,
    OfferView,
    UnknownPostcodeError,
    offer_public,
    offers_search,
    shortage_of,
)
from beoncosup.situation.api import LanguageCode
from beoncosup.situation.codes import Region

router = Router(tags=["jobs"])
PAGE_SIZE = 20


class JobSearchParams(Schema):
    postcode: str | None = Field(
        None,
        pattern=r"^[1-9][0-9]{3}$",
        description="Offers near this Belgian postcode (nearest first); unknown ones answer 422.",
    )
    max_km: int | None = Field(
        None, ge=1, le=200, description="With `postcode`: at most this far (default 200 km)."
    )
    hours_max: int | None = Field(
        None, ge=1, le=60, description="Offers whose fewest hours a week fit within this."
    )
    remote: bool | None = Field(None, description="true: only offers with work from home.")
    kind: OfferKind | None = Field(None, description="job or trial (a trial placement).")
    region: Region | None = None
    occupation: int | None = Field(None, ge=1, le=2**63 - 1, description="An occupation's id.")
    language: LanguageCode | None = Field(
        None, description="Offers whose work is in this language (or that name none)."
    )
    q: str = Field("", max_length=200, description="Words to search for (ranks the offers).")
    lang: LanguageCode | None = Field(
        None, description="Language of the texts (default: the interface language)."
    )
    page: int = Field(1, ge=1, le=1000)


class JobShortageOut(Out):
    region: Region
    source_name: str
    source_url: str
    year: int = Field(description="The year of the shortage-occupation list.")
    published_on: dt.date | None


class JobOccupationOut(Out):
    id: int
    name: str | None
    shortage: JobShortageOut | None = Field(
        description="The latest listing of this occupation as a shortage occupation in the "
        "offer's region, with its source; null when it is not on that list."
    )


class JobOut(Out):
    id: int
    url: str = Field(description="The offer's page.")
    contact_url: str = Field(description="The form that relays a message to the employer.")
    kind: OfferKind
    title: str | None = Field(description="In the asked language, else the nearest available.")
    description: str | None
    language: str | None = Field(description="The language the title is given in.")
    employer: str = Field(description="The employer's public name.")
    occupation: JobOccupationOut | None
    postcode: str
    municipality: str
    region: Region | None
    distance_km: float | None = Field(description="From `postcode`, when given.")
    hours_min: int
    hours_max: int
    flexibility: list[Flexibility]
    remote: bool
    adjustments: str | None = Field(description="Adjustments already in place.")
    contract_type: ContractType
    progressive_resumption: bool = Field(
        description="Open to a progressive return to work with the mutuality's permission."
    )
    languages: list[str] = Field(description="Languages of work (ISO 639-1).")
    published_at: dt.datetime | None
    expires_on: dt.date
    is_demo: bool = Field(description="A made-up offer of the demo data.")


class JobPageOut(Out):
    results: list[JobOut] = Field(description="One page of 20.")
    total: int = Field(description="Offers found, over all pages.")
    page: int
    pages: int


def _text(value: dict[str, str], language: str) -> str | None:
    picked = pick(value, language)
    return picked.text if picked else None


def _occupation(
    occupation: Occupation | None, offer: JobOffer, language: str
) -> JobOccupationOut | None:
    if occupation is None:
        return None
    listing = shortage_of(offer)
    return JobOccupationOut(
        id=occupation.pk,
        name=_text(occupation.name, language),
        shortage=JobShortageOut(
            region=Region(listing.region),
            source_name=listing.source_name,
            source_url=listing.source_url,
            year=listing.year,
            published_on=listing.published_on,
        )
        if listing
        else None,
    )


def _job(view: OfferView, language: str) -> JobOut:
    offer = view.offer
    title = pick(offer.title, language)
    return JobOut(
        id=offer.pk,
        url=reverse("jobs:offer", kwargs={"offer_id": offer.pk}),
        contact_url=reverse("jobs:contact", kwargs={"offer_id": offer.pk}),
        kind=OfferKind(offer.kind),
        title=title.text if title else None,
        description=_text(offer.description, language),
        language=title.language if title else None,
        employer=offer.employer.public_name,
        occupation=_occupation(offer.occupation, offer, language),
        postcode=offer.postcode,
        municipality=offer.municipality,
        region=Region(offer.region) if offer.region in Region.values else None,
        distance_km=view.distance_km,
        hours_min=offer.hours_min,
        hours_max=offer.hours_max,
        flexibility=[Flexibility(c) for c in offer.flexibility or [] if c in Flexibility.values],
        remote=offer.is_remote,
        adjustments=_text(offer.adjustments, language),
        contract_type=ContractType(offer.contract_type),
        progressive_resumption=offer.progressive_resumption,
        languages=list(offer.languages or []),
        published_at=offer.published_at,
        expires_on=offer.expires_on,
        is_demo=offer.is_demo,
    )


@router.get(
    "/jobs",
    response={200: JobPageOut, 422: Problem},
    summary="Flexible jobs and trial placements",
    description=(
        "Published offers whose end date has not passed, of verified employers, with the "
        "employer's public name (never its contact details). Filter by `postcode` and "
        "`max_km`, `hours_max`, `remote`, `kind`, `region`, `occupation`, `language`; `q` "
        "ranks by relevance (the matcher). Without `q`: nearest first with a postcode, else "
        "newest first. 20 a page. An unknown postcode answers 422."
    ),
)
def jobs(request: HttpRequest, params: Query[JobSearchParams]) -> JobPageOut:
    language = params.lang or default_language()
    filters = JobFilters(
        postcode=params.postcode or "",
        max_km=params.max_km,
        region=params.region.value if params.region else "",
        hours_max=params.hours_max,
        remote=bool(params.remote),
        kind=params.kind.value if params.kind else "",
        occupation=params.occupation,
        language=params.language or "",
        q=params.q.replace("\x00", ""),
    )
    try:
        result = offers_search(filters=filters, language=language)
    except UnknownPostcodeError:
        raise HttpError(422, f"postcode: {params.postcode} is not a Belgian postcode") from None
    total = len(result.offers)
    start = (params.page - 1) * PAGE_SIZE
    return JobPageOut(
        results=[_job(view, language) for view in result.offers[start : start + PAGE_SIZE]],
        total=total,
        page=params.page,
        pages=max(1, math.ceil(total / PAGE_SIZE)),
    )


@router.get(
    "/jobs/{job_id}",
    response={200: JobOut, 404: Problem, 422: Problem},
    summary="One published offer",
)
def job_detail(
    request: HttpRequest,
    job_id: Annotated[int, Field(ge=1, le=2**63 - 1, description="The offer's id.")],
    lang: LanguageCode | None = None,
) -> JobOut:
    offer = offer_public(job_id)
    if offer is None:
        raise HttpError(404, "No published offer with this id.")
    return _job(OfferView(offer=offer), lang or default_language())
