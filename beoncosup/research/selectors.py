"""Reads of the research inventory: the public search (pages and API), a study's page, the
studies of a need, a proposer's own proposals and the editors' review queue."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from beoncosup.research.codes import Review, StudyStatus
from beoncosup.research.models import Study
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.engine import match
from beoncosup.taxonomy.models import Domain, Need

KIND = "study"
MAX_RANKED = 2000  # more studies than the inventory will hold: one matcher call ranks all
# Public order: those looking for participants first, then running, planned, finished.
STATUS_ORDER = Case(
    When(status=StudyStatus.RECRUITING, then=Value(0)),
    When(status=StudyStatus.RUNNING, then=Value(1)),
    When(status=StudyStatus.PLANNED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


@dataclass(frozen=True)
class StudyFilters:
    """What a visitor filters on (all optional; codes already checked by the form or schema)."""

    need: str = ""
    domain: str = ""
    status: str = ""
    language: str = ""  # a language the lay summary exists in
    q: str = ""


@dataclass
class StudySearch:
    ids: list[int]  # the studies found, in the order to show
    ranked: bool = False  # ordered by the matcher (need or words)
    text_needs: list[str] = field(default_factory=list)


def published() -> QuerySet[Study]:
    studies: QuerySet[Study] = Study.objects.filter(review=Review.PUBLISHED)
    return studies


def with_listing(studies: QuerySet[Study]) -> QuerySet[Study]:
    """What a list of studies shows: their needs and institutions."""
    return studies.prefetch_related("needs", "institutions")


def has_lay_summary_in(language: str) -> Q:
    return Q(lay_summary__has_key=language) & ~Q(**{f"lay_summary__{language}": ""})


def studies_search(*, filters: StudyFilters, language: str) -> StudySearch:
    """The published studies that fit the filters, as ordered ids (one or two queries). With a
    need or words: the matcher's order (search.matching, kind "study"); otherwise those looking
    for participants first, then the most recently changed.

    Raises search.matching.criteria.CriteriaError for a need code the matcher does not know."""
    studies = published()
    if filters.domain:
        studies = studies.filter(needs__category__domain__code=filters.domain)
    if filters.status:
        studies = studies.filter(status=filters.status)
    if filters.language:
        studies = studies.filter(has_lay_summary_in(filters.language))
    ranked = bool(filters.need or filters.q.strip())
    if not ranked:
        rows = (
            studies.annotate(order=STATUS_ORDER)
            .order_by("order", "-updated_at", "pk")
            .values_list("pk", flat=True)
        )
        return StudySearch(ids=list(dict.fromkeys(rows)))  # a domain's join may repeat a study
    criteria = Criteria(
        needs=(filters.need,) if filters.need else (), q=filters.q.strip(), lang=language
    )
    result = match(kind=KIND, criteria=criteria, page_size=MAX_RANKED)
    order = [int(found.object_id) for found in result.matches]
    allowed = set(studies.filter(pk__in=order).values_list("pk", flat=True))
    return StudySearch(
        ids=[pk for pk in order if pk in allowed], ranked=True, text_needs=result.text_needs
    )


def studies_by_ids(ids: list[int]) -> list[Study]:
    """The published studies of ``ids`` in that order, with what a list shows (three queries)."""
    found = {study.pk: study for study in with_listing(published().filter(pk__in=ids))}
    return [found[pk] for pk in ids if pk in found]


def study_page(study_id: int) -> Study | None:
    """A published study with everything its page shows; None when unknown or unpublished."""
    return (
        published()
        .prefetch_related(
            Prefetch("needs", queryset=Need.objects.order_by("sort_order", "code")),
            "institutions",
            "publications",
        )
        .filter(pk=study_id)
        .first()
    )


def studies_for_need(need_id: int) -> QuerySet[Study]:
    """The published studies about a need, those looking for participants first."""
    studies: QuerySet[Study] = with_listing(
        published()
        .filter(needs__pk=need_id)
        .annotate(order=STATUS_ORDER)
        .order_by("order", "-updated_at", "pk")
    )
    return studies


def proposals_of(user: object) -> QuerySet[Study]:
    """The studies ``user`` proposed, newest first."""
    studies: QuerySet[Study] = Study.objects.filter(proposed_by=user).order_by("-created_at", "pk")
    return studies


def review_queue() -> QuerySet[Study]:
    """Every study for the editors: waiting ones first (oldest first), then the others."""
    waiting = Case(
        When(review=Review.PROPOSED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    studies: QuerySet[Study] = (
        Study.objects.select_related("proposed_by")
        .annotate(waiting=waiting)
        .order_by("waiting", "created_at", "pk")
    )
    return studies


def study_for_review(study_id: int) -> Study | None:
    study: Study | None = (
        Study.objects.select_related("proposed_by", "lay_summary_reviewed_by")
        .prefetch_related("needs", "institutions", "publications")
        .filter(pk=study_id)
        .first()
    )
    return study


def research_domains() -> list[tuple[str, str]]:
    """The domains (code, label) some published study's needs belong to."""

    domains = Domain.objects.filter(categories__needs__studies__review=Review.PUBLISHED).distinct()
    return [(domain.code, str(domain.label)) for domain in domains.order_by("sort_order", "code")]


def research_needs() -> list[tuple[str, str]]:
    """The needs (code, label) some published study addresses."""
    needs = Need.objects.filter(studies__review=Review.PUBLISHED).distinct()
    return [(need.code, str(need.label)) for need in needs.order_by("sort_order", "code")]
