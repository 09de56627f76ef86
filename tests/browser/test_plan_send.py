"""Sending a plan's link by e-mail or text message (issue #15): the plan page's link, the form,
its error state and the confirmation, with SMS offered and not; axe-core on each, in French."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, expect

from beoncosup.finder import services
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("sms", ["locmem", "disabled"])
def test_a_plan_link_is_sent_by_e_mail(browser: Browser, live_server, settings, sms):
    settings.BEONCOSUP_SMS_BACKEND = sms
    plan = services.plan_create(language="fr")
    with translation.override("fr"):
        plan_url = reverse("finder:plan", args=[plan.token])
    page = browser.new_page()
    page.goto(live_server.url + plan_url)
    assert_no_axe_violations(page)
    page.locator(".plan-send a").click()
    expect(page.locator("#id_phone")).to_have_count(1 if sms == "locmem" else 0)
    assert_no_axe_violations(page)

    page.locator("button[type=submit]").click()  # nothing filled in
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)
    assert mail.outbox == []

    page.locator("#id_email").fill("an@example.org")
    page.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_no_axe_violations(page)
    assert [message.to for message in mail.outbox] == [["an@example.org"]]
    assert plan.token in mail.outbox[0].body
    page.close()
