"""The public pages: the list, answering without an account, thanks, the published results,
and deleting one's e-mail address."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from beoncosup.consultations.codes import ConsultationStatus
from beoncosup.consultations.extensions import consultation_sections
from beoncosup.consultations.forms import AnswerForm
from beoncosup.consultations.models import Consultation, Contact
from beoncosup.consultations.selectors.public import (
    consultations_listed,
    consultations_with_questions,
    results_view,
)
from beoncosup.consultations.services.answering import (
    ConsultationNotOpenError,
    not_open_message,
    response_submit,
)
from beoncosup.consultations.services.contacts import contact_unsubscribe
from beoncosup.core.i18n_text import default_language


def consultation_index(request: HttpRequest) -> HttpResponse:
    listed = consultations_listed()
    return render(
        request,
        "consultations/index.html",
        {
            "open_consultations": [c for c in listed if c.is_open],
            "closed_consultations": [c for c in listed if not c.is_open],
            "can_manage": request.user.has_perm("consultations.manage_consultation"),
        },
    )


def _consultation(slug: str) -> Consultation:
    return get_object_or_404(consultations_with_questions(), slug=slug)


@require_http_methods(["GET", "HEAD", "POST"])
def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    language = default_language()
    questions = list(consultation.questions.all())
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        consultation=consultation,
        questions=questions,
        language=language,
    )
    status = 200
    refusal = "" if consultation.is_open else not_open_message(consultation)
    if request.method == "POST":
        if refusal:
            status = 400
        elif form.is_valid():
            try:
                response_submit(consultation=consultation, submission=form.submission())
            except ConsultationNotOpenError as error:
                refusal, status = error.messages[0], 400
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field if field in form.fields else None, problem)
                status = 400
            else:
                return redirect("consultations:thanks", slug=consultation.slug)
        else:
            status = 400
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "form": form,
            "refusal": refusal,
            "status": consultation.status,
            "upcoming": consultation.status == ConsultationStatus.UPCOMING,
            "sections": consultation_sections(request, consultation),
            "k": settings.BEONCOSUP_INSIGHTS_K,
        },
        status=status,
    )


def consultation_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_object_or_404(Consultation, slug=slug)
    return render(request, "consultations/thanks.html", {"consultation": consultation})


def consultation_results(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    results = results_view(consultation, default_language())
    if results is None:
        raise Http404(_("The results of this consultation are not published."))
    return render(
        request,
        "consultations/results.html",
        {
            "consultation": consultation,
            "results": results,
            "sections": consultation_sections(request, consultation),
            "can_manage": request.user.has_perm("consultations.manage_consultation"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def consultation_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (links in e-mails get opened by scanners), POST deletes."""
    contact = Contact.objects.select_related("consultation").filter(token=token).first()
    if contact is None:
        if request.method == "POST":
            return render(request, "consultations/unsubscribed.html")
        raise Http404(_("This link is no longer valid: the address was already deleted."))
    if request.method == "POST":
        contact_unsubscribe(token=token)
        return render(request, "consultations/unsubscribed.html")
    return render(request, "consultations/unsubscribe.html", {"contact": contact})
