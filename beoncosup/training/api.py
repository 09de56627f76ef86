"""The courses API: ``GET /api/v1/courses`` and ``GET /api/v1/courses/{id}`` (public: the
published catalogue, as on the pages, through the same selectors)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.core.schemas import Out, Problem
from beoncosup.search.matching.criteria import CriteriaError
from beoncosup.situation.api import LanguageCode
from beoncosup.situation.codes import Region
from beoncosup.taxonomy.models import Need
from beoncosup.training.codes import CourseFormat, Profession
from beoncosup.training.models import Session
from beoncosup.training.selectors.catalogue import (
    CatalogueFilters,
    CourseView,
    EditionView,
    course_page,
    course_trainers,
    courses_catalogue,
)

router = Router(tags=["training"])


class CoursesParams(Schema):
    lang: LanguageCode | None = Field(
        None, description="Language of the texts (default: the interface language)."
    )
    profession: Profession | None = Field(None, description="Courses for this profession.")
    need: str | None = Field(None, max_length=60, description="A need code of the taxonomy.")
    region: Region | None = Field(
        None, description="Editions with a session in this region (online ones always count)."
    )
    q: str = Field("", max_length=300, description="Words to search for (ranks the courses).")


class SessionOut(Out):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str | None = Field(description="Where it takes place; null when online only.")
    address: str | None
    postcode: str | None
    online: bool = Field(description="Whether it can be followed online.")


class EditionOut(Out):
    id: int
    name: str | None
    language: str = Field(description="The language it is taught in (ISO 639-1).")
    capacity: int
    places_left: int = Field(description="Capacity minus confirmed registrations.")
    registration_open: bool
    waiting_list: bool = Field(description="Full: new registrations join the waiting list.")
    registration_deadline: dt.datetime
    sessions: list[SessionOut] = Field(description="Its sessions (not cancelled), in order.")


class CourseOut(Out):
    id: int
    slug: str
    url: str = Field(description="The course's page.")
    title: str | None = Field(description="In the asked language, else the nearest available.")
    summary: str | None
    language: str | None = Field(description="The language the title is given in.")
    professions: list[Profession]
    needs: list[str] = Field(description="Need codes of the taxonomy it helps with.")
    format: CourseFormat
    duration_hours: float
    accreditation_points: float | None
    accreditation_body: str | None
    is_demo: bool = Field(description="A made-up course of the demo catalogue.")
    editions: list[EditionOut] = Field(description="Upcoming editions, soonest first.")


class EvidenceSourceOut(Out):
    citation: str
    year: int | None
    url: str | None


class TrainerOut(Out):
    id: int
    name: str
    profession: str | None
    bio: str | None


class CourseDetailOut(CourseOut):
    objectives: list[str] = Field(description="The learning objectives, one per item.")
    evidence: str | None = Field(description="The evidence base, in the asked language.")
    sources: list[EvidenceSourceOut]
    trainers: list[TrainerOut]


def _text(value: dict[str, str], language: str) -> str | None:
    picked = pick(value, language)
    return picked.text if picked else None


def _session(session: Session) -> SessionOut:
    return SessionOut(
        id=session.pk,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        venue=session.venue or None,
        address=session.address or None,
        postcode=session.postcode or None,
        online=bool(session.online_url),
    )


def _edition(item: EditionView, language: str) -> EditionOut:
    edition = item.edition
    return EditionOut(
        id=edition.pk,
        name=_text(edition.name, language),
        language=edition.language,
        capacity=edition.capacity,
        places_left=item.places_left,
        registration_open=item.is_open,
        waiting_list=item.is_full,
        registration_deadline=edition.registration_deadline,
        sessions=[_session(session) for session in item.sessions],
    )


def _course_fields(view: CourseView, language: str) -> dict[str, object]:
    course = view.course
    title = pick(course.title, language)
    return {
        "id": course.pk,
        "slug": course.slug,
        "url": reverse("training:course", kwargs={"slug": course.slug}),
        "title": title.text if title else None,
        "summary": _text(course.summary, language),
        "language": title.language if title else None,
        "professions": [code for code in course.professions or [] if code in Profession.values],
        "needs": [need.code for need in course.needs.all()],
        "format": course.format,
        "duration_hours": float(course.duration_hours),
        "accreditation_points": (
            float(course.accreditation_points) if course.accreditation_points is not None else None
        ),
        "accreditation_body": course.accreditation_body or None,
        "is_demo": course.is_demo,
        "editions": [_edition(item, language) for item in view.editions],
    }


@router.get(
    "/courses",
    response={200: list[CourseOut], 422: Problem},
    summary="Courses of the training catalogue with their upcoming sessions",
    description=(
        "Published courses with their upcoming editions (sessions with dates, place or "
        "online, places left). Filter by `profession`, `need` (a need code), `region`; `q` "
        "ranks by relevance (the matcher, as the finder). Without `need` or `q`, soonest "
        "first. An unknown need code answers 422."
    ),
)
def courses(request: HttpRequest, params: Query[CoursesParams]) -> list[CourseOut]:
    language = params.lang or default_language()
    if params.need and not Need.objects.filter(code=params.need).exists():
        raise HttpError(422, f"need: unknown need code {params.need!r}")
    filters = CatalogueFilters(
        profession=params.profession.value if params.profession else "",
        need=params.need or "",
        region=params.region.value if params.region else "",
        q=params.q,
    )
    try:
        result = courses_catalogue(filters=filters, language=language)
    except CriteriaError as error:
        raise HttpError(422, str(error)) from None
    return [CourseOut(**_course_fields(view, language)) for view in result.courses]  # type: ignore[arg-type]


@router.get(
    "/courses/{course_id}",
    response={200: CourseDetailOut, 404: Problem, 422: Problem},
    summary="One published course with its upcoming sessions, sources and trainers",
)
def course_detail(
    request: HttpRequest,
    course_id: Annotated[int, Field(ge=1, le=2**63 - 1, description="The course's id.")],
    lang: LanguageCode | None = None,
) -> CourseDetailOut:
    language = lang or default_language()
    view = course_page(pk=course_id)
    if view is None:
        raise HttpError(404, "No published course with this id.")
    course = view.course
    objectives = _text(course.objectives, language) or ""
    return CourseDetailOut(
        **_course_fields(view, language),  # type: ignore[arg-type]
        objectives=[line.strip(" -•\t") for line in objectives.splitlines() if line.strip()],
        evidence=_text(course.evidence, language),
        sources=[
            EvidenceSourceOut(citation=s.citation, year=s.year, url=s.url or None)
            for s in course.sources.all()
        ],
        trainers=[
            TrainerOut(
                id=t.pk,
                name=t.name,
                profession=t.profession or None,
                bio=_text(t.bio, language),
            )
            for t in course_trainers(view)
        ],
    )
