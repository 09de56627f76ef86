"""The directory: members search the whole profiles (``directory``, ``member``); everyone
searches the fields each member chose to show (``public``).

Anonymous → sign-in page on the members' pages; signed in without a profile → 403 with a link
to make one; an unknown profile → 404. Opening a member's page with their contact details
leaves an audit event."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from beoncosup.core.i18n_text import default_language
from beoncosup.network import selectors, services
from beoncosup.network.forms import SearchForm
from beoncosup.network.selectors import MemberQuery
from beoncosup.search.matching.criteria import CriteriaError


def _not_member(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "network/not_member.html",
        {"may_create": request.user.has_perm("network.create_profile")},
        status=403,
    )


def _search(request: HttpRequest, *, public: bool) -> dict[str, Any]:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query = MemberQuery(
            needs=tuple(data["need"]),
            postcode=data["postcode"],
            max_km=data["max_km"],
            discipline=data["discipline"],
            language=data["lang"],
            referrals_only=data["referrals"],
            lang=default_language(),
        )
        try:
            results = selectors.members_search(query, public=public)
        except CriteriaError:
            form.add_error(None, _("We could not search with these criteria."))
    elif not form.is_bound:
        results = selectors.members_search(MemberQuery(lang=default_language()), public=public)
    return {"form": form, "results": results}


@never_cache
@login_required
@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("network.search_members"):
        return _not_member(request)
    context = _search(request, public=False)
    context["own"] = selectors.profile_of(request.user)
    status = 422 if context["form"].errors else 200
    return render(request, "network/directory.html", context, status=status)


@never_cache
@login_required
@require_safe
def member(request: HttpRequest, profile_id: int) -> HttpResponse:
    if not request.user.has_perm("network.search_members"):
        return _not_member(request)
    profile = selectors.profile_detail(profile_id)
    if profile is None:
        raise Http404
    if profile.contact_email or profile.contact_phone:
        services.contact_read_record(profile=profile, actor=request.user, request=request)
    return render(
        request,
        "network/member.html",
        {"profile": profile, "own": profile.user_id == request.user.pk},
    )


@require_safe
def public(request: HttpRequest) -> HttpResponse:
    context = _search(request, public=True)
    status = 422 if context["form"].errors else 200
    return render(request, "network/public.html", context, status=status)
