"""The consultations API: ``GET /api/v1/consultations`` and ``GET /api/v1/consultations/{slug}``
(public). The results are the published, protected tables the results page shows (the same
selector): a suppressed cell has ``count: null`` and ``suppressed: true``. Written answers are
never in it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from ninja import Path, Router
from ninja.errors import HttpError
from pydantic import Field

from beoncosup.consultations.codes import ConsultationStatus, QuestionKind
from beoncosup.consultations.models import Consultation, Question
from beoncosup.consultations.selectors.public import (
    Table,
    consultations_for_api,
    consultations_with_questions,
    results_view,
    text,
)
from beoncosup.core.i18n_text import default_language
from beoncosup.core.schemas import Out, Problem
from beoncosup.situation.api import LanguageCode

router = Router(tags=["consultations"])

LANG_DESCRIPTION = "Language of the texts: nl, fr, de or en (default: the interface language)."


class ConsultationOptionOut(Out):
    value: str = Field(description="The option's code in the results' rows.")
    label: str | None


class ConsultationQuestionOut(Out):
    id: int
    kind: QuestionKind = Field(description="choice, multiple, scale or text (short text).")
    text: str | None = Field(description="In the asked language, else the nearest available.")
    required: bool
    options: list[ConsultationOptionOut] = Field(description="For choice and multiple.")
    scale_min: int | None = Field(description="For scale: the lowest value.")
    scale_max: int | None = Field(description="For scale: the highest value.")
    scale_min_label: str | None
    scale_max_label: str | None


class ConsultationCellOut(Out):
    group: str = Field(description="The group's code (`*` = everyone, `?` = did not say).")
    group_label: str
    count: int | None = Field(description="Null when suppressed.")
    suppressed: bool


class ConsultationRowOut(Out):
    answer: str = Field(description="The answer's code (`*` = every respondent, `-` = no answer).")
    answer_label: str
    cells: list[ConsultationCellOut]


class ConsultationTableOut(Out):
    by: str = Field(description="The breakdown: audience, region or age_band.")
    rows: list[ConsultationRowOut]


class ConsultationQuestionResultsOut(Out):
    question_id: int
    tables: list[ConsultationTableOut]


class ConsultationResultsOut(Out):
    k: int = Field(description="No published count is below k (the others are suppressed).")
    published_at: dt.datetime
    summary: str | None = Field(description="The editors' reading of the answers.")
    respondents: int | None = Field(description="How many answered (null when suppressed).")
    who_answered: list[ConsultationTableOut]
    questions: list[ConsultationQuestionResultsOut] = Field(
        description="Choice, multiple and scale questions (written answers are never published)."
    )


class ConsultationOut(Out):
    slug: str
    url: str = Field(description="The consultation's page.")
    title: str | None
    question: str | None = Field(description="The question put to people.")
    context: str | None
    status: ConsultationStatus = Field(description="upcoming, open or closed.")
    opens_at: dt.datetime
    closes_at: dt.datetime
    audiences: list[str] = Field(description="Who is asked: patient, relative, professional.")
    domain: str | None = Field(description="The taxonomy domain code it is about.")
    questions: list[ConsultationQuestionOut]
    open_answer_prompt: str | None = Field(description="The optional open answer's question.")
    is_demo: bool
    results: ConsultationResultsOut | None = Field(description="Null until published.")


def _question(question: Question, language: str) -> ConsultationQuestionOut:
    is_scale = question.kind == QuestionKind.SCALE
    return ConsultationQuestionOut(
        id=question.pk,
        kind=QuestionKind(question.kind),
        text=text(question.text, language) or None,
        required=question.required,
        options=[
            ConsultationOptionOut(
                value=str(option["value"]), label=text(option.get("label"), language) or None
            )
            for option in question.options or []
        ],
        scale_min=question.scale_min if is_scale else None,
        scale_max=question.scale_max if is_scale else None,
        scale_min_label=(text(question.scale_min_label, language) or None) if is_scale else None,
        scale_max_label=(text(question.scale_max_label, language) or None) if is_scale else None,
    )


def _table(table: Table) -> ConsultationTableOut:
    return ConsultationTableOut(
        by=table.profile,
        rows=[
            ConsultationRowOut(
                answer=row.code,
                answer_label=row.label,
                cells=[
                    ConsultationCellOut(
                        group=column.code,
                        group_label=column.label,
                        count=cell.count,
                        suppressed=cell.suppressed,
                    )
                    for column, cell in zip(table.columns, row.cells, strict=True)
                ],
            )
            for row in table.rows
        ],
    )


def _results(consultation: Consultation, language: str) -> ConsultationResultsOut | None:
    results = results_view(consultation, language)
    if results is None or consultation.results_published_at is None:
        return None
    return ConsultationResultsOut(
        k=results.k,
        published_at=consultation.results_published_at,
        summary=text(consultation.results_summary, language) or None,
        respondents=results.respondents,
        who_answered=[_table(table) for table in results.who],
        questions=[
            ConsultationQuestionResultsOut(
                question_id=entry.question.pk, tables=[_table(table) for table in entry.tables]
            )
            for entry in results.questions
        ],
    )


def _consultation(consultation: Consultation, language: str) -> ConsultationOut:
    return ConsultationOut(
        slug=consultation.slug,
        url=reverse("consultations:detail", kwargs={"slug": consultation.slug}),
        title=text(consultation.title, language) or None,
        question=text(consultation.question, language) or None,
        context=text(consultation.context, language) or None,
        status=consultation.status,
        opens_at=consultation.opens_at,
        closes_at=consultation.closes_at,
        audiences=list(consultation.audiences or []),
        domain=consultation.domain_id,
        questions=[_question(q, language) for q in consultation.questions.all()],
        open_answer_prompt=text(consultation.open_answer_prompt, language) or None,
        is_demo=consultation.is_demo,
        results=_results(consultation, language),
    )


@router.get(
    "/consultations",
    response={200: list[ConsultationOut], 422: Problem},
    summary="Consultations: open, upcoming and closed, with their published results",
    description=(
        "Every consultation with its questions in the asked `lang`, its status and dates; for "
        "those whose results are published, the protected results (no count below k: "
        "suppressed cells are null with `suppressed: true`) and the editors' summary. Open "
        "first, then upcoming, then closed. An unknown `lang` answers 422."
    ),
)
def consultations(
    request: HttpRequest,
    lang: Annotated[LanguageCode | None, Field(description=LANG_DESCRIPTION)] = None,
) -> list[ConsultationOut]:
    language = lang or default_language()
    return [_consultation(c, language) for c in consultations_for_api()]


@router.get(
    "/consultations/{slug}",
    response={200: ConsultationOut, 404: Problem, 422: Problem},
    summary="One consultation with its questions and published results",
)
def consultation_detail(
    request: HttpRequest,
    slug: Path[Annotated[str, Field(max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")]],
    lang: Annotated[LanguageCode | None, Field(description=LANG_DESCRIPTION)] = None,
) -> ConsultationOut:
    language = lang or default_language()
    consultation = consultations_with_questions().filter(slug=slug).first()
    if consultation is None:
        raise HttpError(404, "No consultation with this slug.")
    return _consultation(consultation, language)
