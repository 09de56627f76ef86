"""The results of a consultation under disclosure control, and publishing them.

The tables: who answered (respondents by audience, by region, by age band), and for every
choice, multiple-choice and scale question the count of each answer, in total and by each of
the three profile questions. Short-text answers and the open answer are never counted here:
the editors read them and write the summary.

The protection is the insights' (``insights.disclosure``): every cell under
``BEONCOSUP_INSIGHTS_K`` is suppressed, 0 included, with complementary suppression so that no
suppressed cell can be worked out from the published ones. The tables share cells (the
respondents by audience are the total row of every question's table by audience; a question's
answer counts are the total column of its three tables), so they are protected one after the
other, each taking the decisions already made for the cells it shares as fixed, as the insights'
linked cubes do.

Members nobody is in are left out (a region no one answered from is not a column); a question
that was not answered by everyone gets a "no answer" row, so every table adds up to the number
of respondents.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.consultations.codes import AUDIENCE_CODES, QuestionKind
from beoncosup.consultations.models import Answer, Consultation, Question, Response
from beoncosup.core.i18n_text import clean_i18n, i18n_problems
from beoncosup.insights import disclosure
from beoncosup.situation.codes import AgeBand, Region

logger = logging.getLogger(__name__)

ALL = "*"  # the total member of a dimension
NOT_SAID = "?"  # a respondent who skipped the profile question
NO_ANSWER = "-"  # a respondent who skipped the question
PROFILES: dict[str, list[str]] = {
    "audience": list(AUDIENCE_CODES),
    "region": list(Region.values),
    "age_band": list(AgeBand.values),
}
COUNTED_KINDS = (QuestionKind.CHOICE, QuestionKind.MULTIPLE, QuestionKind.SCALE)

# A table as stored: {answer member: {profile member: count or None}}.
Table = dict[str, dict[str, int | None]]


@dataclass(frozen=True)
class _Row:
    """One response's profile and its counted answers (question id → answer members)."""

    profile: Mapping[str, str]
    answers: Mapping[int, list[str]]


def _rows(consultation: Consultation, questions: Sequence[Question]) -> list[_Row]:
    counted = {question.pk: question for question in questions}
    by_response: dict[Any, dict[int, list[str]]] = {}
    for response_id, question_id, choices, scale in Answer.objects.filter(
        response__consultation=consultation, question_id__in=list(counted)
    ).values_list("response_id", "question_id", "choices", "scale"):
        question = counted[question_id]
        if question.kind == QuestionKind.SCALE:
            members = [str(scale)] if scale in question.scale_values else []
        else:
            allowed = question.option_values
            members = [str(item) for item in choices or [] if str(item) in allowed]
            if question.kind == QuestionKind.CHOICE:
                members = members[:1]
        by_response.setdefault(response_id, {})[question_id] = members
    return [
        _Row(
            profile={
                "audience": audience or NOT_SAID,
                "region": region or NOT_SAID,
                "age_band": age_band or NOT_SAID,
            },
            answers=by_response.get(response_id, {}),
        )
        for response_id, audience, region, age_band in Response.objects.filter(
            consultation=consultation
        ).values_list("id", "audience", "region", "age_band")
    ]


def _profile_dimension(name: str, rows: Sequence[_Row]) -> disclosure.Dimension:
    present = Counter(row.profile[name] for row in rows)
    members = [code for code in [*PROFILES[name], NOT_SAID] if present[code]]
    return disclosure.Dimension(name, {ALL: None, **dict.fromkeys(members, ALL)})


def _answer_dimension(question: Question, rows: Sequence[_Row]) -> disclosure.Dimension:
    values = (
        [str(v) for v in question.scale_values]
        if question.kind == QuestionKind.SCALE
        else question.option_values
    )
    members = list(values)
    if any(not row.answers.get(question.pk) for row in rows):
        members.append(NO_ANSWER)
    additive = question.kind != QuestionKind.MULTIPLE
    return disclosure.Dimension("answer", {ALL: None, **dict.fromkeys(members, ALL)}, additive)


