"""Proposing a study (anyone signed in, such as a researcher) and one's own proposals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods

from beoncosup.accounts.rules import require
from beoncosup.core.i18n_text import default_language
from beoncosup.research import selectors
from beoncosup.research.forms import StudyProposalForm
from beoncosup.research.services.studies import StudyError, study_propose


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest) -> HttpResponse:
    """The proposal form; a valid one waits for an editor's review (400 with the messages)."""
    require(request, "research.propose")
    form = StudyProposalForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                study_propose(
                    draft=form.draft(),
                    proposer=request.user,
                    language=default_language(),
                    request=request,
                )
            except StudyError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Thank you. An editor will review your study and e-mail you the decision."),
                )
                return redirect("research:my_proposals")
        return render(request, "research/propose.html", {"form": form}, status=400)
    return render(request, "research/propose.html", {"form": form})


@login_required
def my_proposals(request: HttpRequest) -> HttpResponse:
    """The studies the person proposed, with their review state (and the reason when not
    published)."""
    require(request, "research.propose")
    return render(
        request,
        "research/my_proposals.html",
        {"studies": list(selectors.proposals_of(request.user)), "language": default_language()},
    )


urlpatterns: list[URLPattern] = [
    path(pgettext_lazy("URL path", "research/propose/"), propose, name="propose"),
    path(pgettext_lazy("URL path", "research/my-proposals/"), my_proposals, name="my_proposals"),
]
