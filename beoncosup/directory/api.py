"""HSDS 3.0 read API (``/api/hsds/``), following the official OpenAPI description: page
envelopes, ``page``/``per_page``, ``search``, ``taxonomy_term_id``, ``modified_after``, and
``?lang=`` or Accept-Language for the language of texts (with a fallback, never empty)."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from beoncosup.core.i18n_text import default_language
from beoncosup.core.schemas import Out, Problem
from beoncosup.directory import schemas, selectors
from beoncosup.directory.hsds import catalogue
from beoncosup.directory.hsds.serialize import (
    Texts,
    location_json,
    organization_json,
    service_json,
    service_list_json,
)
from beoncosup.directory.models import Organization, ServiceAtLocation
from beoncosup.situation.api import LanguageCode

router = Router(tags=["HSDS 3.0"])
Json = dict[str, Any]
PageOut = TypeVar("PageOut", bound=schemas.Page[Any])


def _answers(model: type[Out], *, lookup: bool = False) -> dict[str, Any]:
    """The route options of an HSDS answer: its model, the Problem of a 422 (and of a 404 for
    a ``lookup`` by id), and keys left out while unset (HSDS sends no nulls)."""
    problems: dict[int, type[Problem]] = {404: Problem, 422: Problem} if lookup else {422: Problem}
    return {"response": {200: model, **problems}, "exclude_unset": True}


Language = LanguageCode
# Every real time zone lies within -12:00..+14:00; PostgreSQL refuses offsets past ±15:59.
MAX_UTC_OFFSET = dt.timedelta(hours=14)


class PageParams(Schema):
    page: int = Field(1, ge=1, le=100_000, description="Page number, from 1.")
    per_page: int = Field(20, ge=1, le=100, description="Results per page (at most 100).")
    search: str | None = Field(None, max_length=200, description="Words in names or descriptions.")
    lang: Language | None = Field(None, description="Language of texts; else Accept-Language.")


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class ServiceFilters(PageParams):
    taxonomy_term_id: str | None = Field(None, max_length=36)
    taxonomy_id: str | None = Field(None, max_length=36)
    organization_id: str | None = Field(None, max_length=36)
    modified_after: dt.datetime | None = Field(
        None,
        description=(
            "Services changed at or after this time (ISO 8601; without an offset, Belgian "
            "time). Offsets from -14:00 to +14:00."
        ),
    )

    @field_validator("modified_after")
    @classmethod
    def _in_utc(cls, value: dt.datetime | None) -> dt.datetime | None:
        """The instant in UTC, as the databases compare it: an offset no time zone has, or a
        time outside years 1 to 9999 once in UTC, would fail in the database (a 500); say so."""
        if value is None:
            return None
        if timezone.is_naive(value):
            value = timezone.make_aware(value)  # the site's time zone, as Django would assume
        offset = value.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            raise PydanticCustomError(
                "utc_offset",
                "give a UTC offset from -14:00 to +14:00 (this one is {offset})",
                {"offset": _offset_text(offset)},
            )
        try:
            return value.astimezone(dt.UTC)
        except OverflowError:
            raise PydanticCustomError(
                "datetime_range", "give a time from year 1 to year 9999, in UTC"
            ) from None


class ServiceAtLocationFilters(ServiceFilters):
    postcode: str | None = Field(
        None, pattern=r"^[1-9][0-9]{3}$", description="A Belgian postcode whose area is served."
    )
    proximity: int | None = Field(
        None, ge=1, le=300_000, description="Metres from the postcode's centroid (needs postcode)."
    )


def _language(request: HttpRequest, lang: str | None) -> str:
    return lang or default_language()


def _page(kind: type[PageOut], items: list[Json], total: int, params: PageParams) -> PageOut:
    """One page of ``kind``: the envelope and the items, checked against their models."""
    pages = max(1, math.ceil(total / params.per_page))
    return kind.model_validate(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": params.page,
            "size": len(items),
            "first_page": params.page == 1,
            "last_page": params.page >= pages,
            "empty": total == 0,
            "contents": items,
        }
    )


def _slice(queryset: QuerySet[Any], params: PageParams) -> tuple[list[Any], int]:
    total = queryset.count()
    start = (params.page - 1) * params.per_page
    return list(queryset[start : start + params.per_page]), total


def _text_search(
    queryset: QuerySet[Any], words: str | None, fields: tuple[str, ...]
) -> QuerySet[Any]:
    if not words:
        return queryset
    condition = Q()
    for field in fields:
        for language in ("nl", "fr", "de", "en"):
            condition |= Q(**{f"{field}__{language}__icontains": words.strip()})
    return queryset.filter(condition)


def _filtered_services(filters: ServiceFilters) -> QuerySet[Any]:
    queryset = selectors.services_for_hsds_list()
    queryset = _text_search(queryset, filters.search, ("name", "description"))
    if filters.taxonomy_term_id:
        condition = catalogue.service_filter_for_term(filters.taxonomy_term_id)
        if condition is None:
            return queryset.none()
        queryset = queryset.filter(condition)
    if filters.taxonomy_id:
        condition = catalogue.service_filter_for_taxonomy(filters.taxonomy_id)
        if condition is None:
            return queryset.none()
        queryset = queryset.filter(condition)
    if filters.organization_id:
        key = _uuid_or_none(filters.organization_id)
        queryset = queryset.filter(organization_id=key) if key else queryset.none()
    if filters.modified_after:
        queryset = queryset.filter(last_modified__gte=filters.modified_after)
    return queryset


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@router.get("/", summary="About this API", **_answers(schemas.Root))
def api_root(request: HttpRequest) -> schemas.Root:
    return schemas.Root(
        version="3.0",
        profile=request.build_absolute_uri("/api/hsds/profile"),
        openapi_url=request.build_absolute_uri(reverse("api:openapi-json")),
    )


@router.get(
    "/profile",
    summary="The Belgian HSDS profile: taxonomies and code lists",
    **_answers(schemas.Profile),
)
def api_profile(request: HttpRequest) -> schemas.Profile:
    return schemas.Profile.model_validate({"taxonomies": catalogue.profile_summary()})


@router.get("/services", summary="Services (page)", **_answers(schemas.ServicePage))
def list_services(request: HttpRequest, filters: Query[ServiceFilters]) -> schemas.ServicePage:
    language = _language(request, filters.lang)
    services, total = _slice(_filtered_services(filters), filters)
    items = [service_list_json(s, language) for s in services]
    return _page(schemas.ServicePage, items, total, filters)


@router.get(
    "/services/{service_id}",
    summary="One service, fully nested",
    **_answers(schemas.Service, lookup=True),
)
def get_service(
    request: HttpRequest, service_id: str, lang: Language | None = None
) -> schemas.Service:
    key = _uuid_or_none(service_id)
    service = selectors.services_for_hsds().filter(id=key).first() if key else None
    if service is None:
        raise Http404("No service with this id.")
    return schemas.Service.model_validate(
        service_json(service, _language(request, lang), exact=False)
    )


@router.get("/organizations", summary="Organisations (page)", **_answers(schemas.OrganizationPage))
def list_organizations(
    request: HttpRequest, filters: Query[PageParams]
) -> schemas.OrganizationPage:
    texts = Texts(_language(request, filters.lang), exact=False)
    queryset = _text_search(
        Organization.objects.order_by("id"), filters.search, ("name", "description")
    )
    organizations, total = _slice(queryset, filters)
    items = [organization_json(o, texts) for o in organizations]
    return _page(schemas.OrganizationPage, items, total, filters)


@router.get(
    "/organizations/{organization_id}",
    summary="One organisation with its services",
    **_answers(schemas.OrganizationWithServices, lookup=True),
)
def get_organization(
    request: HttpRequest, organization_id: str, lang: Language | None = None
) -> schemas.OrganizationWithServices:
    key = _uuid_or_none(organization_id)
    organization = Organization.objects.filter(id=key).first() if key else None
    if organization is None:
        raise Http404("No organisation with this id.")
    language = _language(request, lang)
    result = organization_json(organization, Texts(language, exact=False))
    services = selectors.services_for_hsds_list().filter(organization=organization)
    result["services"] = [service_list_json(s, language) for s in services]
    return schemas.OrganizationWithServices.model_validate(result)


@router.get(
    "/taxonomies",
    summary="Taxonomies of the Belgian profile (page)",
    **_answers(schemas.TaxonomyPage),
)
def list_taxonomies(request: HttpRequest, filters: Query[PageParams]) -> schemas.TaxonomyPage:
    items = catalogue.taxonomies(filters.search)
    start = (filters.page - 1) * filters.per_page
    return _page(schemas.TaxonomyPage, items[start : start + filters.per_page], len(items), filters)


@router.get(
    "/taxonomies/{taxonomy_id}", summary="One taxonomy", **_answers(schemas.Taxonomy, lookup=True)
)
def get_taxonomy(request: HttpRequest, taxonomy_id: str) -> schemas.Taxonomy:
    for item in catalogue.taxonomies(None):
        if item["id"] == taxonomy_id:
            return schemas.Taxonomy.model_validate(item)
    raise Http404("No taxonomy with this id.")


class TermFilters(PageParams):
    taxonomy_id: str | None = Field(None, max_length=36)
    top_only: bool = False
    parent_id: str | None = Field(None, max_length=36)


@router.get(
    "/taxonomy_terms", summary="Taxonomy terms (page)", **_answers(schemas.TaxonomyTermPage)
)
def list_taxonomy_terms(
    request: HttpRequest, filters: Query[TermFilters]
) -> schemas.TaxonomyTermPage:
    language = _language(request, filters.lang)
    items = catalogue.terms(language, search=filters.search, taxonomy_id=filters.taxonomy_id)
    if filters.parent_id:
        items = []  # the profile's taxonomies are flat lists
    start = (filters.page - 1) * filters.per_page
    page = items[start : start + filters.per_page]
    return _page(schemas.TaxonomyTermPage, page, len(items), filters)


@router.get(
    "/taxonomy_terms/{term_id}",
    summary="One taxonomy term",
    **_answers(schemas.TaxonomyTerm, lookup=True),
)
def get_taxonomy_term(
    request: HttpRequest, term_id: str, lang: Language | None = None
) -> schemas.TaxonomyTerm:
    term = catalogue.term(term_id, _language(request, lang))
    if term is None:
        raise Http404("No taxonomy term with this id.")
    return schemas.TaxonomyTerm.model_validate(term)


def _service_at_location_item(sal: ServiceAtLocation, language: str) -> Json:
    texts = Texts(language, exact=False)
    item: Json = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "location": location_json(sal.location, texts),
        "service": service_list_json(sal.service, language),
    }
    description = texts.get(sal.description)
    if description:
        item["description"] = description
    return item


@router.get(
    "/service_at_locations",
    summary="Services at locations (page)",
    **_answers(schemas.ServiceAtLocationPage),
)
def list_service_at_locations(
    request: HttpRequest, filters: Query[ServiceAtLocationFilters]
) -> schemas.ServiceAtLocationPage:
    language = _language(request, filters.lang)
    services = _filtered_services(filters)
    queryset = selectors.service_at_locations_for_hsds().filter(service__in=services)
    if filters.postcode:
        queryset = selectors.service_at_locations_serving(
            queryset, postcode=filters.postcode, proximity_m=filters.proximity
        )
    elif filters.proximity:
        raise HttpError(422, "proximity: give a postcode too; distances start from its centre.")
    items, total = _slice(queryset, filters)
    page = [_service_at_location_item(s, language) for s in items]
    return _page(schemas.ServiceAtLocationPage, page, total, filters)


@router.get(
    "/service_at_locations/{sal_id}",
    summary="One service at a location",
    **_answers(schemas.ServiceAtLocation, lookup=True),
)
def get_service_at_location(
    request: HttpRequest, sal_id: str, lang: Language | None = None
) -> schemas.ServiceAtLocation:
    key = _uuid_or_none(sal_id)
    sal = selectors.service_at_locations_for_hsds().filter(id=key).first() if key else None
    if sal is None:
        raise Http404("No service at location with this id.")
    return schemas.ServiceAtLocation.model_validate(
        _service_at_location_item(sal, _language(request, lang))
    )
