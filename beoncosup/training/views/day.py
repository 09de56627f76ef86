"""The day of a session: the trainers' and coordinators' home, the attendance list ticked on a
phone, the participant's QR check-in, the evaluation's QR code and the public same-day form.

Anonymous → sign-in page for everything but the evaluation form (public, by its token);
signed in without the role → 403; an unknown session, token or a network meeting → 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from beoncosup.accounts.rules import require
from beoncosup.audit.services import event_record
from beoncosup.core.qr import qr_svg
from beoncosup.situation.codes import Language
from beoncosup.training.codes import AttendanceMethod, Registration
from beoncosup.training.forms.day import AttendanceForm, EvaluationForm
from beoncosup.training.models import Enrolment, Session
from beoncosup.training.selectors import manage as manage_selectors
from beoncosup.training.services import attendance as attendance_services
from beoncosup.training.services import evaluation as evaluation_services
from beoncosup.training.services.attendance import session_day, today_in_belgium

# One answer per device: a signed cookie per session, kept a few days (the form is open for
# one day only).
ANSWERED_COOKIE = "training_evaluated_{}"
ANSWERED_SALT = "training.evaluation.answered"
ANSWERED_MAX_AGE = 3 * 24 * 3600


def session_for(request: HttpRequest, session_id: int, permission: str) -> Session:
    """A course's session (404 for none or another app's meeting), if the user may
    ``permission`` it (403)."""
    session = (
        Session.objects.select_related("edition__course")
        .filter(pk=session_id, edition__isnull=False)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    require(request, permission, session)
    return session


# -- Home -------------------------------------------------------------------------------------


@login_required
@require_safe
@never_cache
def manage(request: HttpRequest) -> HttpResponse:
    require(request, "training.teach")
    home = manage_selectors.home(request.user, now=timezone.now())
    return render(request, "training/day/manage.html", {"home": home})


# -- Attendance -------------------------------------------------------------------------------


def _confirmed(session: Session) -> list[Enrolment]:
    enrolments = Enrolment.objects.filter(edition=session.edition, status=Registration.CONFIRMED)
    return sorted(enrolments, key=lambda enrolment: (enrolment.name.casefold(), enrolment.pk))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_for(request, session_id, "training.take_attendance")
    is_open = attendance_services.attendance_open(session)
    context: dict[str, Any] = {"session": session, "is_open": is_open, "day": session_day(session)}
    if not is_open:
        if request.method == "POST":
            messages.error(request, _("Attendance opens on the day of the session."))
        return render(request, "training/day/attendance.html", context)
    enrolments = _confirmed(session)
    present = {str(pk) for pk in session.attendance.values_list("enrolment_id", flat=True)}
    if request.method == "POST":
        form = AttendanceForm(request.POST, enrolments=enrolments)
        if form.is_valid():
            ticked = form.chosen("present")
            try:
                marked = attendance_services.attendance_mark(
                    session=session,
                    enrolments_present=ticked,
                    absent=[e for e in form.chosen("was") if e not in ticked],
                    by=request.user,
                    method=AttendanceMethod.LIST,
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Attendance saved: %(added)d marked, %(removed)d unmarked.")
                    % {"added": marked.added, "removed": marked.removed},
                )
                return redirect("training:attendance", session_id=session.pk)
        status = 400
    else:
        initial = sorted(present)
        form = AttendanceForm(initial={"present": initial, "was": initial}, enrolments=enrolments)
        status = 200
    # The names are personal data: their reading is logged.
    event_record(
        action="training.attendance_list_viewed",
        actor=request.user,
        target=session,
        request=request,
        detail={"names": len(enrolments)},
    )
    confirmed_ids = {str(enrolment.pk) for enrolment in enrolments}
    context |= {
        "form": form,
        "registered": len(enrolments),
        "present_count": len(present & confirmed_ids),
    }
    return render(request, "training/day/attendance.html", context, status=status)


# -- The participant's QR code ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def checkin(request: HttpRequest, token: str) -> HttpResponse:
    """The participant's QR code, scanned by a trainer or coordinator of their edition."""
    enrolment = (
        Enrolment.objects.select_related("edition__course").filter(token=token).first()
        if "\x00" not in token
        else None
    )
    if enrolment is None:
        raise Http404("No such registration")
    edition = enrolment.edition
    user: Any = request.user
    may = user.has_perm("training.manage_course", edition) or (
        Session.objects.filter(edition=edition, trainers__user=user).exists()
    )
    if not may:
        require(request, "training.manage_course", edition)  # raises 403
    today = today_in_belgium()
    sessions = [
        session
        for session in Session.objects.filter(edition=edition, cancelled=False)
        if session_day(session) == today
    ]
    present = set(
        enrolment.attendance.filter(session__in=sessions).values_list("session_id", flat=True)
    )
    confirmed = enrolment.status == Registration.CONFIRMED
    if request.method == "POST":
        chosen = next((s for s in sessions if str(s.pk) == request.POST.get("session")), None)
        if not confirmed:
            messages.error(request, _("Nothing was marked: this registration has no place."))
        elif chosen is None:
            messages.error(request, _("Nothing was marked: there is no session today."))
        else:
            try:
                created = attendance_services.checkin(
                    enrolment=enrolment, session=chosen, by=user, request=request, today=today
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("%(name)s is marked present.") % {"name": enrolment.name}
                    if created
                    else _("%(name)s was already marked present.") % {"name": enrolment.name},
                )
        return redirect("training:checkin", token=enrolment.token)
    event_record(
        action="training.checkin_viewed",
        actor=user,
        target=enrolment,
        request=request,
        detail={"edition": edition.pk},
    )
    return render(
        request,
        "training/day/checkin.html",
        {
            "enrolment": enrolment,
            "course": edition.course,
            "confirmed": confirmed,
            "sessions": [(session, session.pk in present) for session in sessions],
        },
    )


