"""Training views: registration. Anyone may register (no account); the participant's page,
its calendar file and the cancellation are behind the registration's token (the link in every
e-mail): an unknown token answers 404. Those pages are never cached, indexed or referred."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from beoncosup.accounts.services import absolute_url
from beoncosup.core.i18n_text import default_language, pick
from beoncosup.core.qr import qr_svg
from beoncosup.training.codes import Registration
from beoncosup.training.forms.registration import RegistrationForm
from beoncosup.training.models import Edition, Enrolment
from beoncosup.training.selectors import participants
from beoncosup.training.selectors import registration as selectors
from beoncosup.training.services import notices
from beoncosup.training.services import registration as services


def _private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No caching, no indexing, no Referer (the token is in the URL). A page with a form says
    "same-origin" instead: with "no-referrer" browsers send ``Origin: null`` and Django's CSRF
    check refuses the form."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if "Referrer-Policy" not in response:
            response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)


def _enrolment_or_404(token: str) -> Enrolment:
    enrolment = selectors.enrolment_for_token(token)
    if enrolment is None:
        raise Http404
    return enrolment


def _url_or_empty(name: str, **kwargs: Any) -> str:
    """The path of a sibling area's page, or "" while that area is not installed."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _back(token: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("training:enrolment", kwargs={"token": token}))


def _title(edition: Edition, language: str) -> str:
    return services.course_title(edition, language)


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest, edition_id: int) -> HttpResponse:
    """The registration form of an edition of a published course (else 404)."""
    edition = (
        Edition.objects.select_related("course")
        .filter(pk=edition_id, course__published=True)
        .first()
    )
    if edition is None:
        raise Http404
    language = default_language()
    user = request.user
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                enrolment = services.enrolment_register(
                    edition=edition,
                    user=user,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if enrolment.status == Registration.CONFIRMED:
                    messages.success(request, _("Your place is confirmed. We sent you an e-mail."))
                else:
                    messages.info(
                        request,
                        _("You are on the waiting list. We sent you an e-mail."),
                    )
                return _back(enrolment.token)
    else:
        initial = {"language": language}
        if user.is_authenticated:
            initial["name"] = user.get_full_name()
            initial["email"] = user.email
        form = RegistrationForm(initial=initial)
    sessions = [s for s in selectors.edition_sessions(edition) if not s.cancelled]
    edition_name = pick(edition.name, language)
    response = render(
        request,
        "training/registration/register.html",
        {
            "edition": edition,
            "course_title": _title(edition, language),
            "edition_name": edition_name.text if edition_name else "",
            "sessions": sessions,
            "session_lines": services.session_lines(sessions, language),
            "open": selectors.registration_open(edition),
            "places_left": selectors.places_left(edition),
            "form": form,
            "retention_days": settings.BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS,
            "retention_years": settings.BEONCOSUP_TRAINING_RETENTION_YEARS,
        },
        status=400 if form.is_bound else 200,
    )
    response["Referrer-Policy"] = "same-origin"
    return response


@require_safe
@_private
def enrolment(request: HttpRequest, token: str) -> HttpResponse:
    """The participant's page: status, sessions, calendar, check-in code, links of the day."""
    registration = _enrolment_or_404(token)
    page = selectors.enrolment_page(registration)
    language = default_language()
    edition_cancelled = bool(registration.edition.cancelled)
    active = page.confirmed and not edition_cancelled
    checkin = _url_or_empty("training:checkin", token=token) if active else ""
    evaluation = (
        _url_or_empty("training:evaluate", token=page.today[0].evaluation_token)
        if page.today and active
        else ""
    )
    lines = services.session_lines(page.sessions, language)
    own = participants.own_attendance(registration, page.sessions) if active else None
    if own is not None:
        lines = [
            replace(line, presence=own.presence[session.pk])
            for line, session in zip(lines, page.sessions, strict=True)
        ]
    return render(
        request,
        "training/registration/enrolment.html",
        {
            "enrolment": registration,
            "token": token,
            "page": page,
            "session_lines": lines,
            # A programme: the running total against the certificate's minimum.
            "progress": own.progress if own is not None and own.progress.held > 1 else None,
            "course_title": _title(registration.edition, language),
            "status_label": Registration(registration.status).label,
            "cancelled": registration.status == Registration.CANCELLED,
            "edition_cancelled": edition_cancelled,
            "checkin_qr": (
                qr_svg(absolute_url(checkin), title=_("Your check-in code")) if checkin else ""
            ),
            "evaluation_url": evaluation,
            "certificate_url": (
                _url_or_empty("training:certificate", token=token) if page.certificate else ""
            ),
        },
    )


@require_safe
@_private
def enrolment_ical(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar file of a confirmed registration's sessions (all cancelled when the
    organiser cancelled the edition)."""
    registration = _enrolment_or_404(token)
    if registration.status != Registration.CONFIRMED:
        raise Http404
    if registration.edition.cancelled:
        # Cancelled by the organiser: the file takes the dates out of the calendar.
        ical = notices.cancellation_ical(
            registration, selectors.edition_sessions(registration.edition)
        ).encode()
    else:
        ical = services.enrolment_ical(registration)
    response = HttpResponse(ical, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="training.ics"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@_private
def enrolment_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm; POST cancels (again: nothing changes)."""
    registration = _enrolment_or_404(token)
    if request.method == "POST":
        if registration.status != Registration.CANCELLED:
            services.enrolment_cancel(enrolment=registration, request=request)
            messages.success(request, _("Your registration is cancelled. We sent you an e-mail."))
        return _back(token)
    if registration.status == Registration.CANCELLED:
        messages.info(request, _("This registration is already cancelled."))
        return _back(token)
    response = render(
        request,
        "training/registration/cancel.html",
        {
            "enrolment": registration,
            "token": token,
            "course_title": _title(registration.edition, default_language()),
        },
    )
    response["Referrer-Policy"] = "same-origin"
    return response


urlpatterns: list[URLPattern] = [
    path(
        pgettext_lazy("URL path", "training/editions/<int:edition_id>/register/"),
        register,
        name="register",
    ),
    path(
        pgettext_lazy("URL path", "training/registration/<str:token>/"), enrolment, name="enrolment"
    ),
    path(
        pgettext_lazy("URL path", "training/registration/<str:token>/cancel/"),
        enrolment_cancel,
        name="enrolment_cancel",
    ),
    path(
        pgettext_lazy("URL path", "training/registration/<str:token>/calendar.ics"),
        enrolment_ical,
        name="enrolment_ical",
    ),
]
