"""The site shell in a real browser: languages, keyboard, small screens, no JavaScript, axe."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import assert_no_axe_violations, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("nl", "fr", "de", "en")


def about_path(language: str) -> str:
    with translation.override(language):
        return reverse("core:about")


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_in_language_has_lang_and_no_axe_violations(page: Page, live_server, language):
    page.goto(f"{live_server.url}/{language}/")

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_count(1)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_about_page_in_language_has_no_axe_violations(page: Page, live_server, language):
    page.goto(f"{live_server.url}{about_path(language)}")

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("#sources")).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_in_language_has_no_axe_violations(page: Page, live_server, language):
    response = page.goto(f"{live_server.url}/{language}/no-such-page/")

    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)


def test_language_switcher_keeps_the_current_page(page: Page, live_server):
    page.goto(f"{live_server.url}{about_path('nl')}")

    with translation.override("nl"):
        switcher_name = translation.gettext("Choose a language")
    page.get_by_role("navigation", name=switcher_name).get_by_role("link", name="Français").click()

    expect(page).to_have_url(f"{live_server.url}{about_path('fr')}")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    current = page.locator(".language-switcher [aria-current='true']")
    expect(current).to_have_text("Français")


def test_root_redirects_to_the_browser_language(browser: Browser, live_server):
    context = browser.new_context(locale="de-BE")
    page = context.new_page()

    page.goto(f"{live_server.url}/")

    expect(page).to_have_url(f"{live_server.url}/de/")
    context.close()


def test_skip_link_is_first_focus_and_moves_to_main(page: Page, live_server):
    page.goto(f"{live_server.url}/en/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#main-content$"))
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_home_page_fits_a_320_pixel_screen(browser: Browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()

    page.goto(f"{live_server.url}/fr/")

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert_no_axe_violations(page)
    context.close()


def test_site_works_without_javascript(browser: Browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")

    with translation.override("nl"):
        about_link = translation.gettext("About and sources")
    page.get_by_role("link", name="Nederlands").click()
    page.locator(".main-nav").get_by_role("link", name=about_link).click()

    expect(page).to_have_url(f"{live_server.url}{about_path('nl')}")
    expect(page.locator("h1")).to_be_visible()
    context.close()


def test_axe_helper_reports_a_planted_violation(page: Page):
    page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')

    rules = {violation["id"] for violation in axe_violations(page)}

    assert "image-alt" in rules
