"""The plan's pages: start, the professional's list, the plan with its sections, adding and
changing phases, contacts and review dates, print and PDF.

The person's pages are capability URLs: the private link's token is the only key (a wrong token
is 404). Professionals reach the same pages signed in, by the plan's id, as one of its helpers;
their reads are logged. Private notes are never logged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from beoncosup.accounts.rules import require
from beoncosup.core.pdf import html_to_pdf, stylesheet_path
from beoncosup.workplans import selectors
from beoncosup.workplans.access import PlanAccess, helper_access, person_access
from beoncosup.workplans.codes import HELPER_ROLES
from beoncosup.workplans.forms import (
    AdjustmentsForm,
    ContactForm,
    NotesForm,
    PhaseForm,
    PlanDetailsForm,
    PlanStartForm,
    ReviewForm,
)
from beoncosup.workplans.models import WorkPlanContact, WorkPlanPhase, WorkPlanReview
from beoncosup.workplans.services import helpers, plans
from beoncosup.workplans.services.retention import deletion_date, retention_days

# ----------------------------------------------------------------- start and the list


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """What a plan is, and the form to make one (POST: made, then to its private link). A
    signed-in professional who keeps plans makes it with the person and keeps it with them."""
    professional = request.user.has_perm("workplans.keep_plans")
    status = 200
    if request.method == "POST":
        form = PlanStartForm(request.POST, professional=professional)
        if form.is_valid():
            data = form.cleaned_data
            plan = plans.plan_create(
                title=data["title"],
                start_date=data["start_date"],
                employer_language=data["employer_language"],
                first_name=data["first_name"],
                employer_name=data["employer_name"],
                helper=request.user if professional else None,
                helper_role=data.get("helper_role", ""),
            )
            url = reverse("workplans:plan", kwargs={"token": plan.token})
            return HttpResponseRedirect(f"{url}?saved=created")
        status = 400
    else:
        form = PlanStartForm(
            professional=professional, initial={"employer_language": request.LANGUAGE_CODE}
        )
    context = {
        "form": form,
        "professional": professional,
        "retention_days": retention_days(),
    }
    return render(request, "workplans/start.html", context, status=status)


@require_safe
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The plans a professional keeps with people."""
    require(request, "workplans.keep_plans")
    kept = list(selectors.plans_of_helper(request.user))
    return render(request, "workplans/mine.html", {"plans": kept})


# ----------------------------------------------------------------- the plan


SECTION_FORMS: dict[str, type[forms.Form]] = {
    "details": PlanDetailsForm,
    "adjustments": AdjustmentsForm,
    "notes": NotesForm,
}


def _section_forms(access: PlanAccess) -> dict[str, forms.Form]:
    plan = access.plan
    return {
        "details": PlanDetailsForm(
            plan=plan,
            initial={
                "title": plan.title,
                "start_date": plan.start_date,
                "employer_name": plan.employer_name,
                "employer_language": plan.employer_language,
                "first_name": plan.first_name,
            },
        ),
        "adjustments": AdjustmentsForm(
            initial={"adjustments": plan.adjustments, "adjustments_text": plan.adjustments_text}
        ),
        "notes": NotesForm(initial={"notes": plan.notes}),
    }


def _section_save(access: PlanAccess, section: str, data: dict[str, Any]) -> None:
    actor = access.helper
    if section == "details":
        plans.plan_details_set(plan=access.plan, actor=actor, **data)
    elif section == "adjustments":
        plans.plan_adjustments_set(plan=access.plan, actor=actor, **data)
    else:
        plans.plan_notes_set(plan=access.plan, actor=actor, **data)


