"""Demo jobs for ``load_demo_jobs`` (development only): two verified demo employers, demo
occupations with shortage listings, and twelve offers: published ones across the country
(among them a trial placement in Antwerp, 20 hours a week, with work from home), two
expired and one waiting for moderation. Everything is marked as demo. Needs the geography
(``load_geo``); made through the services, as an employer and an editor would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.services import membership_add
from beoncosup.core.services import DEMO_EMAIL_DOMAIN
from beoncosup.geo.models import PostalCode
from beoncosup.jobs.codes import ContractType, OfferKind, OfferStatus, Sector
from beoncosup.jobs.models import EmployerProfile, JobOffer, Occupation, ShortageListing
from beoncosup.jobs.services.employers import employer_signup, employer_verify
from beoncosup.jobs.services.offers import offer_publish, offer_save, offer_submit

POSTCODES = ("2000", "2800", "9000", "1000", "3000", "4000", "5000", "4700", "8000")


class GeographyMissingError(RuntimeError):
    pass


def _kbo(first_eight: str) -> str:
    """A well-formed enterprise number (mod 97) from eight digits."""
    return f"{first_eight}{97 - int(first_eight) % 97:02d}"


OCCUPATIONS: dict[str, dict[str, Any]] = {
    "accountant": {
        "name": {
            "nl": "Boekhouder",
            "fr": "Comptable",
            "de": "Buchhalter",
            "en": "Accountant",
        },
        "shortage": [("BE-VLG", "VDAB", "https://www.vdab.be/trends/knelpuntberoepen")],
    },
    "nurse": {
        "name": {
            "nl": "Verpleegkundige",
            "fr": "Infirmier",
            "de": "Krankenpfleger",
            "en": "Nurse",
        },
        "shortage": [
            ("BE-VLG", "VDAB", "https://www.vdab.be/trends/knelpuntberoepen"),
            ("BE-WAL", "Forem", "https://www.leforem.be/metiers-en-penurie"),
            ("BE-BRU", "Actiris", "https://www.actiris.brussels/fr/citoyens/metiers-en-penurie/"),
        ],
    },
    "clerk": {
        "name": {
            "nl": "Administratief medewerker",
            "fr": "Employé administratif",
            "de": "Verwaltungsangestellter",
            "en": "Administrative assistant",
        },
        "shortage": [],
    },
    "warehouse": {
        "name": {
            "nl": "Magazijnier",
            "fr": "Magasinier",
            "de": "Lagerist",
            "en": "Warehouse worker",
        },
        "shortage": [("BE-DG", "ADG", "https://www.adg.be/")],
    },
    "developer": {
        "name": {
            "nl": "Softwareontwikkelaar",
            "fr": "Développeur",
            "de": "Softwareentwickler",
            "en": "Software developer",
        },
        "shortage": [("BE-VLG", "VDAB", "https://www.vdab.be/trends/knelpuntberoepen")],
    },
}

EMPLOYERS = [
    {
        "organisation_name": "Demo Havenlogistiek NV",
        "public_name": "Havenlogistiek (demo)",
        "enterprise_number": _kbo("09990001"),
        "postcode": "2000",
        "sector": Sector.LOGISTICS,
        "language": "nl",
    },
    {
        "organisation_name": "Demo Soins et Services ASBL",
        "public_name": "Soins et Services (démo)",
        "enterprise_number": _kbo("09990002"),
        "postcode": "4000",
        "sector": Sector.CARE,
        "language": "fr",
    },
]


def _offer(  # noqa: PLR0917 - a table of demo rows, read in order
    kind: str,
    title: dict[str, str],
    occupation: str,
    postcode: str,
    hours: tuple[int, int],
    flexibility: list[str],
    languages: list[str],
    contract: str,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "title": title,
        "description": {
            "nl": "Een demo-aanbod om te tonen hoe de site werkt. Je begint op je eigen "
            "tempo, met een vaste begeleider op de werkvloer.",
            "fr": "Une offre de démonstration pour montrer le fonctionnement du site. Vous "
            "commencez à votre rythme, avec un tuteur sur le lieu de travail.",
            "en": "A demo offer to show how the site works. You start at your own pace, "
            "with a mentor at the workplace.",
        },
        "occupation": occupation,
        "postcode": postcode,
        "hours_min": hours[0],
        "hours_max": hours[1],
        "flexibility": flexibility,
        "adjustments": {
            "nl": "Rustige werkplek, flexibele pauzes, aanpasbaar bureau.",
            "fr": "Poste calme, pauses flexibles, bureau réglable.",
            "en": "A quiet workplace, flexible breaks, an adjustable desk.",
        },
        "contract_type": contract,
        "progressive_resumption": True,
        "languages": languages,
    }


# (employer index, state, offer)
OFFERS: list[tuple[int, str, dict[str, Any]]] = [
    (
        0,
        "published",
        _offer(
            OfferKind.TRIAL,
            {
                "nl": "Proefstage administratie – 20 uur, deels thuis",
                "fr": "Stage d'essai administratif – 20 heures, en partie à domicile",
                "de": "Probepraktikum Verwaltung – 20 Stunden, teilweise von zu Hause",
                "en": "Trial placement in administration – 20 hours, partly from home",
            },
            "clerk",
            "2000",
            (16, 20),
            ["part_time", "progressive_schedule", "remote", "adapted_tasks"],
            ["nl", "en"],
            ContractType.TRIAL,
        ),
    ),
    (
        0,
        "published",
        _offer(
            OfferKind.JOB,
            {"nl": "Boekhouder deeltijds", "en": "Part-time accountant"},
            "accountant",
            "2000",
            (19, 30),
            ["part_time", "remote"],
            ["nl"],
            ContractType.PERMANENT,
        ),
    ),
    (
        0,
        "published",
        _offer(
            OfferKind.JOB,
            {"nl": "Magazijnier met aangepaste taken", "en": "Warehouse worker, adapted tasks"},
            "warehouse",
            "2800",
            (20, 38),
            ["adapted_tasks", "progressive_schedule"],
            ["nl"],
            ContractType.FIXED_TERM,
        ),
    ),
    (
        0,
        "published",
        _offer(
            OfferKind.JOB,
            {"nl": "Softwareontwikkelaar, 4/5", "en": "Software developer, four days a week"},
            "developer",
            "9000",
            (24, 32),
            ["part_time", "remote"],
            ["nl", "en"],
            ContractType.PERMANENT,
        ),
    ),
    (
        0,
        "published",
        _offer(
            OfferKind.TRIAL,
            {"nl": "Proefstage onthaal", "en": "Trial placement at the front desk"},
            "clerk",
            "3000",
            (8, 16),
            ["part_time", "progressive_schedule"],
            ["nl"],
            ContractType.TRIAL,
        ),
    ),
    (
        0,
        "published",
        _offer(
            OfferKind.JOB,
            {"nl": "Administratief medewerker Brugge", "en": "Administrative assistant, Bruges"},
            "clerk",
            "8000",
            (20, 30),
            ["part_time"],
            ["nl"],
            ContractType.PERMANENT,
        ),
    ),
    (
        1,
        "published",
        _offer(
            OfferKind.JOB,
            {"fr": "Infirmier·ère à temps partiel", "en": "Part-time nurse"},
            "nurse",
            "4000",
            (19, 30),
            ["part_time", "progressive_schedule", "adapted_tasks"],
            ["fr"],
            ContractType.PERMANENT,
        ),
    ),
    (
        1,
        "published",
        _offer(
            OfferKind.TRIAL,
            {"fr": "Stage d'essai en soins", "en": "Trial placement in care"},
            "nurse",
            "5000",
            (10, 20),
            ["progressive_schedule"],
            ["fr"],
            ContractType.TRIAL,
        ),
    ),
    (
        1,
        "published",
        _offer(
            OfferKind.JOB,
            {"fr": "Infirmier·ère à Bruxelles", "nl": "Verpleegkundige in Brussel"},
            "nurse",
            "1000",
            (24, 38),
            ["part_time"],
            ["fr", "nl"],
            ContractType.FIXED_TERM,
        ),
    ),
    (
        1,
        "expired",
        _offer(
            OfferKind.JOB,
            {"fr": "Magasinier à Eupen", "de": "Lagerist in Eupen"},
            "warehouse",
            "4700",
            (20, 30),
            ["adapted_tasks"],
            ["de", "fr"],
            ContractType.INTERIM,
        ),
    ),
    (
        0,
        "expired",
        _offer(
            OfferKind.JOB,
            {"nl": "Boekhouder (afgelopen)", "en": "Accountant (ended)"},
            "accountant",
            "9000",
            (20, 30),
            ["part_time"],
            ["nl"],
            ContractType.PERMANENT,
        ),
    ),
    (
        1,
        "submitted",
        _offer(
            OfferKind.TRIAL,
            {"fr": "Stage d'essai à l'accueil", "en": "Trial placement at reception"},
            "clerk",
            "4000",
            (10, 20),
            ["part_time", "remote"],
            ["fr"],
            ContractType.TRIAL,
        ),
    ),
]


def _occupations(year: int) -> dict[str, Occupation]:
    made = {}
    for key, spec in OCCUPATIONS.items():
        occupation = Occupation(name=spec["name"], code=f"demo-{key}", is_demo=True)
        occupation.save()
        for region, source, url in spec["shortage"]:
            ShortageListing.objects.create(
                occupation=occupation,
                region=region,
                source_name=source,
                source_url=url,
                year=year,
                is_demo=True,
            )
        made[key] = occupation
    return made


@transaction.atomic
def demo_jobs_load() -> dict[str, int] | None:
    """Make the demo jobs; None when they exist already. Raises GeographyMissingError when the
    postcodes are not loaded (run ``load_geo`` first)."""
    if EmployerProfile.objects.filter(is_demo=True).exists():
        return None
    known = set(PostalCode.objects.filter(code__in=POSTCODES).values_list("code", flat=True))
    if known != set(POSTCODES):
        raise GeographyMissingError(", ".join(sorted(set(POSTCODES) - known)))
    today = timezone.localdate()
    occupations = _occupations(today.year)
    employers = []
    for spec in EMPLOYERS:
        local = spec["public_name"].split()[0].lower()
        employer = employer_signup(
            user=None,
            organisation_name=str(spec["organisation_name"]),
            public_name=str(spec["public_name"]),
            enterprise_number=str(spec["enterprise_number"]),
            postcode=str(spec["postcode"]),
            contact_email=f"jobs-{local}@{DEMO_EMAIL_DOMAIN}",
            sector=str(spec["sector"]),
            language=str(spec["language"]),
            is_demo=True,
        )
        employer_verify(employer=employer, verified_by=None)
        employers.append(employer)
    # The demo accounts' employer staff (load_demo_accounts) publishes for the first employer.
    staff = get_user_model().objects.filter(email=f"demo-employer@{DEMO_EMAIL_DOMAIN}").first()
    if staff is not None:
        membership_add(
            organisation=employers[0].organisation, user=staff, role=OrgRole.EMPLOYER_STAFF
        )
    for index, (employer_index, state, spec) in enumerate(OFFERS):
        employer = employers[employer_index]
        fields = {
            **spec,
            "occupation": occupations[spec["occupation"]],
            "contact_name": "Demo Contact",
            "contact_email": employer.contact_email,
            "contact_phone": "",
            "expires_on": today + dt.timedelta(days=30 + index * 3),
        }
        offer = offer_save(employer=employer, fields=fields, user=None, is_demo=True)
        if state in {"published", "expired", "submitted"}:
            offer = offer_submit(offer=offer, user=None)
        if state in {"published", "expired"}:
            offer = offer_publish(offer=offer, editor=None)
        if state == "expired":
            offer.status = OfferStatus.EXPIRED
            offer.expires_on = today - dt.timedelta(days=5 + index)
            offer.save(update_fields=["status", "expires_on", "updated_at"])
    return {
        "employers": len(employers),
        "occupations": len(occupations),
        "offers": JobOffer.objects.filter(is_demo=True).count(),
    }
