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
    "coordinator",  # coordinates a training course (issue #17)
    "trainer",  # teaches its session
    "member",  # has a caregiver-network profile and facilitates a group
    "employer_staff",  # publishes a verified employer's job offers (issue #19; rows_jobs.py)
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
    training_world(w)
    from tests.authz import wave2  # noqa: PLC0415 (its modules import this one)

    wave2.world_add(w)
    return w


def training_world(w: World) -> None:
    """Training and the network (issue #17): a course with a session today, its coordinator,
    trainer and a participant's registration; a network member who facilitates a group."""
    from beoncosup.network.models import Group, GroupMembership, Meeting, Profile  # noqa: PLC0415
    from beoncosup.taxonomy.models import Need  # noqa: PLC0415
    from beoncosup.training.models import (  # noqa: PLC0415
        Certificate,
        Course,
        Edition,
        Enrolment,
        Session,
        Trainer,
    )

    now = timezone.now()
    for role in ("coordinator", "trainer", "member"):
        w.users[role] = user_create(f"{role}@training.example")
        RecoveryCodes.activate(w.users[role])
    course = Course.objects.create(
        slug="matrix-course",
        title={"en": "Breaking bad news", "nl": "Slecht nieuws brengen"},
        summary={"en": "A workshop.", "nl": "Een workshop."},
        duration_hours=3,
        published=True,
    )
    course.coordinators.add(w.users["coordinator"])
    trainer = Trainer.objects.create(name="Tess Trainer", user=w.users["trainer"])
    course.trainers.add(trainer)
    course.save()  # a parental many-to-many is written when its course is saved
    edition = Edition.objects.create(
        course=course,
        language="nl",
        capacity=10,
        registration_deadline=now + dt.timedelta(days=1),
    )
    session = Session.objects.create(
        edition=edition,
        starts_at=now,
        ends_at=now + dt.timedelta(hours=3),
        venue="UZ Matrix",
        address="Matrixstraat 1, Gent",
        postcode="9000",
    )
    session.trainers.add(trainer)
    enrolment = Enrolment.objects.create(
        edition=edition,
        name="Nora Nurse",
        email="nora@example.org",
        email_digest="d" * 64,
        language="nl",
        status="confirmed",
        confirmed_at=now,
    )
    # Another participant's certificate (the coordinator may revoke it).
    certificate = Certificate.objects.create(
        enrolment=Enrolment.objects.create(
            edition=edition,
            name="Paul Participant",
            email="paul@example.org",
            email_digest="e" * 64,
            language="nl",
            status="confirmed",
            confirmed_at=now,
        ),
        hours=3,
        issued_on=now.date(),
    )
    profile = Profile.objects.create(
        user=w.users["member"],
        display_name="Mia Member",
        discipline="psychologist",
        languages=["nl", "fr"],
        postcode="9000",
        setting="hospital",
        public_fields=["discipline"],
        consent_at=now,
    )
    profile.expertise.set(Need.objects.filter(code__in=NEEDS)[:1])
    group = Group.objects.create(name={"en": "Intervision Ghent"}, kind="intervision")
    GroupMembership.objects.create(group=group, profile=profile, role="facilitator")
    meeting = Meeting.objects.create(
        group=group,
        session=Session.objects.create(
            starts_at=now + dt.timedelta(days=7), ends_at=now + dt.timedelta(days=7, hours=2)
        ),
    )
    w.objects.update(
        {
            "course": course.slug,
            "course_id": course.pk,
            "edition": edition.pk,
            "session": session.pk,
            "trainer": trainer.pk,
            "enrolment": enrolment.token,
            "evaluation": session.evaluation_token,
            "certificate": certificate.pk,
            "profile": profile.pk,
            "group": group.pk,
            "meeting": meeting.pk,
        }
    )
