"""The words of an article, folded and stemmed like every other search in the project
(search.text), so "vermoeidheid" in a query finds "vermoeid" in an article."""

from __future__ import annotations

from typing import Any

from beoncosup.search.text import LANGUAGES, stems


def _body_text(page: Any) -> str:
    body = page.body
    if not body:
        return ""
    return " ".join(str(text) for text in body.stream_block.get_searchable_content(body))


def article_terms(page: Any) -> str:
    """ " stem stem … " with spaces around every stem, so one `contains " stem "` matches a
    whole stem. The title counts twice: a word in the title says more about the page."""
    language = page.locale.language_code if page.locale_id else "nl"
    if language not in LANGUAGES:
        return ""
    text = " ".join([page.title, page.title, page.summary or "", _body_text(page)])
    return f" {' '.join(stems(text, language))} "
