"""What the public sees: the consultations, their questions, and the published results with
their words in one language (the pages and the API read the same values)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from beoncosup.consultations.codes import AUDIENCES, ConsultationStatus
from beoncosup.consultations.models import Consultation, Question
from beoncosup.consultations.services.results import ALL, NO_ANSWER, NOT_SAID, PROFILES
from beoncosup.core.i18n_text import pick
from beoncosup.situation.codes import AgeBand, Region


def consultations_with_questions() -> QuerySet[Consultation]:
    found: QuerySet[Consultation] = Consultation.objects.select_related("domain").prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("sort_order", "pk"))
    )
    return found


def consultations_listed(*, now: dt.datetime | None = None) -> list[Consultation]:
    """The index: the open consultations (closing soonest first), then the closed ones with
    published results (latest first)."""
    now = now or timezone.now()
    found = list(
        Consultation.objects.select_related("domain").filter(
            Q(opens_at__lte=now, closes_at__gt=now)
            | Q(closes_at__lte=now, results_published_at__isnull=False)
        )
    )
    open_ = sorted((c for c in found if c.closes_at > now), key=lambda c: (c.closes_at, c.slug))
    closed = sorted(
        (c for c in found if c.closes_at <= now),
        key=lambda c: (c.results_published_at or now, c.slug),
        reverse=True,
    )
    return [*open_, *closed]


def consultations_for_api(*, now: dt.datetime | None = None) -> list[Consultation]:
    """Every consultation: open, upcoming, closed (results only where published)."""
    now = now or timezone.now()
    found = list(consultations_with_questions())
    order = {
        ConsultationStatus.OPEN: 0,
        ConsultationStatus.UPCOMING: 1,
        ConsultationStatus.CLOSED: 2,
    }
    return sorted(found, key=lambda c: (order[c.status_at(now)], c.closes_at, c.slug))


def text(value: Mapping[str, str] | None, language: str) -> str:
    picked = pick(value, language)
    return picked.text if picked else ""


def profile_title(profile: str) -> str:
    return {
        "audience": _("Patient, relative or professional"),
        "region": _("Region"),
        "age_band": _("Age"),
    }[profile]


def profile_member_label(profile: str, member: str) -> str:
    if member == ALL:
        return _("All respondents")
    if member == NOT_SAID:
        return _("Did not say")
    labels: dict[str, Any] = {
        "audience": dict(AUDIENCES),
        "region": dict(Region.choices),
        "age_band": dict(AgeBand.choices),
    }[profile]
    return str(labels.get(member, member))


def _answer_label_of(question: Question, language: str, member: str) -> str:
    return answer_label(question, member, language)


def answer_label(question: Question, member: str, language: str) -> str:
    if member == ALL:
        return _("All respondents")
    if member == NO_ANSWER:
        return _("No answer")
    for option in question.options or []:
        if str(option.get("value")) == member:
            return text(option.get("label"), language) or member
    if member.isdigit():
        number = int(member)
        if number == question.scale_min and text(question.scale_min_label, language):
            return f"{number} ({text(question.scale_min_label, language)})"
        if number == question.scale_max and text(question.scale_max_label, language):
            return f"{number} ({text(question.scale_max_label, language)})"
    return member


@dataclass(frozen=True)
class Cell:
    count: int | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class Column:
    code: str
    label: str


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class Table:
    """One protected table: rows (answers, or "All respondents"), columns (groups; the first
    one is the total)."""

    profile: str
    title: str
    columns: list[Column]
    rows: list[Row]
    key: str = ""  # unique on the page (for the table's caption id)


@dataclass(frozen=True)
class QuestionResults:
    question: Question
    text: str
    kind: str
    overall: Table  # the answers in total (one column)
    tables: list[Table]  # by audience, region, age band


@dataclass(frozen=True)
class Results:
    k: int
    respondents: int | None
    who: list[Table]  # respondents by audience, region, age band
    questions: list[QuestionResults]
    any_suppressed: bool


def _profile_table(
    profile: str, stored: Mapping[str, Mapping[str, int | None]], row_label: Any, key: str
) -> Table:
    members = list(next(iter(stored.values()), {}).keys()) if stored else []
    columns = [
        Column(code=member, label=profile_member_label(profile, member)) for member in members
    ]
    rows = [
        Row(code=answer, label=row_label(answer), cells=[Cell(counts.get(m)) for m in members])
        for answer, counts in stored.items()
    ]
    return Table(profile=profile, title=profile_title(profile), columns=columns, rows=rows, key=key)


def results_view(
    consultation: Consultation, language: str, stored: Mapping[str, Any] | None = None
) -> Results | None:
    """The published results in ``language`` (None when none are published). ``stored`` gives
    other tables in the same shape (the editors' preview)."""
    if stored is None:
        if consultation.results_published_at is None or not consultation.results:
            return None
        stored = consultation.results
    with override(language):
        questions_by_id = {q.pk: q for q in consultation.questions.all()}
        who = [
            _profile_table(
                profile,
                {ALL: stored["respondents"][profile]},
                lambda _a: _("Respondents"),
                f"who-{profile}",
            )
            for profile in PROFILES
            if profile in stored.get("respondents", {})
        ]
        questions: list[QuestionResults] = []
        for entry in stored.get("questions", []):
            question = questions_by_id.get(entry["id"])
            if question is None:
                continue

            label = functools.partial(_answer_label_of, question, language)

            tables = [
                _profile_table(
                    profile, entry["tables"][profile], label, f"q{question.pk}-{profile}"
                )
                for profile in PROFILES
                if profile in entry["tables"]
            ]
            first = tables[0]
            overall = Table(
                key=f"q{question.pk}-all",
                profile="",
                title=_("All respondents"),
                columns=first.columns[:1],
                rows=[
                    Row(code=row.code, label=row.label, cells=row.cells[:1])
                    for row in first.rows
                    if row.code != ALL
                ],
            )
            questions.append(
                QuestionResults(
                    question=question,
                    text=text(question.text, language),
                    kind=question.kind,
                    overall=overall,
                    tables=tables,
                )
            )
        total_row = stored.get("respondents", {}).get("audience", {})
        any_suppressed = any(
            cell.suppressed
            for table in [*who, *(t for q in questions for t in q.tables)]
            for row in table.rows
            for cell in row.cells
        )
        return Results(
            k=int(stored.get("k", 0)),
            respondents=total_row.get(ALL),
            who=who,
            questions=questions,
            any_suppressed=any_suppressed,
        )
