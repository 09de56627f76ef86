"""Issue #14, "Done when": invitation → sign-up → MFA enrolment → sign-in with TOTP and with a
recovery code, in a real browser, axe-core on every page. The organisation admin signs in with
password + TOTP and invites; the new colleague creates an account from the e-mailed link,
verifies the address, accepts, is made to set up an authenticator app, keeps the recovery codes,
and later signs in once with the app and once with a recovery code."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, expect

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Membership
from beoncosup.accounts.testing import PASSWORD, mfa_enable, organisation_with, totp_code
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADMIN = "beheerder@az-voorbeeld.example"
NEWCOMER = "nieuwe.collega@az-voorbeeld.example"


def sign_in(page: Page, base: str, email: str, lang: str = "nl") -> None:
    page.goto(f"{base}/{lang}/accounts/login/")
    assert_no_axe_violations(page)
    page.get_by_label(re.compile("e-?mail", re.I)).first.fill(email)
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").first.click()
    page.wait_for_load_state("load")


def second_step(page: Page, code: str) -> None:
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    assert_no_axe_violations(page)
    page.locator("input[name=code]").fill(code)
    page.locator("form.account-form button[type=submit]").first.click()
    page.wait_for_load_state("load")


def link_in_last_mail(to: str) -> str:
    message = [m for m in mail.outbox if to in m.to][-1]
    found = re.search(r"https?://\S+", str(message.body))
    assert found, message.body
    return found.group(0).split("://", 1)[1].split("/", 1)[1]


def invite(page: Page, base: str, admin_secret: str) -> str:
    """The organisation admin signs in with password and app code and invites a colleague;
    returns the path of the link in the e-mail."""
    sign_in(page, base, ADMIN)
    second_step(page, totp_code(admin_secret))
    page.goto(f"{base}/nl/")
    page.get_by_role("link", name=re.compile("Mijn account|My account")).click()
    page.get_by_role("link", name="AZ Voorbeeld").first.click()
    assert_no_axe_violations(page)
    form = page.locator("form", has=page.locator("#id_email"))
    form.locator("#id_email").fill(NEWCOMER)
    form.locator("#id_role").select_option(OrgRole.PROFESSIONAL)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text(NEWCOMER)
    return "/" + link_in_last_mail(NEWCOMER)


def sign_up_from(page: Page, base: str, invitation_path: str) -> None:
    """The colleague opens the link, creates an account and verifies the address."""
    page.goto(f"{base}{invitation_path}")
    expect(page.locator("h1")).to_contain_text("AZ Voorbeeld")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("account aanmaken|create an account", re.I)).click()
    assert_no_axe_violations(page)
    email_field = page.locator("input[name=email]")
    if not email_field.input_value():
        email_field.fill(NEWCOMER)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)  # "check your e-mail"
    page.goto(f"{base}/{link_in_last_mail(NEWCOMER)}")
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")


def accept_and_enrol(page: Page, base: str, invitation_path: str) -> tuple[str, list[str]]:
    """Signs in, accepts, and is made to set up the app; returns its secret and the codes."""
    sign_in(page, base, NEWCOMER)
    page.goto(f"{base}{invitation_path}")
    page.get_by_role("button", name=re.compile("aanvaarden|accept", re.I)).click()
    page.wait_for_load_state("load")
    with translation.override("nl"):
        page.goto(f"{base}{reverse('accounts:home')}")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    assert_no_axe_violations(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("form.account-form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)  # the recovery codes, shown once
    codes = page.locator("#recovery_codes").input_value().split()
    assert len(codes) == 10, codes
    return secret, codes


def test_invitation_sign_up_mfa_enrolment_then_totp_and_recovery_code(
    browser: Browser, live_server
):
    organisation = organisation_with(name="AZ Voorbeeld", members={ADMIN: [OrgRole.ORG_ADMIN]})
    admin_secret = mfa_enable(get_user_model().objects.get(email=ADMIN))
    base = live_server.url

    invitation_path = invite(browser.new_context().new_page(), base, admin_secret)
    page = browser.new_context().new_page()
    sign_up_from(page, base, invitation_path)
    secret, codes = accept_and_enrol(page, base, invitation_path)
    assert Membership.objects.filter(
        user__email=NEWCOMER, organisation=organisation, role=OrgRole.PROFESSIONAL
    ).exists()

    # Another day, another device: password, then the app's code.
    later = browser.new_context().new_page()
    sign_in(later, base, NEWCOMER)
    second_step(later, totp_code(secret, offset=1))
    later.goto(f"{base}/nl/")
    later.get_by_role("link", name=re.compile("Mijn account|My account")).click()
    expect(later.locator("main")).to_contain_text("AZ Voorbeeld")
    assert_no_axe_violations(later)

    # Phone lost: password, then a recovery code.
    lost = browser.new_context().new_page()
    sign_in(lost, base, NEWCOMER)
    second_step(lost, codes[0])
    lost.goto(f"{base}/nl/")
    lost.get_by_role("link", name=re.compile("Mijn account|My account")).click()
    expect(lost.locator("main")).to_contain_text("AZ Voorbeeld")
