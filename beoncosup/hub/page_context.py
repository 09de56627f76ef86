"""What the hub's page templates need beyond the page itself: cards, language links, an
article's context, the articles of a topic.

The page models call these from ``get_context``, ``route`` and ``serve`` and hand in the pages
and querysets, so this module imports no hub model (selectors and views import the models, never
the reverse). Every list is one query, plus Wagtail's site root paths, cached on the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils import timezone
from wagtail.models import Locale, Page

from beoncosup.core.i18n_text import FALLBACKS, IN_LANGUAGE, LANGUAGE_NAMES, default_language
from beoncosup.core.selectors import NATIVE_LANGUAGE_NAMES, LanguageLink
from beoncosup.hub.enums import Audience, EmploymentStatus, Region
from beoncosup.search.text import LANGUAGES


@dataclass(frozen=True)
class ArticleCard:
    title: str
    summary: str
    url: str
    language: str
    is_fallback: bool
    is_demo: bool

    @property
    def language_note(self) -> str:
        return str(IN_LANGUAGE[self.language])


def active_language() -> str:
    language = default_language()
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def still_current(articles: QuerySet[Any], today: date | None = None) -> QuerySet[Any]:
    """The live articles of ``articles`` whose rules have not ended (ended ones are only
    reachable directly)."""
    return articles.live().exclude(valid_until__lt=today or timezone.localdate())  # type: ignore[attr-defined, no-any-return]


def finder_url(need_codes: list[str], *, for_employers: bool = False) -> str:
    """The finder pre-filled with these needs, in the active language; an article written for
    employers only asks for services for employers and colleagues themselves."""
    url = reverse("finder:finder")
    if not need_codes:
        return url
    query = [("need", code) for code in need_codes]
    if for_employers:
        query.append(("for_employers", "true"))
    return f"{url}?{urlencode(query)}"


def article_card(page: Any, url: str, language: str) -> ArticleCard:
    page_language = page.locale.language_code
    return ArticleCard(
        title=page.title,
        summary=page.summary,
        url=url,
        language=page_language,
        is_fallback=page_language != language,
        is_demo=page.is_demo,
    )


def topic_articles(
    topic: Any, articles: QuerySet[Any], request: HttpRequest | None = None
) -> list[ArticleCard]:
    """The topic's current articles (of ``articles``, every article page) in its language, then
    those that exist only in other languages (best language first, FALLBACKS), each linked at
    this language's address."""
    language = topic.locale.language_code
    own = list(
        still_current(articles)
        .filter(path__startswith=topic.path, depth=topic.depth + 1)
        .select_related("locale")
        .order_by("path")
    )
    topic_url = topic.get_url(request) or ""
    cards = [article_card(page, f"{topic_url}{page.slug}/", language) for page in own]
    others = type(topic).objects.filter(translation_key=topic.translation_key).exclude(pk=topic.pk)
    paths = [path for path in others.values_list("path", flat=True)]
    if not paths:
        return cards
    in_other_paths = Q()
    for path in paths:
        in_other_paths |= Q(path__startswith=path)
    known = {page.translation_key for page in own}
    candidates = (
        still_current(articles)
        .filter(in_other_paths, depth=topic.depth + 1)
        .exclude(translation_key__in=known)
        .select_related("locale")
        .order_by("path")
    )
    order = FALLBACKS[language]
    best: dict[Any, Any] = {}
    for page in candidates:
        held = best.get(page.translation_key)
        rank = order.index(page.locale.language_code)
        if held is None or rank < order.index(held.locale.language_code):
            best[page.translation_key] = page
    cards += [article_card(page, f"{topic_url}{page.slug}/", language) for page in best.values()]
    return cards


def fallback_article(topic: Any, slug: str, articles: QuerySet[Any]) -> Any:
    """The article (of ``articles``) with this slug under a translation of ``topic``, in the
    best other language (an article that has no version in the topic's language), or None."""
    order = FALLBACKS[topic.locale.language_code]
    candidates = []
    for other in (
        type(topic).objects.filter(translation_key=topic.translation_key).exclude(pk=topic.pk)
    ):
        found = articles.live().child_of(other).filter(slug=slug).first()  # type: ignore[attr-defined]
        if found is not None:
            candidates.append(found)
    candidates.sort(key=lambda page: order.index(page.locale.language_code))
    return candidates[0] if candidates else None


def page_language_links(request: HttpRequest, page: Page) -> list[LanguageLink]:
    """The language switcher for a hub page: the translation when one is live (even when an
    editor gave it another slug), else the same address in that language (an article that
    exists only in other languages is served there with a note), else that language's home."""
    current = active_language()
    translations = {
        t.locale.language_code: t
        for t in page.get_translations(inclusive=True).live().select_related("locale")
    }
    links = []
    for code, _name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None and code != current:
            url = translation.get_url(request) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
            if url == request.get_full_path() and code != current:
                url = f"/{code}/"
        links.append(
            LanguageLink(
                code=code, name=NATIVE_LANGUAGE_NAMES[code], url=url, is_current=code == current
            )
        )
    return links


def _labels(values: list[str], choices: Any) -> list[str]:
    known = dict(choices.choices)
    return [str(known[value]) for value in values if value in known]


def article_context(
    request: HttpRequest, page: Any, asked_language: Locale | None
) -> dict[str, Any]:
    """What the article template needs beyond the page itself."""
    page_language = page.locale.language_code
    language = asked_language.language_code if asked_language is not None else page_language
    needs = list(page.needs.order_by("sort_order", "code"))
    own_url = request.path if asked_language is not None else (page.get_url(request) or "")
    topic = page.get_parent().specific
    if asked_language is not None:
        # Served at another language's address: the breadcrumb stays in the reader's language.
        topic = topic.get_translation_or_none(asked_language) or topic
    home = topic.get_parent().specific
    return {
        "topic": topic,
        "topic_url": topic.get_url(request),
        "home": home,
        "page_url": page.get_full_url(request),
        "page_language": page_language,
        "is_fallback": page_language != language,
        "page_language_name": LANGUAGE_NAMES[page_language],
        "language_note": IN_LANGUAGE[page_language],
        "sources": list(page.sources.all()),
        "needs": needs,
        "finder_url": finder_url(
            [need.code for need in needs],
            for_employers=list(page.audiences) == [Audience.EMPLOYER],
        ),
        "pdf_url": f"{own_url.removesuffix('pdf/')}pdf/",
        "validity": page.validity(),
        "audience_labels": _labels(page.audiences, Audience),
        "status_labels": _labels(page.employment_statuses, EmploymentStatus),
        "region_labels": _labels(page.regions, Region),
        "language_links": page_language_links(request, page),
    }
