"""Demo consultations (``load_demo_consultations``): made-up content, every row ``is_demo``.

- ``demo-return-to-work``: open now (work domain), four questions and an open answer.
- ``demo-psychological-support``: closed a month ago, 900 made-up responses, results published
  (with the default k of 10 most cells are shown; the German-speaking Community's few answers
  are suppressed, and Brussels' beside them so they cannot be worked out), three made-up
  contacts.
- ``demo-fatigue``: opens in two weeks.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from beoncosup.consultations.codes import QuestionKind
from beoncosup.consultations.models import Answer, Consultation, Question, Response
from beoncosup.consultations.services.contacts import contact_add
from beoncosup.consultations.services.results import results_publish
from beoncosup.taxonomy.models import Domain

PREFIX = "demo-"


def _options(*labels: dict[str, str]) -> list[dict[str, Any]]:
    return [{"value": str(n + 1), "label": label} for n, label in enumerate(labels)]


def _t(nl: str, fr: str, de: str, en: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr, "de": de, "en": en}


HELPED = _options(
    _t(
        "Een gesprek met een psycholoog",
        "Un entretien avec un psychologue",
        "Ein Gespräch mit einer Psychologin",
        "A talk with a psychologist",
    ),
    _t("Een praatgroep", "Un groupe de parole", "Eine Gesprächsgruppe", "A support group"),
    _t(
        "Informatie op papier of online",
        "De l'information écrite ou en ligne",
        "Informationen auf Papier oder online",
        "Information on paper or online",
    ),
    _t("Niets daarvan", "Rien de tout cela", "Nichts davon", "None of these"),
)
BARRIERS = _options(
    _t("Wachttijd", "Le délai d'attente", "Die Wartezeit", "Waiting time"),
    _t("Kostprijs", "Le coût", "Die Kosten", "Cost"),
    _t("Afstand", "La distance", "Die Entfernung", "Distance"),
    _t(
        "Ik wist niet dat het bestond",
        "Je ne savais pas que cela existait",
        "Ich wusste nicht, dass es das gibt",
        "I did not know it existed",
    ),
)
WORK_HELP = _options(
    _t("Mijn werkgever", "Mon employeur", "Mein Arbeitgeber", "My employer"),
    _t("De arbeidsarts", "Le médecin du travail", "Der Arbeitsarzt", "The occupational doctor"),
    _t("Het ziekenfonds", "La mutualité", "Die Krankenkasse", "The health insurance fund"),
    _t("Niemand", "Personne", "Niemand", "Nobody"),
)
LOW = _t("helemaal niet", "pas du tout", "überhaupt nicht", "not at all")
HIGH = _t("heel goed", "très bien", "sehr gut", "very well")


def _domain(code: str) -> Domain | None:
    return Domain.objects.filter(code=code).first()


def _consultation(
    slug: str,
    *,
    title: dict[str, str],
    question: dict[str, str],
    context: dict[str, str],
    domain: str,
    opens: dt.datetime,
    closes: dt.datetime,
    open_prompt: dict[str, str],
) -> Consultation:
    consultation = Consultation(
        slug=slug,
        title=title,
        question=question,
        context=context,
        audiences=["patient", "relative", "professional"],
        domain=_domain(domain),
        opens_at=opens,
        closes_at=closes,
        open_answer_prompt=open_prompt,
        is_demo=True,
    )
    consultation.save()
    return consultation


def _question(
    consultation: Consultation, order: int, kind: str, text: dict[str, str], **extra: Any
) -> Question:
    return Question.objects.create(
        consultation=consultation, sort_order=order, kind=kind, text=text, **extra
    )


def _weighted(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    values, weights = zip(*choices, strict=True)
    return str(rng.choices(values, weights=weights)[0])


def _responses(consultation: Consultation, questions: list[Question], count: int) -> int:
    """Made-up responses, the same every run: few in the German-speaking Community (so a few
    cells fall below k)."""
    rng = random.Random(18)  # noqa: S311 (made-up data, the same every run)
    days = max((consultation.closes_at - consultation.opens_at).days, 1)
    first = timezone.localdate(consultation.opens_at)
    responses: list[Response] = []
    answers: list[Answer] = []
    for _number in range(count):
        audience = _weighted(rng, [("patient", 50), ("relative", 32), ("professional", 18)])
        response = Response(
            consultation=consultation,
            submitted_on=first + dt.timedelta(days=rng.randrange(days)),
            audience=audience,
            region=_weighted(
                rng, [("BE-VLG", 47), ("BE-WAL", 31), ("BE-BRU", 20.5), ("BE-DG", 1.5)]
            ),
            age_band=_weighted(rng, [("18-39", 27), ("40-64", 49), ("65+", 24)]),
            is_demo=True,
        )
        responses.append(response)
        for question in questions:
            if question.kind == QuestionKind.CHOICE:
                weights = [40, 30, 20, 10] if audience != "professional" else [30, 20, 40, 10]
                value = _weighted(rng, list(zip(question.option_values, weights, strict=True)))
                answers.append(Answer(response=response, question=question, choices=[value]))
            elif question.kind == QuestionKind.MULTIPLE:
                chosen = [
                    v
                    for v, p in zip(question.option_values, [0.5, 0.35, 0.3, 0.2], strict=True)
                    if rng.random() < p
                ]
                if chosen:
                    answers.append(Answer(response=response, question=question, choices=chosen))
            elif question.kind == QuestionKind.SCALE:
                scale = int(_weighted(rng, [("1", 8), ("2", 14), ("3", 30), ("4", 32), ("5", 16)]))
                answers.append(Answer(response=response, question=question, scale=scale))
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers)
    return len(responses)


@transaction.atomic
def demo_consultations_load(
    *, replace: bool = False, now: dt.datetime | None = None
) -> dict[str, int] | None:
    """Make the demo consultations; None when they exist already (and ``replace`` is off)."""
    now = now or timezone.now()
    existing = Consultation.objects.filter(is_demo=True, slug__startswith=PREFIX)
    if existing.exists():
        if not replace:
            return None
        existing.delete()
    made = {"consultations": 0, "responses": 0}

    open_one = _consultation(
        "demo-return-to-work",
        title=_t(
            "Terug aan het werk na kanker",
            "Le retour au travail après un cancer",
            "Rückkehr an den Arbeitsplatz nach Krebs",
            "Back to work after cancer",
        ),
        question=_t(
            "Wat heeft je geholpen (of zou je geholpen hebben) om weer aan het werk te gaan?",
            "Qu'est-ce qui vous a aidé (ou vous aurait aidé) à reprendre le travail ?",
            "Was hat Ihnen bei der Rückkehr an den Arbeitsplatz geholfen (oder hätte geholfen)?",
            "What helped you (or would have helped you) go back to work?",
        ),
        context=_t(
            "Demo. We verzamelen ervaringen om de informatie over terugkeer naar werk te "
            "verbeteren.",
            "Démo. Nous recueillons des expériences pour améliorer l'information sur le retour "
            "au travail.",
            "Demo. Wir sammeln Erfahrungen, um die Informationen zur Rückkehr an den "
            "Arbeitsplatz zu verbessern.",
            "Demo. We collect experiences to improve the information about going back to work.",
        ),
        domain="WORK",
        opens=now - dt.timedelta(days=7),
        closes=now + dt.timedelta(days=30),
        open_prompt=_t(
            "Wil je nog iets kwijt?",
            "Souhaitez-vous ajouter quelque chose ?",
            "Möchten Sie noch etwas hinzufügen?",
            "Anything else you want to tell us?",
        ),
    )
    _question(
        open_one,
        1,
        QuestionKind.CHOICE,
        _t(
            "Wie hielp je het meest?",
            "Qui vous a le plus aidé ?",
            "Wer hat Ihnen am meisten geholfen?",
            "Who helped you most?",
        ),
        options=WORK_HELP,
        required=True,
    )
    _question(
        open_one,
        2,
        QuestionKind.SCALE,
        _t(
            "Hoe goed was je geïnformeerd over je rechten?",
            "Étiez-vous bien informé de vos droits ?",
            "Wie gut waren Sie über Ihre Rechte informiert?",
            "How well were you informed about your rights?",
        ),
        scale_min=1,
        scale_max=5,
        scale_min_label=LOW,
        scale_max_label=HIGH,
        required=True,
    )
    _question(
        open_one,
        3,
        QuestionKind.MULTIPLE,
        _t(
            "Wat hield je tegen?",
            "Qu'est-ce qui vous a freiné ?",
            "Was hat Sie gebremst?",
            "What held you back?",
        ),
        options=BARRIERS,
    )
    _question(
        open_one,
        4,
        QuestionKind.TEXT,
        _t(
            "Eén tip voor anderen?",
            "Un conseil pour les autres ?",
            "Ein Tipp für andere?",
            "One tip for others?",
        ),
    )
    made["consultations"] += 1

    closed = _consultation(
        "demo-psychological-support",
        title=_t(
            "Psychologische ondersteuning tijdens de behandeling",
            "Le soutien psychologique pendant le traitement",
            "Psychologische Unterstützung während der Behandlung",
            "Psychological support during treatment",
        ),
        question=_t(
            "Welke psychologische ondersteuning heb je gekregen, en wat miste je?",
            "Quel soutien psychologique avez-vous reçu, et qu'est-ce qui vous a manqué ?",
            "Welche psychologische Unterstützung haben Sie erhalten, und was hat Ihnen gefehlt?",
            "What psychological support did you get, and what did you miss?",
        ),
        context=_t(
            "Demo. De antwoorden helpen de psychosociale zorg in de ziekenhuizen te verbeteren.",
            "Démo. Les réponses aident à améliorer le soutien psychosocial dans les hôpitaux.",
            "Demo. Die Antworten helfen, die psychosoziale Betreuung in den Krankenhäusern zu "
            "verbessern.",
            "Demo. The answers help improve psychosocial care in hospitals.",
        ),
        domain="PSY",
        opens=now - dt.timedelta(days=90),
        closes=now - dt.timedelta(days=30),
        open_prompt=_t(
            "Wat zou je veranderen?",
            "Que changeriez-vous ?",
            "Was würden Sie ändern?",
            "What would you change?",
        ),
    )
    questions = [
        _question(
            closed,
            1,
            QuestionKind.CHOICE,
            _t(
                "Wat hielp je het meest?",
                "Qu'est-ce qui vous a le plus aidé ?",
                "Was hat Ihnen am meisten geholfen?",
                "What helped you most?",
            ),
            options=HELPED,
            required=True,
        ),
        _question(
            closed,
            2,
            QuestionKind.SCALE,
            _t(
                "Hoe goed werd je opgevangen?",
                "Avez-vous été bien accompagné ?",
                "Wie gut wurden Sie begleitet?",
                "How well were you supported?",
            ),
            scale_min=1,
            scale_max=5,
            scale_min_label=LOW,
            scale_max_label=HIGH,
            required=True,
        ),
        _question(
            closed,
            3,
            QuestionKind.MULTIPLE,
            _t(
                "Wat hield je tegen?",
                "Qu'est-ce qui vous a freiné ?",
                "Was hat Sie gebremst?",
                "What held you back?",
            ),
            options=BARRIERS,
        ),
    ]
    made["responses"] += _responses(closed, questions, 900)
    for number in (1, 2, 3):
        contact_add(
            consultation=closed,
            email=f"demo-contact-{number}@example.org",
            language=("nl", "fr", "de")[number - 1],
            is_demo=True,
        )
    results_publish(
        consultation=closed,
        summary=_t(
            "Demo. De meeste mensen vonden een gesprek met een psycholoog het nuttigst. Wachttijd "
            "en kostprijs houden mensen het vaakst tegen. Velen wisten niet dat er hulp bestond.",
            "Démo. La plupart des personnes ont trouvé un entretien avec un psychologue le plus "
            "utile. Le délai d'attente et le coût freinent le plus souvent. Beaucoup ignoraient "
            "l'existence d'aide.",
            "Demo. Die meisten fanden ein Gespräch mit einer Psychologin am hilfreichsten. "
            "Wartezeit und Kosten bremsen am häufigsten. Viele wussten nicht, dass es Hilfe gibt.",
            "Demo. Most people found a talk with a psychologist most useful. Waiting time and cost "
            "hold people back most often. Many did not know help existed.",
        ),
        actor=None,
        now=now,
    )
    made["consultations"] += 1

    upcoming = _consultation(
        "demo-fatigue",
        title=_t(
            "Vermoeidheid na kanker",
            "La fatigue après un cancer",
            "Müdigkeit nach Krebs",
            "Fatigue after cancer",
        ),
        question=_t(
            "Hoe ga je om met vermoeidheid?",
            "Comment vivez-vous la fatigue ?",
            "Wie gehen Sie mit Müdigkeit um?",
            "How do you cope with fatigue?",
        ),
        context={},
        domain="MED",
        opens=now + dt.timedelta(days=14),
        closes=now + dt.timedelta(days=60),
        open_prompt={},
    )
    _question(
        upcoming,
        1,
        QuestionKind.SCALE,
        _t(
            "Hoe moe ben je overdag?",
            "Êtes-vous fatigué pendant la journée ?",
            "Wie müde sind Sie tagsüber?",
            "How tired are you during the day?",
        ),
        scale_min=1,
        scale_max=5,
        required=True,
    )
    made["consultations"] += 1
    return made
