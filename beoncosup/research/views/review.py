"""The editors' review of studies: the queue, and one study with publish / not publish."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods

from beoncosup.accounts.rules import require
from beoncosup.core.i18n_text import LANGUAGE_NAMES, LANGUAGES, default_language
from beoncosup.research import selectors
from beoncosup.research.codes import Method
from beoncosup.research.forms import PublishForm, RejectForm
from beoncosup.research.models import Study
from beoncosup.research.services.studies import StudyError, study_publish, study_reject

PER_PAGE = 50


@login_required
def review(request: HttpRequest) -> HttpResponse:
    """Every study, those waiting for review first (50 a page)."""
    require(request, "research.review")
    page = Paginator(selectors.review_queue(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "research/review.html", {"page": page, "language": default_language()})


def _context(study: Study, publish: PublishForm, reject: RejectForm) -> dict[str, object]:
    methods = dict(Method.choices)
    return {
        "study": study,
        "publish_form": publish,
        "reject_form": reject,
        "language": default_language(),
        "summaries": [
            (lang, LANGUAGE_NAMES[lang], (study.lay_summary or {}).get(lang, ""))
            for lang in LANGUAGES
        ],
        "methods": [methods[code] for code in study.methods or [] if code in methods],
        "needs": list(study.needs.all()),
        "institutions": list(study.institutions.all()),
        "publications": list(study.publications.all()),
    }


@login_required
@require_http_methods(["GET", "POST"])
def review_study(request: HttpRequest, study_id: int) -> HttpResponse:
    """One study for review; POST ``action=publish`` (with the lay summary review confirmed)
    or ``action=reject`` (with a reason). 400 with the message when refused."""
    require(request, "research.review")
    study = selectors.study_for_review(study_id)
    if study is None:
        raise Http404
    publish, reject = PublishForm(), RejectForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "publish":
                publish = PublishForm(request.POST)
                if publish.is_valid():
                    study_publish(
                        study=study,
                        editor=request.user,
                        lay_summary_reviewed=publish.cleaned_data["lay_summary_reviewed"],
                        request=request,
                    )
                    messages.success(request, _("The study is published."))
                    return redirect("research:review")
            elif action == "reject":
                reject = RejectForm(request.POST)
                if reject.is_valid():
                    study_reject(
                        study=study,
                        editor=request.user,
                        reason=reject.cleaned_data["reason"],
                        request=request,
                    )
                    messages.success(request, _("The study is marked as not published."))
                    return redirect("research:review")
            else:
                messages.error(request, _("Choose to publish or not to publish."))
        except StudyError as error:
            form = publish if action == "publish" else reject
            form.add_error(None, str(error))
        return render(
            request, "research/review_study.html", _context(study, publish, reject), status=400
        )
    return render(request, "research/review_study.html", _context(study, publish, reject))


urlpatterns: list[URLPattern] = [
    path(pgettext_lazy("URL path", "research/review/"), review, name="review"),
    path(
        pgettext_lazy("URL path", "research/review/<int:study_id>/"),
        review_study,
        name="review_study",
    ),
]
