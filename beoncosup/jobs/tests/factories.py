"""Test data for the jobs app: a sliver of geography with Antwerp, employers and offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from beoncosup.accounts.codes import OrganisationKind, OrgRole
from beoncosup.accounts.testing import organisation_with
from beoncosup.geo.models import Municipality, PostalCode, Province, Region
from beoncosup.geo.tests.factories import make_geo
from beoncosup.jobs.codes import ContractType, OfferKind, OfferStatus, Sector
from beoncosup.jobs.kbo import enterprise_number_normalise
from beoncosup.jobs.models import EmployerProfile, JobOffer, Occupation, ShortageListing

# Antwerp and Mechelen (about 23 km apart), beside make_geo's Gent, Brussels, Liège, Eupen.
MORE_PLACES = {
    "2000": ("11002", "Antwerpen", "Anvers", 51.2194, 4.4025),
    "2800": ("12025", "Mechelen", "Malines", 51.0257, 4.4776),
}
_counter = {"n": 0}


def jobs_geo() -> None:
    """make_geo's four postcodes plus Antwerp (2000) and Mechelen (2800)."""
    if PostalCode.objects.filter(code="2000").exists():
        return
    if not Region.objects.exists():
        make_geo()
    flanders = Region.objects.get(code="BE-VLG")
    names = {f"name_{lang}": "Antwerpen" for lang in ("nl", "fr", "de", "en")}
    province = Province.objects.create(code="BE-VAN", nis_code="10000", region=flanders, **names)
    for code, (nis, nl, fr, lat, lon) in MORE_PLACES.items():
        municipality = Municipality.objects.create(
            nis_code=nis,
            region=flanders,
            province=province,
            community="nl",
            name_nl=nl,
            name_fr=fr,
            name_de=nl,
            latitude=lat,
            longitude=lon,
        )
        PostalCode.objects.create(code=code, municipality=municipality, latitude=lat, longitude=lon)


def kbo(first_eight: str) -> str:
    return f"{first_eight}{97 - int(first_eight) % 97:02d}"


def employer_make(
    *,
    name: str = "Havenbedrijf Test",
    staff: list[str] | None = None,
    verified: bool = True,
    language: str = "nl",
    contact_email: str = "hr@haven.example",
) -> EmployerProfile:
    _counter["n"] += 1
    organisation = organisation_with(
        name=f"{name} {_counter['n']}",
        kind=OrganisationKind.EMPLOYER,
        members={email: [OrgRole.EMPLOYER_STAFF] for email in staff or []},
    )
    return EmployerProfile.objects.create(
        organisation=organisation,
        public_name=name,
        enterprise_number=enterprise_number_normalise(kbo(f"0{_counter['n'] + 1000000:07d}")),
        postcode="2000",
        contact_email=contact_email,
        sector=Sector.OFFICE,
        language=language,
        verified_at=timezone.now() if verified else None,
    )


def occupation_make(
    name: str = "Accountant", *, shortage_in: str | None = None, year: int = 2025
) -> Occupation:
    occupation = Occupation(name={"en": name, "nl": f"{name} (nl)"})
    occupation.save()
    if shortage_in:
        ShortageListing.objects.create(
            occupation=occupation,
            region=shortage_in,
            source_name="VDAB",
            source_url="https://www.vdab.be/trends/knelpuntberoepen",
            year=year,
        )
    return occupation


def offer_make(
    employer: EmployerProfile,
    *,
    status: str = OfferStatus.PUBLISHED,
    title: str = "Office assistant",
    postcode: str = "2000",
    hours: tuple[int, int] = (16, 24),
    flexibility: list[str] | None = None,
    kind: str = OfferKind.JOB,
    languages: list[str] | None = None,
    expires_in: int = 30,
    occupation: Occupation | None = None,
    **extra: Any,
) -> JobOffer:
    point = PostalCode.objects.filter(code=postcode).first()
    region = (
        "BE-DG"
        if point and point.municipality.community == "de"
        else (point.municipality.region.code if point else "")
    )
    offer = JobOffer.objects.create(
        employer=employer,
        kind=kind,
        title={"en": title},
        description={"en": f"{title}: the description."},
        occupation=occupation,
        postcode=postcode,
        municipality=point.municipality.name_nl if point else "",
        region=region,
        latitude=point.latitude if point else None,
        longitude=point.longitude if point else None,
        hours_min=hours[0],
        hours_max=hours[1],
        flexibility=flexibility or [],
        contract_type=ContractType.PERMANENT,
        languages=languages or [],
        contact_name="Hanne HR",
        contact_email=employer.contact_email,
        status=status,
        published_at=timezone.now() if status == OfferStatus.PUBLISHED else None,
        submitted_at=timezone.now() if status == OfferStatus.SUBMITTED else None,
        expires_on=timezone.localdate() + dt.timedelta(days=expires_in),
        **extra,
    )
    return offer


def offer_fields(**changes: Any) -> dict[str, Any]:
    """What an employer fills in on the offer form (POST data)."""
    data = {
        "kind": "trial",
        "title_nl": "Proefstage administratie",
        "title_en": "Trial placement in administration",
        "description_en": "Three weeks in our office, at your pace.",
        "postcode": "2000",
        "hours_min": "16",
        "hours_max": "20",
        "flexibility": ["part_time", "remote"],
        "contract_type": "trial",
        "progressive_resumption": "on",
        "languages": ["nl", "en"],
        "contact_name": "Hanne HR",
        "contact_email": "hanne@haven.example",
        "contact_phone": "03 201 23 45",
        "expires_on": (timezone.localdate() + dt.timedelta(days=45)).isoformat(),
    }
    data.update(changes)
    return data
