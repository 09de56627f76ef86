"""Reads of the jobs app: the public offers (search, the offer's page, the API), the
employer's offers, the editors' queues, and what an offer means for a person's benefits.

**Public** = published, ``expires_on`` today or later, of a verified employer: filtered in
every query, so an offer leaves the search on the day it ends even before the expiry task
runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from beoncosup.accounts.selectors import roles_of
from beoncosup.core.i18n_text import pick
from beoncosup.geo.distance import bounding_box, haversine_km
from beoncosup.geo.selectors import postcode_points
from beoncosup.jobs.codes import Flexibility, OfferStatus
from beoncosup.jobs.models import EmployerProfile, JobOffer, Occupation, ShortageListing
from beoncosup.jobs.rules import EMPLOYER_ROLES
from beoncosup.navigator.items import ChecklistItem, checklist_item
from beoncosup.navigator.selectors import Answers, checklist
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.engine import match

KIND = "job"
MAX_RANKED = 1000
MAX_KM = 200


class UnknownPostcodeError(ValueError):
    pass


@dataclass(frozen=True)
class JobFilters:
    """What a visitor filters on (all optional; values checked by the form or the schema)."""

    postcode: str = ""
    max_km: int | None = None
    region: str = ""
    hours_max: int | None = None
    remote: bool = False
    kind: str = ""
    occupation: int | None = None
    language: str = ""
    q: str = ""


@dataclass(frozen=True)
class OfferView:
    offer: JobOffer
    distance_km: float | None = None

    @property
    def shortage(self) -> ShortageListing | None:
        return shortage_of(self.offer)


class LazyOfferViews(Sequence[OfferView]):
    """The offers of a query as OfferViews, read one page at a time: without a postcode or
    words the order is the database's (newest first), so a page reads only its own rows
    (``len`` is a COUNT)."""

    def __init__(self, offers: QuerySet[JobOffer]) -> None:
        self.offers = offers
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.offers.count()
        return self._count

    @overload
    def __getitem__(self, index: int) -> OfferView: ...

    @overload
    def __getitem__(self, index: slice) -> list[OfferView]: ...

    def __getitem__(self, index: int | slice) -> OfferView | list[OfferView]:
        if isinstance(index, slice):
            return [OfferView(offer=offer) for offer in self.offers[index]]
        return OfferView(offer=self.offers[index])


@dataclass
class JobSearchResult:
    offers: Sequence[OfferView] = field(default_factory=list)
    ranked: bool = False  # by the matcher (words)
    by_distance: bool = False


def offers_public(*, today: dt.date | None = None) -> QuerySet[JobOffer]:
    today = today or timezone.localdate()
    shortages = ShortageListing.objects.order_by("-year", "-pk")
    offers: QuerySet[JobOffer] = (
        JobOffer.objects.filter(
            status=OfferStatus.PUBLISHED,
            expires_on__gte=today,
            employer__verified_at__isnull=False,
        )
        .select_related("employer", "occupation")
        .prefetch_related(Prefetch("occupation__shortages", queryset=shortages))
        .order_by("-published_at", "-pk")
    )
    return offers


def offer_is_public(offer: JobOffer, *, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return bool(
        offer.status == OfferStatus.PUBLISHED
        and offer.expires_on >= today
        and offer.employer.verified_at is not None
    )


def shortage_of(offer: JobOffer) -> ShortageListing | None:
    """The latest shortage listing of the offer's occupation in the offer's region (read from
    the prefetched listings)."""
    if offer.occupation is None or not offer.region:
        return None
    listing: ShortageListing
    for listing in offer.occupation.shortages.all():
        if listing.region == offer.region:
            return listing
    return None


def postcode_centre(postcode: str) -> tuple[float, float]:
    """The centre of a postcode's points; raises UnknownPostcodeError."""
    points = list(postcode_points(postcode).values_list("latitude", "longitude"))
    if not points:
        raise UnknownPostcodeError(postcode)
    return (
        sum(point[0] for point in points) / len(points),
        sum(point[1] for point in points) / len(points),
    )


def _ranked_ids(q: str, language: str) -> list[int]:
    """Offer ids the matcher finds for the words, best first (one call)."""
    result = match(kind=KIND, criteria=Criteria(q=q, lang=language), page_size=MAX_RANKED)
    return [int(found.object_id) for found in result.matches if found.object_id.isdigit()]


