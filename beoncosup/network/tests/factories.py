"""Small, explicit test data for the network: profiles, professionals, groups."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from beoncosup.accounts.testing import organisation_with, user_create
from beoncosup.network.models import Group, GroupMembership, Profile
from beoncosup.network.services import region_of_postcode
from beoncosup.taxonomy.models import Need


def profile_create(
    email: str,
    *,
    name: str = "",
    needs: tuple[str, ...] = ("MED-FATIGUE",),
    postcode: str = "9000",
    public_fields: list[str] | None = None,
    languages: list[str] | None = None,
    discipline: str = "nurse",
    accepts_referrals: bool = True,
    **extra: Any,
) -> Profile:
    user = user_create(email)
    profile = Profile.objects.create(
        user=user,
        display_name=name or email.split("@", maxsplit=1)[0].title(),
        discipline=discipline,
        languages=languages if languages is not None else ["nl"],
        postcode=postcode,
        region=region_of_postcode(postcode),
        setting="hospital",
        accepts_referrals=accepts_referrals,
        contact_email=f"contact-{email}",
        contact_phone="+3292001122",
        public_fields=public_fields or [],
        consent_at=timezone.now(),
        **extra,
    )
    profile.expertise.set(Need.objects.filter(code__in=needs))
    return profile


def professional_create(email: str) -> Any:
    organisation_with(name=f"AZ {email}", members={email: ["professional"]})
    return get_user_model().objects.get(email=email)


def group_create(*, name: str = "Intervisie Gent", open_to_join: bool = True) -> Group:
    return Group.objects.create(
        name={"nl": name, "en": name}, kind="peer", open_to_join=open_to_join
    )


def member_add(group: Group, profile: Profile, role: str = "member") -> GroupMembership:
    return GroupMembership.objects.create(group=group, profile=profile, role=role)
