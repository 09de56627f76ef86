"""The three demo workshops: social and financial rights for social workers, communication
for nurses, breaking bad news for doctors (invented runs; the sources are real publications)."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

from beoncosup.training.codes import CourseFormat, Profession
from beoncosup.training.demo.specs import CourseSpec, Run, with_note

SOCIAL = CourseSpec(
    slug="demo-social-rights-after-cancer",
    title={
        "nl": "Financiële en sociale rechten na een kankerdiagnose",
        "fr": "Droits financiers et sociaux après un diagnostic de cancer",
        "de": "Finanzielle und soziale Rechte nach einer Krebsdiagnose",
        "en": "Financial and social rights after a cancer diagnosis",
    },
    summary=with_note(
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
    summary=with_note(
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
    summary=with_note(
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
