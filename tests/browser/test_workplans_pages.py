"""axe-core on every return-to-work plan page in Dutch, French, German and English, on a small
phone 320 px wide where no page may scroll sideways (WCAG 1.4.10 reflow): the start page (and
in error), the plan (empty and full), the phase form in error, the share page, the employer's
view, the revoked link (410), print; signed in: the professional's list, the plan they keep
and the invitation. One test, the languages looped inside: each browser test costs seconds."""

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
from beoncosup.workplans.models import WorkPlanHelper
from beoncosup.workplans.services import helpers, plans, sharing
from beoncosup.workplans.tests.factories import coach_make, plan_make, share_make
from tests.browser.axe import axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 320, "height": 640}
LANGUAGES = ("nl", "fr", "de", "en")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"workplans:{name}", kwargs=kwargs or None)


class Sweep:
    """Opens pages and collects every axe-core violation and sideways scroll."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.failures: list[dict[str, Any]] = []
        self.checked = 0

    def visit(self, path: str, status: int = 200) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None, path
        assert response.status == status, (path, response.status)
        expect(self.page.locator("h1")).to_have_count(1)
        self.check()

    def check(self) -> None:
        page = self.page
        self.checked += 1
        if page.evaluate("() => document.documentElement.scrollWidth > innerWidth"):
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
            )
            self.failures.append({"url": page.url, "rule": "reflow", "targets": wide})
        for violation in axe_violations(page):
            self.failures.append(
                {
                    "url": page.url,
                    "rule": violation["id"],
                    "help": violation["help"],
                    "targets": [node["target"] for node in violation["nodes"]][:5],
                }
            )

    def assert_clean(self, at_least: int) -> None:
        assert self.checked >= at_least, self.checked
        assert self.failures == [], json.dumps(self.failures, indent=2)


def phone_page(browser: Browser, base: str, user: Any = None) -> Page:
    context = browser.new_context(viewport=PHONE)
    if user is not None:
        client = signed_in(Client(), user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": base,
                }
            ]
        )
    return context.new_page()


def test_every_workplans_page_is_accessible_in_four_languages_on_a_small_phone(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    full = plan_make(language="fr")
    empty = plans.plan_create(
        title="Empty plan", start_date=full.start_date, employer_language="de"
    )
    share = share_make(
        full,
        include_name=True,
        include_adjustments=True,
        include_reviews=True,
        contacts=list(full.contacts.all()),
    )
    revoked = sharing.share_revoke(share=share_make(full, label="Old"))
    helpers.invitation_create(plan=full, role="career_coach")
    invitation = helpers.invitation_create(plan=empty, role="occupational_physician")
    coach = coach_make()
    WorkPlanHelper.objects.create(plan=full, user=coach, role="career_coach")

    person = Sweep(phone_page(browser, base), base)
    professional = Sweep(phone_page(browser, base, coach), base)
    for language in LANGUAGES:
        person.visit(url("start", language))
        person.page.get_by_role("button").last.click()  # empty: every field in error
        expect(person.page.locator(".error-summary")).to_be_visible()
        person.check()
        person.visit(url("plan", language, token=full.token))
        person.visit(url("plan", language, token=empty.token))
        person.visit(url("item_add", language, token=full.token, kind="phase"))
        person.page.locator("form.workplan-form button[type=submit]").click()
        expect(person.page.locator(".error-summary")).to_be_visible()
        person.check()
        person.visit(url("item_add", language, token=full.token, kind="contact"))
        person.visit(url("share", language, token=full.token))
        person.visit(url("print", language, token=full.token))
        person.visit(url("shared", language, token=share.token))
        person.visit(url("shared", language, token=revoked.token), status=410)

        professional.visit(url("mine", language))
        professional.visit(url("helper_plan", language, plan_id=full.pk))
        professional.visit(url("join", language, token=invitation.token))

    person.assert_clean(at_least=4 * 11)
    professional.assert_clean(at_least=4 * 3)
