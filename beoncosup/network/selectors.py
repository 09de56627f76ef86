"""Reads of the network: the directory search (members' and public), profiles, groups.

The directory is searched with the matcher (search.matching.engine.match, kind "caregiver") as
soon as a need is asked: it ranks by expertise, distance and language and explains why. The
matcher knows nothing of disciplines or referrals: those filters, and the public directory's
rule that a member is found only by the fields they show, apply to its ranked list here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet, prefetch_related_objects
from django.utils import timezone

from beoncosup.geo.distance import haversine_km
from beoncosup.geo.models import PostalCode
from beoncosup.network.catalogue import KIND
from beoncosup.network.codes import PublicField
from beoncosup.network.models import Announcement, Group, GroupMembership, Meeting, Profile
from beoncosup.search.matching.criteria import DEFAULT_MAX_KM, Criteria, CriteriaError
from beoncosup.search.matching.engine import match
from beoncosup.taxonomy.models import Need

MAX_RESULTS = 50  # the matcher answers pages of PAGE_SIZE: at most this many are gathered
RESULTS_SHOWN = 50


@dataclass(frozen=True)
class MemberQuery:
    """What a directory search asks (the HTML form and the API build it)."""

    needs: tuple[str, ...] = ()
    postcode: str = ""
    max_km: int | None = None
    discipline: str = ""
    language: str = ""
    referrals_only: bool = False
    lang: str = "nl"  # the page's language: the matcher's reasons are written in it


@dataclass
class MemberHit:
    profile: Profile
    distance_km: float | None = None
    matched_needs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass
class MemberResults:
    hits: list[MemberHit]
    total: int
    searched: bool  # whether any criterion was given


def profile_of(user: Any) -> Profile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Profile.objects.filter(user=user).prefetch_related("expertise").first()


def profile_detail(profile_id: int) -> Profile | None:
    return Profile.objects.filter(pk=profile_id).prefetch_related("expertise").first()


def public_profile(profile_id: int) -> Profile | None:
    """A profile its member made public (None otherwise)."""
    return (
        Profile.objects.exclude(public_fields=[])
        .filter(pk=profile_id)
        .prefetch_related("expertise")
        .first()
    )


def needs_known(codes: list[str]) -> list[str]:
    """The codes that are not needs of the taxonomy."""
    known = set(Need.objects.filter(code__in=codes).values_list("code", flat=True))
    return [code for code in codes if code not in known]


def _shows(profile: Profile, public_field: str) -> bool:
    return public_field in profile.public_fields


def _fits(profile: Profile, query: MemberQuery, *, public: bool) -> bool:
    """The filters the matcher does not know; for the public, a member is found only by the
    fields they show."""
    if query.discipline and profile.discipline != query.discipline:
        return False
    if query.language and query.language not in profile.languages:
        return False
    if query.referrals_only and not profile.accepts_referrals:
        return False
    if public:
        used = [
            (bool(query.needs), PublicField.EXPERTISE),
            (bool(query.postcode), PublicField.REGION),
            (bool(query.discipline), PublicField.DISCIPLINE),
            (bool(query.language), PublicField.LANGUAGES),
            (query.referrals_only, PublicField.REFERRALS),
        ]
        if any(asked and not _shows(profile, shown) for asked, shown in used):
            return False
    return True


def _profiles(public: bool) -> QuerySet[Profile]:
    """Profiles (their expertise is read for the ones shown only: ``members_search``)."""
    profiles = Profile.objects.order_by("display_name", "pk")
    return profiles.exclude(public_fields=[]) if public else profiles


def _centre(postcode: str) -> tuple[float, float]:
    points = list(PostalCode.objects.filter(code=postcode).values_list("latitude", "longitude"))
    if not points:
        raise CriteriaError(f"postcode: {postcode} is not a Belgian postcode")
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _by_list(query: MemberQuery, *, public: bool) -> list[MemberHit]:
    """Without a need the matcher has nothing to rank by: every member, by name, or by
    distance from a postcode (one query for the members' postcodes)."""
    profiles = list(_profiles(public))
    if not query.postcode:
        return [MemberHit(profile=p) for p in profiles if _fits(p, query, public=public)]
    latitude, longitude = _centre(query.postcode)
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, lat, lon in PostalCode.objects.filter(
        code__in={p.postcode for p in profiles}
    ).values_list("code", "latitude", "longitude"):
        points[code].append((lat, lon))
    limit = query.max_km or DEFAULT_MAX_KM
    hits = []
    for profile in profiles:
        distances = [
            haversine_km(latitude, longitude, lat, lon) for lat, lon in points[profile.postcode]
        ]
        distance = min(distances) if distances else math.inf
        if distance <= limit and _fits(profile, query, public=public):
            hits.append(MemberHit(profile=profile, distance_km=round(distance, 1)))
    hits.sort(key=lambda hit: (hit.distance_km or 0.0, hit.profile.display_name, hit.profile.pk))
    return hits


def _by_match(query: MemberQuery, *, public: bool) -> list[MemberHit]:
    criteria = Criteria(
        needs=query.needs,
        postcode=query.postcode or None,
        lang=query.lang,
        languages=(query.language,) if query.language else (),
        max_km=query.max_km,
    )
    matches = list(match(kind=KIND, criteria=criteria, page_size=MAX_RESULTS).matches)
    profiles = _profiles(public).in_bulk([int(m.object_id) for m in matches])
    hits = []
    for found_match in matches:
        profile = profiles.get(int(found_match.object_id))
        if profile is not None and _fits(profile, query, public=public):
            hits.append(
                MemberHit(
                    profile=profile,
                    distance_km=found_match.distance_km,
                    matched_needs=list(found_match.matched_needs),
                    reasons=list(found_match.reasons),
                )
            )
    return hits


def members_search(query: MemberQuery, *, public: bool = False) -> MemberResults:
    """The directory's answer: every member for members (``public``: only the profiles made
    public, found only by the fields they show). Raises CriteriaError for an unknown need code
    or postcode."""
    searched = bool(
        query.needs or query.postcode or query.discipline or query.language or query.referrals_only
    )
    hits = _by_match(query, public=public) if query.needs else _by_list(query, public=public)
    shown = hits[:RESULTS_SHOWN]
    prefetch_related_objects([hit.profile for hit in shown], "expertise")
    return MemberResults(hits=shown, total=len(hits), searched=searched)


# Groups


def groups_list() -> QuerySet[Group]:
    return Group.objects.select_related("topic").annotate(member_count=Count("memberships"))


def group_detail(group_id: int) -> Group | None:
    return Group.objects.select_related("topic").filter(pk=group_id).first()


def group_ids_of(profile: Profile | None) -> set[int]:
    if profile is None:
        return set()
    return set(GroupMembership.objects.filter(profile=profile).values_list("group_id", flat=True))


def group_members(group: Group) -> list[GroupMembership]:
    return list(
        GroupMembership.objects.filter(group=group)
        .select_related("profile")
        .order_by("-role", "profile__display_name", "pk")
    )


def membership_of(group: Group, profile_id: int) -> GroupMembership | None:
    return (
        GroupMembership.objects.filter(group=group, profile_id=profile_id)
        .select_related("profile")
        .first()
    )


def group_meetings(group: Group, *, upcoming: bool = True) -> list[Meeting]:
    meetings = Meeting.objects.filter(group=group).select_related("session")
    if upcoming:
        meetings = meetings.filter(session__ends_at__gte=timezone.now())
    return list(meetings)


def group_announcements(group: Group, *, limit: int = 10) -> list[Announcement]:
    return list(Announcement.objects.filter(group=group)[:limit])


def meeting_detail(meeting_id: int) -> Meeting | None:
    return Meeting.objects.select_related("session", "group").filter(pk=meeting_id).first()


def member_emails(group: Group) -> list[tuple[object, str]]:
    """(user, account e-mail) of every member of the group, for mailings."""
    memberships = GroupMembership.objects.filter(group=group).select_related("profile__user")
    return [(m.profile.user, m.profile.user.email) for m in memberships if m.profile.user.email]


ADD_CANDIDATES = 20


def members_to_add(group: Group, name: str) -> list[Profile]:
    """Network members not yet in ``group`` whose shown name contains ``name`` (at most 20,
    by name): what a facilitator picks from to add someone to a closed group."""
    if not name.strip():
        return []
    return list(
        Profile.objects.exclude(memberships__group=group)
        .filter(display_name__icontains=name.strip())
        .order_by("display_name", "pk")[:ADD_CANDIDATES]
    )
