"""Issue #18, "Done when": a visitor reports a wrong phone number on a listing, on a phone and
without an account; the provider's staff see it in their queue, fix the phone through the
providers' flow (a change an editor approves), and resolve the report; the reporter's status
page then says it was corrected, and the service is verified today. axe-core on every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import PASSWORD, mfa_enable, totp_code
from beoncosup.feedback.models import Report
from beoncosup.providers.tests.factories import editor, listing_with_service, provider
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGE = "nl"
PHONE: ViewportSize = {"width": 360, "height": 740}


def path(name: str, **kwargs: Any) -> str:
    with translation.override(LANGUAGE):
        return reverse(name, kwargs=kwargs or None)


def sign_in(page: Page, base: str, email: str, secret: str) -> None:
    page.goto(f"{base}/{LANGUAGE}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/2fa/authenticate/**")
    page.locator("#id_code").fill(totp_code(secret))
    page.locator("#id_code").press("Enter")
    page.wait_for_load_state("load")
    assert "/2fa/authenticate/" not in page.url


def visit(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)


def test_a_visitor_reports_a_wrong_phone_and_the_provider_fixes_it(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    service = listing_with_service("Steunpunt Gent", service_name="Praatgroep")
    provider("staff@provider.example", name="Steunpunt vzw", holds=service.organization)
    staff_secret = mfa_enable(get_user_model().objects.get(email="staff@provider.example"))
    editor_secret = mfa_enable(editor("editor@beoncosup.example"))

    status_url = report_on_a_phone(browser, base, service)

    staff = browser.new_context().new_page()
    sign_in(staff, base, "staff@provider.example", staff_secret)
    open_the_report_from_the_providers_home(staff, base)
    propose_the_right_phone(staff, base, service)

    reviewer = browser.new_context().new_page()
    sign_in(reviewer, base, "editor@beoncosup.example", editor_secret)
    visit(reviewer, f"{base}{path('providers:review')}")
    reviewer.locator("a", has_text="Praatgroep").click()
    reviewer.wait_for_load_state("load")
    reviewer.locator("input[name=decision][value=approve]").check()
    reviewer.locator("form[method=post] button[type=submit]").click()
    reviewer.wait_for_url(f"**{path('providers:review')}")

    resolve_the_report(staff, base)

    # The reporter's status page says it was corrected; the listing shows the new number.
    visitor = browser.new_context(viewport=PHONE).new_page()
    visit(visitor, status_url)
    expect(visitor.locator(".feedback-status.status-resolved")).to_be_visible()
    expect(visitor.locator("main")).to_contain_text("Het nummer is aangepast, dank je.")
    visit(visitor, f"{base}{path('directory:service', service_id=str(service.pk))}")
    expect(visitor.locator("main")).to_contain_text("09 555 55 55")
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert Report.objects.get().status == "resolved"


def report_on_a_phone(browser: Browser, base: str, service: Any) -> str:
    """The visitor opens the listing on a phone, follows "Something is wrong here?" and sends
    the short form; they land on their status page."""
    visitor = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    visit(visitor, f"{base}{path('directory:service', service_id=str(service.pk))}")
    visitor.locator("a.feedback-link").click()
    visitor.wait_for_load_state("load")
    assert_no_axe_violations(visitor)
    visitor.locator("input[name=category][value=contact]").check()
    visitor.locator("#id_text").fill(
        "Het nummer 09 123 45 67 werkt niet meer; het is 09 555 55 55."
    )
    visitor.locator("#id_contact_email").fill("reporter@example.org")
    visitor.locator("form[method=post] button[type=submit]").click()
    visitor.wait_for_load_state("load")
    expect(visitor.locator(".feedback-status.status-new")).to_be_visible()
    assert_no_axe_violations(visitor)
    report = Report.objects.get()
    assert report.object_id == str(service.pk)
    assert report.language == LANGUAGE
    return f"{base}{path('feedback:status', token=report.token)}"


def open_the_report_from_the_providers_home(staff: Page, base: str) -> None:
    visit(staff, f"{base}{path('providers:home')}")
    expect(staff.locator(".feedback-open-count")).to_contain_text("1")
    staff.locator(".feedback-open-count a").click()
    staff.wait_for_load_state("load")
    assert_no_axe_violations(staff)
    staff.locator("table a", has_text="Praatgroep").click()
    staff.wait_for_load_state("load")
    assert_no_axe_violations(staff)
    expect(staff.locator("main")).to_contain_text("09 555 55 55")
    staff.locator("input[name=action][value=take] + button").click()
    staff.wait_for_load_state("load")
    expect(staff.locator(".feedback-status.status-in_progress")).to_be_visible()


def propose_the_right_phone(staff: Page, base: str, service: Any) -> None:
    """From the report, the staff member opens the providers' page of the listing."""
    staff.locator(f'a[href="{path("providers:propose", service_id=service.pk)}"]').click()
    staff.wait_for_load_state("load")
    expect(staff.locator("#id_phone")).to_have_value("09 123 45 67")
    staff.locator("#id_phone").fill("09 555 55 55")
    staff.locator("form[method=post] button[type=submit]").click()
    staff.wait_for_url(f"**{path('providers:home')}")


def resolve_the_report(staff: Page, base: str) -> None:
    report = Report.objects.get()
    visit(staff, f"{base}{path('feedback:report_detail', report_id=report.pk)}")
    staff.locator("#id_resolve-note").fill("Het nummer is aangepast, dank je.")
    staff.locator("input[name=action][value=resolve] ~ p button").click()
    staff.wait_for_load_state("load")
    expect(staff.locator(".feedback-status.status-resolved")).to_be_visible()
    assert_no_axe_violations(staff)
