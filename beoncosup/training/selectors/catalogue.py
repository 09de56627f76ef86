"""Reads for the public catalogue (the listing, the course page and the courses API).

A course shows its **upcoming editions**: not cancelled, with a session that has not ended. An
edition is **open** for registration when, moreover, its course is published and the deadline
has not passed. **Places left** = capacity - confirmed registrations (never negative).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from beoncosup.geo.models import PostalCode
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.engine import match
from beoncosup.training.codes import Registration
from beoncosup.training.models import Course, Edition, EvidenceSource, Session, Trainer

KIND = "course"
BE_DG = "BE-DG"


@dataclass(frozen=True)
class EditionView:
    """An upcoming edition with its sessions (not cancelled) and what a visitor needs to know."""

    edition: Edition
    sessions: list[Session]
    places_left: int
    is_open: bool

    @property
    def is_full(self) -> bool:
        return self.places_left == 0

    @property
    def starts_at(self) -> dt.datetime | None:
        return self.sessions[0].starts_at if self.sessions else None

    @property
    def ends_at(self) -> dt.datetime | None:
        return self.sessions[-1].ends_at if self.sessions else None

    @property
    def is_online(self) -> bool:
        return any(session.online_url for session in self.sessions)

    @property
    def is_in_person(self) -> bool:
        return any(session.venue or session.postcode for session in self.sessions)


@dataclass(frozen=True)
class CourseView:
    """A published course with its upcoming editions, soonest first."""

    course: Course
    editions: list[EditionView]

    @property
    def next_start(self) -> dt.datetime | None:
        starts = [edition.starts_at for edition in self.editions if edition.starts_at]
        return min(starts) if starts else None


@dataclass(frozen=True)
class CatalogueFilters:
    """What a visitor filters on (all optional; codes already checked by the form or schema)."""

    profession: str = ""
    need: str = ""
    region: str = ""
    language: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""

    @property
    def narrows_editions(self) -> bool:
        return bool(self.region or self.language or self.date_from or self.date_to)


@dataclass
class CatalogueResult:
    courses: list[CourseView]
    ranked: bool = False  # ordered by the matcher (need or q), else by the next date
    text_needs: list[str] = field(default_factory=list)  # needs the matcher read in ``q``


def places_left(edition: Edition) -> int:
    """Capacity - confirmed registrations, never negative (reads the ``confirmed_count``
    annotation of ``editions_query`` when present)."""
    confirmed = getattr(edition, "confirmed_count", None)
    if confirmed is None:
        confirmed = edition.enrolments.filter(status=Registration.CONFIRMED).count()
    return max(0, int(edition.capacity) - int(confirmed))


def edition_is_open(edition: Edition, *, now: dt.datetime | None = None) -> bool:
    """Registration is open: not cancelled, course published, before the deadline."""
    now = now or timezone.now()
    return bool(
        not edition.cancelled and edition.course.published and now < edition.registration_deadline
    )


def editions_query(
    *, with_trainers: bool = False, now: dt.datetime | None = None
) -> QuerySet[Edition]:
    """Upcoming editions (not cancelled, with a session not cancelled that has not ended by
    ``now``), with their confirmed registrations counted and their sessions (not cancelled,
    in order; with their trainers if asked) prefetched."""
    now = now or timezone.now()
    confirmed = Count("enrolments", filter=Q(enrolments__status=Registration.CONFIRMED))
    sessions = Session.objects.filter(cancelled=False).order_by("starts_at", "pk")
    if with_trainers:
        sessions = sessions.prefetch_related("trainers")
    upcoming = Session.objects.filter(edition=OuterRef("pk"), cancelled=False, ends_at__gt=now)
    editions: QuerySet[Edition] = (
        Edition.objects.filter(Exists(upcoming), cancelled=False)
        .annotate(confirmed_count=confirmed)
        .prefetch_related(Prefetch("sessions", queryset=sessions))
        .order_by("registration_deadline", "pk")
    )
    return editions


def courses_query(*, now: dt.datetime | None = None) -> QuerySet[Course]:
    """Published courses with their needs and their upcoming editions (``editions_query``)."""
    courses: QuerySet[Course] = Course.objects.filter(published=True).prefetch_related(
        "needs", Prefetch("editions", queryset=editions_query(now=now))
    )
    return courses


def course_view(course: Course, *, now: dt.datetime | None = None) -> CourseView:
    """The course with its upcoming editions (its editions prefetched by ``courses_query``)."""
    now = now or timezone.now()
    views = []
    for edition in course.editions.all():
        sessions = list(edition.sessions.all())
        if not sessions or sessions[-1].ends_at <= now:
            continue
        edition.course = course  # the prefetch knows it: no query per edition
        views.append(
            EditionView(
                edition=edition,
                sessions=sessions,
                places_left=places_left(edition),
                is_open=edition_is_open(edition, now=now),
            )
        )
    views.sort(key=lambda view: (view.starts_at or now, view.edition.pk))
    return CourseView(course=course, editions=views)


def postcode_regions(postcodes: Iterable[str]) -> dict[str, set[str]]:
    """The region codes (situation.codes.Region, BE-DG for the German-speaking Community) each
    known postcode lies in; one query."""
    regions: dict[str, set[str]] = {}
    rows = PostalCode.objects.filter(code__in=set(postcodes)).values_list(
        "code", "municipality__region__code", "municipality__community"
    )
    for code, region, community in rows:
        regions.setdefault(code, set()).add(region)
        if community == "de":
            regions[code].add(BE_DG)
    return regions


def _edition_fits(
    view: EditionView, filters: CatalogueFilters, regions: dict[str, set[str]]
) -> bool:
    if filters.language and view.edition.language != filters.language:
        return False
    if filters.date_from or filters.date_to:
        days = [timezone.localdate(session.starts_at) for session in view.sessions]
        if filters.date_from and not any(day >= filters.date_from for day in days):
            return False
        if filters.date_to and not any(day <= filters.date_to for day in days):
            return False
    if filters.region:
        # Online sessions reach every region; in-person ones the region of their postcode.
        places = [regions.get(session.postcode, set()) for session in view.sessions]
        if not view.is_online and not any(filters.region in codes for codes in places):
            return False
    return True


MAX_RANKED = 1000  # far more courses than the country runs: one call of the matcher ranks all


def _ranked_ids(filters: CatalogueFilters, language: str) -> tuple[list[int], list[str]]:
    """Course ids the matcher finds for the need and the words, best first (one call)."""
    criteria = Criteria(
        needs=(filters.need,) if filters.need else (), q=filters.q.strip(), lang=language
    )
    result = match(kind=KIND, criteria=criteria, page_size=MAX_RANKED)
    return [int(found.object_id) for found in result.matches], result.text_needs


def courses_catalogue(*, filters: CatalogueFilters, language: str) -> CatalogueResult:
    """The published courses that fit the filters with their upcoming editions (only those
    that fit the region, language and dates). With a need or words: the matcher's order
    (search.matching); otherwise by the next session, courses without dates last.

    Raises search.matching.criteria.CriteriaError for a need code the matcher does not know."""
    now = timezone.now()
    ranked = bool(filters.need or filters.q.strip())
    order: list[int] = []
    text_needs: list[str] = []
    courses = courses_query(now=now)
    if ranked:
        order, text_needs = _ranked_ids(filters, language)
        courses = courses.filter(pk__in=order)
    views = [course_view(course, now=now) for course in courses]
    if filters.profession:
        views = [v for v in views if filters.profession in (v.course.professions or [])]
    if filters.narrows_editions:
        postcodes = {s.postcode for v in views for e in v.editions for s in e.sessions}
        regions = postcode_regions(postcodes) if filters.region and postcodes else {}
        views = [
            replace(v, editions=[e for e in v.editions if _edition_fits(e, filters, regions)])
            for v in views
        ]
        views = [v for v in views if v.editions]
    if ranked:
        position = {pk: index for index, pk in enumerate(order)}
        views.sort(key=lambda v: position[v.course.pk])
    else:
        far = now + dt.timedelta(days=365 * 100)
        views.sort(key=lambda v: (v.next_start or far, v.course.slug))
    return CatalogueResult(courses=views, ranked=ranked, text_needs=text_needs)


def course_page(*, slug: str | None = None, pk: int | None = None) -> CourseView | None:
    """A published course by slug or id with what its page shows (needs, sources, trainers,
    upcoming editions with their sessions' trainers); None when unknown or unpublished."""
    now = timezone.now()
    editions = editions_query(with_trainers=True, now=now)
    found = (
        Course.objects.filter(published=True)
        .prefetch_related(
            "needs",
            "trainers",
            Prefetch("sources", queryset=EvidenceSource.objects.order_by("sort_order", "pk")),
            Prefetch("editions", queryset=editions),
        )
        .filter(Q(slug=slug) if slug is not None else Q(pk=pk))
        .first()
    )
    return course_view(found, now=now) if found is not None else None


def course_trainers(view: CourseView) -> list[Trainer]:
    """The course's trainers, then those of its upcoming sessions (each once; prefetched by
    ``course_page``)."""
    found: dict[int, Trainer] = {trainer.pk: trainer for trainer in view.course.trainers.all()}
    for edition in view.editions:
        for session in edition.sessions:
            for trainer in session.trainers.all():
                found.setdefault(trainer.pk, trainer)
    return list(found.values())
