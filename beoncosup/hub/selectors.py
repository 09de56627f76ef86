"""Reads for the hub: search, the need pages' article lists and the overdue-review report (what
the page models need for their own pages is in page_context). Query counts stay flat: every list
is one query (plus Wagtail's site root paths, cached on the request)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from beoncosup.hub.models import ArticlePage, HubHomePage
from beoncosup.hub.page_context import ArticleCard, article_card, still_current
from beoncosup.search.needs import match_needs
from beoncosup.search.text import LANGUAGES, stems
from beoncosup.situation.values import Situation

# A need matched from the query counts like this many matching words.
NEED_MATCH_WEIGHT = 3
SEARCH_LIMIT = 30


def current_articles(today: date | None = None) -> QuerySet[ArticlePage]:
    """Live articles whose rules have not ended (ended ones are only reachable directly)."""
    pages: QuerySet[ArticlePage] = still_current(ArticlePage.objects.all(), today)
    return pages


def hub_home(language: str) -> HubHomePage | None:
    home: HubHomePage | None = (
        HubHomePage.objects.live().filter(locale__language_code=language).first()
    )
    return home


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
    matches = [m for m in match_needs(query, language) if m.confident] if terms else []
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
                SearchResult(
                    card=article_card(page, page.get_url(request) or "", language), score=score
                )
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
    return [article_card(page, page.get_url(request) or "", language) for page in pages]


def articles_for_needs(
    need_codes: list[str],
    language: str,
    request: HttpRequest | None = None,
    *,
    per_need: int = 3,
    situation: Situation | None = None,
) -> dict[str, list[ArticleCard]]:
    """For each need code, up to ``per_need`` current articles in the language (the self-check
    result); one query for the pages and one for their needs, whatever the number of needs.
    With a ``situation``, articles for another region, work status or audience are left out
    (an article with none ticked is for everyone)."""
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
        if situation is not None and not applies_to(page, situation):
            continue
        card = article_card(page, page.get_url(request) or "", language)
        for need in page.needs.all():
            cards = found.get(need.code)
            if cards is not None and len(cards) < per_need:
                cards.append(card)
    return found


def applies_to(page: ArticlePage, situation: Situation) -> bool:
    """Whether the article is for this person: each of its lists (regions, work statuses,
    audiences) is empty (everyone) or holds the person's answer; an unanswered question
    excludes nothing."""
    checks = (
        (page.regions, situation.region),
        (page.employment_statuses, situation.eligibility_status),
        (page.audiences, situation.seeker_audience),
    )
    return all(not codes or answer is None or answer in codes for codes, answer in checks)


def overdue_articles(today: date | None = None) -> QuerySet[ArticlePage]:
    """Articles whose next review date has passed, oldest first (the editors' report)."""
    today = today or timezone.localdate()
    pages: QuerySet[ArticlePage] = (
        ArticlePage.objects.filter(next_review_due__lt=today)
        .select_related("locale")
        .order_by("next_review_due", "title")
    )
    return pages
