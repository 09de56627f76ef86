"""Demo network for ``make run`` (development only; refused in production): twelve fictitious
caregivers with profiles (their accounts at the reserved demo domain, with no usable password:
nobody signs in as them), three groups with members, a meeting and an announcement. Every row
is marked as demo. Running it again changes nothing that exists (matched by e-mail address and
group name). The demo professional account (accounts.demo), when it exists, joins too, so the
network can be tried signed in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from beoncosup.core.services import DEMO_EMAIL_DOMAIN
from beoncosup.geo.models import PostalCode
from beoncosup.network.codes import GroupKind, GroupRole
from beoncosup.network.models import Announcement, Group, GroupMembership, Meeting, Profile
from beoncosup.network.services import region_of_postcode
from beoncosup.taxonomy.models import Need
from beoncosup.training.models import Session

# (local part, name, discipline, needs, languages, postcode, setting, referrals, public fields)
_PEOPLE: list[tuple[str, str, str, list[str], list[str], str, str, bool, list[str]]] = [
    (
        "an",
        "An Peeters",
        "oncology_nurse",
        ["MED-FATIGUE", "MED-NAUSEA", "PSY-COPING"],
        ["nl", "en"],
        "9000",
        "hospital",
        True,
        ["discipline", "expertise", "languages", "region"],
    ),
    (
        "marc",
        "Marc Dubois",
        "psychologist",
        ["PSY-ANXIETY", "PSY-LOW-MOOD", "PSY-FEAR-RECURRENCE"],
        ["fr", "nl"],
        "1000",
        "private",
        True,
        ["discipline", "expertise", "languages", "region", "referrals"],
    ),
    (
        "sofie",
        "Sofie Janssens",
        "social_worker",
        ["SOC-INCOME-LOSS", "SOC-ADMIN-RIGHTS", "WORK-EMPLOYEE-SICK-PAY"],
        ["nl"],
        "2000",
        "mutuality",
        True,
        [],
    ),
    (
        "claire",
        "Claire Lambert",
        "dietitian",
        ["MED-APPETITE-WEIGHT", "MED-MOUTH-SWALLOW"],
        ["fr"],
        "4000",
        "hospital",
        False,
        ["discipline", "expertise", "region"],
    ),
    (
        "jonas",
        "Jonas Maes",
        "physiotherapist",
        ["MED-FITNESS", "MED-LYMPHOEDEMA", "MED-NEUROPATHY"],
        ["nl", "fr"],
        "3000",
        "private",
        True,
        ["discipline", "expertise", "languages", "region", "setting", "contact"],
    ),
    (
        "helene",
        "Hélène Martin",
        "sexologist",
        ["MED-SEXUALITY", "MED-BODY-IMAGE", "PSY-PARTNER"],
        ["fr", "en"],
        "5000",
        "private",
        True,
        [],
    ),
    (
        "thomas",
        "Thomas Schmitz",
        "gp",
        ["MED-FOLLOW-UP-PLAN", "MED-LATE-EFFECTS", "MED-PAIN"],
        ["de", "fr"],
        "4700",
        "gp_practice",
        True,
        ["discipline", "languages", "region"],
    ),
    (
        "lies",
        "Lies Claes",
        "psychologist",
        ["PSY-CHILDREN-OF-PARENT", "PSY-AYA", "PSY-GRIEF-LOSS"],
        ["nl"],
        "8000",
        "community",
        True,
        ["discipline", "expertise", "region"],
    ),
    (
        "nadia",
        "Nadia El Amrani",
        "social_worker",
        ["SOC-HOME-HELP", "SOC-MEDICAL-COSTS", "SOC-LANGUAGE"],
        ["fr", "nl", "en"],
        "1080",
        "hospital",
        False,
        [],
    ),
    (
        "pieter",
        "Pieter De Smet",
        "physician",
        ["MED-PALLIATIVE-CARE", "MED-ADVANCE-CARE-PLAN", "MED-DECISIONS"],
        ["nl", "en"],
        "9000",
        "hospital",
        True,
        ["discipline", "region"],
    ),
    (
        "isabelle",
        "Isabelle Renard",
        "spiritual",
        ["PSY-SPIRITUAL", "PSY-DEATH-MEANING", "PSY-BEREAVEMENT"],
        ["fr"],
        "6000",
        "hospital",
        False,
        ["discipline", "expertise", "languages"],
    ),
    (
        "koen",
        "Koen Vermeulen",
        "oncology_nurse",
        ["WORK-GRADUAL-RETURN", "WORK-TALK-EMPLOYER", "MED-FATIGUE"],
        ["nl"],
        "3500",
        "hospital",
        True,
        [],
    ),
]

# (English name, Dutch name, French name, kind, topic need, region, members by local part)
_GROUPS: list[tuple[str, str, str, str, str, str, list[str]]] = [
    (
        "Intervision psycho-oncology Flanders",
        "Intervisie psycho-oncologie Vlaanderen",
        "Intervision psycho-oncologie Flandre",
        GroupKind.INTERVISION,
        "PSY-COPING",
        "BE-VLG",
        ["lies", "an", "koen", "pieter"],
    ),
    (
        "Peer group social work and cancer",
        "Lerend netwerk sociaal werk en kanker",
        "Groupe de pairs travail social et cancer",
        GroupKind.PEER,
        "SOC-INCOME-LOSS",
        "",
        ["sofie", "nadia", "marc"],
    ),
    (
        "Return to work after cancer: Brussels and Wallonia",
        "Terug aan het werk na kanker: Brussel en Wallonië",
        "Retour au travail après un cancer : Bruxelles et Wallonie",
        GroupKind.PEER,
        "WORK-GRADUAL-RETURN",
        "BE-WAL",
        ["claire", "helene", "thomas", "isabelle"],
    ),
]


@dataclass(frozen=True)
class DemoNetwork:
    profiles: int
    groups: int
    memberships: int
    meetings: int
    announcements: int


def _user(local: str, name: str) -> Any:
    email = f"demo-network-{local}@{DEMO_EMAIL_DOMAIN}"
    user_model = get_user_model()
    user = user_model.objects.filter(username=email).first()
    if user is None:
        first, _space, last = name.partition(" ")
        user = user_model(username=email, email=email, first_name=first, last_name=last)
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def demo_network_load() -> DemoNetwork:
    """Make what is missing of the demo network. LookupError without the taxonomy or geo
    tables (load_taxonomy, load_geo first).

    Side effects: demo users, profiles (announced to the search index), groups, memberships,
    a meeting (a training session without an edition) and an announcement."""
    if settings.PRODUCTION:
        raise PermissionError("The demo network is never made in production.")
    if not Need.objects.exists():
        raise LookupError("No needs: run load_taxonomy first.")
    if not PostalCode.objects.exists():
        raise LookupError("No postcodes: run load_geo first.")
    needs = {need.code: need for need in Need.objects.all()}
    profiles: dict[str, Profile] = {}
    made = [0, 0, 0, 0, 0]
    for local, name, discipline, codes, languages, postcode, setting, referrals, public in _PEOPLE:
        user = _user(local, name)
        profile = Profile.objects.filter(user=user).first()
        if profile is None:
            profile = Profile.objects.create(
                user=user,
                display_name=name,
                discipline=discipline,
                languages=languages,
                postcode=postcode,
                region=region_of_postcode(postcode),
                setting=setting,
                accepts_referrals=referrals,
                about="",
                contact_email=f"{local}@example.org",
                public_fields=public,
                consent_at=timezone.now(),
                is_demo=True,
            )
            profile.expertise.set([needs[code] for code in codes if code in needs])
            made[0] += 1
        profiles[local] = profile
    demo_professional = (
        get_user_model().objects.filter(email=f"demo-professional@{DEMO_EMAIL_DOMAIN}").first()
    )
    if (
        demo_professional is not None
        and not Profile.objects.filter(user=demo_professional).exists()
    ):
        profiles["professional"] = Profile.objects.create(
            user=demo_professional,
            display_name="Demo Professional",
            discipline="nurse",
            languages=["nl", "fr", "en"],
            postcode="1000",
            region=region_of_postcode("1000"),
            setting="hospital",
            accepts_referrals=True,
            consent_at=timezone.now(),
            is_demo=True,
        )
        profiles["professional"].expertise.set(
            [needs[code] for code in ("PSY-COPING", "MED-FATIGUE") if code in needs]
        )
        made[0] += 1
    for name_en, name_nl, name_fr, kind, topic, region, members in _GROUPS:
        group = Group.objects.filter(is_demo=True, name__en=name_en).first()
        if group is None:
            group = Group.objects.create(
                name={"en": name_en, "nl": name_nl, "fr": name_fr},
                description={
                    "en": "A demo group of the caregiver network: fictitious members.",
                    "nl": "Een demogroep van het zorgverlenersnetwerk: fictieve leden.",
                    "fr": "Un groupe de démonstration du réseau : membres fictifs.",
                },
                kind=kind,
                topic=needs.get(topic),
                region=region,
                is_demo=True,
            )
            made[1] += 1
            for index, local in enumerate([*members, "professional"]):
                if local not in profiles:
                    continue
                GroupMembership.objects.create(
                    group=group,
                    profile=profiles[local],
                    role=GroupRole.FACILITATOR if index == 0 else GroupRole.MEMBER,
                )
                made[2] += 1
            if made[1] == 1:
                made[3] += _meeting(group)
                Announcement.objects.create(
                    group=group,
                    subject="Next intervision: case discussion",
                    body="Bring one case you would like to discuss (anonymised). Demo message.",
                    recipients=group.memberships.count(),
                )
                made[4] += 1
    return DemoNetwork(*made)


def _meeting(group: Group) -> int:
    start = (timezone.localtime() + dt.timedelta(days=14)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    session = Session.objects.create(
        edition=None,
        title=dict(group.name),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        venue="Demo – Zaal Inzicht",
        address="Voorbeeldstraat 1, 9000 Gent",
        postcode="9000",
        is_demo=True,
    )
    Meeting.objects.create(group=group, session=session, agenda="1. Welcome\n2. Case discussion")
    return 1
