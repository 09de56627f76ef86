"""The needs taxonomy pages in a real browser, with axe, in the four languages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from beoncosup.taxonomy.services import taxonomy_load
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("nl", "fr", "de", "en")


def url(language: str, name: str, **kwargs: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def taxonomy():
    taxonomy_load()


@pytest.mark.parametrize("language", LANGUAGES)
def test_taxonomy_pages_have_no_axe_violations(page: Page, live_server, taxonomy, language):
    for path in (
        url(language, "taxonomy:index"),
        url(language, "taxonomy:domain", code="PSY"),
        url(language, "taxonomy:need", code="MED-FATIGUE"),
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_no_axe_violations(page)


def test_browse_from_home_to_a_need(page: Page, live_server, taxonomy):
    page.goto(f"{live_server.url}/en/")

    page.get_by_role("link", name="See what you can get help with").click()
    page.get_by_role("link", name="Work and socio-professional integration").first.click()
    page.get_by_role("link", name="School and studies").first.click()
    expect(page.locator("#work-study")).to_be_visible()
    page.locator("#work-study ~ ul a, section:has(#work-study) .need-list a").first.click()

    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".breadcrumb")).to_contain_text("School and studies")
