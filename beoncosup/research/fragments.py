"""Research fragments other apps' pages show, registered in ResearchConfig.ready(): the
taxonomy's need page lists the research about the need (taxonomy.extensions)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from beoncosup.core.i18n_text import default_language
from beoncosup.research import selectors

SHOWN = 5


def studies_for_need(request: HttpRequest, need: Any) -> SafeString:
    studies = selectors.studies_for_need(need.pk)
    shown = list(studies[: SHOWN + 1])
    html: SafeString = render_to_string(
        "research/includes/studies_for_need.html",
        {
            "request": request,
            "need": need,
            "studies": shown[:SHOWN],
            "more": len(shown) > SHOWN,
            "language": default_language(),
        },
    )
    return html
