"""The self-check wizard: start (consent first), one screen per group, the result.

Answers live in the session only, for at most SESSION_MINUTES, and are cleared with the
"Clear my answers" button. With consent, the answers are stored anonymously once, when the
last screen is sent (services.response_record). Nothing here logs answers.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.finder.selectors import find_services
from beoncosup.finder.services import plan_create
from beoncosup.screening import selectors, services
from beoncosup.screening.forms import PostcodeForm, StartForm, StepForm
from beoncosup.screening.models import InstrumentVersion, Item
from beoncosup.search.matching.criteria import Criteria, CriteriaError
from beoncosup.situation.codes import PERSON_AUDIENCES
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.services import situation_forget, situation_remember
from beoncosup.situation.values import Situation
from beoncosup.taxonomy.extensions import readings_for_needs
from beoncosup.taxonomy.models import Need

SESSION_KEY = "selfcheck"
SESSION_MINUTES = 60
SERVICES_PER_NEED = 3


def _state(request: HttpRequest) -> dict[str, Any] | None:
    """The self-check in progress, or None (none started, too old, or its version is gone)."""
    state: dict[str, Any] | None = request.session.get(SESSION_KEY)
    if not state:
        return None
    expired = time.time() - state.get("ts", 0) > SESSION_MINUTES * 60
    if expired or not InstrumentVersion.objects.filter(pk=state.get("version")).exists():
        del request.session[SESSION_KEY]
        return None
    return state


def _save(request: HttpRequest, state: dict[str, Any]) -> None:
    state["ts"] = time.time()
    request.session[SESSION_KEY] = state
    # The whole session (cookie and stored row) ends SESSION_MINUTES after the last answer, so
    # answers leave the server within the hour even if the person never comes back;
    # `clearsessions` (cron, README) deletes the expired rows.
    request.session.set_expiry(SESSION_MINUTES * 60)


def _language() -> str:
    return default_language()


def finder_url(*, needs: list[str], postcode: str, audience: str) -> str:
    """The finder page with the needs pre-selected (repeated ``need``), postcode and audience."""
    query = [("need", code) for code in needs]
    if postcode:
        query.append(("postcode", postcode))
    query.append(("audience", audience))
    return f"{reverse('finder:finder')}?{urlencode(query)}"


def _screen(version: InstrumentVersion, page: int, answers: dict[str, Any]) -> list[Item]:
    return [
        i for i in selectors.visible_items(selectors.items_of(version), answers) if i.page == page
    ]


def _initial(answers: dict[str, Any]) -> dict[str, str]:
    return {key: selectors.condition_value(value) for key, value in answers.items()}


@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = StartForm(request.POST)
        if form.is_valid():
            audience = form.cleaned_data["audience"]
            versions = [
                v for v in selectors.current_versions() if v.instrument.audience == audience
            ]
            if versions:
                _save(
                    request,
                    {
                        "version": versions[0].pk,
                        "consent": form.cleaned_data["consent"],
                        "professional": form.cleaned_data["professional"],
                        "answers": {},
                        "postcode": "",
                        "recorded": False,
                    },
                )
                return redirect("screening:step", number=1)
            form.add_error(None, _("This self-check is not available right now."))
    else:
        remembered = situation_recall(request)
        form = StartForm(
            initial={
                "professional": request.GET.get("mode") == "professional",
                "audience": remembered.audience
                if remembered and remembered.audience in PERSON_AUDIENCES.values
                else None,
            }
        )
    return render(
        request, "screening/start.html", {"form": form, "cleared": "cleared" in request.GET}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def step(request: HttpRequest, number: int) -> HttpResponse:
    state = _state(request)
    if state is None:
        return redirect("screening:start")
    version = selectors.version_by_id(state["version"])
    answers: dict[str, Any] = state["answers"]
    pages = selectors.visible_pages(version, answers)
    if not 1 <= number <= len(pages):
        return redirect("screening:step", number=1)
    items = _screen(version, pages[number - 1], answers)
    language = _language()
    if request.method == "POST":
        form = StepForm(request.POST, items=items, language=language)
        if form.is_valid():
            for item in items:
                value = selectors.parse_answer(item, form.cleaned_data.get(item.key))
                if value is None:
                    answers.pop(item.key, None)
                else:
                    answers[item.key] = value
            return _next_screen(request, state, version, number, items)
    else:
        form = StepForm(items=items, language=language, initial=_initial(answers))
    evaluation = selectors.evaluate(version, answers)
    title = next((pick(i.page_title, language) for i in items if i.page_title), None)
    return render(
        request,
        "screening/step.html",
        {
            "version": version,
            "title": title or pick(version.instrument.title, language),
            "questions": [
                {"item": item, "field": form[item.key], "text": pick(item.text, language)}
                for item in items
            ],
            "form": form,
            "number": number,
            "total": len(pages),
            "safety_alert": evaluation.safety_alert,
            "help_lines": selectors.help_lines(language) if evaluation.safety_alert else [],
        },
    )


def _next_screen(
    request: HttpRequest,
    state: dict[str, Any],
    version: InstrumentVersion,
    number: int,
    items: list[Item],
) -> HttpResponse:
    """Where to go once a screen's answers are saved; records consented answers at the end."""
    answers = state["answers"]
    shown = {i.key for i in selectors.visible_items(selectors.items_of(version), answers)}
    state["answers"] = {k: v for k, v in answers.items() if k in shown}
    _save(request, state)
    if request.POST.get("go") == "back":
        if number == 1:
            return redirect("screening:start")
        return redirect("screening:step", number=number - 1)
    pages = selectors.visible_pages(version, state["answers"])
    # Follow-up questions that an answer on this screen revealed: show them first.
    revealed = {i.key for i in _screen(version, pages[number - 1], state["answers"])}
    if revealed - {i.key for i in items}:
        return redirect("screening:step", number=number)
    if number < len(pages):
        return redirect("screening:step", number=number + 1)
    if state["consent"] and not state["recorded"]:
        services.response_record(
            version=version,
            answers=state["answers"],
            language=_language(),
            audience=version.instrument.audience,
        )
        state["recorded"] = True
        _save(request, state)
    return redirect("screening:result")


