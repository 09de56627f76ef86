"""Reads for the hub: topic lists, an article's context, language links, search, the need
pages' article lists and the overdue-review report. Query counts stay flat: every list is one
query (plus Wagtail's site root paths, cached on the request)."""

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
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from beoncosup.core.i18n_text import FALLBACKS, IN_LANGUAGE, LANGUAGE_NAMES
from beoncosup.core.selectors import NATIVE_LANGUAGE_NAMES, LanguageLink
from beoncosup.hub.enums import Audience, EmploymentStatus, Region
from beoncosup.hub.models import ArticlePage, HubHomePage, TopicPage
from beoncosup.search.needs import match_needs
from beoncosup.search.text import LANGUAGES, stems

# A need matched from the query counts like this many matching words.
NEED_MATCH_WEIGHT = 3
MIN_NEED_SCORE = 0.5
SEARCH_LIMIT = 30


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


def _language() -> str:
    language = get_language() or settings.LANGUAGE_CODE
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def current_articles(today: date | None = None) -> QuerySet[ArticlePage]:
    """Live articles whose rules have not ended (ended ones are only reachable directly)."""
    today = today or timezone.localdate()
    pages: QuerySet[ArticlePage] = ArticlePage.objects.live().exclude(valid_until__lt=today)
    return pages


def finder_url(need_codes: list[str]) -> str:
    """The finder pre-filled with these needs, in the active language."""
    url = reverse("finder:finder")
    return f"{url}?{urlencode([('need', code) for code in need_codes])}" if need_codes else url


def _card(page: ArticlePage, url: str, language: str) -> ArticleCard:
    page_language = page.locale.language_code
    return ArticleCard(
        title=page.title,
        summary=page.summary,
        url=url,
        language=page_language,
        is_fallback=page_language != language,
        is_demo=page.is_demo,
    )


def hub_topics(home: HubHomePage) -> list[TopicPage]:
    return list(TopicPage.objects.child_of(home).live().order_by("path"))


def hub_home(language: str) -> HubHomePage | None:
    home: HubHomePage | None = (
        HubHomePage.objects.live().filter(locale__language_code=language).first()
    )
    return home


def topic_articles(topic: TopicPage, request: HttpRequest | None = None) -> list[ArticleCard]:
    """The topic's current articles in its language, then those that exist only in other
    languages (best language first, FALLBACKS), each linked at this language's address."""
    language = topic.locale.language_code
    own = list(
        current_articles()
        .filter(path__startswith=topic.path, depth=topic.depth + 1)
        .select_related("locale")
        .order_by("path")
    )
    topic_url = topic.get_url(request) or ""
    cards = [_card(page, f"{topic_url}{page.slug}/", language) for page in own]
    others = TopicPage.objects.filter(translation_key=topic.translation_key).exclude(pk=topic.pk)
    paths = [path for path in others.values_list("path", flat=True)]
    if not paths:
        return cards
    in_other_paths = Q()
    for path in paths:
        in_other_paths |= Q(path__startswith=path)
    known = {page.translation_key for page in own}
    candidates = (
        current_articles()
        .filter(in_other_paths, depth=topic.depth + 1)
        .exclude(translation_key__in=known)
        .select_related("locale")
        .order_by("path")
    )
    order = FALLBACKS[language]
    best: dict[Any, ArticlePage] = {}
    for page in candidates:
        held = best.get(page.translation_key)
        rank = order.index(page.locale.language_code)
        if held is None or rank < order.index(held.locale.language_code):
            best[page.translation_key] = page
    cards += [_card(page, f"{topic_url}{page.slug}/", language) for page in best.values()]
    return cards


def fallback_article(topic: TopicPage, slug: str) -> ArticlePage | None:
    """The article with this slug under a translation of ``topic``, in the best other language
    (an article that has no version in the topic's language)."""
    order = FALLBACKS[topic.locale.language_code]
    candidates = []
    for other in TopicPage.objects.filter(translation_key=topic.translation_key).exclude(
        pk=topic.pk
    ):
        found = ArticlePage.objects.live().child_of(other).filter(slug=slug).first()
        if found is not None:
            candidates.append(found)
    candidates.sort(key=lambda page: order.index(page.locale.language_code))
    return candidates[0] if candidates else None