def _leaves(
    question: Question | None, profile: str, rows: Sequence[_Row]
) -> dict[disclosure.Key, int]:
    leaves: Counter[disclosure.Key] = Counter()
    for row in rows:
        member = row.profile[profile]
        if question is None:
            leaves[(ALL, member)] += 1
            continue
        chosen = row.answers.get(question.pk) or [NO_ANSWER]
        for answer in chosen:
            leaves[(answer, member)] += 1
        if question.kind == QuestionKind.MULTIPLE:
            leaves[(ALL, member)] += 1  # not additive: the total counts each response once
    return dict(leaves)


def _shared(question_id: int | None, profile: str, key: disclosure.Key) -> tuple[Any, ...] | None:
    """The name a cell has in every table that holds it (None: this table's own cell)."""
    answer, member = key
    if answer == ALL and member == ALL:
        return ("respondents",)
    if answer == ALL:
        return ("profile", profile, member)
    if member == ALL and question_id is not None:
        return ("answer", question_id, answer)
    return None


def _protect(
    cells: Mapping[disclosure.Key, int],
    dimensions: Sequence[disclosure.Dimension],
    *,
    k: int,
    fixed: Mapping[disclosure.Key, bool],
) -> set[disclosure.Key]:
    """The cells to suppress: keeping the margins of k or more published when a protection
    exists with them (as the insights' headline figures), otherwise whatever ``protect``
    chooses, otherwise (no protection without changing a decided cell) every cell not already
    published elsewhere."""
    margins = {
        key: False for key, value in cells.items() if value >= k and ALL in key and key not in fixed
    }
    for extra in (margins, {}):
        try:
            return disclosure.protect(cells, dimensions, k=k, fixed={**fixed, **extra})
        except ValueError:
            continue
    logger.warning("consultations: a table could not be protected; only shared cells shown")
    return {key for key in cells if fixed.get(key, True)}


def _table(
    cells: Mapping[disclosure.Key, int],
    suppressed: set[disclosure.Key],
    dimensions: Sequence[disclosure.Dimension],
) -> Table:
    answers, profile = dimensions
    return {
        answer: {
            member: None if (answer, member) in suppressed else cells[(answer, member)]
            for member in profile.members()
        }
        for answer in answers.members()
    }


def results_rows(consultation: Consultation) -> list[_Row]:
    """The consultation's responses as rows of profile and answers (two queries), to hand to
    ``results_protect`` when one page builds several tables from them."""
    questions = [q for q in consultation.questions.all() if q.kind in COUNTED_KINDS]
    return _rows(consultation, questions)


def results_protect(
    consultation: Consultation,
    *,
    k: int | None = None,
    protect: bool = True,
    rows: list[_Row] | None = None,
) -> dict[str, Any]:
    """The protected tables of ``consultation`` as they would be published now:
    ``{"k", "respondents": {profile: {member: count|None}}, "questions": [{"id", "kind",
    "tables": {profile: Table}}]}``. Suppressed cells are None; true values of suppressed
    cells are not in the result. With ``protect=False``, the raw counts (for the editors
    only, before they publish). ``rows``: the responses read by ``results_rows`` (read here
    when not given)."""
    k = int(k if k is not None else settings.BEONCOSUP_INSIGHTS_K)
    questions = [q for q in consultation.questions.all() if q.kind in COUNTED_KINDS]
    if rows is None:
        rows = _rows(consultation, questions)
    decided: dict[tuple[Any, ...], bool] = {}
    result: dict[str, Any] = {"k": k, "respondents": {}, "questions": []}
    if not rows:
        return result
    for question in [None, *questions]:
        tables: dict[str, Table] = {}
        question_id = question.pk if question is not None else None
        for profile in PROFILES:
            answer_dimension = (
                disclosure.Dimension("answer", {ALL: None})
                if question is None
                else _answer_dimension(question, rows)
            )
            dimensions = [answer_dimension, _profile_dimension(profile, rows)]
            leaves = _leaves(question, profile, rows)
            if answer_dimension.additive:
                cells = disclosure.cube_build(leaves, dimensions)
            else:
                cells = _non_additive_build(leaves, dimensions)
            fixed: dict[disclosure.Key, bool] = {}
            for key in cells:
                name = _shared(question_id, profile, key)
                if name is not None and name in decided:
                    fixed[key] = decided[name]
            suppressed = _protect(cells, dimensions, k=k, fixed=fixed) if protect else set()
            for key in cells:
                name = _shared(question_id, profile, key)
                if name is not None and name not in decided:
                    decided[name] = key in suppressed
            tables[profile] = _table(cells, suppressed, dimensions)
        if question is None:
            result["respondents"] = {profile: table[ALL] for profile, table in tables.items()}
        else:
            result["questions"].append({"id": question.pk, "kind": question.kind, "tables": tables})
    return result


