"""A demo quarterly report: the archive under the hub home of every language and a report of
the last complete quarter, with short editor text marked as demo (development only)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from beoncosup.insights import periods
from beoncosup.insights.report.figures import previous_quarters
from beoncosup.insights.report.models import InsightsReportIndexPage, InsightsReportPage

KEY_NAMESPACE = uuid.UUID("0d6f3c1a-7e4b-4f36-9a39-2b8f1c5d6e70")
INDEX_SLUG = "needs-reports"
INDEX_TITLES = {
    "nl": "Rapporten: noden in de ondersteunende kankerzorg",
    "fr": "Rapports : besoins en soins de support en oncologie",
    "de": "Berichte: Bedarf in der supportiven Krebsversorgung",
    "en": "Reports: needs in supportive cancer care",
}
INDEX_INTROS = {
    "nl": "Elk kwartaal: welke noden mensen zoeken en waar hulp ontbreekt.",
    "fr": "Chaque trimestre : les besoins recherchés et les endroits où l’aide manque.",
    "de": "Jedes Quartal: welcher Bedarf gesucht wird und wo Hilfe fehlt.",
    "en": "Every quarter: which needs people look for, and where help is missing.",
}
REPORT_TITLES = {
    "nl": "Noden in de ondersteunende kankerzorg",
    "fr": "Besoins en soins de support en oncologie",
    "de": "Bedarf in der supportiven Krebsversorgung",
    "en": "Needs in supportive cancer care",
}
SUMMARIES = {
    "nl": "<p>DEMO – verzonnen tekst. De vraag naar psychologische steun blijft stijgen; "
    "in sommige provincies vindt een op vijf zoekopdrachten geen dienst in de buurt.</p>",
    "fr": "<p>DÉMO – texte inventé. La demande de soutien psychologique continue d’augmenter ; "
    "dans certaines provinces, une recherche sur cinq ne trouve aucun service à proximité.</p>",
    "de": "<p>DEMO – erfundener Text. Die Nachfrage nach psychologischer Unterstützung steigt "
    "weiter; in einigen Provinzen findet jede fünfte Suche keinen Dienst in der Nähe.</p>",
    "en": "<p>DEMO – invented text. Demand for psychological support keeps rising; in some "
    "provinces one search in five finds no service within reach.</p>",
}


@dataclass(frozen=True)
class DemoReport:
    quarter: str
    created: int


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(KEY_NAMESPACE, f"insights-report:{name}")


def last_complete_quarter(today: dt.date) -> str:
    return previous_quarters(periods.quarter_of(today), 2)[0]


def _homes() -> list[Page]:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise LookupError("No default site: run load_hub_content first.")
    root = site.root_page
    homes: list[Page] = list(root.get_translations(inclusive=True).order_by("pk"))
    return homes


@transaction.atomic
def report_demo_load(*, today: dt.date | None = None) -> DemoReport:
    """Create (once) the archive under every hub home and the report of the last complete
    quarter in every language; the figures are taken from the public tables as they are now.

    Side effects: pages and their published revisions."""
    quarter = last_complete_quarter(today or timezone.localdate())
    created = 0
    for home in _homes():
        language = home.locale.language_code
        index = InsightsReportIndexPage.objects.filter(
            locale=home.locale, translation_key=_key("index")
        ).first()
        if index is None:
            index = InsightsReportIndexPage(
                title=INDEX_TITLES.get(language, INDEX_TITLES["en"]),
                intro=INDEX_INTROS.get(language, INDEX_INTROS["en"]),
                slug=INDEX_SLUG,
                locale=home.locale,
                translation_key=_key("index"),
            )
            home.add_child(instance=index)
            index.save_revision().publish()
            created += 1
        if InsightsReportPage.objects.filter(locale=home.locale, quarter=quarter).exists():
            continue
        report = InsightsReportPage(
            title=REPORT_TITLES.get(language, REPORT_TITLES["en"]),
            slug=quarter.lower(),
            quarter=quarter,
            summary=SUMMARIES.get(language, SUMMARIES["en"]),
            is_demo=True,
            locale=home.locale,
            translation_key=_key(quarter),
        )
        index.add_child(instance=report)  # live: the figures are taken here
        report.save_revision().publish()
        created += 1
    return DemoReport(quarter=quarter, created=created)
