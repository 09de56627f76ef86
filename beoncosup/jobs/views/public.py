"""Pages for everyone, without an account: the search, an offer with what it means for
benefits, and the two ways to express interest (a relayed message, or the link to a coach)."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from beoncosup.core.i18n_text import default_language
from beoncosup.jobs.forms import CoachForm, ContactForm, SearchForm, StatusForm
from beoncosup.jobs.models import JobOffer
from beoncosup.jobs.selectors import (
    OFFER_SITUATION,
    OfferView,
    UnknownPostcodeError,
    benefit_measures,
    occupation_label,
    occupations_offered,
    offer_public,
    offers_search,
)
from beoncosup.jobs.services.contact import coach_send, contact_relay

PER_PAGE = 20
# Messages one visit (session) may send in an hour, to employers and coaches together.
CONTACT_LIMIT = 5
CONTACT_WINDOW = 3600
SESSION_KEY = "jobs_contacts"


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Public offers, filtered; 400 with the form's messages when a filter is not valid (the
    valid ones still apply)."""
    language = default_language()
    occupations = [(o.pk, occupation_label(o, language)) for o in occupations_offered()]
    form = SearchForm(request.GET or None, occupations=occupations)
    valid = form.is_valid() if form.is_bound else True
    filters = form.filters()
    try:
        result = offers_search(filters=filters, language=language)
    except UnknownPostcodeError:  # checked by the form; the geography may have changed
        form.add_error("postcode", _("This postcode does not exist in Belgium."))
        valid = False
        result = offers_search(filters=filters.__class__(), language=language)
    paginator = Paginator(result.offers, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "form": form,
        "result": result,
        "page": page,
        "previous_query": _query(request, page.previous_page_number())
        if page.has_previous()
        else "",
        "next_query": _query(request, page.next_page_number()) if page.has_next() else "",
        "language": language,
        "filtered": bool(request.GET),
    }
    return render(request, "jobs/search.html", context, status=200 if valid else 400)


def _query(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return query.urlencode()


def _public_or_404(offer_id: int) -> JobOffer:
    offer = offer_public(offer_id)
    if offer is None:
        raise Http404
    return offer


@require_GET
def offer(request: HttpRequest, offer_id: int) -> HttpResponse:
    """A public offer; 404 for one that is not (or no longer) published, for everyone."""
    job = _public_or_404(offer_id)
    language = default_language()
    status_form = StatusForm(request.GET if "status" in request.GET else None)
    status = status_form.cleaned_data["status"] if status_form.is_valid() else ""
    navigator_query = {"audience": "patient", "situation": OFFER_SITUATION}
    if status:
        navigator_query["status"] = status
    context = {
        "offer": job,
        "view": OfferView(offer=job),
        "occupation": occupation_label(job.occupation, language),
        "status_form": status_form,
        "status": status,
        "measures": benefit_measures(status=status, language=language) if status else [],
        "navigator_url": f"{reverse('navigator:wizard')}?{urlencode(navigator_query)}",
    }
    return render(request, "jobs/offer.html", context, status=400 if status_form.errors else 200)


def _rate_limited(request: HttpRequest) -> bool:
    """Whether this visit already sent CONTACT_LIMIT messages in the last hour."""
    now = time.time()
    recent = [t for t in request.session.get(SESSION_KEY, []) if isinstance(t, (int, float))]
    recent = [t for t in recent if now - t < CONTACT_WINDOW]
    request.session[SESSION_KEY] = recent
    return len(recent) >= CONTACT_LIMIT


def _count_contact(request: HttpRequest) -> None:
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), time.time()]


TOO_MANY = pgettext_lazy(
    "jobs", "You sent several messages in the last hour. Please try again later."
)


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, offer_id: int) -> HttpResponse:
    """Write to the employer through the platform (only what the person writes is sent)."""
    job = _public_or_404(offer_id)
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _rate_limited(request):
            form.add_error(None, str(TOO_MANY))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            contact_relay(
                offer=job,
                name=data["name"],
                reply_email=data["reply_email"],
                reply_phone=data["reply_phone"],
                message=data["message"],
            )
            _count_contact(request)
            messages.success(
                request,
                _("Your message was sent to %(employer)s. They will reply to you directly.")
                % {"employer": job.employer.public_name},
            )
            return HttpResponseRedirect(reverse("jobs:offer", kwargs={"offer_id": job.pk}))
        else:
            status = 400
    return render(request, "jobs/contact.html", _context(job, form), status=status)


@require_http_methods(["GET", "POST"])
def contact_coach(request: HttpRequest, offer_id: int) -> HttpResponse:
    """Send the offer's link to one's career coach, who contacts the employer."""
    job = _public_or_404(offer_id)
    form = CoachForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _rate_limited(request):
            form.add_error(None, str(TOO_MANY))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            coach_send(
                offer=job,
                coach_email=data["coach_email"],
                name=data["name"],
                note=data["note"],
                language=default_language(),
            )
            _count_contact(request)
            messages.success(request, _("The offer was sent to your coach."))
            return HttpResponseRedirect(reverse("jobs:offer", kwargs={"offer_id": job.pk}))
        else:
            status = 400
    return render(request, "jobs/coach.html", _context(job, form), status=status)


def _context(job: JobOffer, form: Any) -> dict[str, Any]:
    return {"offer": job, "form": form}


urlpatterns: list[URLPattern] = [
    path(pgettext_lazy("URL path", "work/jobs/"), search, name="search"),
    path(pgettext_lazy("URL path", "work/jobs/<int:offer_id>/"), offer, name="offer"),
    path(pgettext_lazy("URL path", "work/jobs/<int:offer_id>/contact/"), contact, name="contact"),
    path(
        pgettext_lazy("URL path", "work/jobs/<int:offer_id>/coach/"),
        contact_coach,
        name="contact_coach",
    ),
]
