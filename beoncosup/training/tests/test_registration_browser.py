"""Registering in a browser on a phone: the form, its error state, the participant's page and
the cancellation; axe-core on each page (the form in the four languages)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, ViewportSize, expect

from beoncosup.training.codes import Registration
from beoncosup.training.models import Enrolment
from beoncosup.training.tests.factories import edition_create, enrolment_create, session_create
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def test_a_nurse_registers_then_cancels_on_a_phone(
    browser: Browser, live_server: Any, django_capture_on_commit_callbacks: Any
) -> None:
    edition = edition_create(capacity=1)
    session_create(edition=edition, online_url="https://meet.example.org/room")
    page = browser.new_page(viewport=PHONE)
    for language in ("nl", "fr", "de", "en"):
        with translation.override(language):
            url = reverse("training:register", kwargs={"edition_id": edition.pk})
        page.goto(live_server.url + url)
        expect(page.locator("h1")).to_have_count(1)
        assert_no_axe_violations(page)

    page.locator("#id_email").fill("not an address")
    page.locator("button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)

    page.locator("#id_name").fill("Nora Nurse")
    page.locator("#id_email").fill("nora@example.org")
    page.locator("#id_profession").select_option("nurse")
    page.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.get_by_text("https://meet.example.org/room")).to_be_visible()
    expect(page.locator(".qr-code svg")).to_be_visible()
    assert_no_axe_violations(page)
    enrolment = Enrolment.objects.get()
    assert enrolment.status == Registration.CONFIRMED

    waiting = enrolment_create(edition=edition, status=Registration.WAITING)
    page.locator(f"a[href$='{enrolment.token}/cancel/']").click()
    assert_no_axe_violations(page)
    page.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_no_axe_violations(page)
    enrolment.refresh_from_db()
    waiting.refresh_from_db()
    assert (enrolment.status, waiting.status) == (Registration.CANCELLED, Registration.CONFIRMED)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        ["nora@example.org", "nora@example.org", waiting.email]
    )
    page.close()
