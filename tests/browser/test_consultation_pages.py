"""axe-core on every consultation page in Dutch, French, German and English (the list, the
form open, with errors, not yet open and closed, the thanks, the results, deleting one's
address, the editors' page), on a phone 320 px wide where no page may scroll sideways (a wide
table scrolls in its own box)."""

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
from beoncosup.consultations.demo import demo_consultations_load
from beoncosup.consultations.models import Contact
from beoncosup.consultations.tests.factories import editor_create
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
        return reverse(f"consultations:{name}", kwargs=kwargs or None)


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
        self.check()

    def check(self) -> None:
        page = self.page
        expect(page.locator("h1")).to_have_count(1)
        self.checked += 1
        if page.evaluate("() => document.documentElement.scrollWidth > innerWidth"):
            self.failures.append({"url": page.url, "rule": "reflow"})
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


def test_public_pages_in_four_languages_on_a_small_phone(
    browser: Browser, live_server: Any
) -> None:
    demo_consultations_load()
    token = Contact.objects.first().token  # type: ignore[union-attr]
    sweep = Sweep(browser.new_context(viewport=PHONE).new_page(), live_server.url)
    for language in LANGUAGES:
        sweep.visit(url("index", language))
        sweep.visit(url("detail", language, slug="demo-return-to-work"))
        sweep.page.locator("button.consultation-submit").click()  # nothing answered
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
        sweep.visit(url("detail", language, slug="demo-fatigue"))  # not open yet
        sweep.visit(url("detail", language, slug="demo-psychological-support"))  # closed
        sweep.visit(url("thanks", language, slug="demo-return-to-work"))
        sweep.visit(url("results", language, slug="demo-psychological-support"))
        for details in sweep.page.locator("details.breakdown").all():
            details.locator("summary").click()
        sweep.check()
        sweep.visit(url("unsubscribe", language, token=token))
    sweep.page.locator("form button[type=submit]").click()  # delete the address
    sweep.check()
    sweep.assert_clean(at_least=37)


def test_editors_page_in_four_languages_on_a_small_phone(
    browser: Browser, live_server: Any
) -> None:
    demo_consultations_load()
    client = signed_in(Client(), editor_create())
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
    sweep = Sweep(context.new_page(), live_server.url)
    for language in LANGUAGES:
        sweep.visit(url("manage", language, slug="demo-psychological-support"))
        sweep.visit(url("manage", language, slug="demo-return-to-work"))
    sweep.assert_clean(at_least=8)
