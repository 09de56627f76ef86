"""axe-core on every jobs page in Dutch, French, German and English, in its states (the search
empty, with results, filtered and in error; an offer with and without the benefits section;
the contact and coach forms, blank and in error; the employer's and the editors' pages), on a
small phone 320 px wide, where no page may scroll sideways (WCAG 1.4.10 reflow).

One test per group of pages, the languages looped inside: each browser test costs seconds."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts import services as account_services
from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.models import Membership
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.jobs.catalogue import catalogue_connect
from beoncosup.jobs.tests.factories import (
    employer_make,
    jobs_geo,
    occupation_make,
    offer_make,
)
from beoncosup.navigator.services import measures_load
from tests.browser.axe import axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 320, "height": 640}
LANGUAGES = ("nl", "fr", "de", "en")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str, query: str = "", **kwargs: Any) -> str:
    with translation.override(language):
        path = reverse(f"jobs:{name}", kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


class Sweep:
    """Opens pages and collects every axe-core violation and sideways scroll (all pages are
    checked before the test fails, so one run shows every problem)."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.failures: list[dict[str, Any]] = []
        self.checked = 0

    def visit(self, path: str, status: int = 200) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == status, (
            path,
            response and response.status,
        )
        expect(self.page.locator("h1")).to_have_count(1)
        self.check()

    def check(self) -> None:
        page = self.page
        self.checked += 1
        if page.evaluate("() => document.documentElement.scrollWidth > innerWidth"):
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                    .filter(e => !e.parentElement.closest('.table-wrap'))
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
            )
            self.failures.append(
                {"url": page.url, "rule": "reflow", "help": "scrolls sideways", "targets": wide}
            )
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


def phone_page(browser: Browser) -> Page:
    return browser.new_context(viewport=PHONE).new_page()


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


def test_public_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    catalogue_connect()
    jobs_geo()
    measures_load()
    sweep = Sweep(phone_page(browser), live_server.url)
    for language in LANGUAGES:  # no offer yet: the empty state
        sweep.visit(url("search", language))
    employer = employer_make(name="Havenlogistiek")
    offer = offer_make(
        employer,
        title="Trial placement in administration with a rather long title for small phones",
        kind="trial",
        hours=(16, 20),
        flexibility=["remote", "part_time", "progressive_schedule", "adapted_tasks"],
        languages=["nl", "en"],
        occupation=occupation_make("Administrative assistant", shortage_in="BE-VLG"),
        adjustments={"en": "A quiet room and flexible breaks."},
        progressive_resumption=True,
    )
    offer_make(employer, title="Demo job in Liège", postcode="4000", is_demo=True)
    for language in LANGUAGES:
        sweep.visit(url("search", language))
        sweep.visit(url("search", language, "postcode=2000&max_km=10&hours_max=20&remote=on"))
        sweep.visit(url("search", language, "kind=trial&language=de"))  # nothing fits
        sweep.visit(url("search", language, "postcode=9999&max_km=-3"), status=400)
        sweep.visit(url("offer", language, offer_id=offer.pk))
        sweep.visit(url("offer", language, "status=employee", offer_id=offer.pk))
        sweep.visit(url("offer", language, "status=job_seeker", offer_id=offer.pk))
        sweep.visit(url("contact", language, offer_id=offer.pk))
        sweep.visit(url("contact_coach", language, offer_id=offer.pk))
    # The forms in error, once per language.
    for language in LANGUAGES:
        sweep.visit(url("contact", language, offer_id=offer.pk))
        sweep.page.locator("form[method=post] button[type=submit]").click()
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
        sweep.visit(url("contact_coach", language, offer_id=offer.pk))
        sweep.page.locator("form[method=post] button[type=submit]").click()
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
    sweep.assert_clean(at_least=45)


def test_employer_and_editor_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    catalogue_connect()
    jobs_geo()
    newcomer = user_create("newcomer@example.org")
    employer = employer_make(name="Havenlogistiek", staff=["hanne@haven.example"], verified=False)
    staff = Membership.objects.get(organisation=employer.organisation).user
    draft = offer_make(employer, title="A draft", status="draft")
    rejected = offer_make(
        employer, title="Sent back", status="rejected", rejection_reason="Say the hours."
    )
    submitted = offer_make(employer, title="Waiting", status="submitted", is_demo=True)
    editor = user_create("editor@beoncosup.example")
    account_services.role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)

    sweep = Sweep(page_as(browser, live_server, newcomer), live_server.url)
    for language in LANGUAGES:
        sweep.visit(url("my_offers", language))
        sweep.visit(url("employer_signup", language))
    sweep.page.locator("form[method=post] button[type=submit]").click()
    expect(sweep.page.locator(".error-summary")).to_be_visible()
    sweep.check()

    sweep.page = page_as(browser, live_server, staff)
    for language in LANGUAGES:
        sweep.visit(url("my_offers", language))
        sweep.visit(url("offer_new", language))
        sweep.visit(url("offer_edit", language, offer_id=draft.pk))
        sweep.visit(url("offer_edit", language, offer_id=rejected.pk))
    sweep.page.locator("form[novalidate] button[type=submit]").last.click()  # "Save as draft"
    sweep.check()

    sweep.page = page_as(browser, live_server, editor)
    for language in LANGUAGES:
        sweep.visit(url("employers", language))
        sweep.visit(url("moderation", language))
        sweep.visit(url("offer_review", language, offer_id=submitted.pk))
    sweep.assert_clean(at_least=30)
