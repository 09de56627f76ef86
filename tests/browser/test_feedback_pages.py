"""axe-core on every feedback page in Dutch, French, German and English, on a phone 320 px
wide where no page may scroll sideways (WCAG 1.4.10): the report form (empty and in error),
the status page (new and resolved with a note), the queue, a record's counts and a report's
page (open, with its actions, and closed); and the form sent with the keyboard only."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import signed_in
from beoncosup.feedback.codes import Status
from beoncosup.feedback.models import Report
from beoncosup.feedback.tests.factories import held_service, report_make
from beoncosup.providers.tests.factories import editor
from tests.browser.axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 320, "height": 640}
LANGUAGES = ("nl", "fr", "de", "en")


def url(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


class Sweep:
    """Opens pages and collects every axe-core violation and sideways scroll."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.failures: list[dict[str, Any]] = []
        self.checked = 0

    def visit(self, path: str, status: int = 200, *, reflow: bool = True) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None, path
        assert response.status == status, (path, response.status)
        expect(self.page.locator("h1")).to_have_count(1)
        self.check(reflow=reflow)

    def check(self, *, reflow: bool = True) -> None:
        self.checked += 1
        if reflow and self.page.evaluate("() => document.documentElement.scrollWidth > innerWidth"):
            self.failures.append({"url": self.page.url, "rule": "reflow"})
        for violation in axe_violations(self.page):
            self.failures.append(
                {
                    "url": self.page.url,
                    "rule": violation["id"],
                    "targets": [node["target"] for node in violation["nodes"]][:5],
                }
            )

    def assert_clean(self, at_least: int) -> None:
        assert self.checked >= at_least, self.checked
        assert self.failures == [], json.dumps(self.failures, indent=2)


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


def test_public_feedback_pages_are_accessible_in_every_language(
    browser: Browser, live_server: Any
) -> None:
    service = held_service().service
    new = report_make(object_id=service.pk)
    resolved = report_make(object_id=service.pk, status=Status.RESOLVED, text="Oud")
    Report.objects.filter(pk=resolved.pk).update(resolution_note="Aangepast, dank je.")
    sweep = Sweep(browser.new_context(viewport=PHONE).new_page(), live_server.url)

    for language in LANGUAGES:
        form = url("feedback:report", language, kind="service", object_id=str(service.pk))
        sweep.visit(form)
        sweep.page.locator("form[method=post] button[type=submit]").click()
        sweep.page.wait_for_load_state("load")
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
        sweep.visit(url("feedback:status", language, token=new.token))
        sweep.visit(url("feedback:status", language, token=resolved.token))
        sweep.visit(url("directory:service", language, service_id=str(service.pk)))

    sweep.assert_clean(at_least=20)


def test_moderation_pages_are_accessible_in_every_language(
    browser: Browser, live_server: Any
) -> None:
    held = held_service()
    open_report = report_make(object_id=held.service.pk, is_demo=True)
    closed = report_make(object_id=held.service.pk, status=Status.REJECTED, text="Oud")
    report_make(kind="organization", object_id=held.service.organization_id, title="Steunpunt")
    sweep = Sweep(page_as(browser, live_server, editor()), live_server.url)

    for language in LANGUAGES:
        sweep.visit(url("feedback:queue", language))
        sweep.visit(url("feedback:report_detail", language, report_id=open_report.pk))
        sweep.page.locator("input[name=action][value=reject] ~ p button").click()
        sweep.page.wait_for_load_state("load")
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
        sweep.visit(url("feedback:report_detail", language, report_id=closed.pk))
        sweep.visit(
            url("feedback:record", language, kind="service", object_id=str(held.service.pk))
        )
    staff = Sweep(page_as(browser, live_server, held.staff), live_server.url)
    for language in LANGUAGES:
        # The providers' own table scrolls sideways at 320 px (not feedback's part of the
        # page): axe only there.
        staff.visit(url("providers:home", language), reflow=False)
        staff.visit(url("feedback:queue", language))

    sweep.assert_clean(at_least=20)
    staff.assert_clean(at_least=8)


def test_the_report_form_is_sent_with_the_keyboard_only(browser: Browser, live_server: Any) -> None:
    service = held_service().service
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(
        live_server.url + url("feedback:report", "en", kind="service", object_id=str(service.pk))
    )

    page.locator("input[name=category]").first.focus()
    page.keyboard.press("ArrowDown")  # the second option: opening hours
    page.keyboard.press("Tab")
    page.keyboard.type("Closed on Fridays.")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")

    expect(page.locator(".feedback-status.status-new")).to_be_visible()
    assert list(Report.objects.values_list("category", "text")) == [("hours", "Closed on Fridays.")]
