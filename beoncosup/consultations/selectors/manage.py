"""What the editors read before they publish: the free-text answers, without anything beside
them (no date, no profile, in alphabetical order rather than the order they came in)."""

from __future__ import annotations

from dataclasses import dataclass

from beoncosup.consultations.codes import QuestionKind
from beoncosup.consultations.models import Answer, Consultation, Response
from beoncosup.consultations.selectors.public import text


@dataclass(frozen=True)
class FreeTexts:
    prompt: str
    texts: list[str]


def free_texts(consultation: Consultation, language: str) -> list[FreeTexts]:
    found: list[FreeTexts] = []
    for question in consultation.questions.all():
        if question.kind != QuestionKind.TEXT:
            continue
        texts = (
            Answer.objects.filter(question=question).exclude(text="").values_list("text", flat=True)
        )
        found.append(FreeTexts(prompt=text(question.text, language), texts=sorted(texts)))
    if consultation.has_open_answer:
        opens = (
            Response.objects.filter(consultation=consultation)
            .exclude(open_text="")
            .values_list("open_text", flat=True)
        )
        found.append(
            FreeTexts(prompt=text(consultation.open_answer_prompt, language), texts=sorted(opens))
        )
    return found
