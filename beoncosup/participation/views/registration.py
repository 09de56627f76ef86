"""Registration for a working-group session: anyone may register (no account); the
participant's page, its calendar file, the cancellation and the stop link of the action
e-mails are behind the registration's token (an unknown token answers 404). Those pages are
never cached, indexed or referred."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from beoncosup.core.i18n_text import default_language
from beoncosup.participation.codes import RegistrationStatus
from beoncosup.participation.forms import RegistrationForm
from beoncosup.participation.models import Registration
from beoncosup.participation.selectors import groups as selectors
from beoncosup.participation.services import mails
from beoncosup.participation.services import registration as services
from beoncosup.participation.services.retention import retention_days


def _private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No caching, no indexing, no Referer (the token is in the URL); a page with a form says
    "same-origin" (with "no-referrer" the CSRF check refuses the form)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if "Referrer-Policy" not in response:
            response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)


def _registration_or_404(token: str) -> Registration:
    found = selectors.registration_for_token(token)
    if found is None:
        raise Http404
    return found


def _back(token: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("participation:registration", kwargs={"token": token}))


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest, session_id: int) -> HttpResponse:
    """The registration form of a session of a published group (else 404)."""
    found = selectors.session_detail(session_id)
    if found is None:
        raise Http404
    language = default_language()
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                registration = services.registration_create(
                    group_session=found, data=form.data_out(), request=request
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if registration.status == RegistrationStatus.CONFIRMED:
                    messages.success(request, _("Your place is confirmed. We sent you an e-mail."))
                else:
                    messages.info(request, _("You are on the waiting list. We sent you an e-mail."))
                return _back(registration.token)
    else:
        form = RegistrationForm(initial={"language": language})
    places = max(found.capacity - found.confirmed, 0)  # type: ignore[attr-defined]
    response = render(
        request,
        "participation/register.html",
        {
            "group_session": found,
            "group": found.group,
            "line": mails.session_line(found, language),
            "open": selectors.registration_open(found),
            "places_left": places,
            "form": form,
            "retention_days": retention_days(),
        },
        status=400 if form.is_bound else 200,
    )
    response["Referrer-Policy"] = "same-origin"
    return response


@require_safe
@_private
def registration(request: HttpRequest, token: str) -> HttpResponse:
    found = _registration_or_404(token)
    group_session = found.session
    return render(
        request,
        "participation/registration.html",
        {
            "registration": found,
            "token": token,
            "group_session": group_session,
            "group": group_session.group,
            "line": mails.session_line(group_session, default_language()),
            "status_label": RegistrationStatus(found.status).label,
            "position": selectors.waiting_position(found),
            "cancelled": found.status == RegistrationStatus.CANCELLED,
            "confirmed": found.status == RegistrationStatus.CONFIRMED,
            "session_cancelled": group_session.session.cancelled,
            "past": group_session.session.starts_at <= timezone.now(),
        },
    )


@require_safe
@_private
def registration_ical(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar file of a confirmed registration."""
    found = _registration_or_404(token)
    if found.status != RegistrationStatus.CONFIRMED:
        raise Http404
    response = HttpResponse(
        mails.registration_ical(found), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="working-group.ics"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@_private
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm; POST cancels (again: nothing changes)."""
    found = _registration_or_404(token)
    if request.method == "POST":
        if found.status != RegistrationStatus.CANCELLED:
            services.registration_cancel(registration=found, request=request)
            messages.success(request, _("Your registration is cancelled. We sent you an e-mail."))
        return _back(token)
    if found.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration is already cancelled."))
        return _back(token)
    response = render(
        request,
        "participation/registration_cancel.html",
        {"registration": found, "token": token, "group": found.session.group},
    )
    response["Referrer-Policy"] = "same-origin"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@_private
def notify_stop(request: HttpRequest, token: str) -> HttpResponse:
    """The stop link of the e-mails about actions: GET asks to confirm, POST stops them (a
    link opened by a mail scanner changes nothing)."""
    found = _registration_or_404(token)
    if request.method == "POST":
        services.registration_notify_set(registration=found, notify=False, request=request)
        messages.success(request, _("We will no longer e-mail you about this session's actions."))
        return _back(token)
    response = render(
        request,
        "participation/notify_stop.html",
        {"registration": found, "token": token, "group": found.session.group},
    )
    response["Referrer-Policy"] = "same-origin"
    return response
