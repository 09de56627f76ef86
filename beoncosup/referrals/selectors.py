"""Reads of the referrals app, and the one answer to "what may this viewer see of this
person?" (``sight_of``): the services, the care team and the referrer each see what the
person's active consent grants them, and nothing once it is withdrawn or expired."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.selectors import roles_of
from beoncosup.directory.enums import ServiceStatus
from beoncosup.directory.models import Service
from beoncosup.referrals.codes import OPEN, UNANSWERED, DataCategory
from beoncosup.referrals.models import (
    CareTeamMember,
    Case,
    Consent,
    DataAccess,
    Notice,
    Referral,
    ReferralEvent,
    ServiceReferralSettings,
)
from beoncosup.referrals.services.common import token_hash
from beoncosup.referrals.services.statuses import working_days_between

INBOX_PAGE = 50


@dataclass(frozen=True)
class Sight:
    """What one viewer may see. ``role``: "service" (staff of the receiving service), "team"
    (a care-team member whose role the consent names), "referrer" (who made the referral:
    its status only)."""

    role: str
    needs: bool = False
    contact: bool = False
    notes: bool = False
    member: CareTeamMember | None = None

    @property
    def personal(self) -> bool:
        return self.needs or self.contact or self.notes


NOTHING = Sight(role="")


def active_consent_of(case: Case | None) -> Consent | None:
    if case is None or case.erased_at is not None:
        return None
    today = timezone.localdate()
    for consent in case.consents.all():
        if consent.is_active(today):
            return consent
    return None


def _granted(consent: Consent | None, *, role: str, care_role: str = "") -> Sight:
    if consent is None:
        return Sight(role=role)
    categories = set(consent.categories)
    return Sight(
        role=role,
        needs=DataCategory.NEEDS in categories,
        contact=DataCategory.CONTACT in categories,
        notes=DataCategory.NOTES in categories and role == "team",
    )


def _holding_organisations(user: Any) -> list[int]:
    return list(roles_of(user).organisations_with(OrgRole.PROVIDER_STAFF))


def is_service_staff(user: Any, referral: Referral) -> bool:
    ids = _holding_organisations(user)
    if not ids or referral.service_id is None or not referral.delivered:
        return False
    return Organisation.objects.filter(pk__in=ids, listings__services=referral.service_id).exists()


def team_member(user: Any, case: Case | None) -> CareTeamMember | None:
    if case is None or not getattr(user, "is_authenticated", False):
        return None
    return (
        CareTeamMember.objects.filter(case=case, user=user, removed_at__isnull=True)
        .select_related("organisation")
        .first()
    )


def sight_of_case(user: Any, case: Case | None) -> Sight:
    """What a care-team member may see of the person: nothing unless the active consent
    names their role."""
    member = team_member(user, case)
    consent = active_consent_of(case)
    if member is None or consent is None or member.role not in consent.care_roles:
        return NOTHING
    granted = _granted(consent, role="team")
    return Sight(
        role="team",
        needs=granted.needs,
        contact=granted.contact,
        notes=granted.notes,
        member=member,
    )


def sight_of(user: Any, referral: Referral) -> Sight:
    """The widest of what the viewer may see of this referral (NOTHING: not theirs)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    team = sight_of_case(user, referral.case)
    if team.role:
        return team
    if is_service_staff(user, referral):
        consent = referral.consent if referral.consent_id else None
        if consent is not None and not consent.is_active():
            consent = None
        return _granted(consent, role="service")
    if referral.referrer_id == user.pk:
        return Sight(role="referrer")
    return NOTHING


def sight_of_organisation(organisation: Organisation, referral: Referral) -> Sight:
    """What an organisation's system (an API token) may see: the receiving service's
    organisation as performer, the referrer's organisation as requester; personal data only
    while the consent is active."""
    consent = referral.consent if referral.consent_id else None
    if consent is not None and not consent.is_active():
        consent = None
    if (
        referral.delivered
        and referral.service_id is not None
        and (
            Organisation.objects.filter(
                pk=organisation.pk, listings__services=referral.service_id
            ).exists()
        )
    ):
        return _granted(consent, role="service")
    if referral.referrer_organisation_id == organisation.pk:
        return _granted(consent, role="requester")
    return NOTHING


def referral_detail(referral_id: Any) -> Referral | None:
    return (
        Referral.objects.filter(pk=referral_id)
        .select_related("case", "consent", "service", "referrer", "referrer_organisation")
        .prefetch_related(
            Prefetch("events", queryset=ReferralEvent.objects.order_by("at", "id")),
            Prefetch("case__consents", queryset=Consent.objects.order_by("-given_at", "-id")),
        )
        .first()
    )


