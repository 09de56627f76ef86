"""The editors' participation pages (editors and platform admins; others signed in: 403;
anonymous: the sign-in page): the overview, planning and changing a session, its minutes and
outcomes, its list of participants (a read of personal data: audited), and the actions with
their status. Working groups themselves are Wagtail snippets (Snippets → Working groups)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from beoncosup.accounts.rules import require
from beoncosup.core.i18n_text import default_language
from beoncosup.participation.forms import (
    ActionForm,
    ActionStatusForm,
    MinutesForm,
    SessionForm,
)
from beoncosup.participation.models import GroupSession
from beoncosup.participation.selectors import actions as action_selectors
from beoncosup.participation.selectors import groups as selectors
from beoncosup.participation.services import actions as action_services
from beoncosup.participation.services import sessions as session_services
from beoncosup.participation.services.mails import session_line


def _form_errors(form: Any, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (or the form when unknown)."""
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)


def _session_or_404(session_id: int) -> GroupSession:
    found = selectors.session_detail(session_id, include_unpublished=True)
    if found is None:
        raise Http404
    return found


@never_cache
@login_required
@require_safe
def manage(request: HttpRequest) -> HttpResponse:
    require(request, "participation.manage")
    return render(
        request,
        "participation/manage.html",
        {
            "groups": selectors.groups_for_editors(),
            "actions": action_selectors.actions_for_editors(),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_new(request: HttpRequest, group_id: int) -> HttpResponse:
    require(request, "participation.manage")
    group = selectors.group_detail(group_id, include_unpublished=True)
    if group is None:
        raise Http404
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = session_services.session_save(
                group=group, data=form.data_out(), actor=request.user, request=request
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The session is planned."))
            return redirect("participation:session", session_id=created.pk)
    return render(
        request,
        "participation/session_edit.html",
        {"group": group, "form": form, "group_session": None},
        status=422 if form.errors else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    require(request, "participation.manage")
    found = _session_or_404(session_id)
    if request.method == "POST":
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                session_services.session_save(
                    group=found.group,
                    group_session=found,
                    data=form.data_out(),
                    actor=request.user,
                    request=request,
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("The session is saved."))
                return redirect("participation:session", session_id=found.pk)
    else:
        form = SessionForm(initial=SessionForm.initial_for(found))
    return render(
        request,
        "participation/session_edit.html",
        {"group": found.group, "form": form, "group_session": found},
        status=422 if form.errors else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_minutes(request: HttpRequest, session_id: int) -> HttpResponse:
    require(request, "participation.manage")
    found = _session_or_404(session_id)
    if request.method == "POST":
        form = MinutesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                session_services.session_minutes_save(
                    group_session=found,
                    minutes=data["minutes"],
                    outcomes=data["outcomes"],
                    publish=data["publish"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The minutes are published.")
                    if data["publish"]
                    else _("The minutes are saved, not published."),
                )
                return redirect("participation:session", session_id=found.pk)
    else:
        form = MinutesForm(
            initial={
                "minutes": found.minutes,
                "outcomes": found.outcomes,
                "publish": found.published_at is not None,
            }
        )
    return render(
        request,
        "participation/session_minutes.html",
        {
            "group_session": found,
            "group": found.group,
            "line": session_line(found, default_language()),
            "form": form,
        },
        status=422 if form.errors else 200,
    )


@never_cache
@login_required
@require_safe
def registrations(request: HttpRequest, session_id: int) -> HttpResponse:
    """The session's participants: names and e-mail addresses, so the read is audited."""
    require(request, "participation.view_registrations")
    found = _session_or_404(session_id)
    rows = selectors.session_registrations(found)
    session_services.registrations_viewed(
        group_session=found, actor=request.user, count=len(rows), request=request
    )
    response = render(
        request,
        "participation/registrations.html",
        {
            "group_session": found,
            "group": found.group,
            "line": session_line(found, default_language()),
            "registrations": rows,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _action_form(request: HttpRequest, **kwargs: Any) -> ActionForm:
    consultations, sessions = action_selectors.action_choices()
    return ActionForm(
        request.POST or None, consultations=consultations, sessions=sessions, **kwargs
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def action_new(request: HttpRequest) -> HttpResponse:
    """A new action (its first status on the same page)."""
    require(request, "participation.manage")
    initial: dict[str, Any] = {"date": timezone.localdate(), "status": "planned"}
    form = _action_form(request)
    status_form = ActionStatusForm(request.POST or None, initial=initial, prefix="status")
    if request.method == "POST" and form.is_valid() and status_form.is_valid():
        status = status_form.cleaned_data
        try:
            created = action_services.action_create(
                data=form.data_out(),
                status=status["status"],
                status_date=status["date"],
                reason=status["reason"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The action is saved."))
            return redirect("participation:action", action_id=created.pk)
    return render(
        request,
        "participation/action_edit.html",
        {"form": form, "status_form": status_form, "action": None},
        status=422 if form.errors or status_form.errors else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def action_edit(request: HttpRequest, action_id: int) -> HttpResponse:
    require(request, "participation.manage")
    found = action_selectors.action_detail(action_id, include_unpublished=True)
    if found is None:
        raise Http404
    initial = {
        "title": found.title,
        "description": found.description,
        "kind": found.kind,
        "domain": found.domain_id,
        "needs": [need.code for need in found.needs.all()],
        "link": found.link,
        "consultations": [c.pk for c in found.consultations.all()],
        "sessions": [s.pk for s in found.sessions.all()],
        "published": found.published,
    }
    form = _action_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            action_services.action_update(
                action=found, data=form.data_out(), actor=request.user, request=request
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The action is saved."))
            return redirect("participation:action", action_id=found.pk)
    return render(
        request,
        "participation/action_edit.html",
        {"form": form, "status_form": None, "action": found},
        status=422 if form.errors else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def action_status(request: HttpRequest, action_id: int) -> HttpResponse:
    """A new status for the action: its contributors hear of it by e-mail."""
    require(request, "participation.manage")
    found = action_selectors.action_detail(action_id, include_unpublished=True)
    if found is None:
        raise Http404
    initial = {"status": found.status, "date": timezone.localdate(), "reason": {}}
    form = ActionStatusForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = action_services.action_status_change(
                action=found,
                status=data["status"],
                date=data["date"],
                reason=data["reason"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            if change is None:
                messages.info(request, _("Nothing changed."))
            else:
                messages.success(
                    request,
                    ngettext(
                        "The status is saved. %(count)d person will get an e-mail.",
                        "The status is saved. %(count)d people will get an e-mail.",
                        change.notified,
                    )
                    % {"count": change.notified},
                )
            return redirect("participation:action", action_id=found.pk)
    return render(
        request,
        "participation/action_status.html",
        {"form": form, "action": found, "history": action_selectors.action_history(found)},
        status=422 if form.errors else 200,
    )
