"""Demo studies for development and demonstrations: invented studies across the four domains
and the four statuses, marked ``is_demo`` (shown with a demo badge). Their institutions, DOIs
(the 10.5555 test prefix) and links (example.org) are made up; no real study's text is used."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from beoncosup.research.drafts import InstitutionDraft, PublicationDraft, StudyDraft
from beoncosup.research.models import Study
from beoncosup.research.services.studies import study_propose, study_publish
from beoncosup.taxonomy.models import Need


def _four(nl: str, fr: str, de: str, en: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr, "de": de, "en": en}


def _months(months: int) -> dt.date:
    today = timezone.localdate().replace(day=1)
    year, month = divmod(today.month - 1 + months, 12)
    return today.replace(year=today.year + year, month=month + 1)


SOURCE = "https://example.org/demo-research/"

STUDIES: list[dict[str, Any]] = [
    {
        "key": "fatigue",
        "kind": "study",
        "status": "recruiting",
        "title": _four(
            "Bewegen thuis tegen vermoeidheid na borstkanker",
            "Bouger à la maison contre la fatigue après un cancer du sein",
            "Bewegung zu Hause gegen Müdigkeit nach Brustkrebs",
            "Exercise at home against fatigue after breast cancer",
        ),
        "institutions": [("Voorbeeld University Hospital (demo)", "BE")],
        "funding": "Demo Cancer Fund",
        "period": (-6, 18),
        "needs": ["MED-FATIGUE", "MED-FITNESS"],
        "methods": ["trial"],
        "lay_summary": _four(
            "Veel vrouwen zijn nog maanden na hun behandeling erg moe. In deze studie krijgt de "
            "helft van de deelnemers een eenvoudig beweegprogramma voor thuis, met een "
            "kinesitherapeut die elke week belt. We vergelijken hoe moe beide groepen na drie "
            "maanden zijn.",
            "Beaucoup de femmes restent très fatiguées des mois après leur traitement. Dans "
            "cette étude, la moitié des participantes reçoit un programme simple d'exercices à "
            "faire chez soi, avec un kinésithérapeute qui appelle chaque semaine. Nous "
            "comparons la fatigue des deux groupes après trois mois.",
            "Viele Frauen sind noch Monate nach der Behandlung sehr müde. In dieser Studie "
            "erhält die Hälfte der Teilnehmerinnen ein einfaches Bewegungsprogramm für zu "
            "Hause; ein Physiotherapeut ruft jede Woche an. Wir vergleichen, wie müde beide "
            "Gruppen nach drei Monaten sind.",
            "Many women are still very tired months after their treatment. In this study, half "
            "of the participants get a simple exercise programme to do at home, with a "
            "physiotherapist who calls every week. We compare how tired both groups are after "
            "three months.",
        ),
        "eligibility": _four(
            "Vrouwen die hun behandeling voor borstkanker 3 tot 24 maanden geleden afrondden.",
            "Les femmes qui ont terminé leur traitement d'un cancer du sein il y a 3 à 24 mois.",
            "Frauen, die ihre Brustkrebsbehandlung vor 3 bis 24 Monaten abgeschlossen haben.",
            "Women who finished their breast cancer treatment 3 to 24 months ago.",
        ),
        "how": _four(
            "Vul het korte formulier in op de website; een onderzoeker belt je binnen een week.",
            "Remplissez le court formulaire sur le site ; une chercheuse vous rappelle dans la "
            "semaine.",
            "Füllen Sie das kurze Formular auf der Website aus; eine Forscherin ruft Sie "
            "innerhalb einer Woche an.",
            "Fill in the short form on the website; a researcher calls you back within a week.",
        ),
        "contact_url": SOURCE + "fatigue",
    },
    {
        "key": "return",
        "kind": "study",
        "status": "running",
        "title": _four(
            "Terug aan het werk: de rol van de arbeidsarts",
            "Retour au travail : le rôle du médecin du travail",
            "Zurück zur Arbeit: die Rolle des Arbeitsmediziners",
            "Back to work: the role of the occupational physician",
        ),
        "institutions": [("Institut Exemple de santé au travail (démo)", "BE")],
        "funding": "Demo research council",
        "period": (-14, 10),
        "needs": ["WORK-GRADUAL-RETURN", "WORK-OCC-PHYSICIAN"],
        "methods": ["cohort"],
        "lay_summary": _four(
            "We volgen 400 werknemers die na kanker weer aan het werk gaan, twee jaar lang. We "
            "willen weten welke afspraken met de arbeidsarts en de werkgever helpen om het werk "
            "vol te houden.",
            "Nous suivons pendant deux ans 400 salariés qui reprennent le travail après un "
            "cancer. Nous voulons savoir quels accords avec le médecin du travail et "
            "l'employeur aident à tenir dans la durée.",
            "Wir begleiten zwei Jahre lang 400 Arbeitnehmer, die nach Krebs wieder arbeiten. "
            "Wir möchten wissen, welche Absprachen mit dem Arbeitsmediziner und dem Arbeitgeber "
            "helfen, die Arbeit durchzuhalten.",
            "We follow 400 employees going back to work after cancer for two years. We want to "
            "learn which arrangements with the occupational physician and the employer help "
            "people keep their job.",
        ),
    },
    {
        "key": "recurrence",
        "kind": "study",
        "status": "finished",
        "title": _four(
            "Online groepen tegen angst dat kanker terugkomt",
            "Des groupes en ligne contre la peur de la récidive",
            "Online-Gruppen gegen die Angst vor einem Rückfall",
            "Online groups against the fear that cancer comes back",
        ),
        "institutions": [
            ("Voorbeeld University (demo)", "BE"),
            ("Example Psycho-oncology Centre (demo)", "NL"),
        ],
        "funding": "Demo Foundation",
        "period": (-48, -12),
        "needs": ["PSY-FEAR-RECURRENCE", "PSY-PEER-SUPPORT"],
        "methods": ["trial"],
        "lay_summary": _four(
            "Veel mensen blijven bang dat de kanker terugkomt. 220 mensen volgden zes online "
            "groepssessies met een psycholoog, of kregen eerst de gewone zorg. Na de sessies "
            "waren de deelnemers minder bang en sliepen ze beter.",
            "Beaucoup de personnes gardent la peur que le cancer revienne. 220 personnes ont "
            "suivi six séances de groupe en ligne avec un psychologue, ou d'abord les soins "
            "habituels. Après les séances, les participants avaient moins peur et dormaient "
            "mieux.",
            "Viele Menschen haben weiter Angst, dass der Krebs zurückkommt. 220 Menschen "
            "nahmen an sechs Online-Gruppensitzungen mit einer Psychologin teil oder erhielten "
            "zuerst die übliche Versorgung. Danach hatten die Teilnehmenden weniger Angst und "
            "schliefen besser.",
            "Many people stay afraid that the cancer will come back. 220 people took six online "
            "group sessions with a psychologist, or usual care first. After the sessions, "
            "participants were less afraid and slept better.",
        ),
        "results": _four(
            "Minder angst voor herval na drie en na zes maanden; het effect was het grootst bij "
            "wie het bangst begon.",
            "Moins de peur de la récidive après trois et six mois ; l'effet était le plus "
            "grand chez les personnes les plus inquiètes au départ.",
            "Weniger Rückfallangst nach drei und sechs Monaten; am stärksten bei denen, die "
            "anfangs am meisten Angst hatten.",
            "Less fear of recurrence after three and six months; the effect was largest in "
            "those who were most afraid at the start.",
        ),
        "publications": [
            (
                "Demo A, Example B. Online groups for fear of recurrence (demo).",
                "10.5555/demo.fcr.1",
            )
        ],
    },
    {
        "key": "children",
        "kind": "study",
        "status": "recruiting",
        "title": _four(
            "Als mama of papa kanker heeft: wat helpt kinderen?",
            "Quand maman ou papa a un cancer : qu'est-ce qui aide les enfants ?",
            "Wenn Mama oder Papa Krebs hat: Was hilft Kindern?",
            "When mum or dad has cancer: what helps children?",
        ),
        "institutions": [("Haute École Exemple (démo)", "BE")],
        "period": (-2, 14),
        "needs": ["PSY-CHILDREN-OF-PARENT", "PSY-FAMILY-FRIENDS"],
        "methods": ["interviews"],
        "lay_summary": {
            "nl": "We praten met gezinnen over hoe ze met de kinderen over kanker spreken en "
            "wat hen daarbij helpt. Een gesprek duurt ongeveer een uur, thuis of online.",
            "fr": "Nous parlons avec des familles de la manière dont elles parlent du cancer aux "
            "enfants et de ce qui les aide. Un entretien dure environ une heure, à la maison ou "
            "en ligne.",
            "en": "We talk with families about how they speak with their children about cancer "
            "and what helps them. A conversation takes about an hour, at home or online.",
        },
        "eligibility": {
            "nl": "Ouders met kanker en hun kinderen van 8 tot 18 jaar.",
            "fr": "Des parents atteints d'un cancer et leurs enfants de 8 à 18 ans.",
            "en": "Parents with cancer and their children aged 8 to 18.",
        },
        "how": {
            "nl": "Stuur een e-mail; we bellen je om alles uit te leggen.",
            "fr": "Envoyez un e-mail ; nous vous appelons pour tout expliquer.",
            "en": "Send an e-mail; we call you to explain everything.",
        },
        "contact_email": "children-study@example.org",
    },
    {
        "key": "costs",
        "kind": "study",
        "status": "finished",
        "title": _four(
            "Wat kost kanker aan een gezin in België?",
            "Que coûte un cancer à une famille en Belgique ?",
            "Was kostet Krebs eine Familie in Belgien?",
            "What does cancer cost a family in Belgium?",
        ),
        "institutions": [("Demo Health Economics Unit", "BE")],
        "funding": "Demo mutual health fund",
        "period": (-30, -6),
        "needs": ["SOC-MEDICAL-COSTS", "SOC-INCOME-LOSS"],
        "methods": ["survey"],
        "lay_summary": _four(
            "1.200 mensen met kanker vulden een vragenlijst in over hun kosten en hun inkomen. "
            "Eén op vier had problemen om de rekeningen te betalen, vooral zelfstandigen en "
            "alleenstaanden.",
            "1 200 personnes atteintes d'un cancer ont répondu à un questionnaire sur leurs "
            "frais et leurs revenus. Une sur quatre avait du mal à payer ses factures, surtout "
            "les indépendants et les personnes seules.",
            "1.200 Menschen mit Krebs beantworteten Fragen zu ihren Kosten und ihrem Einkommen. "
            "Jede vierte Person hatte Mühe, die Rechnungen zu bezahlen, vor allem Selbstständige "
            "und Alleinstehende.",
            "1,200 people with cancer answered questions about their costs and income. One in "
            "four had trouble paying the bills, mostly self-employed people and people living "
            "alone.",
        ),
        "results": _four(
            "Eén op vier had betalingsproblemen; vervoer en niet-terugbetaalde zorg waren de "
            "grootste kosten.",
            "Une personne sur quatre avait des difficultés de paiement ; les transports et les "
            "soins non remboursés étaient les plus gros frais.",
            "Jede vierte Person hatte Zahlungsprobleme; Fahrten und nicht erstattete Leistungen "
            "kosteten am meisten.",
            "One in four had trouble paying; transport and care that is not reimbursed were the "
            "largest costs.",
        ),
        "publications": [
            ("Example C et al. Costs of cancer for households (demo).", "10.5555/demo.costs.2")
        ],
    },
    {
        "key": "carers",
        "kind": "project",
        "status": "running",
        "title": _four(
            "Even op adem komen: respijtzorg voor mantelzorgers",
            "Souffler un peu : du répit pour les proches aidants",
            "Durchatmen: Entlastung für pflegende Angehörige",
            "A breather: respite care for family carers",
        ),
        "institutions": [("Example carers' association (demo)", "BE")],
        "period": (-8, 16),
        "needs": ["PSY-CARER-STRAIN", "SOC-RESPITE"],
        "methods": ["mixed"],
        "lay_summary": _four(
            "Mantelzorgers van iemand met kanker krijgen een paar uur per week hulp thuis, zodat "
            "ze tijd voor zichzelf hebben. We vragen hen hoe het met hen gaat, voor en na.",
            "Les proches aidants d'une personne atteinte d'un cancer reçoivent quelques heures "
            "d'aide par semaine à domicile, pour avoir du temps pour eux. Nous leur demandons "
            "comment ils vont, avant et après.",
            "Angehörige, die einen Menschen mit Krebs pflegen, erhalten einige Stunden Hilfe pro "
            "Woche zu Hause, um Zeit für sich zu haben. Wir fragen sie vorher und nachher, wie "
            "es ihnen geht.",
            "Family carers of someone with cancer get a few hours of help at home each week, so "
            "they have time for themselves. We ask them how they are, before and after.",
        ),
    },
    {
        "key": "sleep",
        "kind": "study",
        "status": "finished",
        "title": _four(
            "Wat helpt bij slaapproblemen na kanker? Een overzicht",
            "Qu'est-ce qui aide en cas de troubles du sommeil après un cancer ? Une synthèse",
            "Was hilft bei Schlafproblemen nach Krebs? Ein Überblick",
            "What helps with sleep problems after cancer? A review",
        ),
        "institutions": [("Voorbeeld University (demo)", "BE")],
        "period": (-20, -10),
        "needs": ["MED-SLEEP"],
        "methods": ["review"],
        "lay_summary": _four(
            "We lazen 35 studies over slaapproblemen na kanker. Gesprekstherapie gericht op "
            "slaap hielp het best, ook online. Slaappillen helpen kort, maar niet op lange "
            "termijn.",
            "Nous avons lu 35 études sur les troubles du sommeil après un cancer. Une thérapie "
            "par la parole centrée sur le sommeil aidait le mieux, aussi en ligne. Les "
            "somnifères aident à court terme, pas à long terme.",
            "Wir haben 35 Studien zu Schlafproblemen nach Krebs gelesen. Eine Gesprächstherapie "
            "für den Schlaf half am besten, auch online. Schlaftabletten helfen kurz, aber nicht "
            "auf Dauer.",
            "We read 35 studies on sleep problems after cancer. Talking therapy focused on sleep "
            "helped most, also online. Sleeping pills help for a short time, not in the long run.",
        ),
        "results": _four(
            "Cognitieve gedragstherapie voor slapeloosheid had het sterkste bewijs.",
            "La thérapie cognitivo-comportementale de l'insomnie avait les preuves les plus "
            "solides.",
            "Die kognitive Verhaltenstherapie bei Schlaflosigkeit hatte die stärksten Belege.",
            "Cognitive behavioural therapy for insomnia had the strongest evidence.",
        ),
        "publications": [("Demo D. Sleep after cancer: a review (demo).", "10.5555/demo.sleep.3")],
    },
    {
        "key": "aya",
        "kind": "project",
        "status": "planned",
        "title": _four(
            "Een app voor jongvolwassenen met kanker, samen met hen gemaakt",
            "Une appli pour les jeunes adultes atteints d'un cancer, créée avec eux",
            "Eine App für junge Erwachsene mit Krebs, mit ihnen entwickelt",
            "An app for young adults with cancer, made with them",
        ),
        "institutions": [("Demo AYA network", "BE")],
        "period": (3, 27),
        "needs": ["PSY-AYA", "PSY-PEER-SUPPORT"],
        "methods": ["interviews", "other"],
        "lay_summary": _four(
            "Jongeren van 16 tot 30 met kanker bedenken samen met ons een app om lotgenoten te "
            "vinden en vragen te stellen. Het project start binnenkort.",
            "Des jeunes de 16 à 30 ans atteints d'un cancer imaginent avec nous une appli pour "
            "trouver d'autres jeunes dans la même situation et poser leurs questions. Le projet "
            "commence bientôt.",
            "Junge Menschen von 16 bis 30 mit Krebs entwickeln mit uns eine App, um andere "
            "Betroffene zu finden und Fragen zu stellen. Das Projekt beginnt bald.",
            "Young people aged 16 to 30 with cancer design an app with us to find peers and ask "
            "questions. The project starts soon.",
        ),
    },
    {
        "key": "selfemployed",
        "kind": "study",
        "status": "planned",
        "title": _four(
            "Zelfstandigen die na kanker hun zaak heropstarten",
            "Les indépendants qui relancent leur activité après un cancer",
            "Selbstständige, die nach Krebs ihr Geschäft wieder aufnehmen",
            "Self-employed people restarting their business after cancer",
        ),
        "institutions": [("Institut Exemple (démo)", "BE")],
        "period": (2, 20),
        "needs": ["WORK-SELFEMP-RESTART", "WORK-SELFEMP-BENEFIT"],
        "methods": ["mixed"],
        "lay_summary": {
            "nl": "We vragen zelfstandigen hoe ze hun werk na kanker weer opnemen en welke hulp "
            "ze misten. Met de antwoorden maken we een gids.",
            "fr": "Nous demandons aux indépendants comment ils reprennent leur activité après un "
            "cancer et quelle aide leur a manqué. Avec leurs réponses, nous ferons un guide.",
        },
    },
]
PROPOSED: dict[str, Any] = {
    "key": "acp",
    "kind": "study",
    "status": "recruiting",
    "title": _four(
        "Praten over zorg aan het levenseinde, thuis",
        "Parler des soins de fin de vie, à la maison",
        "Über die Versorgung am Lebensende sprechen, zu Hause",
        "Talking about care at the end of life, at home",
    ),
    "institutions": [("Example palliative home-care team (demo)", "BE")],
    "period": (-1, 12),
    "needs": ["MED-ADVANCE-CARE-PLAN", "SOC-PALLIATIVE-HOME"],
    "methods": ["mixed"],
    "lay_summary": _four(
        "Een verpleegkundige helpt mensen en hun naasten thuis te praten over wat voor hen "
        "belangrijk is in de laatste levensfase.",
        "Une infirmière aide les personnes et leurs proches, à la maison, à parler de ce qui "
        "compte pour eux en fin de vie.",
        "Eine Pflegefachkraft hilft Menschen und ihren Angehörigen zu Hause, darüber zu "
        "sprechen, was ihnen am Lebensende wichtig ist.",
        "A nurse helps people and their families, at home, to talk about what matters to them "
        "at the end of life.",
    ),
    "eligibility": {"en": "Adults with advanced cancer cared for at home, and a relative."},
    "how": {"en": "Ask your home-care nurse, or write to us."},
    "contact_email": "acp-study@example.org",
}


def _draft(data: dict[str, Any], known: set[str]) -> StudyDraft:
    start, end = data["period"]
    return StudyDraft(
        title=data["title"],
        kind=data["kind"],
        status=data["status"],
        institutions=[InstitutionDraft(name=n, country=c) for n, c in data["institutions"]],
        funding=data.get("funding", ""),
        starts_on=_months(start),
        ends_on=_months(end),
        need_codes=[code for code in data["needs"] if code in known],
        methods=data["methods"],
        lay_summary=data["lay_summary"],
        results=data.get("results", {}),
        eligibility=data.get("eligibility", {}),
        how_to_take_part=data.get("how", {}),
        contact_url=data.get("contact_url", ""),
        contact_email=data.get("contact_email", ""),
        source_url=SOURCE + data["key"],
        checked_on=timezone.localdate(),
        publications=[
            PublicationDraft(reference=r, doi=d) for r, d in data.get("publications", [])
        ],
    )


@transaction.atomic
def demo_research_load(*, replace: bool = False) -> dict[str, int] | None:
    """Make the demo studies (None when they exist already and not ``replace``).

    Side effects: the studies, their audit events; the search index (through the catalogue)."""
    existing = Study.objects.filter(is_demo=True)
    if existing.exists():
        if not replace:
            return None
        existing.delete()
    known = set(Need.objects.values_list("code", flat=True))
    made = {"published": 0, "proposed": 0}
    for data in STUDIES:
        study = study_propose(draft=_draft(data, known), proposer=None, language="en", is_demo=True)
        study_publish(study=study, editor=None, lay_summary_reviewed=True, notify=False)
        made["published"] += 1
    study_propose(draft=_draft(PROPOSED, known), proposer=None, language="en", is_demo=True)
    made["proposed"] += 1
    return made