def held_services(organisation_ids: list[int]) -> QuerySet[Service, dict[str, Any]]:
    """The ids of the services of the listings these organisations hold (for a subquery: one
    row per service, so lists built on it need no DISTINCT)."""
    held: QuerySet[Service, dict[str, Any]] = Service.objects.filter(
        organization__platform_organisations__in=organisation_ids
    ).values("pk")
    return held


ALL_STATUSES = "all"


def inbox(*, user: Any, status: str = "") -> QuerySet[Referral]:
    """Referrals delivered to the services the user's organisations hold, newest first: open
    ones by default, one status, or every status (``ALL_STATUSES``)."""
    queryset = (
        Referral.objects.filter(
            delivered=True, service__in=held_services(_holding_organisations(user))
        )
        .select_related("case", "consent", "service")
        .prefetch_related(
            Prefetch("case__consents", queryset=Consent.objects.order_by("-given_at", "-id"))
        )
        .order_by("-created_at", "id")
    )
    if status == ALL_STATUSES:
        return queryset
    if status:
        return queryset.filter(status=status)
    return queryset.filter(status__in=list(OPEN))


def inbox_for_organisation(organisation: Organisation) -> QuerySet[Referral]:
    """Referrals an organisation's system may read: those delivered to its services and
    those it made."""
    return (
        Referral.objects.filter(
            Q(delivered=True, service__in=held_services([organisation.pk]))
            | Q(referrer_organisation=organisation)
        )
        .select_related("case", "consent", "service", "referrer_organisation")
        .prefetch_related("events")
    )


def referrals_followed(*, user: Any) -> QuerySet[Referral]:
    """Referrals the professional made or follows through a care team, newest change first."""
    teams = CareTeamMember.objects.filter(user=user, removed_at__isnull=True).values("case_id")
    return (
        Referral.objects.filter(Q(referrer=user) | Q(case__in=teams))
        .select_related("case", "consent", "service")
        .prefetch_related(
            Prefetch("case__consents", queryset=Consent.objects.order_by("-given_at", "-id"))
        )
        .order_by("-updated_at", "id")
    )


def case_for_token(token: str) -> Case | None:
    """The person's case for their private link (None: unknown, renewed or erased)."""
    if not token or len(token) > 100:
        return None
    return Case.objects.filter(token_hash=token_hash(token), erased_at__isnull=True).first()


def case_page(case: Case) -> dict[str, Any]:
    """What the person's own page shows: every referral with its history, every consent,
    the care team and the access log."""
    referrals = list(
        case.referrals.select_related("service", "service__organization")
        .prefetch_related(Prefetch("events", queryset=ReferralEvent.objects.order_by("at", "id")))
        .order_by("-created_at")
    )
    consents = list(case.consents.order_by("-given_at", "-id"))
    team = list(
        CareTeamMember.objects.filter(case=case)
        .select_related("user", "organisation")
        .order_by("added_at")
    )
    accesses = list(DataAccess.objects.filter(case=case).order_by("-at", "-id")[:200])
    return {
        "referrals": referrals,
        "consents": consents,
        "active_consent": active_consent_of(case),
        "team": team,
        "accesses": accesses,
        "accesses_total": DataAccess.objects.filter(case=case).count(),
    }


def notices_unread(*, user: Any) -> QuerySet[Notice]:
    return (
        Notice.objects.filter(user=user, read_at__isnull=True)
        .select_related("referral")
        .order_by("-created_at")
    )


def team_cases(*, user: Any) -> QuerySet[Case]:
    return Case.objects.filter(
        care_team__user=user, care_team__removed_at__isnull=True, erased_at__isnull=True
    ).distinct()


SEARCH_LANGUAGES = ("nl", "fr", "de", "en")
SEARCH_RESULTS = 20


def services_named(query: str) -> list[Service]:
    """Active services whose name (in any language) contains ``query``."""
    query = query.strip()
    if len(query) < 2:
        return []
    condition = Q()
    for language in SEARCH_LANGUAGES:
        condition |= Q(**{f"name__{language}__icontains": query})
    return list(
        Service.objects.filter(condition, status=ServiceStatus.ACTIVE)
        .select_related("organization")
        .order_by("id")[:SEARCH_RESULTS]
    )


def stall_limits(service_ids: set[Any]) -> dict[Any, int]:
    """The services' own "remind after N working days" (absent: the site's default)."""
    return dict(
        ServiceReferralSettings.objects.filter(service_id__in=service_ids).values_list(
            "service_id", "stall_after_days"
        )
    )


def days_unanswered(referral: Referral, limits: dict[Any, int], today: dt.date) -> int:
    """Working days a delivered referral has waited for the service's first answer, once past
    the service's limit (``stall_limits``); else 0."""
    if not referral.delivered or referral.status not in UNANSWERED:
        return 0
    started = timezone.localtime(referral.created_at).date()
    days = working_days_between(started, today)
    limit = limits.get(referral.service_id, settings.BEONCOSUP_REFERRAL_STALL_DAYS)
    return days if days >= limit else 0
