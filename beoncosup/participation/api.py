"""Participation's API: ``GET /api/v1/actions`` ("you said, we did": the published actions,
their status and date, and the consultations and sessions they came from) and
``GET /api/v1/working-groups`` (published groups and their sessions). Public, through the
same selectors as the pages."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.core.schemas import Out, Problem
from beoncosup.participation.codes import ActionKind, ActionSource, ActionStatus
from beoncosup.participation.models import Action, GroupSession, WorkingGroup
from beoncosup.participation.selectors.actions import ActionFilters, actions_published
from beoncosup.participation.selectors.groups import groups_published, registration_open
from beoncosup.situation.api import LanguageCode
from beoncosup.taxonomy.models import Domain, Need

router = Router(tags=["participation"])


class ActionsParams(Schema):
    topic: str | None = Field(
        None, max_length=20, description="A domain code of the taxonomy (MED, PSY, WORK, SOC)."
    )
    need: str | None = Field(None, max_length=60, description="A need code of the taxonomy.")
    status: ActionStatus | None = Field(None, description="Only actions with this status.")
    source: ActionSource | None = Field(
        None, description="Only actions that came from a consultation, or from a session."
    )
    lang: LanguageCode | None = Field(
        None, description="Language of the texts (default: the interface language)."
    )
    limit: int = Field(100, ge=1, le=500, description="At most this many actions (100; 500 max).")
    offset: int = Field(0, ge=0, le=1_000_000, description="Skip this many first (for paging).")


class ActionTopicOut(Out):
    domain: str = Field(description="The domain code of the taxonomy.")
    domain_label: str
    needs: list[str] = Field(description="Need codes of the taxonomy.")


class ActionConsultationOut(Out):
    id: int
    slug: str
    title: str | None
    url: str | None = Field(description="The consultation's page (null while it has none).")


class ActionSessionOut(Out):
    id: int
    working_group_id: int
    title: str | None = Field(description="The working group's title.")
    date: dt.date
    url: str = Field(description="The session's page.")


class ActionOut(Out):
    id: int
    url: str = Field(description="The action's page.")
    title: str | None = Field(description="In the asked language, else the nearest available.")
    description: str | None
    language: str | None = Field(description="The language the title is given in.")
    kind: ActionKind
    status: ActionStatus
    status_date: dt.date = Field(description="Since when it has this status.")
    rejection_reason: str | None = Field(description="Why it is not done (status rejected).")
    topic: ActionTopicOut
    link: str | None = Field(description="The changed need, article or recommendation.")
    consultations: list[ActionConsultationOut] = Field(description="Where it came from.")
    sessions: list[ActionSessionOut] = Field(description="Where it came from.")
    is_demo: bool


def _text(value: dict[str, str], language: str) -> str | None:
    picked = pick(value, language)
    return picked.text if picked else None


def _consultation_url(slug: str) -> str | None:
    try:
        return reverse("consultations:detail", kwargs={"slug": slug})
    except NoReverseMatch:
        return None


def _action(action: Action, language: str) -> ActionOut:
    title = pick(action.title, language)
    return ActionOut(
        id=action.pk,
        url=reverse("participation:action", kwargs={"action_id": action.pk}),
        title=title.text if title else None,
        description=_text(action.description, language),
        language=title.language if title else None,
        kind=ActionKind(action.kind),
        status=ActionStatus(action.status),
        status_date=action.status_date,
        rejection_reason=_text(action.rejection_reason, language),
        topic=ActionTopicOut(
            domain=action.domain_id,
            domain_label=action.domain.label,
            needs=[need.code for need in action.needs.all()],
        ),
        link=action.link or None,
        consultations=[
            ActionConsultationOut(
                id=c.pk,
                slug=c.slug,
                title=_text(c.title, language),
                url=_consultation_url(c.slug),
            )
            for c in action.consultations.all()
        ],
        sessions=[_session(s, language) for s in action.sessions.all()],
        is_demo=action.is_demo,
    )


def _session(group_session: GroupSession, language: str) -> ActionSessionOut:
    return ActionSessionOut(
        id=group_session.pk,
        working_group_id=group_session.group_id,
        title=_text(group_session.group.title, language),
        date=group_session.session.starts_at.date(),
        url=reverse("participation:session", kwargs={"session_id": group_session.pk}),
    )


@router.get(
    "/actions",
    response={200: list[ActionOut], 422: Problem},
    summary='"You said, we did": what was done with the input of consultations and sessions',
    description=(
        "Published actions, latest status date first: their status (planned, in_progress, "
        "done, rejected with a reason) and its date, their topic, and the consultations and "
        "working-group sessions they came from. Filter by `topic` (a domain code), `need` "
        "(a need code), `status` and `source`. An unknown domain or need code answers 422. "
        "At most `limit` actions (100 by default) from `offset`: page on with `offset`."
    ),
)
def actions(request: HttpRequest, params: Query[ActionsParams]) -> list[ActionOut]:
    language = params.lang or default_language()
    if params.topic and not Domain.objects.filter(code=params.topic).exists():
        raise HttpError(422, f"topic: unknown domain code {params.topic!r}")
    if params.need and not Need.objects.filter(code=params.need).exists():
        raise HttpError(422, f"need: unknown need code {params.need!r}")
    filters = ActionFilters(
        domain=params.topic or "",
        need=params.need or "",
        status=params.status.value if params.status else "",
        source=params.source.value if params.source else "",
    )
    with translation.override(language):  # the pages' addresses in the asked language
        found = actions_published(filters, limit=params.limit, offset=params.offset)
        return [_action(action, language) for action in found]


class WorkingGroupSessionOut(Out):
    id: int
    url: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str | None
    postcode: str | None
    online: bool
    cancelled: bool
    capacity: int
    registration_open: bool
    minutes_published: bool


class WorkingGroupOut(Out):
    id: int
    url: str
    title: str | None
    description: str | None
    domain: str
    is_demo: bool
    sessions: list[WorkingGroupSessionOut]


def _group(group: WorkingGroup, language: str) -> WorkingGroupOut:
    return WorkingGroupOut(
        id=group.pk,
        url=reverse("participation:group", kwargs={"group_id": group.pk}),
        title=_text(group.title, language),
        description=_text(group.description, language),
        domain=group.domain_id,
        is_demo=group.is_demo,
        sessions=[
            WorkingGroupSessionOut(
                id=gs.pk,
                url=reverse("participation:session", kwargs={"session_id": gs.pk}),
                starts_at=gs.session.starts_at,
                ends_at=gs.session.ends_at,
                venue=gs.session.venue or None,
                postcode=gs.session.postcode or None,
                online=bool(gs.session.online_url),
                cancelled=gs.session.cancelled,
                capacity=gs.capacity,
                registration_open=registration_open(gs),
                minutes_published=gs.published_at is not None,
            )
            for gs in group.sessions.all()
        ],
    )


@router.get(
    "/working-groups",
    response={200: list[WorkingGroupOut], 422: Problem},
    summary="Thematic working groups and their sessions",
)
def working_groups(request: HttpRequest, lang: LanguageCode | None = None) -> list[WorkingGroupOut]:
    language = lang or default_language()
    with translation.override(language):
        return [_group(group, language) for group in groups_published()]
