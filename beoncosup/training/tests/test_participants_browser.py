"""The attendance pages of a programme and the certificate's revocation in a browser on a
phone: the participant's page with their running total, the coordinator's grid and the
revocation (its confirmation, its error and the result); axe-core in the four languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.training.models import Attendance, Certificate
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
)
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
LANGUAGES = ("nl", "fr", "de", "en")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"training:{name}", kwargs=kwargs)


def page_as(browser: Browser, live_server: Any, user: Any) -> Page:
    client = signed_in(Client(), user)
    context = browser.new_context(viewport=PHONE)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_programme_attendance_and_revocation_on_a_phone(browser: Browser, live_server: Any):
    coordinator = user_create("coordinator@example.org")
    course = course_create(min_attendance_percent=75, coordinators=[coordinator])
    now = timezone.now()
    edition = edition_create(course=course, deadline=now - dt.timedelta(days=40))
    sessions = [
        session_create(edition=edition, starts_at=now - dt.timedelta(days=7 * n)) for n in (3, 2, 1)
    ] + [session_create(edition=edition, starts_at=now + dt.timedelta(days=7))]
    nora = enrolment_create(edition=edition, name="Nora Nurse")
    paul = enrolment_create(edition=edition, name="Paul Participant")
    for session in sessions[:3]:
        Attendance.objects.create(enrolment=paul, session=session, method="list")
    Attendance.objects.create(enrolment=nora, session=sessions[0], method="qr")
    certificate = Certificate.objects.create(enrolment=paul, hours=9, issued_on=now.date())

    page = browser.new_context(viewport=PHONE).new_page()
    for language in LANGUAGES:
        page.goto(live_server.url + url("enrolment", language, token=nora.token))
        expect(page.locator("h1")).to_have_count(1)
        assert_no_axe_violations(page)
    expect(page.get_by_text("You attended 1 of 3 sessions so far.")).to_be_visible()

    page = page_as(browser, live_server, coordinator)
    for language in LANGUAGES:
        page.goto(live_server.url + url("course_results", language, slug=course.slug))
        expect(page.locator(".attendance-grid")).to_be_visible()
        assert_no_axe_violations(page)
    page.get_by_role("link", name=f"Revoke certificate {certificate.code}").click()
    expect(page.locator("h1")).to_have_text("Revoke a certificate")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Why is this certificate revoked?").fill("Attendance recorded by mistake")
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.locator(".messages")).to_contain_text(certificate.code)
    assert_no_axe_violations(page)
    certificate.refresh_from_db()
    assert certificate.revoked
