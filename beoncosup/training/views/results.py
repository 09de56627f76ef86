"""The evaluation's results, computed on request: per session (its trainers and coordinators),
per course (its coordinators: trends, trainers' flags, the alert threshold and the history of
follow-ups), per trainer (the trainer themselves and the coordinators of their courses).

Anonymous → sign-in page; signed in without the right → 403; unknown → 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from beoncosup.accounts.rules import require
from beoncosup.audit.services import event_record
from beoncosup.training.forms.results import FollowUpForm, RevokeForm, ThresholdForm
from beoncosup.training.models import Certificate, Course, Session, Trainer
from beoncosup.training.rules import staff
from beoncosup.training.selectors import participants
from beoncosup.training.selectors import results as selectors
from beoncosup.training.selectors.manage import courses_of
from beoncosup.training.services import certificates as certificate_services
from beoncosup.training.services import followup as services
from beoncosup.training.views.day import session_for

# The trend chart's drawing area (an SVG viewBox; the table next to it holds the numbers).
TREND_WIDTH = 300
TREND_HEIGHT = 100


def trend_points(values: list[float | None]) -> str:
    """An SVG polyline's points for averages on 1 to 5 in order (gaps skipped), or "" for fewer
    than two."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return ""
    step = TREND_WIDTH / max(len(values) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{TREND_HEIGHT - (v - 1) / 4 * TREND_HEIGHT:.1f}" for i, v in known
    )


# -- One session ------------------------------------------------------------------------------


