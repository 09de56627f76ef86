"""The "What applies to me?" wizard: one question per step, then a printable checklist.

Everything travels in the query string (GET), so the wizard works without JavaScript, the
browser's own back button works, and any step or result can be bookmarked or shared. Nothing
is stored. Parameters: the answers (audience, status, postcode, situation, duration, the same
codes as ``GET /api/v1/navigator``), ``q`` to show one question again (the "Back" and
"Change" links) and ``after`` (sent by each step's form: the question just answered).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from beoncosup.core.i18n_text import default_language
from beoncosup.navigator.forms import (
    FIXED,
    MAX_QUESTIONS,
    QUESTION_KEYS,
    REGION_WORDING,
    SUMMARY_LABELS,
    QuestionForm,
    answer_label,
    question_for,
    sequence_for,
)
from beoncosup.navigator.items import checklist_item
from beoncosup.navigator.selectors import Answers, checklist
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.services import situation_remember


def _url(answers: dict[str, str], **extra: str) -> str:
    query = [(key, answers[key]) for key in QUESTION_KEYS if key in answers]
    query += list(extra.items())
    return (
        f"{reverse('navigator:wizard')}?{urlencode(query)}"
        if query
        else reverse("navigator:wizard")
    )


def _read(request: HttpRequest) -> tuple[str | None, dict[str, str], dict[str, QuestionForm]]:
    """The valid answers to the questions that apply, and the forms of the invalid ones."""
    audience_form = QuestionForm(request.GET, key="audience", audience=None)
    audience = audience_form.cleaned_data["audience"] if audience_form.is_valid() else None
    answers: dict[str, str] = {}
    invalid: dict[str, QuestionForm] = {}
    for key in sequence_for(audience):
        if key not in request.GET:
            continue
        form = (
            audience_form
            if key == "audience"
            else QuestionForm(request.GET, key=key, audience=audience)
        )
        if form.is_valid():
            answers[key] = form.cleaned_data[key]
        else:
            invalid[key] = form
    return audience, answers, invalid


def _step_to_show(
    request: HttpRequest,
    sequence: tuple[str, ...],
    answers: dict[str, str],
    invalid: dict[str, Any],
) -> str | None:
    """The question to show, or None for the result."""
    after = request.GET.get("after", "")
    asked = request.GET.get("q", "")
    if after in sequence:
        if after in invalid or after not in answers:
            return after
        following = sequence[sequence.index(after) + 1 :]
        if following:
            return following[0]
    elif asked in sequence:
        return asked
    missing = [key for key in sequence if key in invalid or key not in answers]
    return missing[0] if missing else None


def _remembered(request: HttpRequest, key: str) -> str | None:
    """What the person already told another journey this visit (postcode, status, who they
    are), to start the question from; they still confirm it."""
    if key not in {"audience", "status", "postcode"}:
        return None
    situation = situation_recall(request)
    value = getattr(situation, key, None) if situation else None
    return str(value) if value else None


@require_GET
def wizard(request: HttpRequest) -> HttpResponse:
    audience, answers, invalid = _read(request)
    sequence = sequence_for(audience)
    step = _step_to_show(request, sequence, answers, invalid)
    if step is None:
        return _result(request, audience or "", answers)
    if step in invalid:
        form = invalid[step]
    elif step not in answers and request.GET.get("after") == step:
        form = QuestionForm(request.GET, key=step, audience=audience)
        form.is_valid()  # shows "choose an answer"
    else:
        form = QuestionForm(
            initial={step: answers.get(step) or _remembered(request, step)},
            key=step,
            audience=audience,
        )
    number = sequence.index(step) + 1
    previous = sequence[number - 2] if number > 1 else None
    others = {key: value for key, value in answers.items() if key != step}
    context = {
        "form": form,
        "field": form[step],
        "question": question_for(step, audience),
        "step": step,
        "number": number,
        "total": len(sequence) if audience else MAX_QUESTIONS,
        "hidden": [(key, others[key]) for key in QUESTION_KEYS if key in others],
        "back_url": _url(answers, q=previous) if previous else None,
        "is_postcode": step == "postcode",
    }
    return render(request, "navigator/step.html", context)


def _result(request: HttpRequest, audience: str, answers: dict[str, str]) -> HttpResponse:
    language = default_language()
    fixed = FIXED.get(audience, {})
    person = Answers(
        audience=audience,
        status=answers.get("status"),
        postcode=answers.get("postcode"),
        situation=answers.get("situation") or fixed.get("situation"),
        duration=answers.get("duration"),
    )
    result = checklist(person)
    # The next journey (finder, self-check) starts from these answers.
    situation_remember(request=request, situation=person.person())
    region_names = REGION_WORDING
    api_query = {**answers, **fixed, "lang": language}
    context = {
        "items": [
            checklist_item(measure, language=language, answers=person, request=request)
            for measure in result.measures
        ],
        "regions": [str(region_names[code]) for code in result.regions],
        "summary": [
            {
                "label": SUMMARY_LABELS[key],
                "value": answer_label(key, answers[key], audience),
                "change_url": _url(answers, q=key),
            }
            for key in sequence_for(audience)
            if key in answers
        ],
        "today": timezone.localdate(),
        "restart_url": reverse("navigator:wizard"),
        "api_url": f"{reverse('api:navigator')}?{urlencode(api_query)}",
    }
    return render(request, "navigator/result.html", context)