def _non_additive_build(
    leaves: Mapping[disclosure.Key, int], dimensions: Sequence[disclosure.Dimension]
) -> dict[disclosure.Key, int]:
    """Every cell when the answer dimension is not additive (several choices): each answer
    member's counts are rolled up along the profile dimension on their own."""
    answers, profile = dimensions
    cells: dict[disclosure.Key, int] = {}
    for answer in answers.members():
        sub: dict[disclosure.Key, int] = {
            (key[1],): value for key, value in leaves.items() if key[0] == answer
        }
        for (member,), value in disclosure.cube_build(sub, [profile]).items():
            cells[(answer, member)] = value
    return cells


def summary_problems(summary: Any) -> list[str]:
    problems = i18n_problems(summary, max_length=5000)
    if problems:
        return problems
    texts = clean_i18n(summary)
    if not texts:
        return [_("Write the summary of the results in at least one language.")]
    if any("\x00" in text for text in texts.values()):
        return [_("The summary contains a character that is not allowed.")]
    return []


@transaction.atomic
def results_publish(
    *,
    consultation: Consultation,
    summary: Mapping[str, str],
    actor: Any,
    request: Any = None,
    now: dt.datetime | None = None,
) -> Consultation:
    """Publish the results of a closed consultation: the protected tables frozen as they are
    now, and the editors' summary. Publishing again replaces both (the responses cannot change
    after the close, so the tables stay the same unless k changed).

    Raises ValidationError when the consultation is not closed yet (results published while
    answers still come in would let anyone work out a new answer from the difference) or the
    summary is empty or not valid.

    Side effects: updates the consultation; one audit event."""
    now = now or timezone.now()
    locked: Consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if locked.closes_at > now:
        raise ValidationError(_("The results can be published once the consultation has closed."))
    problems = summary_problems(summary)
    if problems:
        raise ValidationError({"summary": problems})
    first = locked.results_published_at is None
    locked.results = results_protect(locked)
    locked.results_summary = clean_i18n(summary)
    locked.results_published_at = locked.results_published_at or now
    locked.save(update_fields=["results", "results_summary", "results_published_at", "updated_at"])
    event_record(
        action="consultations.results_published" if first else "consultations.results_updated",
        actor=actor,
        target=locked,
        request=request,
        detail={"k": locked.results["k"], "responses": count_responses(locked)},
    )
    return locked


@transaction.atomic
def results_withdraw(
    *, consultation: Consultation, actor: Any, request: Any = None
) -> Consultation:
    """Take the published results down (the summary is kept for a next publication).

    Side effects: updates the consultation; one audit event."""
    locked: Consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    locked.results_published_at = None
    locked.results = {}
    locked.save(update_fields=["results", "results_published_at", "updated_at"])
    event_record(
        action="consultations.results_withdrawn", actor=actor, target=locked, request=request
    )
    return locked


def count_responses(consultation: Consultation) -> int:
    return Response.objects.filter(consultation=consultation).count()


def suppressed_any(results: Mapping[str, Any]) -> bool:
    """Whether any cell of the stored tables is suppressed."""
    tables: Iterable[Mapping[str, Any]] = [
        {"*": table} for table in results.get("respondents", {}).values()
    ]
    for question in results.get("questions", []):
        tables = [*tables, *question["tables"].values()]
    return any(
        count is None for table in tables for row in table.values() for count in row.values()
    )
