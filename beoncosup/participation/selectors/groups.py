"""Reads about working groups and their sessions: what the public pages show, places left,
whether a session takes registrations, a participant's place in the waiting list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from beoncosup.participation.codes import RegistrationStatus
from beoncosup.participation.models import GroupSession, Registration, WorkingGroup

# A token as models.token_new makes them: anything else cannot be one of ours.
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,40}")


def places_left(group_session: GroupSession) -> int:
    """Capacity minus confirmed registrations (never negative)."""
    confirmed = Registration.objects.filter(
        session=group_session, status=RegistrationStatus.CONFIRMED
    ).count()
    return max(int(group_session.capacity) - confirmed, 0)


def registration_open(group_session: GroupSession, *, now: datetime | None = None) -> bool:
    """Its group published, the session not cancelled, before the deadline (or the start)."""
    now = now or timezone.now()
    closes = group_session.registration_deadline or group_session.session.starts_at
    return (
        group_session.group.published
        and not group_session.session.cancelled
        and now < min(closes, group_session.session.starts_at)
    )


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person waiting, and so on; None when not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = (
        Registration.objects.filter(
            session_id=registration.session_id, status=RegistrationStatus.WAITING
        )
        .filter(created_at__lte=registration.created_at)
        .exclude(created_at=registration.created_at, pk__gte=registration.pk)
        .count()
    )
    return ahead + 1


def registration_for_token(token: str) -> Registration | None:
    """The registration behind a participant's link, with its session and group."""
    if not TOKEN.fullmatch(token):
        return None
    return (
        Registration.objects.select_related("session__group", "session__session")
        .filter(token=token)
        .first()
    )


def _sessions_with_counts() -> QuerySet[GroupSession]:
    return GroupSession.objects.select_related("session").annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed"))
    )


def groups_published() -> list[WorkingGroup]:
    """Published groups with their domain and sessions (soonest first), in three queries."""
    return list(
        WorkingGroup.objects.filter(published=True)
        .select_related("domain")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=GroupSession.objects.select_related("session").order_by(
                    "session__starts_at", "pk"
                ),
            )
        )
        .order_by("domain__sort_order", "pk")
    )


def group_detail(group_id: int, *, include_unpublished: bool = False) -> WorkingGroup | None:
    found = WorkingGroup.objects.select_related("domain").filter(pk=group_id)
    if not include_unpublished:
        found = found.filter(published=True)
    group: WorkingGroup | None = found.prefetch_related("needs").first()
    return group


def group_sessions(group: WorkingGroup) -> list[GroupSession]:
    """The group's sessions in time order, each with ``confirmed`` (the count)."""
    return list(_sessions_with_counts().filter(group=group).order_by("session__starts_at", "pk"))


def session_detail(session_id: int, *, include_unpublished: bool = False) -> GroupSession | None:
    """A session of a published group (editors: of any group), with ``confirmed``."""
    found = _sessions_with_counts().select_related("group__domain").filter(pk=session_id)
    if not include_unpublished:
        found = found.filter(group__published=True)
    return found.first()


def upcoming_sessions(*, now: datetime | None = None, limit: int = 5) -> list[GroupSession]:
    """The next sessions of published groups (not cancelled), soonest first."""
    now = now or timezone.now()
    return list(
        _sessions_with_counts()
        .select_related("group")
        .filter(group__published=True, session__starts_at__gt=now, session__cancelled=False)
        .order_by("session__starts_at", "pk")[:limit]
    )


@dataclass(frozen=True)
class SessionCounts:
    confirmed: int
    waiting: int
    cancelled: int


def session_registrations(group_session: GroupSession) -> list[Registration]:
    """Every registration of the session (editors' list), confirmed first, then waiting."""
    order = {RegistrationStatus.CONFIRMED: 0, RegistrationStatus.WAITING: 1}
    rows = list(Registration.objects.filter(session=group_session).order_by("created_at", "pk"))
    return sorted(rows, key=lambda r: order.get(RegistrationStatus(r.status), 2))


def groups_for_editors() -> list[WorkingGroup]:
    """Every group (published or not) with its sessions, for the editors' overview."""
    return list(
        WorkingGroup.objects.select_related("domain")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=_sessions_with_counts().order_by("session__starts_at", "pk"),
            )
        )
        .order_by("domain__sort_order", "pk")
    )
