"""Issue #14, "Done when": a provider claims a listing, proposes a change, an editor approves
it and the public page shows it. Real sign-in (password, then the authenticator code) for the
provider's staff member and the editor, each in their own browser; axe-core on every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, expect

from beoncosup.accounts.testing import PASSWORD, mfa_enable, totp_code
from beoncosup.providers.tests.factories import editor, listing_with_service, provider
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGE = "nl"


def path(name: str, **kwargs: Any) -> str:
    with translation.override(LANGUAGE):
        return reverse(name, kwargs=kwargs or None)


def sign_in(page: Page, base: str, email: str, secret: str) -> None:
    page.goto(f"{base}/{LANGUAGE}/accounts/login/")
    assert_no_axe_violations(page)
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/2fa/authenticate/**")
    assert_no_axe_violations(page)
    page.locator("#id_code").fill(totp_code(secret))
    page.locator("#id_code").press("Enter")
    page.wait_for_load_state("load")
    assert "/2fa/authenticate/" not in page.url


def visit(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)


def test_a_provider_claims_proposes_and_the_public_page_shows_the_approved_change(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    service = listing_with_service("Steunpunt Gent", service_name="Praatgroep")
    provider("staff@provider.example", name="Steunpunt vzw")
    staff_secret = mfa_enable(_user("staff@provider.example"))
    editor_secret = mfa_enable(editor("editor@beoncosup.example"))

    staff = browser.new_context().new_page()
    sign_in(staff, base, "staff@provider.example", staff_secret)
    reviewer = browser.new_context().new_page()
    sign_in(reviewer, base, "editor@beoncosup.example", editor_secret)

    claim_the_listing(staff, base)
    approve(reviewer, base, "Steunpunt Gent")
    propose_a_new_phone_and_waiting_time(staff, base, service)
    approve(reviewer, base, "Praatgroep", expected=("09 555 55 55", "09 123 45 67"))
    visit(reviewer, f"{base}{path('providers:service_history', service_id=service.pk)}")
    expect(reviewer.locator("main")).to_contain_text("listing.changed")

    # Anyone reading the public page sees the new values, verified today.
    public = browser.new_context().new_page()
    visit(public, f"{base}{path('directory:service', service_id=str(service.pk))}")
    expect(public.locator("main")).to_contain_text("09 555 55 55")
    expect(public.locator("main")).to_contain_text("Binnen de week")
    expect(public.locator(".last-verified")).to_be_visible()


def claim_the_listing(staff: Page, base: str) -> None:
    """The provider finds the listing by name and claims it."""
    visit(staff, f"{base}{path('providers:home')}")
    staff.locator(f'a[href="{path("providers:claim")}"]').click()
    staff.wait_for_load_state("load")
    assert_no_axe_violations(staff)
    staff.locator("#id_q").fill("steunpunt")
    staff.locator("#id_q").press("Enter")
    staff.wait_for_load_state("load")
    assert_no_axe_violations(staff)
    staff.locator(".card-list a", has_text="Steunpunt Gent").click()
    staff.wait_for_load_state("load")
    assert_no_axe_violations(staff)
    staff.locator("#id_message").fill("Ik ben de coördinator van de praatgroep.")
    staff.locator("form[method=post] button[type=submit]").click()
    staff.wait_for_url(f"**{path('providers:home')}")
    expect(staff.locator("main")).to_contain_text("Steunpunt Gent")
    assert_no_axe_violations(staff)


def approve(reviewer: Page, base: str, link: str, *, expected: tuple[str, ...] = ()) -> None:
    """The editor opens the first waiting item named ``link`` in the queue and approves it."""
    visit(reviewer, f"{base}{path('providers:review')}")
    reviewer.locator("a", has_text=link).click()
    reviewer.wait_for_load_state("load")
    for text in expected:
        expect(reviewer.locator("table")).to_contain_text(text)
    assert_no_axe_violations(reviewer)
    reviewer.locator("input[name=decision][value=approve]").check()
    reviewer.locator("form[method=post] button[type=submit]").click()
    reviewer.wait_for_url(f"**{path('providers:review')}")
    assert_no_axe_violations(reviewer)


def propose_a_new_phone_and_waiting_time(staff: Page, base: str, service: Any) -> None:
    visit(staff, f"{base}{path('providers:home')}")
    staff.locator(f'a[href="{path("providers:propose", service_id=service.pk)}"]').click()
    staff.wait_for_load_state("load")
    expect(staff.locator("#id_phone")).to_have_value("09 123 45 67")
    assert_no_axe_violations(staff)
    staff.locator("#id_phone").fill("09 555 55 55")
    staff.locator("#id_wait_time_nl").fill("Binnen de week")
    staff.locator("form[method=post] button[type=submit]").click()
    staff.wait_for_url(f"**{path('providers:home')}")
    assert_no_axe_violations(staff)


def _user(email: str) -> Any:
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    return get_user_model().objects.get(email=email)