@require_http_methods(["GET", "HEAD"])
def result(request: HttpRequest) -> HttpResponse:
    state = _state(request)
    if state is None:
        return redirect("screening:start")
    version = selectors.version_by_id(state["version"])
    language = _language()
    evaluation = selectors.evaluate(version, state["answers"])
    form = PostcodeForm(request.GET if "postcode" in request.GET else None)
    if form.is_bound and form.is_valid() and form.cleaned_data["postcode"] != state["postcode"]:
        state["postcode"] = form.cleaned_data["postcode"]
        _save(request, state)
    remembered = situation_recall(request)
    if not form.is_bound and not state["postcode"] and remembered and remembered.postcode:
        # Given in another journey this visit (navigator, finder): look near it at once.
        state["postcode"] = remembered.postcode
        _save(request, state)
    postcode = state["postcode"]
    audience = version.instrument.audience
    situation_remember(
        request=request,
        situation=Situation(audience=audience, postcode=postcode or None),
    )
    labels = dict(Need.objects.filter(code__in=evaluation.needs).values_list("code", "label"))
    hits: list[Any] = []
    coverage: dict[str, int] = {}
    if evaluation.needs and not form.errors:
        try:
            found = find_services(
                Criteria(
                    needs=tuple(evaluation.needs),
                    postcode=postcode or None,
                    lang=language,
                    audience=audience,
                )
            )
            hits = found.hits
            coverage = found.coverage
        except CriteriaError:
            form.add_error("postcode", _("We do not know this postcode. Check the four digits."))
    by_need = {
        code: [hit for hit in hits if code in hit.matched_needs][:SERVICES_PER_NEED]
        for code in evaluation.needs
    }
    for code in [c for c, found_hits in by_need.items() if not found_hits and coverage.get(c)]:
        # The first page of the combined search favours services covering several needs; a
        # need none of them covers, though some service does, gets its own search.
        by_need[code] = find_services(
            Criteria(needs=(code,), postcode=postcode or None, lang=language, audience=audience)
        ).hits[:SERVICES_PER_NEED]
    # Articles per need from the hub, which registers with the taxonomy (a sibling journey).
    articles = readings_for_needs(list(evaluation.needs), language, request)
    needs = [
        {
            "code": code,
            "label": labels.get(code, code),
            "hits": by_need[code],
            "articles": articles.get(code, []),
        }
        for code in evaluation.needs
    ]
    return render(
        request,
        "screening/result.html",
        {
            "version": version,
            "evaluation": evaluation,
            "needs": needs,
            "form": form,
            "postcode": postcode,
            "professional": state["professional"],
            "consent": state["consent"],
            "finder_url": finder_url(needs=evaluation.needs, postcode=postcode, audience=audience)
            if state["professional"]
            else None,
            "can_make_plan": bool(evaluation.needs),
            "help_lines": selectors.help_lines(language) if evaluation.safety_alert else [],
        },
    )


@require_POST
def plan(request: HttpRequest) -> HttpResponse:
    state = _state(request)
    if state is None:
        return redirect("screening:start")
    version = selectors.version_by_id(state["version"])
    evaluation = selectors.evaluate(version, state["answers"])
    if not evaluation.needs:
        return redirect("screening:result")
    support_plan = plan_create(language=_language(), needs=evaluation.needs)
    return HttpResponseRedirect(reverse("finder:plan", kwargs={"token": support_plan.token}))


@require_POST
def clear(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    situation_forget(request=request)
    return HttpResponseRedirect(reverse("screening:start") + "?cleared=1")
