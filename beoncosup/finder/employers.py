"""The employers' entry (issue #19): one page with what BeONCOsup offers an employer whose
employee has cancer: the hub's employer toolkit and its articles, the navigator's measures for
employers, the finder's services for employers, flexible jobs and the shared return-to-work
plan.

The finder sits below the hub, the navigator, ``jobs`` and ``workplans`` (docs/architecture.md,
"Who may import whom"): it reaches them by URL name only, and lists the toolkit's articles
through the taxonomy's reading registry, which the hub fills.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from beoncosup.core.i18n_text import default_language
from beoncosup.taxonomy.extensions import Reading, readings_for_needs
from beoncosup.taxonomy.models import Need

# What an employer looks for help with: the workplace's side of the work needs.
EMPLOYER_NEEDS = (
    "WORK-TALK-EMPLOYER",
    "WORK-ADJUSTMENTS",
    "WORK-REINTEGRATION",
    "WORK-GRADUAL-RETURN",
)
# The person's need the return-to-work coaches address (the regional services, the health
# insurance funds' coordinators): what an employer can point the employee to.
COACHING_NEED = "WORK-RTW-GUIDANCE"
# The hub's employer toolkit: the topic page's slug, the same in every language.
TOOLKIT_PATH = "for-employers/"
# Where an employer publishes a flexible job (the jobs app's sign-up, else its search), and the
# shared return-to-work plan explained. The first name that exists wins.
JOBS_URL_NAMES = ("jobs:employer_signup", "jobs:search")
PLAN_URL_NAMES = ("workplans:start",)


def first_url(names: Iterable[str]) -> str:
    """The address of the first URL name that exists, or "" when none does (an app that has
    not published the page yet leaves its link out instead of breaking the page)."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


def toolkit_articles(
    request: HttpRequest, language: str, toolkit_url: str, needs: Sequence[str] = EMPLOYER_NEEDS
) -> list[Reading]:
    """The employer toolkit's articles about the employer needs, by title: the readings the
    registry finds for those needs whose address lies under the toolkit's topic page (the
    articles for the person about the same needs live under other topics)."""
    prefix = urlsplit(toolkit_url).path
    found = readings_for_needs(list(needs), language, request, per_need=20)
    articles: dict[str, Reading] = {}
    for code in needs:
        for reading in found.get(code, []):
            path = urlsplit(reading.url).path
            if path.startswith(prefix) and path != prefix:
                articles.setdefault(path, reading)
    return sorted(articles.values(), key=lambda reading: reading.title.casefold())


def finder_query(needs: Iterable[str], *, for_employers: bool) -> str:
    pairs: list[tuple[str, str]] = [("need", code) for code in needs]
    if for_employers:
        # The finder's services *for* employers (the ``employer`` audience of services;
        # finder.forms.for_employers), not an employer looking on behalf of the employee.
        pairs.append(("for_employers", "true"))
    return urlencode(pairs)


@require_safe
def employers(request: HttpRequest) -> HttpResponse:
    """The employers' landing page (public, four languages)."""
    language = default_language()
    toolkit_url = reverse("wagtail_serve", args=[TOOLKIT_PATH])
    by_code = {need.code: need for need in Need.objects.filter(code__in=EMPLOYER_NEEDS)}
    finder_url = reverse("finder:finder")
    context: dict[str, Any] = {
        "toolkit_url": toolkit_url,
        "articles": toolkit_articles(request, language, toolkit_url),
        "navigator_url": f"{reverse('navigator:wizard')}?{urlencode({'audience': 'employer'})}",
        "employer_needs": [by_code[code] for code in EMPLOYER_NEEDS if code in by_code],
        "employer_finder_url": (
            f"{finder_url}?{finder_query(EMPLOYER_NEEDS[:2], for_employers=True)}"
        ),
        "coaching_finder_url": f"{finder_url}?{finder_query([COACHING_NEED], for_employers=False)}",
        "jobs_url": first_url(JOBS_URL_NAMES),
        "plan_url": first_url(PLAN_URL_NAMES),
    }
    return render(request, "finder/employers.html", context)
