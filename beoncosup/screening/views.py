"""The self-check wizard: start (consent first), one screen per group, the result.

Answers live in the session only, for at most SESSION_MINUTES, and are cleared with the
"Clear my answers" button. With consent, the answers are stored anonymously once, when the
last screen is sent (services.response_record). Nothing here logs answers.

The last screen's "Anything else?" text is read once, by the needs matcher, and dropped: only
the need codes it points to are kept, in the session with the answers ("own_needs", or
"own_suggestions" when the matcher is not sure); they are not part of the consented record.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.finder.selectors import visitor_plan_service_ids
from beoncosup.finder.services import visitor_plan_services_add
from beoncosup.screening import recommend, selectors, services
from beoncosup.screening.forms import (
    OWN_WORDS_MAX_LENGTH,
    OwnNeedsForm,
    PostcodeForm,
    StartForm,
    StepForm,
)
from beoncosup.screening.models import InstrumentVersion, Item
from beoncosup.search.matching.criteria import CriteriaError
from beoncosup.situation.codes import PERSON_AUDIENCES
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.services import situation_forget, situation_remember

SESSION_KEY = "selfcheck"
SESSION_MINUTES = 60


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
            situation = form.situation()
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
                        "postcode": situation.postcode or "",
                        # The other eligibility answers (work status, languages); never stored
                        # with the answers.
                        "situation": situation.to_dict(),
                        "recorded": False,
                        "help_shown": False,
                    },
                )
                situation_remember(request=request, situation=situation)
                return redirect("screening:step", number=1)
            form.add_error(None, _("This self-check is not available right now."))
    else:
        form = StartForm(initial=_start_initial(request))
    return render(
        request, "screening/start.html", {"form": form, "cleared": "cleared" in request.GET}
    )


def _start_initial(request: HttpRequest) -> dict[str, Any]:
    """What the person already told the navigator or the finder this visit, filled in."""
    initial: dict[str, Any] = {"professional": request.GET.get("mode") == "professional"}
    remembered = situation_recall(request)
    if remembered:
        if remembered.audience in PERSON_AUDIENCES.values:
            initial["audience"] = remembered.audience
        initial["postcode"] = remembered.postcode or ""
        initial["status"] = remembered.status or ""
        initial["languages"] = list(remembered.languages)
    return initial


# The own-words text is health data: hidden from Django's error reports too.
@sensitive_post_parameters("own_words")
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
    last = number == len(pages)
    if request.method == "POST":
        form = StepForm(request.POST, items=items, language=language, own_words=last)
        if form.is_valid():
            for item in items:
                value = selectors.parse_answer(item, form.cleaned_data.get(item.key))
                if value is None:
                    answers.pop(item.key, None)
                else:
                    answers[item.key] = value
            if form.cleaned_data.get("own_words"):
                _read_own_words(state, form.cleaned_data["own_words"], language)
            return _next_screen(request, state, version, number, items)
    else:
        form = StepForm(items=items, language=language, own_words=last, initial=_initial(answers))
    evaluation = selectors.evaluate(version, answers)
    help_lines = _help_lines(request, state, evaluation.safety_alert, language)
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
            "own_words": form["own_words"] if last else None,
            "own_words_max_length": OWN_WORDS_MAX_LENGTH,
            "number": number,
            "total": len(pages),
            **help_lines,
        },
    )


def _read_own_words(state: dict[str, Any], text: str, language: str) -> None:
    """Keep what the own words point to, never the words. A new text replaces what an earlier
    one found; an empty box (the text is not shown again) keeps it."""
    found = recommend.own_words(text, language)
    state["own_needs"] = found.needs
    state["own_suggestions"] = found.suggestions


def _needs(state: dict[str, Any], evaluation: selectors.Evaluation) -> tuple[list[str], list[str]]:
    """Every need the result recommends (the answers' first, then those from the person's own
    words), and the own-words ones the answers did not already give."""
    own = [code for code in state.get("own_needs", []) if code not in evaluation.needs]
    return [*evaluation.needs, *own], own


def _help_lines(
    request: HttpRequest, state: dict[str, Any], alert: bool, language: str
) -> dict[str, Any]:
    """The help lines in full the first time a screen shows them after the alert, then a
    compact link on every later screen (issue #12: once, clearly, not a banner on each step)."""
    if not alert:
        return {"help_lines": [], "help_compact": False}
    lines = selectors.help_lines(language)
    if state.get("help_shown"):
        return {"help_lines": lines, "help_compact": True}
    state["help_shown"] = True
    _save(request, state)
    return {
        "help_lines": lines,
        "help_compact": False,
        "help_language_note": language in selectors.LANGUAGES_WITHOUT_OWN_LINE,
    }


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
            postcode=state.get("postcode") or "",
        )
        state["recorded"] = True
        _save(request, state)
    return redirect("screening:result")


@require_http_methods(["GET", "HEAD"])
def result(request: HttpRequest) -> HttpResponse:
    state = _state(request)
    if state is None:
        return redirect("screening:start")
    return _result_page(request, state, own_form=None)


