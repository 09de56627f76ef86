"""Training's pages (namespace ``training``): each area's views module lists its own paths."""

from __future__ import annotations

from beoncosup.training.views import catalogue, certificates, day, registration, results

app_name = "training"

# The catalogue last: its "training/<slug>/" would otherwise catch the other areas' paths.
urlpatterns = [
    *registration.urlpatterns,
    *day.urlpatterns,
    *results.urlpatterns,
    *certificates.urlpatterns,
    *catalogue.urlpatterns,
]
