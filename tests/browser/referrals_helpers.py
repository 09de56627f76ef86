"""Shared steps of the referral journeys (issue #15): signing in through the real sign-in
form with a password and an authenticator app's code, English addresses, and the steps of the
referral form, its consent page and the provider's inbox."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from beoncosup.accounts.testing import PASSWORD, mfa_enable, totp_code
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, service_record
from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.services import taxonomy_load
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_finder_pages import with_needs

# The pages may be partly untranslated while the translations land: the journeys run in English.
LANGUAGE = "en"
PHONE: ViewportSize = {"width": 390, "height": 844}


def en(name: str, query: str = "", **kwargs: Any) -> str:
    """The English path of a URL name, with an optional query string."""
    with translation.override(LANGUAGE):
        path = reverse(name, kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


def sign_in(browser: Browser, base: str, user: Any, **context_options: Any) -> Page:
    """A new browser context in which ``user`` signed in through the sign-in form: password,
    then the authenticator app's code (an app is set up for the account first if it has
    none). Returns the context's page."""
    secret = _app_secret(user)
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(f"{base}/{LANGUAGE}/accounts/login/")
    page.get_by_label(re.compile("e-?mail", re.I)).first.fill(user.email)
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("form.account-form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    expect(page).not_to_have_url(re.compile(r"/accounts/"))
    return page


def _app_secret(user: Any) -> str:
    found = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if found is not None:
        found.delete()  # its secret is not readable back: set up a fresh one
    return mfa_enable(user)


def anonymous(browser: Browser, **context_options: Any) -> tuple[BrowserContext, Page]:
    context = browser.new_context(**context_options)
    return context, context.new_page()


def visit(page: Page, base: str, path: str) -> None:
    """Open ``path``, check it answers 200 and has no axe-core violation."""
    response = page.goto(f"{base}{path}")
    assert response is not None and response.status == 200, (path, response and response.status)
    assert_no_axe_violations(page)


def fill_referral(
    page: Page,
    *,
    name: str,
    phone: str = "0470 12 34 56",
    language: str = "nl",
    need_label: str | None = None,
) -> None:
    """Step one of the referral form, with the person's consent: the first need (or the one
    labelled ``need_label``), name, phone and language; then "Continue"."""
    needs = page.locator("input[name=needs]")
    if need_label is not None:
        page.get_by_label(need_label, exact=True).check()
    elif not needs.first.is_checked():
        needs.first.check()
    page.locator("input[name=consent][value=yes]").check()
    page.locator("#id_name").fill(name)
    page.locator("input[name=contact_method][value=phone]").check()
    page.locator("#id_phone").fill(phone)
    page.locator("#id_language").select_option(language)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("load")


def consent_and_send(page: Page, *, button: str, axe: bool = True) -> str:
    """The consent page: the statement is there; tick "agreed" and send. Returns the person's
    private link shown on the result page. ``axe=False`` in a context without JavaScript,
    where axe-core cannot run."""
    expect(page.locator(".consent-statement")).to_be_visible()
    if axe:
        assert_no_axe_violations(page)
    page.locator("#id_agreed").check()
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state("load")
    link = page.locator(".private-link a")
    expect(link).to_be_visible()
    expect(page.locator(".qr-code svg")).to_be_visible()
    if axe:
        assert_no_axe_violations(page)
    href = link.get_attribute("href")
    assert href, "the private link has no address"
    return href


def move(page: Page, button: str, *, reason: str | None = None) -> None:
    """On the inbox detail: one next step (its section), with a reason when it asks one."""
    section = page.locator("section", has=page.get_by_role("button", name=button))
    if reason is not None:
        section.get_by_label(reason, exact=True).check()
    section.get_by_role("button", name=button).click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_be_visible()
    assert_no_axe_violations(page)


def finder_directory(tmp_path: Path) -> Iterator[list[str]]:
    """The reference taxonomy and places, and two services for fatigue: one in Gent (9000)
    and one in Brussels (1000). Yields their ids, Gent first."""
    clear_cache()
    taxonomy_load()
    make_geo()
    records = [
        with_needs(
            service_record("gent", postcode="9000", name="Vermoeidheidsteam"), ["MED-FATIGUE"]
        ),
        with_needs(
            service_record("brussel", postcode="1000", name="Vermoeidheidsteam"), ["MED-FATIGUE"]
        ),
    ]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    yield [str(record["id"]) for record in records]
    clear_cache()


def tab_to(page: Page, *, name: str = "", selector: str = "", limit: int = 300) -> None:
    """Press Tab from the top of the page until the focused element is the one whose text is
    ``name`` (a button or a link) or that matches ``selector``; fails when it is never
    reached."""
    assert name or selector
    page.locator("body").evaluate("body => { document.activeElement?.blur(); body.focus(); }")
    for _ in range(limit):
        page.keyboard.press("Tab")
        reached = page.evaluate(
            """([name, selector]) => {
                const element = document.activeElement;
                if (!element || element === document.body) return false;
                if (selector) return element.matches(selector);
                return (element.innerText || '').trim() === name;
            }""",
            [name, selector],
        )
        if reached:
            return
    raise AssertionError(f"{name or selector!r} is not reached with Tab")