def _plan_page(request: HttpRequest, access: PlanAccess) -> HttpResponse:
    plan = access.plan
    section_forms = _section_forms(access)
    status = 200
    if request.method == "POST":
        section = str(request.POST.get("section", ""))
        if section not in SECTION_FORMS:
            return HttpResponse(status=400)
        form_class = SECTION_FORMS[section]
        form = (
            form_class(request.POST, plan=plan)  # type: ignore[call-arg]
            if form_class is PlanDetailsForm
            else form_class(request.POST)
        )
        if form.is_valid():
            _section_save(access, section, form.cleaned_data)
            return HttpResponseRedirect(f"{access.url('plan')}?saved={section}#{section}")
        section_forms[section] = form
        status = 400
    elif access.helper is not None:
        helpers.helper_read_record(plan=plan, user=access.helper, document="page")
    document = selectors.document_full(plan)
    context: dict[str, Any] = {
        "access": access,
        "plan": plan,
        "doc": document,
        "forms": section_forms,
        "saved": request.GET.get("saved", ""),
        "phases": [_item_links(access, "phase", phase) for phase in document.phases],
        "contacts": [_item_links(access, "contact", c) for c in document.contacts],
        "reviews": [_item_links(access, "review", review) for review in document.reviews],
        "deletion_date": deletion_date(plan),
        "retention_days": retention_days(),
        "urls": {name: access.url(name) for name in ("plan", "print", "pdf")}
        | {f"add_{kind}": access.url("item_add", kind=kind) for kind in KINDS},
    }
    if access.is_person:
        shares = selectors.plan_shares(plan)
        context |= {
            "helpers": selectors.plan_helpers(plan),
            "invitations": selectors.open_invitations(plan),
            "active_shares": [share for share in shares if share.is_active],
            "private_url": request.build_absolute_uri(access.url("plan")),
            "helper_roles": HELPER_ROLES,
        }
    return render(request, "workplans/plan.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def plan_page(request: HttpRequest, token: str) -> HttpResponse:
    """The person's plan, by its private link: read and edit each section."""
    return _plan_page(request, person_access(token))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def helper_plan_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The same plan for a professional who keeps it with the person (reads logged)."""
    access = helper_access(request, plan_id)
    if isinstance(access, HttpResponse):
        return access
    return _plan_page(request, access)


# ----------------------------------------------------------------- phases, contacts, reviews


@dataclass(frozen=True)
class ItemLinks:
    item: Any
    edit_url: str
    delete_url: str


def _item_links(access: PlanAccess, kind: str, item: Any) -> ItemLinks:
    return ItemLinks(
        item=item,
        edit_url=access.url("item_edit", kind=kind, item_id=item.pk),
        delete_url=access.url("item_delete", kind=kind, item_id=item.pk),
    )


@dataclass(frozen=True)
class Kind:
    model: Any
    form: Callable[..., forms.Form]
    save: Callable[..., Any]
    initial: Callable[[Any], dict[str, Any]]
    anchor: str


def _phase_form(data: Any, access: PlanAccess, item: Any, initial: Any) -> forms.Form:
    return PhaseForm(data, plan=access.plan, phase=item, initial=initial)


def _contact_form(data: Any, access: PlanAccess, item: Any, initial: Any) -> forms.Form:
    return ContactForm(data, initial=initial)


def _review_form(data: Any, access: PlanAccess, item: Any, initial: Any) -> forms.Form:
    return ReviewForm(data, plan=access.plan, initial=initial)


def _phase_save(access: PlanAccess, item: Any, data: dict[str, Any]) -> None:
    plans.phase_save(plan=access.plan, phase=item, actor=access.helper, **data)


def _contact_save(access: PlanAccess, item: Any, data: dict[str, Any]) -> None:
    plans.contact_save(plan=access.plan, contact=item, actor=access.helper, **data)


def _review_save(access: PlanAccess, item: Any, data: dict[str, Any]) -> None:
    plans.review_save(plan=access.plan, review=item, actor=access.helper, **data)


KINDS: dict[str, Kind] = {
    "phase": Kind(
        model=WorkPlanPhase,
        form=_phase_form,
        save=_phase_save,
        initial=lambda p: {
            "name": p.name,
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "hours_per_week": p.hours_per_week,
            "days": p.days,
            "tasks": p.tasks,
        },
        anchor="phases",
    ),
    "contact": Kind(
        model=WorkPlanContact,
        form=_contact_form,
        save=_contact_save,
        initial=lambda c: {"role": c.role, "name": c.name, "email": c.email, "phone": c.phone},
        anchor="contacts",
    ),
    "review": Kind(
        model=WorkPlanReview,
        form=_review_form,
        save=_review_save,
        initial=lambda r: {"date": r.date, "note": r.note},
        anchor="reviews",
    ),
}


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise Http404("No such part")
    return KINDS[kind]


def _item(access: PlanAccess, kind: Kind, item_id: int) -> Any:
    try:
        return kind.model.objects.get(pk=item_id, plan=access.plan)
    except kind.model.DoesNotExist:
        raise Http404("No such item") from None


def _item_form_page(
    request: HttpRequest, access: PlanAccess, kind_name: str, item_id: int | None
) -> HttpResponse:
    kind = _kind(kind_name)
    item = _item(access, kind, item_id) if item_id is not None else None
    initial = kind.initial(item) if item is not None else {}
    status = 200
    if request.method == "POST":
        form = kind.form(request.POST, access, item, initial)
        if form.is_valid():
            kind.save(access, item, form.cleaned_data)
            return HttpResponseRedirect(f"{access.url('plan')}?saved={kind_name}#{kind.anchor}")
        status = 400
    else:
        form = kind.form(None, access, item, initial)
    context = {
        "access": access,
        "plan": access.plan,
        "form": form,
        "kind": kind_name,
        "item": item,
        "back_url": f"{access.url('plan')}#{kind.anchor}",
        "action": request.path,
    }
    return render(request, "workplans/item_form.html", context, status=status)


def _item_delete(access: PlanAccess, kind_name: str, item_id: int) -> HttpResponse:
    kind = _kind(kind_name)
    plans.item_delete(plan=access.plan, item=_item(access, kind, item_id), actor=access.helper)
    return HttpResponseRedirect(f"{access.url('plan')}?saved=deleted#{kind.anchor}")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def item_add(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    """Add a phase, contact or review date (``kind``)."""
    return _item_form_page(request, person_access(token), kind, None)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def item_edit(request: HttpRequest, token: str, kind: str, item_id: int) -> HttpResponse:
    """Change a phase, contact or review date."""
    return _item_form_page(request, person_access(token), kind, item_id)


@require_POST
def item_delete(request: HttpRequest, token: str, kind: str, item_id: int) -> HttpResponse:
    """Delete a phase, contact or review date (POST)."""
    return _item_delete(person_access(token), kind, item_id)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def helper_item_add(request: HttpRequest, plan_id: int, kind: str) -> HttpResponse:
    access = helper_access(request, plan_id)
    if isinstance(access, HttpResponse):
        return access
    return _item_form_page(request, access, kind, None)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def helper_item_edit(request: HttpRequest, plan_id: int, kind: str, item_id: int) -> HttpResponse:
    access = helper_access(request, plan_id)
    if isinstance(access, HttpResponse):
        return access
    return _item_form_page(request, access, kind, item_id)


@require_POST
def helper_item_delete(request: HttpRequest, plan_id: int, kind: str, item_id: int) -> HttpResponse:
    access = helper_access(request, plan_id)
    if isinstance(access, HttpResponse):
        return access
    return _item_delete(access, kind, item_id)


# ----------------------------------------------------------------- print and PDF


def _print(request: HttpRequest, access: PlanAccess) -> HttpResponse:
    if access.helper is not None:
        helpers.helper_read_record(plan=access.plan, user=access.helper, document="print")
    context = {
        "doc": selectors.document_full(access.plan),
        "back_url": access.url("plan"),
        "pdf_url": access.url("pdf"),
    }
    return render(request, "workplans/print.html", context)


def plan_pdf_bytes(request: HttpRequest, document: selectors.PlanDocument) -> bytes:
    """The plan (or the shared part of it) as a tagged PDF, in the current language."""
    stylesheet = stylesheet_path("workplans/workplans-pdf.css")
    html = render_to_string(
        "workplans/pdf.html", {"doc": document, "stylesheet": stylesheet}, request=request
    )
    return html_to_pdf(html, base_url=stylesheet)


def pdf_response(pdf: bytes, plan: Any) -> HttpResponse:
    filename = f"return-to-work-plan-{plan.start_date:%Y-%m-%d}.pdf"
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _pdf(request: HttpRequest, access: PlanAccess) -> HttpResponse:
    if access.helper is not None:
        helpers.helper_read_record(plan=access.plan, user=access.helper, document="pdf")
    document = selectors.document_full(access.plan)
    return pdf_response(plan_pdf_bytes(request, document), access.plan)


@require_safe
def plan_print(request: HttpRequest, token: str) -> HttpResponse:
    """The whole plan to print (with the private notes: it is the person's copy)."""
    return _print(request, person_access(token))


@require_safe
def plan_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The whole plan as a tagged PDF."""
    return _pdf(request, person_access(token))


@require_safe
def helper_print(request: HttpRequest, plan_id: int) -> HttpResponse:
    access = helper_access(request, plan_id)
    if isinstance(access, HttpResponse):
        return access
    return _print(request, access)


@require_safe
def helper_pdf(request: HttpRequest, plan_id: int) -> HttpResponse:
    access = helper_access(request, plan_id)
    if isinstance(access, HttpResponse):
        return access
    return _pdf(request, access)
