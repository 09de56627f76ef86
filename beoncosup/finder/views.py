"""Finder pages (search form, results, map) and support plans (view, edit, print, PDF).

Plans are capability URLs: the random token in the address is the only key, for reading and
for editing (docs/finder.md, "Support plan"). Notes are never logged.
"""

from __future__ import annotations

import math
import uuid
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import reswap, retarget

from beoncosup.core.i18n_text import default_language
from beoncosup.core.pdf import html_to_pdf, stylesheet_path
from beoncosup.core.qr import qr_svg
from beoncosup.core.sms import sms_enabled
from beoncosup.finder import queries, services
from beoncosup.finder.counting import visitor_id
from beoncosup.finder.forms import FinderForm, NotesForm
from beoncosup.finder.models import SupportPlan
from beoncosup.finder.plan_session import SESSION_KEY, plan_token
from beoncosup.finder.plan_summary import situation_rows
from beoncosup.finder.rendering import need_picker_html
from beoncosup.finder.results import result_context
from beoncosup.geo.selectors import place_suggestions
from beoncosup.search.matching.criteria import PAGE_SIZE, CriteriaError
from beoncosup.situation.codes import Audience, seeker_audience
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.services import situation_remember


def _language() -> str:
    return default_language()


def _finder_url(query: str = "") -> str:
    url = reverse("finder:finder")
    return f"{url}?{query}" if query else url


def _remembered_query(request: HttpRequest) -> list[tuple[str, str]]:
    """The answers the person gave another journey this visit, as the finder asks them (an
    employer or professional looks on behalf of the patient)."""
    situation = situation_recall(request)
    if situation is None:
        return []
    pairs = situation.query()
    return [
        (name, (situation.seeker_audience or "") if name == "audience" else value)
        for name, value in pairs
    ]


def _with_remembered(request: HttpRequest) -> QueryDict | None:
    """The search as asked, completed with remembered answers for the questions the address
    does not mention at all (a link from the navigator or the self-check); a question the
    person left empty in the finder's own form stays empty."""
    if not request.GET:
        return None
    data = request.GET.copy()
    for name, value in _remembered_query(request):
        if name not in request.GET and value:
            data.appendlist(name, value)
    return data


def _remembered_initial(request: HttpRequest) -> dict[str, Any]:
    """A fresh finder starts from the answers given elsewhere this visit."""
    if request.GET:
        return {}
    initial: dict[str, Any] = {}
    for name, value in _remembered_query(request):
        if name == "languages":
            initial.setdefault(name, []).append(value)
        elif value:
            initial[name] = value
    # The page's language is the first guess at the person's (issue #12): services that speak
    # none of their languages rank last and say so.
    initial.setdefault("languages", [_language()])
    return initial


def _employer_route(
    request: HttpRequest, data: QueryDict | None, initial: dict[str, Any]
) -> tuple[QueryDict | None, dict[str, Any], bool]:
    """``audience=employer``, the employers' route into the finder (issue #19; the home page
    and the employers' page link it). The search keeps the meaning the API gives it: an
    employer looks on behalf of the employee, so the services are the person's
    (situation.codes.seeker_audience); the page adds the employers' own way in (toolkit,
    measures, services for the workplace itself). Without a need or words yet, the form
    opens empty. Returns the form's data and initial values, and whether the route is on."""
    if request.GET.get("audience") != Audience.EMPLOYER or data is None:
        return data, initial, False
    if not (request.GET.getlist("need") or request.GET.get("q", "").strip()):
        return None, {"languages": [_language()]}, True
    data = data.copy()
    data["audience"] = seeker_audience(Audience.EMPLOYER) or ""
    return data, initial, True


@require_safe
def finder(request: HttpRequest) -> HttpResponse:
    """The finder page; HTMX requests get the results region (or the whole form when it has
    errors)."""
    language = _language()
    domains = queries.needs_picker()
    labels = {
        code: label
        for domain in domains
        for category in domain.categories
        for code, label in category.needs
    }
    data, initial, employer_route = _employer_route(
        request, _with_remembered(request), _remembered_initial(request)
    )
    form = FinderForm(data, initial=initial, need_codes=list(labels))
    context: dict[str, Any] = {
        "form": form,
        "domains": domains,
        "result": None,
        "employer_route": employer_route,
    }
    if form.is_bound and form.is_valid():
        situation_remember(request=request, situation=form.situation())
        criteria = form.criteria(language)
        my_plan = plan_token(request)
        try:
            result = services.finder_search(criteria, visitor=visitor_id(request))
        except CriteriaError as error:
            form.add_engine_error(error)
        else:
            context.update(
                result_context(
                    request=request,
                    result=result,
                    criteria=criteria,
                    labels=labels,
                    in_plan=queries.plan_service_ids(my_plan),
                    num_pages=max(math.ceil(result.total / PAGE_SIZE), 1),
                    plan_token=my_plan,
                )
            )
    form.mark_errors()
    picked = set(request.GET.getlist("need"))
    context["picked"] = picked
    open_domains = {
        domain.code
        for domain in domains
        for category in domain.categories
        if any(code in picked for code, _label in category.needs)
    }
    context["open_domains"] = open_domains
    context["need_picker"] = need_picker_html(domains, picked, open_domains)
    context["filters_open"] = form.is_bound and any(
        form.data.get(name) for name in ("max_km", "delivery", "free_only", "self_referral_only")
    )
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        if form.errors:
            response = render(request, "finder/includes/finder_body.html", context)
            return reswap(retarget(response, "#finder-body"), "outerHTML")
        return render(request, "finder/includes/results.html", {**context, "oob_status": True})
    return render(request, "finder/finder.html", context)


