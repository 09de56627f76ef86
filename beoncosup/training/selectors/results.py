"""The same-day evaluation's results, computed on request (visible as soon as answers come in):
per session, per course and per trainer. Every average comes with its number of answers (a
small n is shown, not hidden); a trainer's session average on clarity or didactics below the
course's alert threshold raises a flag."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet

from beoncosup.training.models import (
    Attendance,
    Course,
    Evaluation,
    FollowUp,
    Session,
    Trainer,
    TrainerScore,
)

SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Bar:
    score: int
    count: int
    percent: int  # of the answers, rounded

    @property
    def step(self) -> int:
        """The percentage rounded to 5 (the CSS bar's width class: no inline styles)."""
        return 5 * round(self.percent / 5)


@dataclass(frozen=True)
class Distribution:
    """How many answers gave each score from 1 to 5."""

    counts: tuple[int, ...] = (0, 0, 0, 0, 0)

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def average(self) -> float | None:
        if not self.n:
            return None
        return sum(score * count for score, count in zip(SCORES, self.counts, strict=True)) / self.n

    @property
    def bars(self) -> list[Bar]:
        n = self.n
        return [
            Bar(score=score, count=count, percent=round(100 * count / n) if n else 0)
            for score, count in zip(SCORES, self.counts, strict=True)
        ]

    def below(self, threshold: Decimal) -> bool:
        """The average is strictly below ``threshold`` (compared exactly: total < t * n)."""
        total = sum(score * count for score, count in zip(SCORES, self.counts, strict=True))
        return self.n > 0 and Decimal(total) < Decimal(threshold) * self.n


def distribution(values: Iterable[int]) -> Distribution:
    counts = [0, 0, 0, 0, 0]
    for value in values:
        if 1 <= value <= 5:
            counts[value - 1] += 1
    return Distribution(counts=tuple(counts))


@dataclass(frozen=True)
class TrainerLine:
    """One trainer's scores (in one session, or over several)."""

    trainer: Trainer
    clarity: Distribution
    didactics: Distribution
    flagged: bool  # clarity or didactics below the threshold


@dataclass(frozen=True)
class SessionLine:
    """One session's numbers: answers, participants marked present, averages."""

    session: Session
    answers: int
    present: int
    relevance: Distribution
    clarity: Distribution
    didactics: Distribution
    trainers: list[TrainerLine] = field(default_factory=list)

    @property
    def rate(self) -> int | None:
        """Answers per participant marked present, in percent; None before attendance."""
        if not self.present:
            return None
        return round(100 * self.answers / self.present)

    @property
    def flagged(self) -> bool:
        return any(line.flagged for line in self.trainers)


def _threshold(session: Session) -> Decimal:
    edition = session.edition
    return Decimal(edition.course.alert_threshold) if edition is not None else Decimal(0)


def _present_counts(session_ids: Iterable[int]) -> dict[int, int]:
    rows = (
        Attendance.objects.filter(session_id__in=list(session_ids))
        .order_by()
        .values("session_id")
        .annotate(n=Count("pk"))
    )
    return {row["session_id"]: row["n"] for row in rows}


def _lines(sessions: list[Session], only_trainer: Trainer | None = None) -> list[SessionLine]:
    """The numbers of ``sessions`` (with their edition, course and trainers loaded): three
    queries whatever their number."""
    ids = [session.pk for session in sessions]
    relevance: dict[int, list[int]] = defaultdict(list)
    for session_id, value in Evaluation.objects.filter(session_id__in=ids).values_list(
        "session_id", "relevance"
    ):
        relevance[session_id].append(value)
    scores: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    score_rows = TrainerScore.objects.filter(evaluation__session_id__in=ids)
    if only_trainer is not None:
        score_rows = score_rows.filter(trainer=only_trainer)
    for session_id, trainer_id, clear, didactic in score_rows.values_list(
        "evaluation__session_id", "trainer_id", "clarity", "didactics"
    ):
        scores[(session_id, trainer_id)].append((clear, didactic))
    present = _present_counts(ids)
    lines = []
    for session in sessions:
        threshold = _threshold(session)
        trainers = [only_trainer] if only_trainer is not None else list(session.trainers.all())
        trainer_lines = []
        all_scores: list[tuple[int, int]] = []
        for trainer in trainers:
            pairs = scores.get((session.pk, trainer.pk), [])
            all_scores += pairs
            clarity = distribution(c for c, _d in pairs)
            didactics = distribution(d for _c, d in pairs)
            trainer_lines.append(
                TrainerLine(
                    trainer=trainer,
                    clarity=clarity,
                    didactics=didactics,
                    flagged=clarity.below(threshold) or didactics.below(threshold),
                )
            )
        lines.append(
            SessionLine(
                session=session,
                answers=len(relevance.get(session.pk, [])),
                present=present.get(session.pk, 0),
                relevance=distribution(relevance.get(session.pk, [])),
                clarity=distribution(c for c, _d in all_scores),
                didactics=distribution(d for _c, d in all_scores),
                trainers=trainer_lines,
            )
        )
    return lines


def course_sessions(course: Course) -> QuerySet[Session]:
    """The course's sessions (of every edition), oldest first, ready for ``_lines``."""
    return (
        Session.objects.filter(edition__course=course)
        .select_related("edition__course")
        .prefetch_related("trainers")
        .order_by("starts_at", "pk")
    )


@dataclass(frozen=True)
class SessionResults:
    line: SessionLine
    practice_changes: list[str]
    comments: list[str]
    professions: dict[str, int]


def session_results(session: Session) -> SessionResults:
    """Everything the session's results page shows (the session with its edition, course and
    trainers loaded)."""
    line = _lines([session])[0]
    practice_changes, comments = [], []
    professions: dict[str, int] = defaultdict(int)
    for change, comment, profession in Evaluation.objects.filter(session=session).values_list(
        "practice_change", "comment", "profession"
    ):
        if change:
            practice_changes.append(change)
        if comment:
            comments.append(comment)
        if profession:
            professions[profession] += 1
    return SessionResults(
        line=line,
        practice_changes=practice_changes,
        comments=comments,
        professions=dict(professions),
    )


@dataclass(frozen=True)
class TrainerSummary:
    """A trainer's scores over a course's sessions, and the sessions where a flag was raised."""

    trainer: Trainer
    clarity: Distribution
    didactics: Distribution
    flagged_sessions: list[Session]


@dataclass(frozen=True)
class CourseResults:
    course: Course
    lines: list[SessionLine]
    trainers: list[TrainerSummary]
    follow_ups: list[FollowUp]
    relevance: Distribution

    @property
    def answers(self) -> int:
        return sum(line.answers for line in self.lines)


def _summaries(lines: list[SessionLine]) -> list[TrainerSummary]:
    clarity: dict[int, list[int]] = defaultdict(list)
    didactics: dict[int, list[int]] = defaultdict(list)
    trainers: dict[int, Trainer] = {}
    flagged: dict[int, list[Session]] = defaultdict(list)
    for line in lines:
        for trainer_line in line.trainers:
            trainer = trainer_line.trainer
            trainers[trainer.pk] = trainer
            for score, count in zip(SCORES, trainer_line.clarity.counts, strict=True):
                clarity[trainer.pk] += [score] * count
            for score, count in zip(SCORES, trainer_line.didactics.counts, strict=True):
                didactics[trainer.pk] += [score] * count
            if trainer_line.flagged:
                flagged[trainer.pk].append(line.session)
    return [
        TrainerSummary(
            trainer=trainer,
            clarity=distribution(clarity[pk]),
            didactics=distribution(didactics[pk]),
            flagged_sessions=flagged[pk],
        )
        for pk, trainer in sorted(trainers.items(), key=lambda item: item[1].name)
    ]


def follow_ups_of(course: Course) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(course=course).select_related(
        "session", "trainer", "recorded_by"
    )


def course_results(course: Course) -> CourseResults:
    """The course's sessions with their numbers, its trainers with their averages and flags,
    and its history of follow-ups (newest first): six queries."""
    lines = _lines(list(course_sessions(course)))
    relevance = [0, 0, 0, 0, 0]
    for line in lines:
        relevance = [a + b for a, b in zip(relevance, line.relevance.counts, strict=True)]
    return CourseResults(
        course=course,
        lines=lines,
        trainers=_summaries(lines),
        follow_ups=list(follow_ups_of(course)),
        relevance=Distribution(counts=tuple(relevance)),
    )


@dataclass(frozen=True)
class Remark:
    session: Session
    text: str


@dataclass(frozen=True)
class TrainerResults:
    trainer: Trainer
    lines: list[SessionLine]  # oldest first; each line's trainers hold this trainer only
    comments: list[Remark]
    practice_changes: list[Remark]
    follow_ups: list[FollowUp]

    @property
    def flagged(self) -> list[SessionLine]:
        return [line for line in self.lines if line.flagged]


def trainer_results(trainer: Trainer, *, courses: QuerySet[Course] | None = None) -> TrainerResults:
    """The trainer's sessions (only those of ``courses`` when given: a coordinator sees their
    own courses), their scores over time, the comments about those sessions and the
    follow-ups concerning the trainer."""
    sessions = (
        Session.objects.filter(trainers=trainer, edition__isnull=False)
        .select_related("edition__course")
        .order_by("starts_at", "pk")
    )
    follow_ups = FollowUp.objects.filter(trainer=trainer).select_related(
        "course", "session", "recorded_by"
    )
    if courses is not None:
        sessions = sessions.filter(edition__course__in=courses)
        follow_ups = follow_ups.filter(course__in=courses)
    session_list = list(sessions)
    by_pk = {session.pk: session for session in session_list}
    comments, changes = [], []
    for session_id, comment, change in (
        Evaluation.objects.filter(session_id__in=list(by_pk))
        .order_by("session__starts_at", "pk")
        .values_list("session_id", "comment", "practice_change")
    ):
        if comment:
            comments.append(Remark(session=by_pk[session_id], text=comment))
        if change:
            changes.append(Remark(session=by_pk[session_id], text=change))
    return TrainerResults(
        trainer=trainer,
        lines=_lines(session_list, only_trainer=trainer),
        comments=comments,
        practice_changes=changes,
        follow_ups=list(follow_ups),
    )
