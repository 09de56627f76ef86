"""Sharing with the employer: the person's page to choose what to share, make, send and revoke
links (by the private link's token); the employer's view and PDF (by the share's own token),
in the plan's employer language. A revoked or expired link answers 410 Gone with a plain page
in the four languages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from beoncosup.workplans import selectors
from beoncosup.workplans.access import PlanAccess, person_access
from beoncosup.workplans.codes import EMPLOYER_LANGUAGES
from beoncosup.workplans.forms import ShareForm, ShareSendForm
from beoncosup.workplans.models import WorkPlanShare
from beoncosup.workplans.services import sharing
from beoncosup.workplans.views.plans import pdf_response, plan_pdf_bytes

GONE_MESSAGES = [
    # Shown together, each in its own language: the employer may not read the site's language.
    (
        "nl",
        "Dit plan wordt niet meer gedeeld",
        "De persoon heeft deze link ingetrokken of hij is verlopen.",
    ),
    ("fr", "Ce plan n'est plus partagé", "La personne a révoqué ce lien ou il a expiré."),
    (
        "de",
        "Dieser Plan wird nicht mehr geteilt",
        "Die Person hat diesen Link widerrufen oder er ist abgelaufen.",
    ),
    ("en", "This plan is no longer shared", "The person revoked this link, or it has expired."),
]


def gone(request: HttpRequest) -> HttpResponse:
    """410 Gone, the same plain page in four languages (revoked or expired links)."""
    return render(request, "workplans/gone.html", {"messages_gone": GONE_MESSAGES}, status=410)


def shared_url(request: HttpRequest, share: WorkPlanShare, name: str = "shared") -> str:
    """The employer's absolute link, with the employer language's URL prefix."""
    with translation.override(share.plan.employer_language):
        return request.build_absolute_uri(
            reverse(f"workplans:{name}", kwargs={"token": share.token})
        )


def _share_of(access: PlanAccess, share_id: int) -> WorkPlanShare:
    try:
        return access.plan.shares.get(pk=share_id)
    except WorkPlanShare.DoesNotExist:
        raise Http404("No such share") from None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def share(request: HttpRequest, token: str) -> HttpResponse:
    """Choose what the employer sees and make a link (POST); the person's links, how often
    and when the employer opened them, and revoking them."""
    access = person_access(token)
    plan = access.plan
    status = 200
    if request.method == "POST":
        form = ShareForm(request.POST, plan=plan)
        if form.is_valid():
            made = sharing.share_create(plan=plan, **form.cleaned_data)
            url = reverse("workplans:share", kwargs={"token": plan.token})
            return HttpResponseRedirect(f"{url}?made={made.pk}#share-{made.pk}")
        status = 400
    else:
        form = ShareForm(plan=plan)  # nothing ticked: the person chooses every part
    shares = selectors.plan_shares(plan)
    context: dict[str, Any] = {
        "access": access,
        "plan": plan,
        "form": form,
        "shares": [
            {
                "share": item,
                "url": shared_url(request, item),
                "contacts": list(item.contacts.all()),
                "send_form": ShareSendForm(prefix=f"send-{item.pk}"),
            }
            for item in shares
        ],
        "made": request.GET.get("made", ""),
        "employer_language": dict(EMPLOYER_LANGUAGES)[plan.employer_language],
    }
    return render(request, "workplans/share.html", context, status=status)


@require_POST
def share_revoke(request: HttpRequest, token: str, share_id: int) -> HttpResponse:
    """Revoke one share link (POST): from now on it answers 410 Gone."""
    access = person_access(token)
    sharing.share_revoke(share=_share_of(access, share_id))
    messages.success(request, gettext("The link is revoked: the employer can no longer open it."))
    url = reverse("workplans:share", kwargs={"token": access.plan.token})
    return HttpResponseRedirect(f"{url}#shares")


@require_POST
def share_send(request: HttpRequest, token: str, share_id: int) -> HttpResponse:
    """E-mail one share link to the employer, in the employer's language (POST). The address
    is used once and not kept. Bad input: the share page again (400)."""
    access = person_access(token)
    item = _share_of(access, share_id)
    url = reverse("workplans:share", kwargs={"token": access.plan.token})
    if not item.is_active:
        messages.error(request, gettext("This link no longer works: make a new one."))
        return HttpResponseRedirect(f"{url}#shares")
    form = ShareSendForm(request.POST, prefix=f"send-{item.pk}")
    if not form.is_valid():
        messages.error(
            request,
            gettext("Enter an e-mail address such as name@example.org."),
        )
        return HttpResponseRedirect(f"{url}?send_error={item.pk}#share-{item.pk}")
    try:
        sharing.share_link_send(
            share=item, email=form.cleaned_data["email"], url=shared_url(request, item)
        )
    except sharing.ShareMailLimit:
        messages.error(
            request,
            gettext(
                "This link was e-mailed several times already: copy it into a message instead."
            ),
        )
        return HttpResponseRedirect(f"{url}#share-{item.pk}")
    messages.success(request, gettext("The link was sent to the employer by e-mail."))
    return HttpResponseRedirect(f"{url}#share-{item.pk}")


def _active_share(request: HttpRequest, token: str) -> WorkPlanShare | HttpResponse:
    try:
        return selectors.share_for_token(token)
    except WorkPlanShare.DoesNotExist:
        raise Http404("No such link") from None
    except selectors.ShareGone:
        return gone(request)


@never_cache
@require_safe
def shared(request: HttpRequest, token: str) -> HttpResponse:
    """The employer's view: only the parts the person chose, in the employer's language."""
    item = _active_share(request, token)
    if isinstance(item, HttpResponse):
        return item
    sharing.share_view_record(share=item, document="page")
    with translation.override(item.plan.employer_language):
        context = {
            "doc": selectors.document_shared(item),
            "share": item,
            "pdf_url": reverse("workplans:shared_pdf", kwargs={"token": item.token}),
        }
        return render(request, "workplans/shared.html", context)


@never_cache
@require_safe
def shared_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The employer's view as a tagged PDF, in the employer's language."""
    item = _active_share(request, token)
    if isinstance(item, HttpResponse):
        return item
    sharing.share_view_record(share=item, document="pdf")
    with translation.override(item.plan.employer_language):
        pdf = plan_pdf_bytes(request, selectors.document_shared(item))
    return pdf_response(pdf, item.plan)