@require_safe
def places(request: HttpRequest) -> HttpResponse:
    """<option>s for the postcode field's <datalist> (HTMX autocomplete)."""
    text = str(request.GET.get("postcode", ""))[:100]
    return render(
        request,
        "finder/includes/place_options.html",
        {"places": place_suggestions(text, _language())},
    )


def _session_plan(request: HttpRequest) -> SupportPlan | None:
    token = request.session.get(SESSION_KEY)
    if not token:
        return None
    try:
        return queries.plan_for_token(str(token))
    except (SupportPlan.DoesNotExist, queries.PlanGone):
        return None


@require_POST
def plan_add(request: HttpRequest) -> HttpResponse:
    """Adds a service to this visitor's plan (created on the first add and kept in the
    session), then back to the search, or the updated button for HTMX."""
    try:
        service_id = uuid.UUID(str(request.POST.get("service", "")))
    except ValueError:
        raise Http404("No such service") from None
    service = queries.active_service(service_id)
    if service is None:
        raise Http404("No such service")
    query = QueryDict(str(request.POST.get("query", ""))[:2000]).urlencode()
    needs = [code for code in request.POST.getlist("plan_need") if len(code) <= 60][:20]
    plan = _session_plan(request)
    if plan is None:
        plan = services.plan_create(language=_language(), needs=needs, query=query)
        request.session[SESSION_KEY] = plan.token
    services.plan_service_add(plan=plan, service=service, needs=needs, query=query)
    htmx = getattr(request, "htmx", None)
    if htmx:
        return render(
            request,
            "finder/includes/plan_added.html",
            {
                "service": service,
                "plan": plan,
                "plan_size": queries.plan_size(plan.token),
                "oob_counter": True,
            },
        )
    return HttpResponseRedirect(f"{_finder_url(query)}#service-{service.pk}")


def _plan_or_gone(request: HttpRequest, token: str) -> SupportPlan | HttpResponse:
    try:
        return queries.plan_for_token(token)
    except SupportPlan.DoesNotExist:
        raise Http404("No such plan") from None
    except queries.PlanGone:
        return render(request, "finder/plan_gone.html", status=410)


def _plan_context(request: HttpRequest, plan: SupportPlan) -> dict[str, Any]:
    items = queries.plan_items(plan)
    labels = queries.need_labels(plan.needs)
    return {
        "plan": plan,
        "items": items,
        "needs": [(code, labels.get(code, code)) for code in plan.needs],
        "share_url": request.build_absolute_uri(reverse("finder:plan", args=[plan.token])),
        "situation": situation_rows(plan.query, _language()),
        # Back to the search, or a search for the plan's needs (a plan made by the self-check).
        "finder_url": _finder_url(plan.query or urlencode([("need", code) for code in plan.needs])),
        "sms": sms_enabled(),
    }


def _plan_document_context(request: HttpRequest, plan: SupportPlan) -> dict[str, Any]:
    """The printed plan and the PDF: the plan, with a QR code that opens its own page (the
    absolute share link, in the plan's language; call inside ``translation.override``)."""
    context = _plan_context(request, plan)
    context["share_qr"] = qr_svg(
        context["share_url"], title=gettext("QR code that opens this plan online")
    )
    return context


def plan_detail(request: HttpRequest, token: str) -> HttpResponse:
    """The plan: read it, write notes, remove or reorder services (POST, by token)."""
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    plan = _plan_or_gone(request, token)
    if isinstance(plan, HttpResponse):
        return plan
    if request.method == "POST":
        form = NotesForm(request.POST)
        if form.is_valid():
            item_ids = list(plan.items.values_list("pk", flat=True))
            services.plan_notes_set(
                plan=plan,
                note=form.cleaned_data["note"],
                item_notes=form.item_notes(request.POST, item_ids),
            )
            action, _sep, service_id = str(form.cleaned_data.get("action") or "save").partition(":")
            if action == "remove":
                services.plan_service_remove(plan=plan, service_id=service_id)
            elif action in {"up", "down"}:
                services.plan_service_move(
                    plan=plan, service_id=service_id, offset=-1 if action == "up" else 1
                )
            anchor = "#plan-services" if action != "save" else "#saved"
            return HttpResponseRedirect(
                f"{reverse('finder:plan', args=[plan.token])}?saved={action}{anchor}"
            )
    if _session_plan(request) is None:
        # A plan opened here (shared, or made by the self-check) becomes this visitor's plan,
        # so "Add to my plan" in the finder adds to it.
        request.session[SESSION_KEY] = plan.token
    context = _plan_context(request, plan)
    context["saved"] = request.GET.get("saved", "")
    return render(request, "finder/plan.html", context)


@require_safe
def plan_print(request: HttpRequest, token: str) -> HttpResponse:
    """The plan to print, in the plan's language."""
    plan = _plan_or_gone(request, token)
    if isinstance(plan, HttpResponse):
        return plan
    with translation.override(plan.language):
        return render(request, "finder/plan_print.html", _plan_document_context(request, plan))


@require_safe
def plan_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The plan as a PDF (WeasyPrint), in the plan's language, as a download."""
    plan = _plan_or_gone(request, token)
    if isinstance(plan, HttpResponse):
        return plan
    stylesheet = stylesheet_path("beoncosup/css/plan-pdf.css")
    with translation.override(plan.language):
        context = _plan_document_context(request, plan)
        html = render_to_string(
            "finder/plan_pdf.html", {**context, "stylesheet": stylesheet}, request=request
        )
    pdf = html_to_pdf(html, base_url=stylesheet)
    filename = f"beoncosup-plan-{plan.created_at:%Y-%m-%d}.pdf"
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
