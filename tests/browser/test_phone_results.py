"""Journey 5 of issue #12: on a phone the results are seen. A nurse in Gent searches on a
390 x 844 phone: the page goes to what was found (focus with JavaScript, an anchor without),
one screen holds at least two results, and the site's header folds into a "Menu" that opens
with a tap or the keyboard, with and without JavaScript. Desktop keeps the whole navigation
in view. Dutch and French, axe-core on every state."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, service_record
from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.services import taxonomy_load
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_finder_pages import assert_no_axe_violations_without_scripts, with_needs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
LANGUAGES = ["nl", "fr"]


def finder_url(language: str) -> str:
    with translation.override(language):
        return reverse("finder:finder")


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[None]:
    """Four services for fatigue in Flanders, with the length of real entries: a long name,
    a few sentences on how to get in, phone, e-mail, website, opening hours, what to bring."""
    clear_cache()
    taxonomy_load()
    make_geo()
    records = []
    for seed in ("a", "b", "c", "d"):
        record = with_needs(
            service_record(seed, name="Psycho-oncologische begeleiding en revalidatie Gent"),
            ["MED-FATIGUE"],
        )
        record["application_process"] = (
            "Bel ons of vraag je huisarts of de sociale dienst van je ziekenhuis om een "
            "verwijzing. We plannen een eerste gesprek binnen twee weken."
        )
        record["url"] = f"https://example.org/diensten/psycho-oncologie/gent/{seed}"
        records.append(record)
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    yield
    clear_cache()


def search_for_fatigue_in_gent(page: Page) -> None:
    fatigue = page.locator("#need-MED-FATIGUE")
    page.locator("details.need-domain", has=fatigue).locator("summary").click()
    fatigue.check()
    page.locator("#id_postcode").fill("9000")
    page.locator("#finder-form button[type=submit]").click()


def assert_two_results_fit_one_screen(page: Page) -> None:
    """From the top of the first result to the bottom of the second: one screen or less."""
    cards = page.locator(".result")
    expect(cards.nth(1)).to_be_attached()
    cards.first.evaluate("card => card.scrollIntoView({block: 'start'})")
    first = cards.first.bounding_box()
    second = cards.nth(1).bounding_box()
    assert first is not None and second is not None
    assert second["y"] + second["height"] - first["y"] <= PHONE["height"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_search_moves_focus_to_the_result_summary(
    browser: Browser, live_server, directory, language
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url(language)}")
    page.wait_for_load_state("load")  # htmx has bound the form

    search_for_fatigue_in_gent(page)

    title = page.locator("#results-title")
    expect(title).to_contain_text("4")
    expect(title).to_be_focused()
    expect(title).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert_two_results_fit_one_screen(page)
    # Contact details other than the phone wait behind a disclosure that opens in place.
    first = page.locator(".result").first
    expect(first.locator('a[href^="tel:"]')).to_be_visible()
    expect(first.locator(".opening-hours")).to_be_visible()
    expect(first.locator('a[href^="mailto:"]')).to_be_hidden()
    first.locator(".card-more > summary").click()
    expect(first.locator('a[href^="mailto:"]')).to_be_visible()
    assert_no_axe_violations(page)
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_search_without_javascript_lands_on_the_result_summary(
    browser: Browser, live_server, directory, language
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url(language)}")

    search_for_fatigue_in_gent(page)

    assert page.url.endswith("#result-summary")
    expect(page.locator("#results-title")).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0
    assert_two_results_fit_one_screen(page)
    assert_no_axe_violations_without_scripts(browser, page.url)
    context.close()


def test_a_search_with_errors_lands_on_the_error_summary_without_javascript(
    browser: Browser, live_server, directory
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url('nl')}")

    page.locator("#id_postcode").fill("12")
    page.locator("#finder-form button[type=submit]").click()

    assert page.url.endswith("#result-summary")
    expect(page.locator(".error-summary")).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_folds_into_a_menu(browser: Browser, live_server, language, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url(language)}")

    header = page.locator(".site-header").bounding_box()
    assert header is not None
    assert header["height"] <= 0.22 * PHONE["height"]  # was 45 %
    nav_link = page.locator(".main-nav a").first
    expect(nav_link).to_be_hidden()
    # The languages stay in view: someone who landed in the wrong language sees the way out.
    expect(page.locator(".language-switcher a").first).to_be_in_viewport()
    if javascript:
        assert_no_axe_violations(page)

    # Keyboard: Tab reaches the toggle (after the skip link, the brand and the languages).
    toggle = page.locator(".site-menu > summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".site-menu")).to_have_attribute("open", "")
    expect(nav_link).to_be_visible()
    if javascript:
        assert_no_axe_violations(page)
    page.keyboard.press("Enter")
    expect(nav_link).to_be_hidden()

    # A tap opens it and the links work.
    toggle.click()
    page.locator(".main-nav a").nth(1).click()
    expect(page.locator("h1")).to_be_visible()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_header_shows_the_whole_navigation(browser: Browser, live_server, language):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url(language)}")

    expect(page.locator(".site-menu > summary")).to_be_hidden()
    links = page.locator(".main-nav a")
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    assert_no_axe_violations_without_scripts(browser, page.url)
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_search_keeps_the_results_in_view(
    browser: Browser, live_server, directory, language
):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url(language)}")
    page.wait_for_load_state("load")

    search_for_fatigue_in_gent(page)

    expect(page.locator("#results-title")).to_be_focused()
    expect(page.locator(".main-nav a").first).to_be_visible()
    assert_no_axe_violations(page)
    context.close()
