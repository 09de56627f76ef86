"""Helpers for tests of any app: a service held by a provider, a nurse who refers, and a
referral made with the person's consent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from beoncosup.accounts.models import Organisation
from beoncosup.accounts.testing import organisation_with
from beoncosup.directory.models import Organization, Phone, Service
from beoncosup.referrals import services
from beoncosup.referrals.codes import CareRole, ConsentMethod, ContactMethod, DataCategory, Purpose
from beoncosup.referrals.models import Case, Referral
from beoncosup.taxonomy.models import Category, Domain, Need

NEEDS = ("PSY-FEAR", "SOC-WORK")


def needs_make() -> None:
    """Two needs (if the taxonomy is not loaded)."""
    texts = {f"label_{lang}": f"label {lang}" for lang in ("nl", "fr", "de", "en")}
    domain, _ = Domain.objects.get_or_create(code="PSY", defaults=texts)
    category, _ = Category.objects.get_or_create(
        code="PSY.EMOTIONS", defaults={"domain": domain, **texts}
    )
    for code in NEEDS:
        Need.objects.get_or_create(code=code, defaults={"category": category, **texts})


def service_make(name: str = "Psycho-oncologie Gent", *, listing_name: str = "") -> Service:
    listing = Organization.objects.create(
        name={"nl": listing_name or f"{name} vzw"}, description={"nl": "Een organisatie"}
    )
    service = Service.objects.create(
        organization=listing,
        name={"nl": name, "fr": f"{name} (fr)"},
        description={"nl": "Begeleiding"},
        application_process={"nl": "Bel ons op weekdagen."},
        email="onthaal@psycho.example",
    )
    Phone.objects.create(service=service, number="09 123 45 67")
    return service  # type: ignore[no-any-return]


@dataclass
class World:
    """A hospital with a nurse (professional) and a GP practice with a GP, a provider whose
    staff hold the service's listing, and the needs."""

    service: Service
    hospital: Organisation
    provider: Organisation
    nurse: Any
    staff: Any
    gp: Any
    outsider: Any


def world_make(tag: str = "") -> World:
    """The world; ``tag`` (e.g. "-b") makes every name and address its own, so several worlds
    can live in one database."""
    needs_make()
    service = service_make()
    hospital = organisation_with(
        name=f"AZ Voorbeeld{tag}",
        kind="hospital",
        members={f"nurse{tag}@az.example": ["professional"]},
    )
    practice = organisation_with(
        name=f"Huisartsen Zuid{tag}",
        kind="gp_practice",
        members={f"gp{tag}@huisarts.example": ["professional"]},
    )
    provider = organisation_with(
        name=f"Psycho-oncologie vzw{tag}",
        kind="provider",
        members={f"staff{tag}@psycho.example": ["provider_staff"]},
    )
    provider.listings.add(service.organization)
    other = organisation_with(
        name=f"Ander ziekenhuis{tag}",
        kind="hospital",
        members={f"outsider{tag}@ander.example": ["professional", "provider_staff"]},
    )
    del practice, other
    users = get_user_model().objects
    return World(
        service=service,
        hospital=hospital,
        provider=provider,
        nurse=users.get(email=f"nurse{tag}@az.example"),
        staff=users.get(email=f"staff{tag}@psycho.example"),
        gp=users.get(email=f"gp{tag}@huisarts.example"),
        outsider=users.get(email=f"outsider{tag}@ander.example"),
    )


def terms_make(
    *,
    categories: tuple[str, ...] = (DataCategory.NEEDS, DataCategory.CONTACT, DataCategory.NOTES),
    care_roles: tuple[str, ...] = (CareRole.ONCOCOACH, CareRole.GP),
    language: str = "nl",
    days: int = 180,
) -> services.ConsentTerms:
    return services.ConsentTerms(
        categories=list(categories),
        care_roles=list(care_roles),
        purposes=[Purpose.REFERRAL, Purpose.COORDINATION],
        valid_until=timezone.localdate() + dt.timedelta(days=days),
        method=ConsentMethod.READ_ALOUD,
        statement_language=language,
    )


def identity_make(*, method: str = ContactMethod.EMAIL, language: str = "nl") -> services.Identity:
    return services.Identity(
        name="An Peeters",
        contact_method=method,
        language=language,
        email="an.peeters@example.org" if method == ContactMethod.EMAIL else "",
        phone="+32470123456" if method in (ContactMethod.PHONE, ContactMethod.SMS) else "",
    )


def referral_make(
    world: World,
    *,
    terms: services.ConsentTerms | None = None,
    consent: bool = True,
    method: str = ContactMethod.EMAIL,
    language: str = "nl",
) -> tuple[Referral, str]:
    """A referral by the world's nurse (oncocoach in the care team) with consent; returns it
    and the person's private-link token."""
    return services.referral_create(
        service=world.service,
        needs=list(NEEDS),
        reason="Angst sinds de diagnose",
        language=language,
        identity=identity_make(method=method, language=language) if consent else None,
        terms=(terms or terms_make(language=language)) if consent else None,
        referrer=world.nurse,
        organisation=world.hospital,
        referrer_role=CareRole.ONCOCOACH,
    )


def case_of(referral: Referral) -> Case:
    """The referral's case (a new referral always has one; erased ones do not)."""
    assert referral.case is not None  # noqa: S101 (a test helper)
    return referral.case
