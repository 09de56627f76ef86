"""Small hub content for tests: a YAML directory written to tmp_path and loaded through the real
loader, so tests exercise the same path as `load_hub_content`."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import yaml

from beoncosup.hub.content import DATA_DIR
from beoncosup.hub.services import LoadCounts, hub_content_load
from beoncosup.search.needs import clear_cache
from beoncosup.search.vocabulary import clear_vocabulary
from beoncosup.taxonomy.models import Category, Domain, Need, NeedSynonym

LANGUAGES = ("nl", "fr", "de", "en")
CHECKED = datetime.date(2026, 11, 22)


def make_needs() -> dict[str, Need]:
    texts = {f"label_{lang}": f"Domain {lang}" for lang in LANGUAGES}
    domain = Domain.objects.create(code="WORK", **texts)
    category = Category.objects.create(code="WORK.INCOME", domain=domain, **texts)
    fatigue = Need.objects.create(
        code="MED-FATIGUE",
        category=category,
        label_nl="Vermoeidheid",
        label_fr="Fatigue",
        label_de="Müdigkeit",
        label_en="Fatigue",
    )
    NeedSynonym.objects.create(need=fatigue, language="nl", text="uitgeput")
    NeedSynonym.objects.create(need=fatigue, language="fr", text="épuisé")
    NeedSynonym.objects.create(need=fatigue, language="en", text="worn out")
    pay = Need.objects.create(
        code="WORK-EMPLOYEE-SICK-PAY",
        category=category,
        label_nl="Loon bij ziekte",
        label_fr="Salaire en cas de maladie",
        label_de="Lohn bei Krankheit",
        label_en="Pay when off sick",
    )
    # Bulk-created synonyms send no signal: forget what the matcher cached.
    clear_cache()
    clear_vocabulary()
    return {"fatigue": fatigue, "pay": pay}


def article(slug: str, languages: tuple[str, ...] = LANGUAGES, **shared: Any) -> dict[str, Any]:
    """An article in the given languages; titles say their language ("Title nl …")."""
    words = {
        "nl": "vermoeidheid na de behandeling",
        "fr": "fatigue après le traitement",
        "de": "Müdigkeit nach der Behandlung",
        "en": "tiredness after treatment",
    }
    return {
        "slug": slug,
        "needs": ["MED-FATIGUE"],
        "reviewed": {"on": CHECKED, "by": "Test editor"},
        "next_review": datetime.date(2099, 1, 1),
        "sources": [{"title": "A source", "url": "https://example.org/", "consulted": CHECKED}],
        "translations": {
            lang: {
                "title": f"Title {lang} {slug}",
                "summary": f"Summary {lang}: {words[lang]}.",
                "body": [
                    {"heading": f"Heading {lang}"},
                    {"text": f"Text {lang} about {words[lang]}."},
                    {"callout": {"kind": "tip", "text": "A **tip**."}},
                ],
            }
            for lang in languages
        },
        **shared,
    }


def write_content(directory: Path, articles: list[dict[str, Any]], topic: str = "emotions") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / "topics.yaml", directory / "topics.yaml")
    data = {"topic": topic, "articles": articles}
    (directory / f"articles-{topic}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    return directory


def load(directory: Path, articles: list[dict[str, Any]], topic: str = "emotions") -> LoadCounts:
    return hub_content_load(directory=write_content(directory, articles, topic))
