"""Training's pages (namespace ``training``): each area's views module lists its own paths."""

from __future__ import annotations

from beoncosup.training.views import catalogue, certificates, day, registration, results

app_name = "training"

urlpatterns = [
    *catalogue.urlpatterns,
    *registration.urlpatterns,
    *day.urlpatterns,
    *results.urlpatterns,
    *certificates.urlpatterns,
]
