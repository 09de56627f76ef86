"""Service pages and need pages with services, in a real browser, with axe."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record, translated
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("nl", "fr", "de", "en")


def url(language: str, name: str, **kwargs: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def services(tmp_path):
    make_geo()
    make_needs()
    records = [service_record(f"s{i}") for i in range(12)]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "fr.json").write_text(json.dumps([translated(records[0], "FR")]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl"), (tmp_path / "fr.json", "fr")])
    return records


@pytest.mark.parametrize("language", LANGUAGES)
def test_service_and_need_pages_have_no_axe_violations(page: Page, live_server, services, language):
    for path in (
        url(language, "directory:service", service_id=services[0]["id"]),
        url(language, "taxonomy:need", code="MED-PAIN"),
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_no_axe_violations(page)


def test_from_a_need_to_a_service_and_its_phone_number(page: Page, live_server, services):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{url('fr', 'taxonomy:need', code='MED-PAIN')}")

    page.get_by_role("link", name="Steunpunt s0 FR").click()

    expect(page.locator("h1")).to_contain_text("Steunpunt s0 FR")
    expect(page.locator('a[href="tel:+3295550123"]')).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_need_page_pages_through_services_without_javascript(browser, live_server, services):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{url('en', 'taxonomy:need', code='MED-PAIN')}")

    page.get_by_role("link", name="Next").click()

    expect(page.locator(".pagination")).to_contain_text("Page 2 of 2")
    expect(page.locator(".service-card")).to_have_count(2)
    context.close()
