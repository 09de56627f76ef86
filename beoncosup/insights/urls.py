"""The needs insights pages (docs/insights.md): the public page and the data dictionary, open to
all; the analysts' dashboards, which need the analyst role."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.insights.views import analyst, public

app_name = "insights"


def _p(route: str) -> str:
    return pgettext_lazy("URL path", route)  # type: ignore[return-value]


urlpatterns = [
    path(_p("needs-in-belgium/"), public.public, name="public"),
    path(_p("needs-in-belgium/data/"), public.dictionary, name="dictionary"),
    path(_p("insights/"), analyst.overview, name="overview"),
    path(_p("insights/unmet/"), analyst.unmet, name="unmet"),
    path(_p("insights/map/"), analyst.coverage_map, name="map"),
    path(_p("insights/languages/"), analyst.languages, name="languages"),
    path(_p("insights/referrals/"), analyst.referrals, name="referrals"),
    path(_p("insights/self-checks/"), analyst.self_checks, name="self_checks"),
]
