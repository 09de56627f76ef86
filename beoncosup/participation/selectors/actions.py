"""Reads of "you said, we did": the published actions with their topic and sources, filtered
as the public page and the API ask, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from beoncosup.consultations.models import Consultation
from beoncosup.participation.codes import ActionSource
from beoncosup.participation.models import Action, ActionStatusChange, GroupSession
from beoncosup.taxonomy.models import Need


@dataclass(frozen=True)
class ActionFilters:
    domain: str = ""  # a domain code
    need: str = ""  # a need code
    status: str = ""
    source: str = ""  # ActionSource


def _relations() -> tuple[Prefetch[Any], ...]:
    return (
        Prefetch("needs", queryset=Need.objects.order_by("code")),
        Prefetch("consultations", queryset=Consultation.objects.order_by("-opens_at", "pk")),
        Prefetch(
            "sessions",
            queryset=GroupSession.objects.select_related("session", "group").order_by(
                "session__starts_at", "pk"
            ),
        ),
    )


def _with_relations(actions: QuerySet[Action]) -> QuerySet[Action]:
    return actions.select_related("domain").prefetch_related(*_relations())


def actions_filtered(filters: ActionFilters | None = None) -> QuerySet[Action]:
    """Published actions matching the filters, latest status date first (no relations: page
    the query first, then load them for the rows shown)."""
    filters = filters or ActionFilters()
    actions = Action.objects.filter(published=True)
    if filters.domain:
        actions = actions.filter(domain_id=filters.domain)
    if filters.need:
        actions = actions.filter(needs__code=filters.need)
    if filters.status:
        actions = actions.filter(status=filters.status)
    if filters.source == ActionSource.CONSULTATION:
        actions = actions.filter(consultations__isnull=False)
    elif filters.source == ActionSource.SESSION:
        actions = actions.filter(sessions__isnull=False)
    ordered: QuerySet[Action] = (
        actions.distinct().select_related("domain").order_by("-status_date", "-pk")
    )
    return ordered


def actions_published(
    filters: ActionFilters | None = None, *, limit: int | None = None, offset: int = 0
) -> list[Action]:
    """Published actions, latest status date first, from ``offset``, at most ``limit`` (all
    when None), with their needs, consultations and sessions (four queries whatever their
    number)."""
    ordered = actions_filtered(filters)
    window = ordered[offset : offset + limit] if limit is not None else ordered[offset:]
    found = list(window)
    prefetch_related_objects(found, *_relations())
    return found


def actions_page(
    filters: ActionFilters | None, number: str | int | None, per_page: int
) -> Page[Action]:
    """One page of the public list (a bad number gives the last page), the relations loaded
    for its rows only: the count and the page are two queries, whatever the number of
    actions."""
    page = Paginator(actions_filtered(filters), per_page).get_page(number)
    rows = list(page.object_list)
    prefetch_related_objects(rows, *_relations())
    page.object_list = rows
    return page


def action_detail(action_id: int, *, include_unpublished: bool = False) -> Action | None:
    found = Action.objects.filter(pk=action_id)
    if not include_unpublished:
        found = found.filter(published=True)
    return _with_relations(found).first()


def action_history(action: Action) -> list[ActionStatusChange]:
    return list(ActionStatusChange.objects.filter(action=action).order_by("date", "recorded_at"))


def actions_for_consultation(consultation_id: int) -> list[Action]:
    """The published actions that came from a consultation."""
    return list(
        Action.objects.filter(published=True, consultations__pk=consultation_id)
        .select_related("domain")
        .order_by("-status_date", "-pk")
    )


def actions_for_session(group_session: GroupSession) -> list[Action]:
    """The published actions that came from a working-group session."""
    return list(
        Action.objects.filter(published=True, sessions=group_session)
        .select_related("domain")
        .order_by("-status_date", "-pk")
    )


def actions_for_editors() -> list[Action]:
    """Every action, published or not, for the editors' overview."""
    return list(Action.objects.select_related("domain").order_by("-updated_at", "-pk"))


def action_choices() -> tuple[list[Consultation], list[GroupSession]]:
    """The consultations and sessions an action may come from (editors' form)."""
    consultations = list(Consultation.objects.order_by("-opens_at", "slug"))
    sessions = list(
        GroupSession.objects.select_related("session", "group").order_by(
            "-session__starts_at", "pk"
        )
    )
    return consultations, sessions
