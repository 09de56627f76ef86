"""Demo training content for ``make run`` (development only; refused in production): the four
kinds of course the institute runs, with trainers, past editions (attendance, same-day
evaluations, a follow-up, certificates) and coming ones (one full, with a waiting list).

Every row is marked as demo, and every course says so in its summary. People and places are
made up; the sources cited are real publications. A second run makes nothing new while the
demo courses exist; ``replace=True`` deletes the demo training rows and makes them afresh
(dates move with today).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from beoncosup.core.services import DEMO_EMAIL_DOMAIN
from beoncosup.taxonomy.models import Need
from beoncosup.training.codes import AttendanceMethod, CourseFormat, Profession, Registration
from beoncosup.training.models import (
    Attendance,
    Course,
    Edition,
    Enrolment,
    Evaluation,
    EvidenceSource,
    FollowUp,
    Session,
    Trainer,
    TrainerScore,
)
from beoncosup.training.selectors.certificates import certificate_eligible
from beoncosup.training.services.certificates import certificate_issue
from beoncosup.training.services.registration import email_digest

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


def _with_note(texts: I18n) -> I18n:
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


SOCIAL = CourseSpec(
    slug="demo-social-rights-after-cancer",
    title={
        "nl": "Financiële en sociale rechten na een kankerdiagnose",
        "fr": "Droits financiers et sociaux après un diagnostic de cancer",
        "de": "Finanzielle und soziale Rechte nach einer Krebsdiagnose",
        "en": "Financial and social rights after a cancer diagnosis",
    },
    summary=_with_note(
        {
            "nl": "Twee sessies voor maatschappelijk werkers: welke uitkeringen, "
            "terugbetalingen en tegemoetkomingen een patiënt kan aanvragen, en hoe je samen "
            "met de patiënt de papieren in orde brengt.",
            "fr": "Deux séances pour les assistants sociaux : quelles indemnités, quels "
            "remboursements et quelles allocations un patient peut demander, et comment "
            "régler les démarches avec lui.",
            "de": "Zwei Sitzungen für Sozialarbeitende: welche Leistungen, Erstattungen und "
            "Beihilfen Patienten beantragen können und wie Sie die Anträge gemeinsam "
            "erledigen.",
            "en": "Two sessions for social workers: which benefits, reimbursements and "
            "allowances a patient can claim, and how to sort out the paperwork together.",
        }
    ),
    objectives={
        "nl": "De ziekte-uitkering en de invaliditeit uitleggen\nDe maximumfactuur en het "
        "globaal medisch dossier toepassen\nHet recht om vergeten te worden uitleggen bij "
        "een lening",
        "fr": "Expliquer les indemnités de maladie et l'invalidité\nAppliquer le maximum à "
        "facturer et le dossier médical global\nExpliquer le droit à l'oubli pour un prêt",
        "de": "Krankengeld und Invalidität erklären\nHöchstfaktur und globale medizinische "
        "Akte anwenden\nDas Recht auf Vergessenwerden bei einem Kredit erklären",
        "en": "Explain sickness benefit and invalidity\nApply the maximum billing scheme and "
        "the global medical record\nExplain the right to be forgotten for a loan",
    },
    evidence={
        "nl": "Financiële problemen komen vaak voor na kanker en wegen op de levenskwaliteit; "
        "vroege sociale ondersteuning helpt ze te beperken.",
        "fr": "Les difficultés financières sont fréquentes après un cancer et pèsent sur la "
        "qualité de vie ; un soutien social précoce aide à les limiter.",
        "de": "Finanzielle Probleme sind nach Krebs häufig und belasten die Lebensqualität; "
        "frühe soziale Unterstützung hilft, sie zu begrenzen.",
        "en": "Financial hardship is common after cancer and weighs on quality of life; early "
        "social support helps to limit it.",
    },
    sources=[
        (
            "Altice CK, Banegas MP, Tucker-Seeley RD, Yabroff KR. Financial hardships "
            "experienced by cancer survivors: a systematic review. J Natl Cancer Inst. "
            "2017;109(2):djw205.",
            2017,
        ),
        (
            "de Boer AGEM, Taskila T, Ojajärvi A, van Dijk FJH, Verbeek JHAM. Cancer "
            "survivors and unemployment: a meta-analysis and meta-regression. JAMA. "
            "2009;301(7):753–762.",
            2009,
        ),
    ],
    professions=[Profession.SOCIAL_WORKER],
    needs=[
        "SOC-ADMIN-RIGHTS",
        "SOC-INCOME-LOSS",
        "SOC-MEDICAL-COSTS",
        "SOC-INSURANCE-ACCESS",
        "WORK-EMPLOYEE-SICK-PAY",
        "WORK-INVALIDITY",
    ],
    format=CourseFormat.COURSE,
    duration_hours=Decimal("6"),
    trainers=["social"],
    runs=[
        Run(
            language="nl",
            days=[-60, -53],
            capacity=16,
            confirmed=10,
            postcode="9000",
            venue="Demo – Zaal Leie",
            address="Voorbeeldstraat 1, Gent",
            scores={"social": 4.4},
            attendance=0.85,
        ),
        Run(
            language="fr",
            days=[30, 37],
            capacity=16,
            confirmed=5,
            postcode="5000",
            venue="Démo – Salle Meuse",
            address="Rue de l'Exemple 1, Namur",
        ),
    ],
)

NURSES = CourseSpec(
    slug="demo-communication-nurses",
    title={
        "nl": "Communicatietraining voor verpleegkundigen in de oncologie",
        "fr": "Formation à la communication pour infirmiers en oncologie",
        "de": "Kommunikationstraining für Pflegefachpersonen in der Onkologie",
        "en": "Communication training for oncology nurses",
    },
    summary=_with_note(
        {
            "nl": "Een dag oefenen met simulatiepatiënten: vragen en emoties opvangen, "
            "informatie afstemmen op wat de patiënt wil weten, en doorverwijzen wanneer het "
            "nodig is.",
            "fr": "Une journée d'exercices avec des patients simulés : accueillir les questions "
            "et les émotions, adapter l'information à ce que le patient veut savoir, et "
            "orienter quand c'est nécessaire.",
            "de": "Ein Übungstag mit Simulationspatienten: Fragen und Gefühle auffangen, "
            "Informationen darauf abstimmen, was die Patienten wissen wollen, und bei Bedarf "
            "weitervermitteln.",
            "en": "A day of practice with simulated patients: responding to questions and "
            "emotions, matching information to what the patient wants to know, and referring "
            "on when needed.",
        }
    ),
    objectives={
        "nl": "Emoties herkennen en benoemen\nNagaan wat de patiënt al weet en wil weten\n"
        "Signalen van ernstige angst of somberheid herkennen en doorverwijzen",
        "fr": "Reconnaître et nommer les émotions\nVérifier ce que le patient sait et veut "
        "savoir\nRepérer une anxiété ou une tristesse sévère et orienter",
        "de": "Gefühle erkennen und ansprechen\nKlären, was die Patienten wissen und wissen "
        "wollen\nSchwere Angst oder Niedergeschlagenheit erkennen und weitervermitteln",
        "en": "Recognise and name emotions\nCheck what the patient knows and wants to know\n"
        "Spot severe anxiety or low mood and refer on",
    },
    evidence={
        "nl": "Communicatietraining met oefenen en feedback verbetert de empathische "
        "reacties van zorgverleners; het effect op patiënten is minder zeker.",
        "fr": "Une formation avec exercices et retours améliore les réponses empathiques des "
        "soignants ; l'effet sur les patients est moins certain.",
        "de": "Training mit Übungen und Rückmeldungen verbessert die empathischen Antworten "
        "von Fachpersonen; die Wirkung auf Patienten ist weniger sicher.",
        "en": "Training with practice and feedback improves clinicians' empathic responses; "
        "the effect on patients is less certain.",
    },
    sources=[
        (
            "Moore PM, Rivera S, Bravo-Soto GA, Olivares C, Lawrie TA. Communication skills "
            "training for healthcare professionals working with people who have cancer. "
            "Cochrane Database Syst Rev. 2018;7:CD003751.",
            2018,
        ),
        (
            "Fallowfield L, Jenkins V. Communicating sad, bad, and difficult news in "
            "medicine. Lancet. 2004;363(9405):312–319.",
            2004,
        ),
    ],
    professions=[Profession.NURSE],
    needs=["PSY-ANXIETY", "PSY-COPING", "MED-UNDERSTANDING", "MED-CARE-TEAM"],
    format=CourseFormat.WORKSHOP,
    duration_hours=Decimal("6"),
    trainers=["nurse", "psychologist"],
    runs=[
        # The first run's low scores for the psychologist led to the follow-up; the second
        # run shows the change.
        Run(
            language="nl",
            days=[-40],
            capacity=12,
            confirmed=12,
            postcode="2000",
            venue="Demo – Zaal Schelde",
            address="Voorbeeldlei 10, Antwerpen",
            hours=6,
            start=time(9, 0),
            scores={"nurse": 4.5, "psychologist": 2.8},
            attendance=0.92,
        ),
        Run(
            language="nl",
            days=[-12],
            capacity=12,
            confirmed=10,
            postcode="2000",
            venue="Demo – Zaal Schelde",
            address="Voorbeeldlei 10, Antwerpen",
            hours=6,
            start=time(9, 0),
            scores={"nurse": 4.6, "psychologist": 3.9},
        ),
        Run(
            language="nl",
            days=[21],
            capacity=8,
            confirmed=8,
            waiting=3,
            postcode="3000",
            venue="Demo – Zaal Dijle",
            address="Voorbeeldplein 5, Leuven",
            hours=6,
            start=time(9, 0),
        ),
        Run(
            language="fr",
            days=[45],
            capacity=12,
            confirmed=4,
            postcode="1000",
            venue="Démo – Salle Senne",
            address="Avenue de l'Exemple 20, Bruxelles",
            hours=6,
            start=time(9, 0),
        ),
    ],
)

BAD_NEWS = CourseSpec(
    slug="demo-breaking-bad-news",
    title={
        "nl": "Slecht nieuws brengen: workshop voor artsen",
        "fr": "Annoncer une mauvaise nouvelle : atelier pour médecins",
        "de": "Schlechte Nachrichten überbringen: Workshop für Ärztinnen und Ärzte",
        "en": "Breaking bad news: a workshop for doctors",
    },
    summary=_with_note(
        {
            "nl": "Een namiddag rollenspel met het SPIKES-protocol: het gesprek voorbereiden, "
            "het nieuws brengen, stiltes en emoties opvangen en samen de volgende stappen "
            "plannen.",
            "fr": "Un après-midi de jeux de rôle avec le protocole SPIKES : préparer "
            "l'entretien, annoncer la nouvelle, accueillir les silences et les émotions, et "
            "planifier ensemble la suite.",
            "de": "Ein Nachmittag mit Rollenspielen nach dem SPIKES-Protokoll: das Gespräch "
            "vorbereiten, die Nachricht überbringen, Schweigen und Gefühle aushalten und die "
            "nächsten Schritte gemeinsam planen.",
            "en": "An afternoon of role play with the SPIKES protocol: preparing the "
            "conversation, giving the news, making room for silence and emotion, and "
            "planning the next steps together.",
        }
    ),
    objectives={
        "nl": "De zes stappen van SPIKES toepassen\nReageren op emoties met empathische "
        "uitspraken\nEen behandelplan samen met de patiënt opstellen",
        "fr": "Appliquer les six étapes de SPIKES\nRépondre aux émotions par des phrases "
        "empathiques\nÉtablir le plan de traitement avec le patient",
        "de": "Die sechs Schritte von SPIKES anwenden\nAuf Gefühle mit empathischen Sätzen "
        "antworten\nDen Behandlungsplan gemeinsam mit den Patienten festlegen",
        "en": "Apply the six steps of SPIKES\nRespond to emotions with empathic statements\n"
        "Agree the treatment plan with the patient",
    },
    evidence={
        "nl": "SPIKES is een veelgebruikt stappenplan voor het brengen van slecht nieuws in "
        "de oncologie; training met rollenspel verbetert de communicatie van artsen.",
        "fr": "SPIKES est un protocole en étapes très utilisé pour l'annonce en oncologie ; "
        "la formation par jeux de rôle améliore la communication des médecins.",
        "de": "SPIKES ist ein verbreitetes Stufenmodell für das Überbringen schlechter "
        "Nachrichten in der Onkologie; Training mit Rollenspielen verbessert die "
        "Kommunikation von Ärztinnen und Ärzten.",
        "en": "SPIKES is a widely used step-by-step protocol for breaking bad news in "
        "oncology; training with role play improves doctors' communication.",
    },
    sources=[
        (
            "Baile WF, Buckman R, Lenzi R, Glober G, Beale EA, Kudelka AP. SPIKES—a six-step "
            "protocol for delivering bad news: application to the patient with cancer. The "
            "Oncologist. 2000;5(4):302–311.",
            2000,
        ),
        (
            "Fallowfield L, Jenkins V. Communicating sad, bad, and difficult news in "
            "medicine. Lancet. 2004;363(9405):312–319.",
            2004,
        ),
    ],
    professions=[Profession.PHYSICIAN, Profession.GP],
    needs=["MED-UNDERSTANDING", "MED-DECISIONS", "PSY-SHOCK-TRAUMA", "PSY-ANXIETY"],
    format=CourseFormat.WORKSHOP,
    duration_hours=Decimal("4"),
    accreditation_points=Decimal("4"),
    accreditation_body="RIZIV-INAMI (accreditation of doctors; demo)",
    trainers=["doctor", "psychologist"],
    runs=[
        Run(
            language="fr",
            days=[-25],
            capacity=10,
            confirmed=10,
            postcode="4000",
            venue="Démo – Salle Ourthe",
            address="Quai de l'Exemple 3, Liège",
            start=time(13, 30),
            hours=4,
            scores={"doctor": 4.7, "psychologist": 4.1},
            attendance=0.9,
        ),
        Run(
            language="nl",
            days=[60],
            capacity=14,
            confirmed=6,
            postcode="8000",
            venue="Demo – Zaal Reie",
            address="Voorbeeldkaai 7, Brugge",
            start=time(13, 30),
            hours=4,
        ),
        Run(
            language="de",
            days=[75],
            capacity=10,
            confirmed=2,
            postcode="4700",
            venue="Demo – Saal Weser",
            address="Beispielstraße 2, Eupen",
            start=time(13, 30),
            hours=4,
        ),
    ],
)

PROGRAMME_DAYS = [-300 + 56 * n for n in range(12)]

PROGRAMME = CourseSpec(
    slug="demo-psycho-oncology-programme",
    title={
        "nl": "Interuniversitaire opleiding psycho-oncologie (twee jaar)",
        "fr": "Formation interuniversitaire en psycho-oncologie (deux ans)",
        "de": "Interuniversitäre Weiterbildung Psychoonkologie (zwei Jahre)",
        "en": "Inter-university programme in psycho-oncology (two years)",
    },
    summary=_with_note(
        {
            "nl": "Twaalf lesdagen over twee jaar, samen met de universiteiten, voor "
            "psychologen, verpleegkundigen, artsen en maatschappelijk werkers die mensen "
            "met kanker en hun naasten begeleiden. Een attest vraagt aanwezigheid op 80 % "
            "van de lesdagen.",
            "fr": "Douze journées sur deux ans, avec les universités, pour les psychologues, "
            "infirmiers, médecins et assistants sociaux qui accompagnent les personnes "
            "atteintes d'un cancer et leurs proches. L'attestation demande une présence à "
            "80 % des journées.",
            "de": "Zwölf Kurstage über zwei Jahre, gemeinsam mit den Universitäten, für "
            "Psychologen, Pflegefachpersonen, Ärzte und Sozialarbeitende, die Menschen mit "
            "Krebs und ihre Angehörigen begleiten. Die Bescheinigung setzt die Teilnahme an "
            "80 % der Kurstage voraus.",
            "en": "Twelve days over two years, with the universities, for psychologists, "
            "nurses, doctors and social workers who support people with cancer and those "
            "close to them. The certificate needs attendance at 80% of the days.",
        }
    ),
    objectives={
        "nl": "Distress herkennen met een gevalideerde screening\nPsychologische "
        "interventies kiezen op basis van evidentie\nNaasten en kinderen betrekken\nIn een "
        "interdisciplinair team samenwerken",
        "fr": "Repérer la détresse avec un dépistage validé\nChoisir des interventions "
        "psychologiques fondées sur les preuves\nImpliquer les proches et les enfants\n"
        "Travailler en équipe interdisciplinaire",
        "de": "Belastung mit einem validierten Screening erkennen\nEvidenzbasierte "
        "psychologische Interventionen wählen\nAngehörige und Kinder einbeziehen\nIm "
        "interdisziplinären Team zusammenarbeiten",
        "en": "Recognise distress with a validated screening\nChoose evidence-based "
        "psychological interventions\nInvolve relatives and children\nWork in an "
        "interdisciplinary team",
    },
    evidence={
        "nl": "Psycho-oncologische interventies verminderen emotionele distress en "
        "verbeteren de levenskwaliteit van volwassenen met kanker.",
        "fr": "Les interventions psycho-oncologiques réduisent la détresse émotionnelle et "
        "améliorent la qualité de vie des adultes atteints d'un cancer.",
        "de": "Psychoonkologische Interventionen verringern die emotionale Belastung und "
        "verbessern die Lebensqualität Erwachsener mit Krebs.",
        "en": "Psycho-oncological interventions reduce emotional distress and improve "
        "quality of life in adults with cancer.",
    },
    sources=[
        (
            "Faller H, Schuler M, Richard M, Heckl U, Weis J, Küffner R. Effects of "
            "psycho-oncologic interventions on emotional distress and quality of life in "
            "adult patients with cancer: systematic review and meta-analysis. J Clin Oncol. "
            "2013;31(6):782–793.",
            2013,
        ),
        (
            "Holland JC, Breitbart WS, Butow PN, Jacobsen PB, Loscalzo MJ, McCorkle R, "
            "editors. Psycho-Oncology. 3rd ed. Oxford University Press; 2015.",
            2015,
        ),
    ],
    professions=[
        Profession.PSYCHOLOGIST,
        Profession.NURSE,
        Profession.PHYSICIAN,
        Profession.SOCIAL_WORKER,
    ],
    needs=[
        "PSY-ANXIETY",
        "PSY-LOW-MOOD",
        "PSY-FEAR-RECURRENCE",
        "PSY-SEVERE-DISTRESS",
        "PSY-FAMILY-FRIENDS",
        "PSY-DEATH-MEANING",
    ],
    format=CourseFormat.PROGRAMME,
    duration_hours=Decimal("72"),
    min_attendance_percent=80,
    organiser="Cédric Hèle instituut en universiteiten (demo)",
    trainers=["professor", "psychologist"],
    runs=[
        Run(
            language="nl",
            days=PROGRAMME_DAYS,
            capacity=20,
            confirmed=14,
            postcode="1000",
            venue="Demo – Auditorium Zenne",
            address="Voorbeeldlaan 100, Brussel",
            start=time(9, 30),
            hours=6,
            scores={"professor": 4.3, "psychologist": 4.0},
            attendance=0.88,
            name={
                "nl": "Cohorte 2026–2028",
                "fr": "Cohorte 2026–2028",
                "de": "Jahrgang 2026–2028",
                "en": "Cohort 2026–2028",
            },
        ),
    ],
    session_titles=[
        {
            "nl": "Distress en screening",
            "fr": "Détresse et dépistage",
            "de": "Belastung und Screening",
            "en": "Distress and screening",
        },
        {
            "nl": "Angst en angst voor herval",
            "fr": "Anxiété et peur de la récidive",
            "de": "Angst und Progredienzangst",
            "en": "Anxiety and fear of recurrence",
        },
        {"nl": "Depressie", "fr": "Dépression", "de": "Depression", "en": "Depression"},
        {"nl": "Communicatie", "fr": "Communication", "de": "Kommunikation", "en": "Communication"},
        {
            "nl": "Naasten en kinderen",
            "fr": "Proches et enfants",
            "de": "Angehörige und Kinder",
            "en": "Relatives and children",
        },
        {
            "nl": "Lichaamsbeeld en seksualiteit",
            "fr": "Image du corps et sexualité",
            "de": "Körperbild und Sexualität",
            "en": "Body image and sexuality",
        },
        {
            "nl": "Werk en terugkeer",
            "fr": "Travail et reprise",
            "de": "Arbeit und Rückkehr",
            "en": "Work and return",
        },
        {
            "nl": "Palliatieve zorg",
            "fr": "Soins palliatifs",
            "de": "Palliativversorgung",
            "en": "Palliative care",
        },
        {
            "nl": "Zingeving",
            "fr": "Sens et spiritualité",
            "de": "Sinnfragen",
            "en": "Meaning and spirituality",
        },
        {"nl": "Rouw", "fr": "Deuil", "de": "Trauer", "en": "Grief"},
        {
            "nl": "Zorg voor de zorgverlener",
            "fr": "Prendre soin du soignant",
            "de": "Selbstfürsorge für Fachpersonen",
            "en": "Caring for the carer",
        },
        {
            "nl": "Casusbespreking en afsluiting",
            "fr": "Discussion de cas et clôture",
            "de": "Fallbesprechung und Abschluss",
            "en": "Case discussion and closing",
        },
    ],
)

COURSES = [SOCIAL, NURSES, BAD_NEWS, PROGRAMME]
SLUGS = [spec.slug for spec in COURSES]

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


# -- Loading -------------------------------------------------------------------------------------


def demo_training_exists() -> bool:
    return bool(Course.objects.filter(slug__in=SLUGS, is_demo=True).exists())


def demo_training_delete() -> int:
    """Delete the demo courses (with their editions, sessions, registrations, evaluations,
    follow-ups and certificates) and the demo trainers. Returns the courses deleted."""
    courses = Course.objects.filter(is_demo=True)
    count: int = courses.count()
    courses.delete()
    Trainer.objects.filter(is_demo=True).delete()
    return count


def _user(emails: tuple[str, ...]) -> Any:
    users = get_user_model().objects
    for email in emails:
        user = users.filter(email=email).first()
        if user is not None:
            return user
    return None


def _moment(today: date, days: int, start: time) -> datetime:
    return timezone.make_aware(datetime.combine(today + timedelta(days=days), start))


def _score(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.7))))


@transaction.atomic
def demo_training_load(
    *, replace: bool = False, today: date | None = None, seed: int = 17
) -> dict[str, int] | None:
    """Make the demo training content. Returns the rows made per kind, or None when the demo
    courses exist and ``replace`` is false. Refuses in production.

    Side effects: demo trainers, courses, editions, sessions, registrations, attendance,
    evaluations, one follow-up and a few certificates (with their audit events); the demo
    coordinator and trainer accounts (when they exist) linked to them."""
    if settings.PRODUCTION:
        raise PermissionError("Demo training content is never made in production.")
    if demo_training_exists():
        if not replace:
            return None
        demo_training_delete()
    today = today or timezone.localdate()
    rng = random.Random(seed)  # noqa: S311 - made-up demo scores, not secrets
    made = dict.fromkeys(
        ["courses", "editions", "sessions", "enrolments", "evaluations", "certificates"], 0
    )
    coordinator = _user(COORDINATOR_EMAILS)
    trainer_user = _user(TRAINER_EMAILS)
    trainers = {
        key: Trainer.objects.create(
            name=spec["name"], profession=spec["profession"], bio=spec["bio"], is_demo=True
        )
        for key, spec in TRAINERS.items()
    }
    if trainer_user is not None and not Trainer.objects.filter(user=trainer_user).exists():
        # The trainer whose scores were flagged: the demo shows their results and follow-up.
        trainers["psychologist"].user = trainer_user
        trainers["psychologist"].save(update_fields=["user"])
    people = (f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES)
    for spec in COURSES:
        course = _course(spec, trainers, coordinator)
        made["courses"] += 1
        for run in spec.runs:
            edition, sessions = _edition(spec, run, course, trainers, today)
            made["editions"] += 1
            made["sessions"] += len(sessions)
            enrolments = _enrolments(run, edition, people, today)
            made["enrolments"] += len(enrolments)
            confirmed = [e for e in enrolments if e.status == Registration.CONFIRMED]
            now = timezone.now()
            for session in sessions:
                if session.ends_at > now:
                    continue
                present = [e for e in confirmed if rng.random() < run.attendance]
                Attendance.objects.bulk_create(
                    Attendance(enrolment=e, session=session, method=AttendanceMethod.LIST)
                    for e in present
                )
                made["evaluations"] += _evaluations(rng, run, session, trainers, len(present))
            made["certificates"] += _certificates(confirmed, today)
    _follow_up(trainers, coordinator)
    return made


def _course(spec: CourseSpec, trainers: dict[str, Trainer], coordinator: Any) -> Course:
    course = Course(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        objectives=spec.objectives,
        professions=[str(profession) for profession in spec.professions],
        format=spec.format,
        duration_hours=spec.duration_hours,
        accreditation_points=spec.accreditation_points,
        accreditation_body=spec.accreditation_body,
        evidence=spec.evidence,
        organiser=spec.organiser,
        min_attendance_percent=spec.min_attendance_percent,
        alert_threshold=Decimal("3.5"),
        published=True,
        is_demo=True,
    )
    course.needs.set(list(Need.objects.filter(code__in=spec.needs)))
    course.trainers.set([trainers[key] for key in spec.trainers])
    course.save()  # saves the parental many-to-many relations too
    for order, (citation, year) in enumerate(spec.sources):
        EvidenceSource.objects.create(course=course, citation=citation, year=year, sort_order=order)
    if coordinator is not None:
        course.coordinators.add(coordinator)
    return course


def _edition(
    spec: CourseSpec,
    run: Run,
    course: Course,
    trainers: dict[str, Trainer],
    today: date,
) -> tuple[Edition, list[Session]]:
    first = _moment(today, run.days[0], run.start)
    deadline = first - timedelta(days=7 if run.days[0] < 0 else 3)
    edition = Edition.objects.create(
        course=course,
        name=run.name,
        language=run.language,
        capacity=run.capacity,
        registration_deadline=deadline,
        is_demo=True,
    )
    sessions = []
    for index, days in enumerate(run.days):
        starts_at = _moment(today, days, run.start)
        session = Session.objects.create(
            edition=edition,
            title=spec.session_titles[index] if index < len(spec.session_titles) else {},
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=run.hours),
            venue=run.venue,
            address=run.address,
            postcode=run.postcode,
            is_demo=True,
        )
        session.trainers.set([trainers[key] for key in spec.trainers])
        sessions.append(session)
    return edition, sessions


def _enrolments(run: Run, edition: Edition, people: Any, today: date) -> list[Enrolment]:
    made = []
    registered_at = timezone.make_aware(
        datetime.combine(min(today, edition.registration_deadline.date()), time(8, 0))
    ) - timedelta(days=20)
    statuses = [Registration.CONFIRMED] * run.confirmed + [Registration.WAITING] * run.waiting
    for status in statuses:
        name = next(people)
        email = f"demo-{name.lower().replace(' ', '.')}@{DEMO_EMAIL_DOMAIN}"
        enrolment = Enrolment.objects.create(
            edition=edition,
            name=name,
            email=email,
            email_digest=email_digest(email),
            profession=edition.course.professions[0] if edition.course.professions else "",
            language=run.language,
            status=status,
            confirmed_at=registered_at if status == Registration.CONFIRMED else None,
            is_demo=True,
        )
        made.append(enrolment)
    return made


def _evaluations(
    rng: random.Random, run: Run, session: Session, trainers: dict[str, Trainer], present: int
) -> int:
    if not run.scores:
        return 0
    answers = max(1, round(present * 0.75))
    language = run.language
    for _n in range(answers):
        evaluation = Evaluation.objects.create(
            session=session,
            language=language,
            profession=session.edition.course.professions[0] if session.edition else "",
            relevance=_score(rng, max(run.scores.values())),
            practice_change=rng.choice(CHANGES[language]) if rng.random() < 0.6 else "",
            comment=rng.choice(COMMENTS[language]) if rng.random() < 0.4 else "",
            answered_on=timezone.localdate(session.starts_at),
        )
        TrainerScore.objects.bulk_create(
            TrainerScore(
                evaluation=evaluation,
                trainer=trainers[key],
                clarity=_score(rng, mean),
                didactics=_score(rng, mean - 0.2),
            )
            for key, mean in run.scores.items()
        )
    return answers


def _certificates(confirmed: list[Enrolment], today: date) -> int:
    """Two certificates per finished edition (the first participants who earn one)."""
    issued = 0
    for enrolment in confirmed:
        if issued == 2:
            break
        if certificate_eligible(enrolment):
            certificate_issue(enrolment=enrolment, today=today)
            issued += 1
    return issued


def _follow_up(trainers: dict[str, Trainer], coordinator: Any) -> None:
    course = Course.objects.get(slug=NURSES.slug)
    session = Session.objects.filter(edition__course=course).order_by("starts_at").first()
    FollowUp.objects.create(
        course=course,
        session=session,
        trainer=trainers["psychologist"],
        finding=(
            "Demo: the psychologist's clarity and didactics averaged below 3.5; participants "
            "found the theory part too long and too fast."
        ),
        action=(
            "Demo: theory cut to 20 minutes with a one-page handout; one extra role play; "
            "the psychologist co-prepared the session with the nurse trainer."
        ),
        recorded_by=coordinator,
    )
