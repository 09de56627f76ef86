"""What the finder page shows for a search result: coverage per need, the needs the text was
understood as (or, when the matcher is not sure, the needs it offers instead), alternatives for
unmet needs, paging links and the map's markers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import ngettext

from beoncosup.core.i18n_text import pick
from beoncosup.directory.hours import opening_hours
from beoncosup.directory.models import Schedule
from beoncosup.finder.rendering import picked_html
from beoncosup.finder.selectors import FinderResult, Hit
from beoncosup.search.matching.criteria import PAGE_SIZE, Criteria
from beoncosup.search.matching.relaxations import Relaxation

# The search's preferences (not the person's rights) an empty state may propose to drop.
PREFERENCES = ("max_km", "delivery", "reach", "free_only", "self_referral_only")
PAGE_WINDOW = 2  # numbered page links either side of the current page


def _query(request: HttpRequest, **changes: Any) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params.setlist(key, value if isinstance(value, list) else [str(value)])
    return params.urlencode()


def _pages(request: HttpRequest, current: int, count: int) -> list[dict[str, Any]]:
    numbers = sorted(
        {1, count, *range(max(current - PAGE_WINDOW, 1), min(current + PAGE_WINDOW, count) + 1)}
    )
    pages: list[dict[str, Any]] = []
    for number in numbers:
        if pages and number - pages[-1]["number"] > 1:
            pages.append({"number": None})  # a gap
        pages.append(
            {"number": number, "query": _query(request, page=number), "current": number == current}
        )
    return pages


def _markers(hits: list[Hit], language: str) -> list[dict[str, Any]]:
    markers = []
    for rank, hit in enumerate(hits, start=1):
        name = pick(hit.service.name, language)
        for sal in hit.service.service_at_locations.all():
            location = sal.location
            if location.latitude is None or location.longitude is None:
                continue
            markers.append(
                {
                    "rank": rank,
                    "name": name.text if name else "",
                    "url": reverse("directory:service", kwargs={"service_id": hit.service.id}),
                    "lat": round(location.latitude, 5),
                    "lon": round(location.longitude, 5),
                }
            )
    return markers


def _card(service: Any, language: str, service_url: str) -> dict[str, Any]:
    """What a result shows of its service, worked out once in Python (the card in
    results.html; the same facts as finder/includes/contact.html, which the plan pages use)."""
    name = pick(service.name, language)
    documents = (pick(document.document, language) for document in service.required_documents.all())
    return {
        "id": str(service.id),
        "url": service_url,
        "name": picked_html(name),
        "name_text": name.text if name else "",
        "organisation": picked_html(pick(service.organization.name, language)),
        "process": picked_html(pick(service.application_process, language)),
        "phones": [(phone.number.replace(" ", ""), phone.number) for phone in service.phones.all()],
        "documents": [picked_html(document) for document in documents],
        "wait": picked_html(pick(service.wait_time, language)),
        "hours": opening_hours(service.schedules.all(), language=language),
    }


def _relaxation_text(relaxation: Relaxation) -> str:
    count = relaxation.count
    texts = {
        "max_km": ngettext(
            "Up to %(km)s km away: %(count)s service",
            "Up to %(km)s km away: %(count)s services",
            count,
        ),
        "delivery": ngettext(
            "Any way of getting help: %(count)s service",
            "Any way of getting help: %(count)s services",
            count,
        ),
        "reach": ngettext(
            "Also services you go to: %(count)s service",
            "Also services you go to: %(count)s services",
            count,
        ),
        "free_only": ngettext(
            "Also services that are not free: %(count)s service",
            "Also services that are not free: %(count)s services",
            count,
        ),
        "self_referral_only": ngettext(
            "Also services that need a referral: %(count)s service",
            "Also services that need a referral: %(count)s services",
            count,
        ),
        "all": ngettext(
            "Without your filters and distance: %(count)s service",
            "Without your filters and distance: %(count)s services",
            count,
        ),
    }
    return texts[relaxation.name] % {"count": count, "km": relaxation.max_km}


def _relax_items(request: HttpRequest, result: FinderResult) -> list[dict[str, str]]:
    """The empty state's advice: only the changes that would find something, each a link."""
    items = []
    for relaxation in result.relaxations:
        names = PREFERENCES if relaxation.name == "all" else (relaxation.name,)
        change: dict[str, Any] = dict.fromkeys(names) | {"page": None}
        if relaxation.name == "max_km":
            change["max_km"] = relaxation.max_km
        items.append({"text": _relaxation_text(relaxation), "query": _query(request, **change)})
    return items


def result_context(
    *,
    request: HttpRequest,
    result: FinderResult,
    criteria: Criteria,
    labels: dict[str, str],
    in_plan: set[str],
    num_pages: int,
    plan_token: str | None = None,
) -> dict[str, Any]:
    # One reverse() for every result's link: the id is the only part that changes.
    placeholder = "00000000-0000-0000-0000-000000000000"
    service_url = reverse("directory:service", kwargs={"service_id": placeholder})
    text_needs = result.text_needs or [code for code in result.needs if code not in criteria.needs]
    # Opening hours on the cards: one query for the page's services.
    prefetch_related_objects(
        [hit.service for hit in result.hits], Prefetch("schedules", queryset=Schedule.objects.all())
    )
    return {
        "result": result,
        "criteria": criteria,
        "labels": labels,
        "need_items": [
            {
                "code": code,
                "label": labels.get(code, code),
                "count": result.coverage.get(code, 0),
                "alternatives": result.alternatives.get(code, []),
            }
            for code in result.needs
        ],
        "text_needs": [(code, labels.get(code, code)) for code in text_needs],
        # Offered, never searched for: only when nothing in the text was understood.
        "unsure_needs": []
        if text_needs
        else [(code, labels.get(code, code)) for code in result.text_unsure],
        "kept_params": [
            (key, value)
            for key, values in request.GET.lists()
            if key not in {"q", "page", "need"}
            for value in values
        ],
        "picked_needs": [code for code in criteria.needs if code not in text_needs],
        "suggestion_query": _query(request, q=result.suggestion, page=None)
        if result.suggestion
        else "",
        "hits": [
            {
                "hit": hit,
                "in_plan": str(hit.service.id) in in_plan,
                "rank": rank,
                "matched_labels": [labels.get(code, code) for code in hit.matched_needs],
                **_card(
                    hit.service,
                    criteria.lang,
                    service_url.replace(placeholder, str(hit.service.id)),
                ),
            }
            for rank, hit in enumerate(result.hits, start=(result.page - 1) * PAGE_SIZE + 1)
        ],
        "relax_items": _relax_items(request, result),
        "markers": _markers(result.hits, criteria.lang),
        "map_tiles_url": settings.BEONCOSUP_MAP_TILES_URL,
        "osm_tiles_url": settings.OSM_TILES_URL,
        "num_pages": num_pages,
        "pages": _pages(request, result.page, num_pages) if num_pages > 1 else [],
        "previous_query": _query(request, page=result.page - 1) if result.page > 1 else "",
        "next_query": _query(request, page=result.page + 1) if result.page < num_pages else "",
        "query": request.GET.urlencode(),
        "plan_add_url": reverse("finder:plan_add"),
        "my_plan_url": reverse("finder:plan", kwargs={"token": plan_token}) if plan_token else "",
    }
