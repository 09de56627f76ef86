"""The world every authorization test builds on: one user per role, their organisations and
one object of each kind a URL can name (issue #14; referrals from #15)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.utils import timezone

from beoncosup.accounts import services as account_services
from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.models import Invitation, JoinRequest
from beoncosup.accounts.testing import organisation_with, user_create
from beoncosup.providers.models import ChangeProposal, ListingClaim
from beoncosup.providers.tests.factories import listing_with_service
from beoncosup.referrals import services as referral_services
from beoncosup.referrals.codes import CareRole
from beoncosup.referrals.testing import NEEDS, case_of, identity_make, needs_make, terms_make
from beoncosup.workspace.models import SavedSearch, ServiceList, ServiceListItem

ROLES = [
    "anonymous",
    "no_role",
    "professional",
    "org_admin",
    "outsider",  # a professional and admin of another organisation
    "provider_staff",
    "editor",
    "reviewer",
    "analyst",
    "platform_admin",
]


@dataclass
class World:
    users: dict[str, Any] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)


def world_build() -> World:
    w = World()
    hospital = organisation_with(
        name="AZ Matrix",
        members={
            "pro@az.example": [OrgRole.PROFESSIONAL],
            "admin@az.example": [OrgRole.ORG_ADMIN],
        },
    )
    organisation_with(
        name="AZ Elders",
        members={"outsider@elders.example": [OrgRole.PROFESSIONAL, OrgRole.ORG_ADMIN]},
    )
    service = listing_with_service()
    provider = organisation_with(
        name="Steunpunt Matrix",
        kind="provider",
        members={"staff@steunpunt.example": [OrgRole.PROVIDER_STAFF]},
    )
    provider.listings.add(service.organization)
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    users = {u.email: u for u in get_user_model().objects.all()}
    w.users = {
        "no_role": user_create("someone@example.org"),
        "professional": users["pro@az.example"],
        "org_admin": users["admin@az.example"],
        "outsider": users["outsider@elders.example"],
        "provider_staff": users["staff@steunpunt.example"],
    }
    for role in ("editor", "reviewer", "analyst", "platform_admin"):
        user = user_create(f"{role}@beoncosup.example")
        account_services.role_grant(
            user=user, role=getattr(PlatformRole, role.upper()), granted_by=None
        )
        w.users[role] = user
    for user in w.users.values():
        RecoveryCodes.activate(user)  # so the recovery-code pages have something to show
    pro = w.users["professional"]
    invitation = Invitation.objects.create(
        organisation=hospital,
        email="new@az.example",
        role=OrgRole.PROFESSIONAL,
        language="nl",
        token_hash="x" * 64,
        invited_by=w.users["org_admin"],
        expires_at=timezone.now() + dt.timedelta(days=3),
    )
    join = JoinRequest.objects.create(
        organisation=hospital, user=w.users["no_role"], role=OrgRole.PROFESSIONAL
    )
    issued = account_services.api_token_create(
        organisation=hospital, name="HIS", created_by=w.users["org_admin"], days=30
    )
    claim = ListingClaim.objects.create(
        organisation=provider,
        listing=listing_with_service("Ander Steunpunt", service_name="Wandelgroep").organization,
        requested_by=w.users["provider_staff"],
        language="nl",
    )
    proposal = ChangeProposal.objects.create(
        service=service,
        organisation=provider,
        proposed_by=w.users["provider_staff"],
        changes={"url": {"old": service.url, "new": "https://steunpunt.example/nieuw"}},
        language="nl",
    )
    search = SavedSearch.objects.create(
        owner=pro, organisation=hospital, name="Vermoeidheid", query="need=MED-FATIGUE"
    )
    service_list = ServiceList.objects.create(owner=pro, organisation=hospital, name="Gent")
    item = ServiceListItem.objects.create(service_list=service_list, service=service, added_by=pro)
    needs_make()
    referral, person_token = referral_services.referral_create(
        service=service,
        needs=list(NEEDS),
        reason="Angst",
        language="nl",
        identity=identity_make(),
        terms=terms_make(care_roles=(CareRole.ONCOCOACH,)),
        referrer=pro,
        organisation=hospital,
        referrer_role=CareRole.ONCOCOACH,
    )
    w.objects = {
        "referral": referral.pk,
        "case": referral.case_id,
        "team_member": case_of(referral).care_team.get().pk,
        "person": person_token,
        "org": hospital.slug,
        "invitation": invitation.pk,
        "join": join.pk,
        "member": pro.pk,
        "token": issued.token.pk,
        "claim": claim.pk,
        "proposal": proposal.pk,
        "service": service.pk,
        "search": search.pk,
        "list": service_list.pk,
        "item": item.pk,
    }
    return w
