"""Research's pages (namespace ``research``): each area's views module lists its own paths."""

from __future__ import annotations

from beoncosup.research.views import imports, proposals, public, review

app_name = "research"

urlpatterns = [
    *proposals.urlpatterns,
    *review.urlpatterns,
    *imports.urlpatterns,
    *public.urlpatterns,
]
