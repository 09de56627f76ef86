"""What the finder understood from the person's words, in a real browser, with and without
JavaScript, with axe in both states:

- a sentence with several needs shows each of them, ticked;
- words the matcher is not sure about show its closest needs, unticked, and no guess; ticking
  one (by keyboard) and searching again searches for that need.

The queries were checked with search.needs.understand; should the matcher be retuned, the tests
assert properties (two needs or more; suggestions, none ticked) rather than exact codes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.finder.tests.test_text_understanding import (
    OFF_TOPIC,
    SEVERAL,
    finder_url,
    tiredness_service,
)
from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.services import taxonomy_load
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 375, "height": 667}


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[None]:
    """The reference taxonomy, Gent, and one service for tiredness."""
    clear_cache()
    taxonomy_load()
    tiredness_service(tmp_path)
    yield
    clear_cache()


def search_words(page: Page, text: str) -> None:
    page.locator("#id_q").fill(text)
    page.locator("#finder-form button[type=submit]").click()
    expect(page.locator("#results-title")).to_be_visible()


def assert_no_axe_violations_without_scripts(browser: Browser, address: str) -> None:
    """axe-core needs JavaScript: check the address in a context that runs it but loads none of
    the site's scripts, so the page is what a browser without JavaScript shows."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(address)
    assert_no_axe_violations(page)
    context.close()


def assert_fits_the_screen(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_understood_and_not_sure_with_javascript_on_a_phone(
    page: Page, live_server, directory
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{finder_url()}")
    page.wait_for_load_state("load")  # htmx has bound the form

    search_words(page, SEVERAL)

    understood = page.locator("form.understood input[name=need][type=checkbox]")
    expect(understood.first).to_be_visible()
    assert understood.count() >= 2
    expect(page.locator("#understood-MED-FATIGUE")).to_be_checked()
    for index in range(understood.count()):
        expect(understood.nth(index)).to_be_checked()
    expect(page.locator("#unsure-title")).to_have_count(0)
    assert_fits_the_screen(page)
    assert_no_axe_violations(page)

    search_words(page, OFF_TOPIC)

    expect(page.locator("#unsure-title")).to_be_visible()
    offered = page.locator("form.unsure input[name=need][type=checkbox]")
    expect(offered).to_have_count(3)
    for index in range(3):
        expect(offered.nth(index)).not_to_be_checked()
    # No weak guess shown as understood, nor searched for.
    expect(page.locator("#understood-title")).to_have_count(0)
    expect(page.locator(".coverage-list")).to_have_count(0)
    assert_fits_the_screen(page)
    assert_no_axe_violations(page)

    # By keyboard: tick the first suggestion, then the button right after the suggestions.
    first = offered.first
    code = first.get_attribute("value")
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    offered.last.focus()
    page.keyboard.press("Tab")
    expect(page.locator("form.unsure button[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(f".coverage-list li#need-{code}")).to_be_visible()
    assert f"need={code}" in page.url
    assert "q=" not in page.url
    expect(page.locator("#unsure-title")).to_have_count(0)
    assert_no_axe_violations(page)


def test_understood_and_not_sure_without_javascript(
    browser: Browser, live_server, directory
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url()}")

    search_words(page, SEVERAL)

    understood = page.locator("form.understood input[name=need][type=checkbox]")
    assert understood.count() >= 2
    for index in range(understood.count()):
        expect(understood.nth(index)).to_be_checked()
    assert_fits_the_screen(page)
    assert_no_axe_violations_without_scripts(browser, page.url)

    page.goto(f"{live_server.url}{finder_url()}")
    page.locator("#id_postcode").fill("9000")
    search_words(page, OFF_TOPIC)

    offered = page.locator("form.unsure input[name=need][type=checkbox]")
    expect(offered).to_have_count(3)
    for index in range(3):
        expect(offered.nth(index)).not_to_be_checked()
    expect(page.locator("#understood-title")).to_have_count(0)
    assert_fits_the_screen(page)
    assert_no_axe_violations_without_scripts(browser, page.url)

    code = offered.first.get_attribute("value")
    page.locator(f"label[for=unsure-{code}]").click()  # the label ticks its box
    page.locator("form.unsure button[type=submit]").click()

    expect(page.locator(f".coverage-list li#need-{code}")).to_be_visible()
    assert f"need={code}" in page.url
    assert "postcode=9000" in page.url  # the kept answers
    expect(page.locator("#unsure-title")).to_have_count(0)
    context.close()
