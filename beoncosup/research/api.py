"""The studies API: ``GET /api/v1/studies`` and ``GET /api/v1/studies/{id}`` (public: the
published inventory, as on the pages, through the same selectors)."""

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
from beoncosup.research import selectors
from beoncosup.research.codes import Method, StudyKind, StudyStatus
from beoncosup.research.models import Study
from beoncosup.search.matching.criteria import CriteriaError
from beoncosup.situation.api import LanguageCode
from beoncosup.taxonomy.models import Need

router = Router(tags=["research"])
PAGE_SIZE = 20


class StudyListParams(Schema):
    need: str | None = Field(None, max_length=60, description="A need code of the taxonomy.")
    status: StudyStatus | None = Field(
        None, description="planned, recruiting, running or finished."
    )
    lang: LanguageCode | None = Field(
        None,
        description=(
            "The language of the lay summary and texts (default: the interface language); "
            "when a study has none in it, the nearest available (`is_fallback`)."
        ),
    )
    q: str = Field("", max_length=200, description="Words to search for (ranks the studies).")
    page: int = Field(1, ge=1, le=10000, description="The page, 20 studies each.")


class StudyInstitutionOut(Out):
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")


class StudyPublicationOut(Out):
    reference: str
    doi: str | None = Field(description="The bare DOI, e.g. 10.1002/pon.1234.")
    doi_url: str | None = Field(description="https://doi.org/<doi>.")


class StudyOut(Out):
    id: int
    url: str = Field(description="The study's page.")
    title: str | None = Field(description="In the asked language, else the nearest available.")
    kind: StudyKind
    status: StudyStatus
    lay_summary: str | None = Field(description="The plain-language summary.")
    lay_summary_language: str | None = Field(description="The language it is given in.")
    is_fallback: bool = Field(description="The lay summary is not in the asked language.")
    lay_summary_languages: list[str] = Field(description="Every language it exists in.")
    needs: list[str] = Field(description="Need codes of the taxonomy it is about.")
    institutions: list[StudyInstitutionOut]
    starts_on: dt.date | None
    ends_on: dt.date | None
    is_demo: bool = Field(description="A made-up study of the demo inventory.")


class StudyPageOut(Out):
    items: list[StudyOut]
    total: int = Field(description="Studies found, over all pages.")
    page: int
    pages: int
    page_size: int


class StudyDetailOut(StudyOut):
    funding: str | None
    methods: list[Method]
    results: str | None
    eligibility: str | None = Field(description="Who may take part (recruiting studies).")
    how_to_take_part: str | None
    contact_url: str | None
    contact_email: str | None
    publications: list[StudyPublicationOut]
    source_url: str | None = Field(description="Where the facts come from.")
    checked_on: dt.date | None = Field(description="When the source was last checked.")


def _text(value: dict[str, str], language: str) -> str | None:
    picked = pick(value, language)
    return picked.text if picked else None


def _fields(study: Study, language: str) -> dict[str, object]:
    summary = pick(study.lay_summary, language)
    return {
        "id": study.pk,
        "url": reverse("research:study", kwargs={"study_id": study.pk}),
        "title": _text(study.title, language),
        "kind": study.kind,
        "status": study.status,
        "lay_summary": summary.text if summary else None,
        "lay_summary_language": summary.language if summary else None,
        "is_fallback": bool(summary and summary.is_fallback),
        "lay_summary_languages": study.lay_summary_languages,
        "needs": [need.code for need in study.needs.all()],
        "institutions": [
            StudyInstitutionOut(name=item.name, country=item.country)
            for item in study.institutions.all()
        ],
        "starts_on": study.starts_on,
        "ends_on": study.ends_on,
        "is_demo": study.is_demo,
    }


@router.get(
    "/studies",
    response={200: StudyPageOut, 422: Problem},
    summary="Published studies of the research inventory",
    description=(
        "Published studies and projects about the needs of people with cancer, 20 a page. "
        "Filter by `need` (a need code) and `status`; `q` ranks by relevance. `lang` picks "
        "the lay summary's language (`lay_summary_language`, `is_fallback` when the study has "
        "none in it). An unknown need code or status answers 422."
    ),
)
def studies(request: HttpRequest, params: Query[StudyListParams]) -> StudyPageOut:
    language = params.lang or default_language()
    if params.need and not Need.objects.filter(code=params.need).exists():
        raise HttpError(422, f"need: unknown need code {params.need!r}")
    filters = selectors.StudyFilters(
        need=params.need or "",
        status=params.status.value if params.status else "",
        q=params.q,
    )
    try:
        found = selectors.studies_search(filters=filters, language=language)
    except CriteriaError as error:
        raise HttpError(422, str(error)) from None
    total = len(found.ids)
    start = (params.page - 1) * PAGE_SIZE
    page = selectors.studies_by_ids(found.ids[start : start + PAGE_SIZE])
    return StudyPageOut(
        items=[StudyOut(**_fields(study, language)) for study in page],  # type: ignore[arg-type]
        total=total,
        page=params.page,
        pages=max(1, math.ceil(total / PAGE_SIZE)),
        page_size=PAGE_SIZE,
    )


@router.get(
    "/studies/{study_id}",
    response={200: StudyDetailOut, 404: Problem, 422: Problem},
    summary="One published study with its lay summary, results and publications",
)
def study_detail(
    request: HttpRequest,
    study_id: Annotated[int, Field(ge=1, le=2**63 - 1, description="The study's id.")],
    lang: LanguageCode | None = None,
) -> StudyDetailOut:
    language = lang or default_language()
    study = selectors.study_page(study_id)
    if study is None:
        raise HttpError(404, "No published study with this id.")
    return StudyDetailOut(
        **_fields(study, language),  # type: ignore[arg-type]
        funding=study.funding or None,
        methods=[code for code in study.methods or [] if code in Method.values],
        results=_text(study.results, language),
        eligibility=_text(study.eligibility, language),
        how_to_take_part=_text(study.how_to_take_part, language),
        contact_url=study.contact_url or None,
        contact_email=study.contact_email or None,
        publications=[
            StudyPublicationOut(
                reference=item.reference, doi=item.doi or None, doi_url=item.doi_url or None
            )
            for item in study.publications.all()
        ],
        source_url=study.source_url or None,
        checked_on=study.checked_on,
    )