@login_required
@require_safe
@never_cache
def session_results(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_for(request, session_id, "training.take_attendance")
    results = selectors.session_results(session)
    user: Any = request.user
    may_manage = user.has_perm("training.manage_course", session)
    line = results.line
    criteria = [(_("Relevance for practice"), line.relevance)]
    if may_manage:
        lines = line.trainers
        criteria += [
            (_("Trainers' clarity"), line.clarity),
            (_("Trainers' didactic skills"), line.didactics),
        ]
    else:
        # A trainer who does not coordinate sees their own scores, not their co-trainers'.
        lines = [tl for tl in line.trainers if tl.trainer.user_id == user.pk]
        for own in lines:
            criteria += [
                (_("%(name)s: clarity") % {"name": own.trainer.name}, own.clarity),
                (_("%(name)s: didactic skills") % {"name": own.trainer.name}, own.didactics),
            ]
    return render(
        request,
        "training/results/session.html",
        {
            "session": session,
            "course": session.edition.course if session.edition else None,
            "results": results,
            "line": line,
            "trainer_lines": lines,
            "criteria": criteria,
            "may_manage": may_manage,
        },
    )


# -- One course -------------------------------------------------------------------------------


def _course(request: HttpRequest, slug: str) -> Course:
    course = get_object_or_404(Course, slug=slug)
    require(request, "training.manage_course", course)
    return course


def _trainers(course: Course, sessions: list[Session]) -> list[Trainer]:
    """The course's trainers and those of its sessions (the follow-up's choices)."""
    trainers = {trainer.pk: trainer for s in sessions for trainer in s.trainers.all()}
    for trainer in course.trainers.all():
        trainers.setdefault(trainer.pk, trainer)
    return sorted(trainers.values(), key=lambda trainer: trainer.name)


def _course_page(
    request: HttpRequest,
    course: Course,
    *,
    threshold_form: ThresholdForm | None = None,
    follow_up_form: FollowUpForm | None = None,
    status: int = 200,
) -> HttpResponse:
    results = selectors.course_results(course)
    sessions = [line.session for line in results.lines]
    grids = participants.attendance_grids(course, sessions)
    certificates = participants.course_certificates(course)
    names = sum(len(grid.rows) for grid in grids) + len(certificates)
    if names:
        # The participants' names are personal data: their reading is logged.
        event_record(
            action="training.participants_viewed",
            actor=request.user,
            target=course,
            request=request,
            detail={"names": names},
        )
    return render(
        request,
        "training/results/course.html",
        {
            "course": course,
            "results": results,
            "grids": grids,
            "certificates": certificates,
            "trend": trend_points([line.relevance.average for line in results.lines]),
            "threshold_form": threshold_form
            or ThresholdForm(initial={"threshold": course.alert_threshold}),
            "follow_up_form": follow_up_form
            or FollowUpForm(sessions=sessions, trainers=_trainers(course, sessions)),
        },
        status=status,
    )


@login_required
@require_safe
@never_cache
def course_results(request: HttpRequest, slug: str) -> HttpResponse:
    return _course_page(request, _course(request, slug))


@login_required
@require_POST
def course_threshold(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    form = ThresholdForm(request.POST)
    if form.is_valid():
        try:
            services.threshold_set(
                course=course,
                threshold=form.cleaned_data["threshold"],
                by=request.user,
                request=request,
            )
        except ValidationError as error:
            form.add_error("threshold", error)
        else:
            messages.success(request, _("The alert threshold is saved."))
            return redirect("training:course_results", slug=course.slug)
    return _course_page(request, course, threshold_form=form, status=400)


@login_required
@require_POST
def follow_up(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    sessions = list(selectors.course_sessions(course))
    form = FollowUpForm(request.POST, sessions=sessions, trainers=_trainers(course, sessions))
    if form.is_valid():
        try:
            services.follow_up_record(
                course=course,
                finding=form.cleaned_data["finding"],
                action=form.cleaned_data["action"],
                session=form.cleaned_data["session"],
                trainer=form.cleaned_data["trainer"],
                by=request.user,
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The follow-up is recorded in the course's history."))
            return redirect("training:course_results", slug=course.slug)
    return _course_page(request, course, follow_up_form=form, status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def certificate_revoke(request: HttpRequest, certificate_id: int) -> HttpResponse:
    """GET asks to confirm, with the reason; POST revokes (the public verification then says
    "revoked"). For the course's coordinators and editors."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment__edition__course"), pk=certificate_id
    )
    course = certificate.enrolment.edition.course
    require(request, "training.manage_course", course)
    if certificate.revoked:
        messages.info(request, _("This certificate is already revoked."))
        return redirect("training:course_results", slug=course.slug)
    status = 200
    if request.method == "POST":
        form = RevokeForm(request.POST)
        if form.is_valid():
            certificate_services.certificate_revoke(
                certificate=certificate,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
            messages.success(
                request,
                _("Certificate %(code)s is revoked.") % {"code": certificate.code},
            )
            return redirect("training:course_results", slug=course.slug)
        status = 400
    else:
        form = RevokeForm()
    return render(
        request,
        "training/results/certificate_revoke.html",
        {"certificate": certificate, "course": course, "form": form},
        status=status,
    )


# -- One trainer ------------------------------------------------------------------------------


@login_required
@require_safe
@never_cache
def trainer_results(request: HttpRequest, trainer_id: int) -> HttpResponse:
    trainer = get_object_or_404(Trainer, pk=trainer_id)
    require(request, "training.view_trainer_results", trainer)
    user: Any = request.user
    own = trainer.user_id == user.pk
    # A coordinator sees the trainer's sessions in the courses they coordinate.
    courses = None if own or staff(user) else courses_of(user)
    results = selectors.trainer_results(trainer, courses=courses)
    lines = results.lines
    return render(
        request,
        "training/results/trainer.html",
        {
            "trainer": trainer,
            "results": results,
            "own": own,
            "clarity_trend": trend_points([line.clarity.average for line in lines]),
            "didactics_trend": trend_points([line.didactics.average for line in lines]),
        },
    )


urlpatterns = [
    path(
        pgettext_lazy("URL path", "teaching/sessions/<int:session_id>/results/"),
        session_results,
        name="session_results",
    ),
    path(
        pgettext_lazy("URL path", "teaching/courses/<slug:slug>/results/"),
        course_results,
        name="course_results",
    ),
    path(
        pgettext_lazy("URL path", "teaching/courses/<slug:slug>/threshold/"),
        course_threshold,
        name="course_threshold",
    ),
    path(
        pgettext_lazy("URL path", "teaching/courses/<slug:slug>/follow-up/"),
        follow_up,
        name="follow_up",
    ),
    path(
        pgettext_lazy("URL path", "teaching/certificates/<int:certificate_id>/revoke/"),
        certificate_revoke,
        name="certificate_revoke",
    ),
    path(
        pgettext_lazy("URL path", "teaching/trainers/<int:trainer_id>/results/"),
        trainer_results,
        name="trainer_results",
    ),
]
