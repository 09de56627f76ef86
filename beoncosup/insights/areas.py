"""Belgian areas for the insights dashboards: administrative arrondissements, provinces and
the Brussels-Capital Region, with their names in four languages and map centroids.

The administrative arrondissement of a municipality is the first two digits of its NIS code
followed by 000 (see ``geo.selectors.statistical_area``). The geo app has no arrondissement
table, so the 43 arrondissements and their names live in ``data/arrondissements.yaml``.
Provinces and regions come from the geo tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.db.models import Avg
from django.db.models.functions import Substr

from beoncosup.geo.models import Municipality, Province, Region

LANGUAGES = ("nl", "fr", "de", "en")
BRUSSELS = "BE-BRU"
DATA_FILE = Path(__file__).resolve().parent / "data" / "arrondissements.yaml"


@dataclass(frozen=True)
class Arrondissement:
    """An administrative arrondissement: NIS code ("44000"), province ISO code ("BE-VOV",
    or BE-BRU for Brussels) and its name per language (nl, fr, de, en)."""

    code: str
    province: str
    names: dict[str, str]

    def name(self, language: str) -> str:
        return self.names.get(_language(language), self.names["nl"])


def _language(language: str) -> str:
    """The reader's language among ours; English for any other (including "en-gb")."""
    short = language[:2].lower()
    return short if short in LANGUAGES else "en"


@cache
def arrondissements() -> list[Arrondissement]:
    """Every administrative arrondissement, in NIS-code order (read once per process)."""
    data: dict[str, Any] = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    rows = [
        Arrondissement(
            code=str(row["code"]),
            province=str(row["province"]),
            names={language: str(row["names"][language]) for language in LANGUAGES},
        )
        for row in data["arrondissements"]
    ]
    return sorted(rows, key=lambda row: row.code)


@cache
def _arrondissements_by_code() -> dict[str, Arrondissement]:
    return {row.code: row for row in arrondissements()}


def arrondissement_name(code: str, language: str) -> str:
    """The arrondissement's name for a reader of ``language``; the code itself when unknown."""
    row = _arrondissements_by_code().get(code)
    return row.name(language) if row else code


@cache
def _province_names() -> dict[str, dict[str, str]]:
    """Names of the ten provinces and the Brussels-Capital Region by ISO code: two queries,
    once per process (the geo tables change only with ``geo_load``)."""
    names: dict[str, dict[str, str]] = {}
    for area in [*Province.objects.all(), *Region.objects.filter(code=BRUSSELS)]:
        names[area.code] = {language: getattr(area, f"name_{language}") for language in LANGUAGES}
    return names


def province_name(code: str, language: str) -> str:
    """The name of a province (or of the Brussels-Capital Region, BE-BRU) by ISO code for a
    reader of ``language``; the code itself when unknown."""
    names = _province_names().get(code)
    return names[_language(language)] if names else code


def provinces() -> list[tuple[str, dict[str, str]]]:
    """The ten provinces and BE-BRU as (ISO code, names per language), ordered by code, which
    groups them by region: Brussels, then Flanders (BE-V…), then Wallonia (BE-W…)."""
    return sorted(_province_names().items())


def arrondissement_centroids() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each arrondissement present in the geo tables: the mean of its
    municipalities' centroids, in one query."""
    rows = (
        Municipality.objects.annotate(prefix=Substr("nis_code", 1, 2))
        .values("prefix")
        .annotate(latitude=Avg("latitude"), longitude=Avg("longitude"))
        .order_by("prefix")
    )
    return {
        f"{row['prefix']}000": (float(row["latitude"]), float(row["longitude"])) for row in rows
    }


def areas_cache_clear() -> None:
    """Forget the cached names (for tests, and after ``geo_load`` in a running process)."""
    arrondissements.cache_clear()
    _arrondissements_by_code.cache_clear()
    _province_names.cache_clear()