def page_language_links(request: HttpRequest, page: Page) -> list[LanguageLink]:
    """The language switcher for a hub page: the translation when one is live (even when an
    editor gave it another slug), else the same address in that language (an article that
    exists only in other languages is served there with a note), else that language's home."""
    current = _language()
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
    request: HttpRequest, page: ArticlePage, asked_language: Locale | None
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
        "finder_url": finder_url([need.code for need in needs]),
        "pdf_url": f"{own_url.removesuffix('pdf/')}pdf/",
        "validity": page.validity(),
        "audience_labels": _labels(page.audiences, Audience),
        "status_labels": _labels(page.employment_statuses, EmploymentStatus),
        "region_labels": _labels(page.regions, Region),
        "language_links": page_language_links(request, page),
    }


@dataclass(frozen=True)
class SearchResult:
    card: ArticleCard
    score: float


@dataclass(frozen=True)
class HubSearch:
    query: str
    results: list[SearchResult]
    needs: list[str]  # labels of the needs the query was understood as


def hub_search(
    query: str, language: str, request: HttpRequest | None = None, *, limit: int = SEARCH_LIMIT
) -> HubSearch:
    """Articles in ``language`` that contain the query's words (stemmed and folded) or are
    about the needs the query matches through the taxonomy's lay synonyms ("moe" finds the
    article about fatigue even when it never says "moe")."""
    query = query.strip()
    terms = sorted(set(stems(query, language))) if language in LANGUAGES else []
    matches = (
        [m for m in match_needs(query, language) if m.score >= MIN_NEED_SCORE] if terms else []
    )
    codes = [m.code for m in matches]
    if not terms:
        return HubSearch(query=query, results=[], needs=[])
    condition = Q(needs__code__in=codes) if codes else Q()
    for term in terms:
        condition |= Q(search_terms__contains=f" {term} ")
    pages = (
        current_articles()
        .filter(condition, locale__language_code=language)
        .distinct()
        .select_related("locale")
        .prefetch_related("needs")
    )
    results = []
    for page in pages:
        words = sum(page.search_terms.count(f" {term} ") for term in terms)
        about = {need.code for need in page.needs.all()} & set(codes)
        score = words + NEED_MATCH_WEIGHT * len(about)
        if score:
            results.append(
                SearchResult(card=_card(page, page.get_url(request) or "", language), score=score)
            )
    results.sort(key=lambda result: (-result.score, result.card.title))
    return HubSearch(query=query, results=results[:limit], needs=[m.label for m in matches])


def articles_for_need(
    need_id: int, language: str, request: HttpRequest | None = None
) -> list[ArticleCard]:
    """The need page's articles, in the page's language."""
    pages = (
        current_articles()
        .filter(needs=need_id, locale__language_code=language)
        .select_related("locale")
        .order_by("title")
    )
    return [_card(page, page.get_url(request) or "", language) for page in pages]


def articles_for_needs(
    need_codes: list[str], language: str, request: HttpRequest | None = None, *, per_need: int = 3
) -> dict[str, list[ArticleCard]]:
    """For each need code, up to ``per_need`` current articles in the language (the self-check
    result); one query for the pages and one for their needs, whatever the number of needs."""
    pages = (
        current_articles()
        .filter(needs__code__in=need_codes, locale__language_code=language)
        .distinct()
        .select_related("locale")
        .prefetch_related("needs")
        .order_by("title")
    )
    found: dict[str, list[ArticleCard]] = {code: [] for code in need_codes}
    for page in pages:
        card = _card(page, page.get_url(request) or "", language)
        for need in page.needs.all():
            cards = found.get(need.code)
            if cards is not None and len(cards) < per_need:
                cards.append(card)
    return found


def overdue_articles(today: date | None = None) -> QuerySet[ArticlePage]:
    """Articles whose next review date has passed, oldest first (the editors' report)."""
    today = today or timezone.localdate()
    pages: QuerySet[ArticlePage] = (
        ArticlePage.objects.filter(next_review_due__lt=today)
        .select_related("locale")
        .order_by("next_review_due", "title")
    )
    return pages
