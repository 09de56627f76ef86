"""Hub fragments other apps' pages show, registered in HubConfig.ready(): the taxonomy's need
page lists the need's articles (taxonomy.extensions)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from beoncosup.core.i18n_text import default_language
from beoncosup.hub import selectors


def articles_for_need(request: HttpRequest, need: Any) -> SafeString:
    language = default_language()
    html: SafeString = render_to_string(
        "hub/includes/articles_for_need.html",
        {"articles": selectors.articles_for_need(need.pk, language, request)},
    )
    return html