# -- The evaluation ---------------------------------------------------------------------------


def evaluation_url(request: HttpRequest, session: Session) -> str:
    """The evaluation form's absolute address, in the session's language."""
    language = session.edition.language if session.edition is not None else None
    with translation.override(language or translation.get_language()):
        address = reverse("training:evaluate", kwargs={"token": session.evaluation_token})
    return request.build_absolute_uri(address)


@login_required
@require_safe
@never_cache
def evaluation_qr(request: HttpRequest, session_id: int) -> HttpResponse:
    """The full-screen QR code the trainer shows at the end of the session."""
    session = session_for(request, session_id, "training.take_attendance")
    url = evaluation_url(request, session)
    today = today_in_belgium()
    return render(
        request,
        "training/day/evaluation_qr.html",
        {
            "session": session,
            "url": url,
            "qr": qr_svg(url, title=_("QR code of the evaluation form")),
            "answers": session.evaluations.count(),
            "is_open": evaluation_services.evaluation_open(session, today),
            "day": session_day(session),
            "before": today < session_day(session),
        },
    )


def _answered(request: HttpRequest, session: Session) -> bool:
    value = request.get_signed_cookie(
        ANSWERED_COOKIE.format(session.pk), default=None, salt=ANSWERED_SALT
    )
    return value == str(session.pk)


def _page_language() -> str:
    language = (translation.get_language() or "en")[:2]
    return language if language in Language.values else "en"


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def evaluate(request: HttpRequest, token: str) -> HttpResponse:
    """The public same-day form: no account, open on the session's day only, one answer per
    device (a signed cookie)."""
    session = (
        Session.objects.select_related("edition__course")
        .filter(evaluation_token=token, edition__isnull=False)
        .first()
        if "\x00" not in token
        else None
    )
    if session is None:
        raise Http404("No such evaluation")
    today = today_in_belgium()
    day = session_day(session)
    context: dict[str, Any] = {"session": session, "course": session.edition.course, "day": day}
    if _answered(request, session):
        context["refused"] = request.method == "POST"
        return render(request, "training/day/evaluate_thanks.html", context)
    if not evaluation_services.evaluation_open(session, today):
        context["state"] = (
            "cancelled" if session.cancelled else "before" if today < day else "closed"
        )
        return render(request, "training/day/evaluate_closed.html", context)
    trainers = list(session.trainers.all())
    form = EvaluationForm(request.POST or None, trainers=trainers)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation_services.evaluation_submit(
                session=session,
                language=_page_language(),
                relevance=form.cleaned_data["relevance"],
                trainer_scores=form.trainer_scores(),
                practice_change=form.cleaned_data["practice_change"],
                comment=form.cleaned_data["comment"],
                profession=form.cleaned_data["profession"],
                today=today,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            response = redirect("training:evaluate", token=session.evaluation_token)
            response.set_signed_cookie(
                ANSWERED_COOKIE.format(session.pk),
                str(session.pk),
                salt=ANSWERED_SALT,
                max_age=ANSWERED_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
    context["form"] = form
    return render(
        request,
        "training/day/evaluate.html",
        context,
        status=400 if form.is_bound else 200,
    )


urlpatterns = [
    path(pgettext_lazy("URL path", "teaching/"), manage, name="manage"),
    path(
        pgettext_lazy("URL path", "teaching/sessions/<int:session_id>/attendance/"),
        attendance,
        name="attendance",
    ),
    path(
        pgettext_lazy("URL path", "teaching/sessions/<int:session_id>/evaluation-qr/"),
        evaluation_qr,
        name="evaluation_qr",
    ),
    path(pgettext_lazy("URL path", "teaching/check-in/<str:token>/"), checkin, name="checkin"),
    path(pgettext_lazy("URL path", "evaluation/<str:token>/"), evaluate, name="evaluate"),
]
