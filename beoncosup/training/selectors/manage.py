"""A coordinator's or trainer's home: the courses they coordinate, the sessions they teach or
coordinate (today, coming, recent), and the trainers whose scores raised a flag."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Avg, Q, QuerySet

from beoncosup.training.models import Course, Session, Trainer, TrainerScore
from beoncosup.training.rules import staff

BRUSSELS = ZoneInfo("Europe/Brussels")
UPCOMING_LIMIT = 30
RECENT_DAYS = 60
RECENT_LIMIT = 20


@dataclass(frozen=True)
class Flag:
    trainer_id: int
    trainer_name: str
    sessions: int  # sessions with an average below the course's threshold


@dataclass(frozen=True)
class Home:
    courses: list[Course]
    today: list[Session]
    upcoming: list[Session]
    recent: list[Session]
    trainer: Trainer | None  # the user's own trainer profile
    flags: list[Flag]


def courses_of(user: Any) -> QuerySet[Course]:
    """The courses whose results the user manages (all for editors and platform admins)."""
    courses: QuerySet[Course] = Course.objects.all()
    if not staff(user):
        courses = courses.filter(coordinators=user)
    return courses.order_by("slug")


def sessions_of(user: Any) -> QuerySet[Session]:
    """Sessions of courses the user teaches or coordinates (every course's for staff)."""
    sessions: QuerySet[Session] = Session.objects.filter(edition__isnull=False, cancelled=False)
    if not staff(user):
        sessions = sessions.filter(Q(trainers__user=user) | Q(edition__course__coordinators=user))
    return (
        sessions.distinct()
        .select_related("edition__course")
        .prefetch_related("trainers")
        .order_by("starts_at", "pk")
    )


def flags_of(courses: QuerySet[Course]) -> list[Flag]:
    """Trainers with at least one session whose clarity or didactics average is below the
    course's alert threshold (one query)."""
    rows = (
        TrainerScore.objects.filter(evaluation__session__edition__course__in=courses)
        .order_by()
        .values(
            "trainer_id",
            "trainer__name",
            "evaluation__session_id",
            "evaluation__session__edition__course__alert_threshold",
        )
        .annotate(clarity=Avg("clarity"), didactics=Avg("didactics"))
    )
    counts: dict[int, Flag] = {}
    for row in rows:
        threshold = row["evaluation__session__edition__course__alert_threshold"]
        if min(row["clarity"], row["didactics"]) < float(threshold):
            before = counts.get(row["trainer_id"])
            counts[row["trainer_id"]] = Flag(
                trainer_id=row["trainer_id"],
                trainer_name=row["trainer__name"],
                sessions=(before.sessions if before else 0) + 1,
            )
    return sorted(counts.values(), key=lambda flag: flag.trainer_name)


def home(user: Any, *, now: dt.datetime) -> Home:
    """What the home page shows (five to seven queries, whatever the numbers)."""
    local = now.astimezone(BRUSSELS)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    day_end = day_start + dt.timedelta(days=1)
    sessions = sessions_of(user)
    today = list(sessions.filter(starts_at__gte=day_start, starts_at__lt=day_end))
    upcoming = list(sessions.filter(starts_at__gte=day_end)[:UPCOMING_LIMIT])
    recent = list(
        sessions.filter(
            starts_at__lt=day_start, starts_at__gte=day_start - dt.timedelta(days=RECENT_DAYS)
        ).order_by("-starts_at", "-pk")[:RECENT_LIMIT]
    )
    courses = courses_of(user)
    return Home(
        courses=list(courses),
        today=today,
        upcoming=upcoming,
        recent=recent,
        trainer=Trainer.objects.filter(user=user).first(),
        flags=flags_of(courses),
    )
