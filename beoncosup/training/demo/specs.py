"""The demo training's building blocks: what a course and one of its runs look like as data,
the demo note, the invented trainers and participants, and their comments in four languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal
from typing import Any

from beoncosup.core.services import DEMO_EMAIL_DOMAIN

I18n = dict[str, str]

DEMO_NOTE: I18n = {
    "nl": "Demo-inhoud: deze opleiding bestaat niet echt.",
    "fr": "Contenu de démonstration : cette formation n'existe pas réellement.",
    "de": "Demo-Inhalt: Diese Fortbildung gibt es nicht wirklich.",
    "en": "Demo content: this course does not really exist.",
}
ORGANISER = "Cédric Hèle instituut (demo)"

# The demo accounts these rows are linked to (accounts.demo makes them; the first found is
# used). A dedicated coordinator and trainer account are preferred when they exist.
COORDINATOR_EMAILS = (
    f"demo-coordinator@{DEMO_EMAIL_DOMAIN}",
    f"demo-org-admin@{DEMO_EMAIL_DOMAIN}",
)
TRAINER_EMAILS = (f"demo-trainer@{DEMO_EMAIL_DOMAIN}", f"demo-professional@{DEMO_EMAIL_DOMAIN}")

FIRST_NAMES = [
    "Anna", "Bram", "Camille", "Dirk", "Els", "Fatima", "Gilles", "Hanne", "Ines", "Jonas",
    "Karim", "Lotte", "Marie", "Nathalie", "Olivier", "Pauline", "Quentin", "Rania", "Sofie",
    "Tom", "Ursula", "Valérie", "Wout", "Yasmine", "Zoë",
]  # fmt: skip
LAST_NAMES = [
    "Peeters", "Janssens", "Maes", "Dubois", "Lambert", "Mertens", "Leclercq", "Willems",
    "Goossens", "Dupont", "Wouters", "Hermans", "Renard", "Schmitz", "Claes", "Jacobs",
]  # fmt: skip


def with_note(texts: I18n) -> I18n:
    return {lang: f"{text}\n\n{DEMO_NOTE[lang]}" for lang, text in texts.items()}


# -- Trainers ------------------------------------------------------------------------------------

TRAINERS: dict[str, dict[str, Any]] = {
    "social": {
        "name": "Sarah Willems",
        "profession": "Maatschappelijk werker",
        "bio": {
            "nl": "Maatschappelijk werker in een oncologisch dagziekenhuis, 15 jaar ervaring met "
            "ziekte-uitkeringen, terugbetalingen en het recht om vergeten te worden.",
            "fr": "Assistante sociale dans un hôpital de jour oncologique, 15 ans d'expérience "
            "des indemnités, remboursements et du droit à l'oubli.",
            "de": "Sozialarbeiterin in einer onkologischen Tagesklinik, 15 Jahre Erfahrung mit "
            "Krankengeld, Kostenerstattung und dem Recht auf Vergessenwerden.",
            "en": "Social worker in an oncology day hospital, 15 years' experience with sickness "
            "benefits, reimbursements and the right to be forgotten.",
        },
    },
    "nurse": {
        "name": "Julie Martin",
        "profession": "Oncologisch verpleegkundige",
        "bio": {
            "nl": "Referentieverpleegkundige oncologie en trainer in communicatievaardigheden "
            "met simulatiepatiënten.",
            "fr": "Infirmière de référence en oncologie et formatrice en communication avec "
            "patients simulés.",
            "de": "Onkologische Fachpflegekraft und Trainerin für Gesprächsführung mit "
            "Simulationspatienten.",
            "en": "Oncology nurse specialist and communication skills trainer working with "
            "simulated patients.",
        },
    },
    "psychologist": {
        "name": "Pieter De Smet",
        "profession": "Psycholoog",
        "bio": {
            "nl": "Klinisch psycholoog in een borstkliniek; begeleidt teams na moeilijke "
            "gesprekken.",
            "fr": "Psychologue clinicien dans une clinique du sein ; accompagne les équipes "
            "après des entretiens difficiles.",
            "de": "Klinischer Psychologe in einem Brustzentrum; begleitet Teams nach "
            "schwierigen Gesprächen.",
            "en": "Clinical psychologist in a breast clinic; supports teams after difficult "
            "conversations.",
        },
    },
    "doctor": {
        "name": "Dr. Nadia El Amrani",
        "profession": "Medisch oncoloog",
        "bio": {
            "nl": "Medisch oncoloog; geeft al tien jaar workshops over slecht nieuws brengen "
            "met het SPIKES-protocol.",
            "fr": "Oncologue médicale ; anime depuis dix ans des ateliers sur l'annonce de "
            "mauvaises nouvelles avec le protocole SPIKES.",
            "de": "Internistische Onkologin; leitet seit zehn Jahren Workshops zum Überbringen "
            "schlechter Nachrichten nach dem SPIKES-Protokoll.",
            "en": "Medical oncologist; has run workshops on breaking bad news with the SPIKES "
            "protocol for ten years.",
        },
    },
    "professor": {
        "name": "Prof. Anne Lambert",
        "profession": "Psycho-oncoloog",
        "bio": {
            "nl": "Psycho-oncoloog en docent; coördineert de interuniversitaire opleiding.",
            "fr": "Psycho-oncologue et enseignante ; coordonne la formation interuniversitaire.",
            "de": "Psychoonkologin und Dozentin; koordiniert die interuniversitäre Weiterbildung.",
            "en": "Psycho-oncologist and lecturer; coordinates the inter-university programme.",
        },
    },
}


# -- Courses -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """An edition to make: its sessions start ``days`` from today (negative: in the past)."""

    language: str
    days: list[int]
    capacity: int
    confirmed: int
    waiting: int = 0
    postcode: str = ""
    venue: str = ""
    address: str = ""
    start: time = time(9, 30)
    hours: int = 3
    # Share of participants at each session, and the trainers' mean scores (None: no answers).
    attendance: float = 0.9
    scores: dict[str, float] = field(default_factory=dict)
    name: I18n = field(default_factory=dict)


@dataclass(frozen=True)
class CourseSpec:
    slug: str
    title: I18n
    summary: I18n
    objectives: I18n
    evidence: I18n
    sources: list[tuple[str, int]]
    professions: list[str]
    needs: list[str]
    format: str
    duration_hours: Decimal
    trainers: list[str]
    runs: list[Run]
    min_attendance_percent: int = 100
    accreditation_points: Decimal | None = None
    accreditation_body: str = ""
    organiser: str = ORGANISER
    session_titles: list[I18n] = field(default_factory=list)


COMMENTS: dict[str, list[str]] = {
    "nl": [
        "Heel praktisch, vooral de rollenspelen.",
        "Graag meer tijd voor vragen.",
        "De voorbeelden waren herkenbaar uit mijn eigen praktijk.",
        "Soms wat snel.",
    ],
    "fr": [
        "Très concret, surtout les jeux de rôle.",
        "J'aurais aimé plus de temps pour les questions.",
        "Les exemples correspondent à ma pratique.",
        "Un peu rapide par moments.",
    ],
    "de": ["Sehr praxisnah.", "Mehr Zeit für Fragen wäre gut."],
    "en": ["Very practical.", "More time for questions, please."],
}
CHANGES: dict[str, list[str]] = {
    "nl": [
        "Eerst vragen wat de patiënt al weet.",
        "Stiltes laten vallen in het gesprek.",
        "Vaker doorverwijzen naar de sociale dienst.",
    ],
    "fr": [
        "Demander d'abord ce que le patient sait déjà.",
        "Laisser plus de place aux silences.",
        "Orienter plus tôt vers le service social.",
    ],
    "de": ["Zuerst fragen, was die Patienten schon wissen."],
    "en": ["Ask first what the patient already knows."],
}
