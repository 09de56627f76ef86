"""The demo two-year programme in psycho-oncology (twelve sessions, 80 % attendance for the
certificate; invented runs, real sources)."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

from beoncosup.training.codes import CourseFormat, Profession
from beoncosup.training.demo.specs import CourseSpec, Run, with_note

PROGRAMME_DAYS = [-300 + 56 * n for n in range(12)]

PROGRAMME = CourseSpec(
    slug="demo-psycho-oncology-programme",
    title={
        "nl": "Interuniversitaire opleiding psycho-oncologie (twee jaar)",
        "fr": "Formation interuniversitaire en psycho-oncologie (deux ans)",
        "de": "Interuniversitäre Weiterbildung Psychoonkologie (zwei Jahre)",
        "en": "Inter-university programme in psycho-oncology (two years)",
    },
    summary=with_note(
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