def _result_page(
    request: HttpRequest, state: dict[str, Any], own_form: OwnNeedsForm | None
) -> HttpResponse:
    version = selectors.version_by_id(state["version"])
    language = _language()
    evaluation = selectors.evaluate(version, state["answers"])
    form = PostcodeForm(request.GET if "postcode" in request.GET else None)
    if form.is_bound and form.is_valid() and form.cleaned_data["postcode"] != state["postcode"]:
        state["postcode"] = form.cleaned_data["postcode"]
        _save(request, state)
    audience = version.instrument.audience
    situation = recommend.person(state, audience, situation_recall(request))
    if not form.is_bound and not state["postcode"] and situation.postcode:
        # Given in another journey this visit (navigator, finder): look near it at once.
        state["postcode"] = situation.postcode
        _save(request, state)
    situation_remember(request=request, situation=situation)
    needs, own = _needs(state, evaluation)
    advice: list[recommend.NeedAdvice] = []
    if needs and not form.errors:
        try:
            advice = recommend.advise(needs, situation, language, request)
        except CriteriaError:
            form.add_error("postcode", _("We do not know this postcode. Check the four digits."))
    advice = advice or recommend.labelled(needs)
    if own_form is None:
        own_form = _own_needs_form(state, needs, data=None)
    query = urlencode(recommend.finder_query(needs, situation))
    return render(
        request,
        "screening/result.html",
        {
            "version": version,
            "evaluation": evaluation,
            "needs": advice,
            "own_codes": own,
            "own_labels": [item.label for item in advice if item.code in own],
            "own_form": own_form,
            "form": form,
            "postcode": state["postcode"],
            "professional": state["professional"],
            "consent": state["consent"],
            "finder_url": f"{reverse('finder:finder')}?{query}",
            "in_plan": visitor_plan_service_ids(request),
            "added": request.GET.get("added", ""),
            "added_need": request.GET.get("need", ""),
            "can_make_plan": bool(recommend.recommended_ids(advice)),
            **_help_lines(request, state, evaluation.safety_alert, language),
        },
    )


@require_POST
def plan(request: HttpRequest) -> HttpResponse:
    """Adds one recommended service (``service``) or all of them to the visitor's plan, with
    the needs and the finder search; a plan is never made empty (issue #12)."""
    state = _state(request)
    if state is None:
        return redirect("screening:start")
    version = selectors.version_by_id(state["version"])
    needs, _own = _needs(state, selectors.evaluate(version, state["answers"]))
    situation = recommend.person(state, version.instrument.audience, situation_recall(request))
    try:
        offered = recommend.recommended_ids(
            recommend.advise(needs, situation, _language(), request)
        )
    except CriteriaError:
        offered = []
    one = str(request.POST.get("service", ""))[:40]
    chosen = [one] if one else offered
    support_plan = visitor_plan_services_add(
        request=request,
        language=_language(),
        # Only what the result offered: a hand-made form cannot add any other service.
        service_ids=[sid for sid in chosen if sid in offered],
        needs=needs,
        query=urlencode(recommend.finder_query(needs, situation)),
    )
    if support_plan is None or (one and one not in offered):
        return redirect("screening:result")
    if one:
        # Back to the card just added (its "Added to your plan." note), without JavaScript.
        need = str(request.POST.get("need", ""))
        need = need if need in needs else ""
        back = urlencode([("added", one), ("need", need)])
        return HttpResponseRedirect(f"{reverse('screening:result')}?{back}#service-{one}-{need}")
    return HttpResponseRedirect(reverse("finder:plan", kwargs={"token": support_plan.token}))


def _own_needs_form(
    state: dict[str, Any], needs: list[str], data: Any | None
) -> OwnNeedsForm | None:
    """The matcher's suggestions not recommended already, as unticked choices; None if none."""
    offered = [code for code in state.get("own_suggestions", []) if code not in needs]
    if not offered:
        return None
    choices = [(item.code, item.label) for item in recommend.labelled(offered)]
    return OwnNeedsForm(data, offered=choices, auto_id="own-%s")


@require_POST
def own_words(request: HttpRequest) -> HttpResponse:
    """Adds the suggestions the person ticked to the needs from their own words; anything else
    (nothing ticked, a need not offered) changes nothing and says why on the result page."""
    state = _state(request)
    if state is None:
        return redirect("screening:start")
    version = selectors.version_by_id(state["version"])
    needs, _own = _needs(state, selectors.evaluate(version, state["answers"]))
    form = _own_needs_form(state, needs, data=request.POST)
    if form is None:
        return redirect("screening:result")
    if not form.is_valid():
        return _result_page(request, state, own_form=form)
    chosen = form.cleaned_data["need"]
    state["own_needs"] = list(dict.fromkeys([*state.get("own_needs", []), *chosen]))
    state["own_suggestions"] = []
    _save(request, state)
    return HttpResponseRedirect(f"{reverse('screening:result')}#need-{chosen[0]}")


@require_http_methods(["GET", "HEAD"])
def help_lines(request: HttpRequest) -> HttpResponse:
    """The 24/7 help lines on a page of their own: the compact link's target."""
    language = _language()
    return render(
        request,
        "screening/help.html",
        {
            "help_lines": selectors.help_lines(language),
            "help_compact": False,
            "help_language_note": language in selectors.LANGUAGES_WITHOUT_OWN_LINE,
        },
    )


@require_POST
def clear(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    situation_forget(request=request)
    return HttpResponseRedirect(reverse("screening:start") + "?cleared=1")
