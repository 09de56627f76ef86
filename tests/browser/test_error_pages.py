"""The pages issue #10 added for refused requests, in a real browser with axe-core, in the four
languages: the 400 page (a NUL character in the address) and the sign-in lock-out (429)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, expect

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "fr", "de", "en"]
BAD_REQUEST = {
    "nl": "Verzoek niet begrepen",
    "fr": "Demande non comprise",
    "de": "Anfrage nicht verstanden",
    "en": "Request not understood",
}
LOCKED = {
    "nl": "Te veel pogingen om aan te melden",
    "fr": "Trop de tentatives de connexion",
    "de": "Zu viele Anmeldeversuche",
    "en": "Too many attempts to sign in",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_400_page_is_translated_and_accessible(browser: Browser, live_server, language):
    context = browser.new_context(locale=language)
    page = context.new_page()

    response = page.goto(f"{live_server.url}/{language}/plan/%00/")

    assert response is not None and response.status == 400
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page).to_have_title(f"{BAD_REQUEST[language]} – BeONCOsup")
    assert_no_axe_violations(page)
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lock_out_page_is_translated_and_accessible(
    browser: Browser, live_server, settings, language
):
    settings.AXES_ENABLED = True
    get_user_model().objects.create_user(
        username="editor", email="editor@example.org", password="a-long-password-1"
    )
    context = browser.new_context(locale=language)
    page = context.new_page()

    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{live_server.url}/{language}/accounts/login/")
        page.fill("#id_login", "editor@example.org")
        page.fill("#id_password", "wrong password")
        page.locator('form button[type="submit"], form input[type="submit"]').first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(LOCKED[language])
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)
    context.close()
