"""Pages of feedback: the public report form and status page, and the moderators' queue.

The form and the status page are public (no account: the status page is found by its token).
The queue and a report's page are for editors and provider staff; a report on a record that
the user's organisation does not hold answers 404 (its existence is not revealed); the counts
per record are for editors (403 for others)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from beoncosup.accounts.rules import require
from beoncosup.feedback import selectors
from beoncosup.feedback.forms import ACTIONS, FilterForm, NoteForm, ReportForm
from beoncosup.feedback.models import Report
from beoncosup.feedback.services import moderation
from beoncosup.feedback.services.reports import report_create
from beoncosup.feedback.targets import (
    Target,
    target_kind,
    target_kinds,
    target_or_404,
    targets_resolve,
)


def _messages_of(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, kind: str, object_id: str) -> HttpResponse:
    target = target_or_404(kind, object_id)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        created = _send(request, form, target)
        if created is not None:
            messages.success(
                request,
                _("Thank you: your report was sent. Keep this page's address to follow it."),
            )
            return redirect("feedback:status", token=created.token)
    return render(
        request,
        "feedback/report.html",
        {"target": target, "kind": target_kind(kind), "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _send(request: HttpRequest, form: ReportForm, target: Target) -> Report | None:
    """The report, or None with the form's errors set."""
    if form.cleaned_data["website"]:
        # People do not see this field; robots fill it. Nothing is kept.
        form.add_error(None, _("The report could not be sent. Please try again."))
        return None
    try:
        return report_create(
            target=target,
            category=form.cleaned_data["category"],
            text=form.cleaned_data["text"],
            contact_email=form.cleaned_data["contact_email"],
            language=translation.get_language() or "",
            session=request.session,
        )
    except ValidationError as error:
        _form_errors(form, error)
        return None


def _form_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, _messages_of(error))


@never_cache
@require_safe
def status(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.report_by_token(token)
    if found is None:
        raise Http404("No such report")
    kind = target_kind(found.kind)
    target = kind.resolve(found.object_id) if kind is not None else None
    response = render(
        request, "feedback/status.html", {"report": found, "target": target, "kind": kind}
    )
    response["Referrer-Policy"] = "no-referrer"  # the token is in the address
    return response


def _rows(reports: list[Report]) -> list[dict[str, Any]]:
    pairs = [(r.kind, r.object_id) for r in reports]
    targets = targets_resolve(pairs)
    counts = selectors.counts_for(pairs)
    return [
        {
            "report": r,
            "target": targets.get((r.kind, r.object_id)),
            "counts": counts.get((r.kind, r.object_id)),
        }
        for r in reports
    ]


def _kind_choices() -> list[tuple[str, Any]]:
    return [(kind.code, kind.label) for kind in target_kinds()]


@login_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    require(request, "feedback.view_queue")
    filters = FilterForm(request.GET or None, kinds=_kind_choices())
    status_filter = kind_filter = ""
    if filters.is_valid():
        status_filter = filters.cleaned_data["status"]
        kind_filter = filters.cleaned_data["kind"]
    reports = selectors.queue(request.user, status=status_filter, kind=kind_filter)
    page = Paginator(reports, selectors.QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    is_editor = request.user.has_perm("feedback.view_record_counts")
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "feedback/queue.html",
        {
            "filters": filters,
            "page": page,
            "rows": _rows(list(page.object_list)),
            "show_counts": is_editor,
            "most_open": selectors.records_with_most_open() if is_editor else [],
            "query": query.urlencode(),
        },
        status=200 if filters.is_valid() or not request.GET else 400,
    )


@login_required
@require_safe
def record(request: HttpRequest, kind: str, object_id: str) -> HttpResponse:
    require(request, "feedback.view_record_counts")
    registered = target_kind(kind)
    if registered is None:
        raise Http404("No such kind of record")
    target = registered.resolve(object_id)
    key = target.object_id if target is not None else object_id
    reports = list(selectors.record_reports(kind, key)[:200])
    if target is None and not reports:
        raise Http404("No such record")
    counts = selectors.counts_for([(kind, key)]).get((kind, key))
    return render(
        request,
        "feedback/record.html",
        {
            "kind": registered,
            "target": target,
            "reports": reports,
            "counts": counts,
            "title": target.title if target else (reports[0].target_title if reports else key),
        },
    )


def _fix_url(request: HttpRequest, target: Target | None) -> str:
    """Where this user corrects the record: the Wagtail admin for editors, the providers'
    page of the listing for its provider staff."""
    if target is None:
        return ""
    if request.user.has_perm("feedback.view_all_reports"):
        return target.admin_url
    return target.provider_url


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    require(request, "feedback.view_queue")
    found = selectors.report_for_moderation(request.user, report_id)
    if found is None:
        raise Http404("No such report among yours")
    kind = target_kind(found.kind)
    target = kind.resolve(found.object_id) if kind is not None else None
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = {name: NoteForm(prefix=name) for name in ACTIONS}
    if action in ACTIONS:
        form = NoteForm(request.POST, prefix=action)
        forms[action] = form
        if form.is_valid():
            try:
                _act(request, action, found, form.cleaned_data["note"])
            except PermissionDenied:
                raise Http404("No such report among yours") from None
            except ValidationError as error:
                _form_errors(form, error)
            else:
                return redirect("feedback:report_detail", report_id=found.pk)
    return render_detail(
        request, found, target, kind, forms, status=400 if request.method == "POST" else 200
    )


def _act(request: HttpRequest, action: str, report: Report, note: str) -> None:
    if action == "take":
        moderation.report_take(report=report, user=request.user, request=request)
        messages.success(request, _("You took this report in hand."))
    elif action == "resolve":
        moderation.report_resolve(report=report, user=request.user, note=note, request=request)
        messages.success(request, _("The report is resolved and the record marked as checked."))
    else:
        moderation.report_reject(report=report, user=request.user, note=note, request=request)
        messages.success(request, _("The report is closed without a change."))


def render_detail(
    request: HttpRequest,
    report: Report,
    target: Target | None,
    kind: Any,
    forms: dict[str, NoteForm],
    *,
    status: int,
) -> HttpResponse:
    key = (report.kind, report.object_id)
    show_counts = request.user.has_perm("feedback.view_record_counts")
    counts = selectors.counts_for([key]).get(key) if show_counts else None
    return render(
        request,
        "feedback/report_detail.html",
        {
            "report": report,
            "target": target,
            "kind": kind,
            "forms": forms,
            "fix_url": _fix_url(request, target),
            "counts": counts,
            "errors": [f for f in forms.values() if f.is_bound and f.errors],
        },
        status=status,
    )
