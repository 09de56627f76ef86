"""Demo participation content (development only, every row ``is_demo=True``): three working
groups, each with two past sessions (minutes and outcomes published) and one to come, demo
registrations, and an action in each status, linked to the demo sessions and, when they are
loaded, to the demo consultations (``load_demo_consultations`` first). Dates move with today.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from beoncosup.consultations.models import Consultation
from beoncosup.participation.codes import ActionKind, ActionStatus, RegistrationStatus
from beoncosup.participation.models import Action, GroupSession, Registration, WorkingGroup
from beoncosup.participation.services.actions import ActionData, action_create
from beoncosup.taxonomy.models import Domain, Need
from beoncosup.training.models import Session
from beoncosup.training.services.registration import email_digest

GROUPS: list[dict[str, Any]] = [
    {
        "domain": "WORK",
        "needs": ["WORK-GRADUAL-RETURN", "WORK-TALK-EMPLOYER", "WORK-ADJUSTMENTS"],
        "title": {
            "nl": "Werk en kanker (demo)",
            "fr": "Travail et cancer (démo)",
            "de": "Arbeit und Krebs (Demo)",
            "en": "Work and cancer (demo)",
        },
        "description": {
            "nl": "Demogroep: patiënten, naasten en professionals bespreken de terugkeer "
            "naar werk.",
            "fr": "Groupe de démo : patients, proches et professionnels parlent du retour "
            "au travail.",
            "de": "Demogruppe: Patienten, Angehörige und Fachleute sprechen über die Rückkehr "
            "zur Arbeit.",
            "en": "Demo group: patients, relatives and professionals discuss returning to work.",
        },
        "venue": ("Demo zaal Gent", "Demostraat 1, Gent", "9000"),
    },
    {
        "domain": "PSY",
        "needs": ["PSY-CARER-STRAIN", "PSY-RELATIVE-WORRIES"],
        "title": {
            "nl": "Steun voor naasten (demo)",
            "fr": "Soutien aux proches (démo)",
            "de": "Unterstützung für Angehörige (Demo)",
            "en": "Support for relatives (demo)",
        },
        "description": {
            "nl": "Demogroep over wat naasten nodig hebben tijdens en na kanker.",
            "fr": "Groupe de démo sur ce dont les proches ont besoin pendant et après un cancer.",
            "de": "Demogruppe darüber, was Angehörige während und nach Krebs brauchen.",
            "en": "Demo group on what relatives need during and after cancer.",
        },
        "venue": ("Salle démo Liège", "Rue Démo 1, Liège", "4000"),
    },
    {
        "domain": "SOC",
        "needs": ["SOC-MEDICAL-COSTS", "SOC-INCOME-LOSS"],
        "title": {
            "nl": "Kosten van zorg (demo)",
            "fr": "Coût des soins (démo)",
            "de": "Kosten der Versorgung (Demo)",
            "en": "Costs of care (demo)",
        },
        "description": {
            "nl": "Demogroep over de financiële gevolgen van kanker.",
            "fr": "Groupe de démo sur les conséquences financières du cancer.",
            "de": "Demogruppe über die finanziellen Folgen von Krebs.",
            "en": "Demo group on the financial consequences of cancer.",
        },
        "venue": ("", "", ""),  # online
    },
]

MINUTES = {
    "nl": "Demoverslag. De deelnemers beschreven wat zij misten en wat hielp.",
    "fr": "Compte rendu de démo. Les participants ont décrit ce qui leur a manqué et ce qui "
    "a aidé.",
    "de": "Demo-Protokoll. Die Teilnehmenden beschrieben, was ihnen fehlte und was half.",
    "en": "Demo minutes. Participants described what they missed and what helped.",
}
OUTCOMES = {
    "nl": "Demo-uitkomsten: drie noden bevestigd, één nieuwe nood voorgesteld.",
    "fr": "Résultats de démo : trois besoins confirmés, un nouveau besoin proposé.",
    "de": "Demo-Ergebnisse: drei Bedürfnisse bestätigt, ein neues vorgeschlagen.",
    "en": "Demo outcomes: three needs confirmed, one new need proposed.",
}

ACTIONS: list[dict[str, Any]] = [
    {
        "status": ActionStatus.DONE,
        "kind": ActionKind.TAXONOMY_CHANGE,
        "group": 0,
        "title": {
            "nl": "Nood 'gesprek met de werkgever' verduidelijkt (demo)",
            "fr": "Besoin « parler à l'employeur » clarifié (démo)",
            "de": "Bedürfnis „Gespräch mit dem Arbeitgeber“ präzisiert (Demo)",
            "en": "Need 'talking with the employer' clarified (demo)",
        },
    },
    {
        "status": ActionStatus.IN_PROGRESS,
        "kind": ActionKind.HUB_ARTICLE,
        "group": 1,
        "title": {
            "nl": "Artikel over zorg voor de mantelzorger (demo)",
            "fr": "Article sur prendre soin de l'aidant (démo)",
            "de": "Artikel über die Sorge für pflegende Angehörige (Demo)",
            "en": "Article on caring for the carer (demo)",
        },
    },
    {
        "status": ActionStatus.PLANNED,
        "kind": ActionKind.POLICY_RECOMMENDATION,
        "group": 2,
        "title": {
            "nl": "Aanbeveling over de maximumfactuur (demo)",
            "fr": "Recommandation sur le maximum à facturer (démo)",
            "de": "Empfehlung zur Höchstfaktur (Demo)",
            "en": "Recommendation on the maximum billing (demo)",
        },
    },
    {
        "status": ActionStatus.REJECTED,
        "kind": ActionKind.SERVICE_CHANGE,
        "group": 0,
        "title": {
            "nl": "Avondspreekuur bij de arbeidsgeneesheer (demo)",
            "fr": "Consultation du soir chez le médecin du travail (démo)",
            "de": "Abendsprechstunde beim Arbeitsmediziner (Demo)",
            "en": "Evening hours with the occupational physician (demo)",
        },
        "reason": {
            "nl": "Demo: de diensten kunnen dit niet organiseren; we zoeken een alternatief.",
            "fr": "Démo : les services ne peuvent pas l'organiser ; nous cherchons une autre voie.",
            "de": "Demo: Die Dienste können das nicht anbieten; wir suchen eine Alternative.",
            "en": "Demo: the services cannot organise this; we are looking for another way.",
        },
    },
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _session(group: WorkingGroup, spec: dict[str, Any], day: dt.date, past: bool) -> GroupSession:
    venue, address, postcode = spec["venue"]
    session = Session.objects.create(
        starts_at=_at(day, 14),
        ends_at=_at(day, 16),
        venue=venue,
        address=address,
        postcode=postcode,
        online_url="" if venue else "https://meet.example.org/demo-working-group",
        is_demo=True,
    )
    return GroupSession.objects.create(
        group=group,
        session=session,
        capacity=12,
        registration_deadline=_at(day - dt.timedelta(days=2), 12),
        minutes=MINUTES if past else {},
        outcomes=OUTCOMES if past else {},
        published_at=_at(day + dt.timedelta(days=7), 10) if past else None,
        is_demo=True,
    )


def _registrations(group_session: GroupSession) -> int:
    people = [
        ("Demo Patiënt", "patient", "nl", True),
        ("Démo Proche", "relative", "fr", True),
        ("Demo Fachkraft", "professional", "de", False),
    ]
    for index, (name, role, language, notify) in enumerate(people):
        email = f"demo-{group_session.pk}-{index}@example.org"
        Registration.objects.create(
            session=group_session,
            name=name,
            email=email,
            email_digest=email_digest(email),
            role=role,
            language=language,
            status=RegistrationStatus.CONFIRMED,
            notify_actions=notify,
            is_demo=True,
        )
    return len(people)


def demo_delete() -> None:
    Action.objects.filter(is_demo=True).delete()
    session_ids = list(
        GroupSession.objects.filter(group__is_demo=True).values_list("session_id", flat=True)
    )
    WorkingGroup.objects.filter(is_demo=True).delete()
    Session.objects.filter(pk__in=session_ids).delete()


@transaction.atomic
def demo_participation_load(*, replace: bool = False) -> dict[str, int] | None:
    """Make the demo content; None when it is already there (and ``replace`` is off)."""
    if WorkingGroup.objects.filter(is_demo=True).exists():
        if not replace:
            return None
        demo_delete()
    today = timezone.localdate()
    domains = set(Domain.objects.values_list("code", flat=True))
    counts = {"groups": 0, "sessions": 0, "registrations": 0, "actions": 0, "consultations": 0}
    past_sessions: list[GroupSession] = []
    for index, spec in enumerate(GROUPS):
        if spec["domain"] not in domains:
            continue  # load_taxonomy first
        group = WorkingGroup.objects.create(
            title=spec["title"],
            description=spec["description"],
            domain_id=spec["domain"],
            published=True,
            is_demo=True,
        )
        group.needs.set(Need.objects.filter(code__in=spec["needs"]))
        group.save()
        first = _session(group, spec, today - dt.timedelta(days=70 - index * 7), past=True)
        _session(group, spec, today - dt.timedelta(days=35 - index * 7), past=True)
        upcoming = _session(group, spec, today + dt.timedelta(days=21 + index * 7), past=False)
        counts["registrations"] += _registrations(first) + _registrations(upcoming)
        past_sessions.append(first)
        counts["groups"] += 1
        counts["sessions"] += 3
    consultations = list(
        Consultation.objects.filter(is_demo=True, slug__startswith="demo-").order_by("pk")
    )
    counts["consultations"] = len(consultations)
    for index, spec in enumerate(ACTIONS):
        if spec["group"] >= len(past_sessions):
            continue
        source = past_sessions[spec["group"]]
        linked = [consultations[index % len(consultations)].pk] if consultations else []
        action_create(
            data=ActionData(
                title=spec["title"],
                description={
                    "en": "Demo action: made up to show how this page works.",
                    "nl": "Demoactie: verzonnen om te tonen hoe deze pagina werkt.",
                    "fr": "Action de démo : inventée pour montrer le fonctionnement de cette page.",
                    "de": "Demo-Maßnahme: erfunden, um zu zeigen, wie diese Seite funktioniert.",
                },
                kind=spec["kind"],
                domain=source.group.domain_id,
                needs=tuple(n.code for n in source.group.needs.all()[:1]),
                link="",
                consultations=tuple(linked),
                sessions=(source.pk,),
                published=True,
            ),
            status=spec["status"],
            status_date=today - dt.timedelta(days=10 + index),
            reason=spec.get("reason"),
            is_demo=True,
        )
        counts["actions"] += 1
    return counts
