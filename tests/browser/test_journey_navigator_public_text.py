"""Issue #12, journey 8, walked in a real browser on a phone and a desktop, in two languages,
with axe on every page:

- a self-employed person in Brussels reads a checklist with "rules as of" dates and sources,
  without our editorial doubts and without being sent to "your employer";
- an HR manager follows the employers' item to services *for employers*, not the patient's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, ViewportSize, expect

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import attribute, make_geo, service_record
from beoncosup.navigator.services import measures_load
from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.services import taxonomy_load
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_navigator import choose, enter_postcode

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
EMPLOYER_WORDS = re.compile(r"werkgever|employeur|employer|arbeitgeber", re.IGNORECASE)
DOUBTS = re.compile(
    r"niet nagekeken|konden we niet|wellicht|één bron|vraag het na\.|non vérifié|"
    r"pas pu (être )?vérifi|sans doute|une source dit|vérifiez\.|bitte prüfen|not checked",
    re.IGNORECASE,
)


def wizard_url(language: str) -> str:
    with translation.override(language):
        return reverse("navigator:wizard")


def workplace_service(seed: str, *, name: str, audience: str) -> dict[str, Any]:
    """A Brussels service about talking with an employer, for one audience, any status."""
    service = service_record(seed, postcode="1000", name=name)
    kept = [
        a
        for a in service["attributes"]
        if a["taxonomy_term"]["taxonomy"]
        not in {"beoncosup-needs", "beoncosup-audience", "beoncosup-employment-status"}
    ]
    service["attributes"] = [
        *kept,
        attribute("beoncosup-needs", "WORK-TALK-EMPLOYER", service["id"]),
        attribute("beoncosup-audience", audience, service["id"]),
    ]
    service["service_areas"] = []
    return service


@pytest.fixture
def data(tmp_path: Path) -> Iterator[None]:
    clear_cache()
    make_geo()
    taxonomy_load()
    measures_load()
    records = [
        workplace_service("hr", name="Werkplekadvies", audience="employer"),
        workplace_service("patients", name="Patiëntenlijn", audience="patient"),
    ]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    yield
    clear_cache()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_a_self_employed_person_reads_sourced_rules_without_doubts_or_an_employer(
    page: Page, live_server: Any, data: None, viewport: ViewportSize, language: str
) -> None:
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}{wizard_url(language)}")
    choose(page, "patient")
    choose(page, "self_employed")
    enter_postcode(page, "1000")
    choose(page, "sick_leave")
    choose(page, "1to12m")

    items = page.locator(".navigator-item")
    expect(page.locator("#measure-self-employed-benefit")).to_be_visible()
    assert items.count() >= 4
    for index in range(items.count()):
        item = items.nth(index)
        # Every item: its "rules as of" date and at least one source with the date consulted.
        expect(item.locator(".navigator-as-of")).to_be_visible()
        assert item.locator(".navigator-sources li").count() >= 1
        text = item.inner_text()
        assert not EMPLOYER_WORDS.search(text), (item.get_attribute("id"), text)
        assert not DOUBTS.search(text), (item.get_attribute("id"), text)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_an_hr_manager_is_sent_to_services_for_employers(
    page: Page, live_server: Any, data: None, viewport: ViewportSize, language: str
) -> None:
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}{wizard_url(language)}")
    choose(page, "employer")
    choose(page, "employee")
    enter_postcode(page, "1000")
    choose(page, "1to12m")
    own = page.locator("#measure-employer-resources")
    expect(own).to_be_visible()
    assert_no_axe_violations(page)

    own.locator('.navigator-links a[href*="for_employers=true"]').click()

    expect(page.locator("#results-title")).to_be_visible()
    expect(page.locator('input[name="for_employers"]')).to_be_checked()
    results = page.locator("#finder-results")
    expect(results).to_contain_text("Werkplekadvies")
    expect(results).not_to_contain_text("Patiëntenlijn")
    assert_no_axe_violations(page)
