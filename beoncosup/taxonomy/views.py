from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from beoncosup.taxonomy import selectors
from beoncosup.taxonomy.enums import Audience, Phase
from beoncosup.taxonomy.extensions import need_sections


@require_safe
def needs_index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "taxonomy/needs_index.html", {"domains": selectors.domains_with_categories()}
    )


@require_safe
def domain_detail(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "taxonomy/domain_detail.html", {"domain": selectors.domain_detail(code)})


@require_safe
def need_detail(request: HttpRequest, code: str) -> HttpResponse:
    need = selectors.need_detail(code)
    return render(
        request,
        "taxonomy/need_detail.html",
        {
            "need": need,
            "synonyms": selectors.need_synonyms(need, get_language()),
            "audiences": [Audience(value).label for value in need.audiences],
            "phases": [Phase(value).label for value in need.phases],
            # Services and articles for the need, from the apps that registered them.
            "sections": need_sections(request, need),
        },
    )