def offers_search(*, filters: JobFilters, language: str) -> JobSearchResult:  # noqa: PLR0912
    """The public offers that fit the filters. Order: the matcher's for words, else the
    nearest first with a postcode, else the newest first. Raises UnknownPostcodeError."""
    offers = offers_public()
    if filters.kind:
        offers = offers.filter(kind=filters.kind)
    if filters.region:
        offers = offers.filter(region=filters.region)
    if filters.occupation:
        offers = offers.filter(occupation_id=filters.occupation)
    if filters.hours_max is not None:
        # The person can do the job within their hours: its fewest hours fit.
        offers = offers.filter(hours_min__lte=filters.hours_max)
    if filters.remote:
        offers = offers.filter(flexibility__icontains=f'"{Flexibility.REMOTE}"')
    if filters.language:
        offers = offers.filter(Q(languages__icontains=f'"{filters.language}"') | Q(languages=[]))
    centre = None
    if filters.postcode:
        centre = postcode_centre(filters.postcode)
        box = bounding_box(*centre, filters.max_km or MAX_KM)
        offers = offers.filter(
            latitude__gte=box.south,
            latitude__lte=box.north,
            longitude__gte=box.west,
            longitude__lte=box.east,
        )
    order: list[int] = []
    if filters.q.strip():
        order = _ranked_ids(filters.q.strip(), language)
        offers = offers.filter(pk__in=order)
    if centre is None and not order:
        return JobSearchResult(offers=LazyOfferViews(offers))
    views = []
    for offer in offers:
        distance = None
        if centre is not None and offer.latitude is not None and offer.longitude is not None:
            distance = round(haversine_km(*centre, offer.latitude, offer.longitude), 1)
            if distance > (filters.max_km or MAX_KM):
                continue
        views.append(OfferView(offer=offer, distance_km=distance))
    if order:
        position = {pk: index for index, pk in enumerate(order)}
        views.sort(key=lambda view: position[view.offer.pk])
    elif centre is not None:
        views.sort(key=lambda view: (view.distance_km or 0.0, -view.offer.pk))
    return JobSearchResult(offers=views, ranked=bool(order), by_distance=centre is not None)


def offer_public(offer_id: int) -> JobOffer | None:
    return offers_public().filter(pk=offer_id).first()


def occupations_offered() -> list[Occupation]:
    """The occupations of public offers, for the search's filter."""
    ids = offers_public().exclude(occupation=None).values("occupation_id")
    return list(Occupation.objects.filter(pk__in=ids))


def employers_of(user: Any) -> QuerySet[EmployerProfile]:
    """The employers whose offers this person manages."""
    roles = roles_of(user)
    ids = {org for role in EMPLOYER_ROLES for org in roles.organisations_with(role)}
    return EmployerProfile.objects.filter(organisation_id__in=ids).order_by("public_name")


def offers_of(employers: QuerySet[EmployerProfile]) -> QuerySet[JobOffer]:
    return (
        JobOffer.objects.filter(employer__in=employers)
        .select_related("employer", "occupation")
        .order_by("status", "-updated_at")
    )


def offers_to_moderate() -> QuerySet[JobOffer]:
    return (
        JobOffer.objects.filter(status=OfferStatus.SUBMITTED)
        .select_related("employer", "occupation")
        .order_by("submitted_at", "pk")
    )


def employers_for_editors() -> QuerySet[EmployerProfile]:
    """Employers waiting for verification first, then the others."""
    return EmployerProfile.objects.select_related("verified_by").order_by(
        F("verified_at").asc(nulls_first=True), "public_name"
    )


# The situation a person reading an offer is in: they want to (go back to) work.
OFFER_SITUATION = "resume_partly"


def benefit_measures(*, status: str, language: str) -> list[ChecklistItem]:
    """The navigator's measures for a person of this employment status who wants to go back to
    work (progressive return, trial placements, coaching …), with their sources and dates."""
    answers = Answers(audience="patient", status=status, situation=OFFER_SITUATION)
    result = checklist(answers)
    return [
        checklist_item(measure, language=language, answers=answers) for measure in result.measures
    ]


def occupation_label(occupation: Occupation | None, language: str) -> str:
    if occupation is None:
        return ""
    picked = pick(occupation.name, language)
    return picked.text if picked else ""
