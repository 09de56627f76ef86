"""The network API: ``GET /api/v1/network/members`` (signed-in members only).

A signed-in session is needed (401 without one, 403 without a network profile); the answer is
the members' directory search of the site (``selectors.members_search``), without contact
details (they are on each member's page, where reading them is logged)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.responses import Status as Answer
from ninja.security import django_auth
from pydantic import Field

from beoncosup.core.i18n_text import default_language
from beoncosup.core.schemas import FieldProblem, Out, Problem
from beoncosup.network import selectors
from beoncosup.network.codes import Discipline, Setting
from beoncosup.network.selectors import MemberQuery
from beoncosup.search.matching.criteria import CriteriaError

router = Router(tags=["Network"])

Language = Literal["nl", "fr", "de", "en"]


class MembersParams(Schema):
    need: list[Annotated[str, Field(max_length=60)]] = Field(
        default_factory=list, description="Need codes of the members' expertise (repeat)."
    )
    postcode: str | None = Field(
        None, pattern=r"^\d{4}$", description="A Belgian postcode: members nearest first."
    )
    max_km: int | None = Field(None, ge=1, le=300, description="Distance limit (default 50).")
    discipline: Discipline | None = None
    lang: Language | None = Field(None, description="Members who work in this language.")
    referrals: bool = Field(False, description="Only members who accept referrals.")


class MemberOut(Out):
    id: int
    name: str
    discipline: Discipline
    expertise: list[str] = Field(description="Need codes.")
    languages: list[Language]
    region: str = Field(description="ISO 3166-2 region code (BE-DG for the German community).")
    postcode: str
    setting: Setting
    accepts_referrals: bool
    about: str
    distance_km: float | None = Field(
        description="From the asked postcode, rounded to 0.1 km; null without a postcode."
    )
    matched_needs: list[str]
    reasons: list[str] = Field(description="Why the member is proposed, in the page language.")
    is_demo: bool


class MembersOut(Out):
    results: list[MemberOut] = Field(description="At most 50, best first.")
    total: int


def _member(hit: selectors.MemberHit) -> MemberOut:
    profile = hit.profile
    return MemberOut(
        id=profile.pk,
        name=profile.display_name,
        discipline=Discipline(profile.discipline),
        expertise=[need.code for need in profile.expertise.all()],
        languages=profile.languages,
        region=profile.region,
        postcode=profile.postcode,
        setting=Setting(profile.setting),
        accepts_referrals=profile.accepts_referrals,
        about=profile.about,
        distance_km=hit.distance_km,
        matched_needs=hit.matched_needs,
        reasons=hit.reasons,
        is_demo=profile.is_demo,
    )


@router.get(
    "/network/members",
    auth=django_auth,
    response={200: MembersOut, 401: Problem, 403: Problem, 422: Problem},
    url_name="network_members",
    summary="Members of the caregiver network",
    description=(
        "Members whose expertise covers the needs (ranked by the matcher: expertise, distance, "
        "language), or every member without a need. Needs a signed-in session of a member of "
        "the network (401 without one, 403 without a network profile)."
    ),
)
def members(request: HttpRequest, params: Query[MembersParams]) -> Any:
    if not request.user.has_perm("network.search_members"):
        return Answer(403, Problem(detail="This needs a profile in the caregiver network."))
    unknown = selectors.needs_known(params.need) if params.need else []
    if unknown:
        message = f"unknown need code(s) {', '.join(unknown)}"
        return Answer(
            422,
            Problem(
                detail=f"need: {message}", errors=[FieldProblem(field="need", message=message)]
            ),
        )
    query = MemberQuery(
        needs=tuple(dict.fromkeys(params.need)),
        postcode=params.postcode or "",
        max_km=params.max_km,
        discipline=params.discipline.value if params.discipline else "",
        language=params.lang or "",
        referrals_only=params.referrals,
        lang=default_language(),
    )
    try:
        found = selectors.members_search(query)
    except CriteriaError as error:
        return Answer(422, Problem(detail=str(error)))
    return MembersOut(results=[_member(hit) for hit in found.hits], total=found.total)
