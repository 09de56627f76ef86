"""axe-core on the employers' entry (issue #19, part 5): the employers' landing page and the
home page with its employer route, in Dutch, French, German and English, on a small phone
320 px wide, where no page may scroll sideways (WCAG 1.4.10 reflow); the route followed with
the keyboard only, from the home page to the finder's services for employers; and the pages of
the return-to-work services (part 3), whose long source addresses must wrap on a phone.

One test per group of pages, the languages looped inside: each browser test costs seconds."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.directory.models import Service
from beoncosup.finder.employers import EMPLOYER_NEEDS
from beoncosup.hub.tests.factories import article, load, make_needs, write_content
from beoncosup.taxonomy.models import Category, Need
from beoncosup.taxonomy.services import taxonomy_load
from tests.browser.axe import axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.referrals_helpers import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 320, "height": 640}
LANGUAGES = ("nl", "fr", "de", "en")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def content(tmp_path: Path) -> None:
    """The employer needs and two toolkit articles, so the page shows its list."""
    make_needs()
    category = Category.objects.get(code="WORK.INCOME")
    for code in EMPLOYER_NEEDS:
        Need.objects.create(
            code=code,
            category=category,
            **{f"label_{lang}": f"{code} {lang}" for lang in LANGUAGES},
        )
    write_content(
        tmp_path,
        [
            article("talking", needs=["WORK-TALK-EMPLOYER"], audiences=["employer"]),
            article("adjustments", needs=["WORK-ADJUSTMENTS"], audiences=["employer"]),
        ],
        topic="for-employers",
    )
    load(tmp_path, [article("person", needs=["WORK-TALK-EMPLOYER"])], topic="work-and-income")


class Sweep:
    """Opens pages and collects every axe-core violation and sideways scroll (all pages are
    checked before the test fails, so one run shows every problem)."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.failures: list[dict[str, Any]] = []
        self.checked = 0

    def visit(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, path
        expect(self.page.locator("h1")).to_have_count(1)
        self.checked += 1
        if self.page.evaluate("() => document.documentElement.scrollWidth > innerWidth"):
            self.failures.append({"url": path, "rule": "reflow", "help": "scrolls sideways"})
        for violation in axe_violations(self.page):
            self.failures.append(
                {
                    "url": path,
                    "rule": violation["id"],
                    "help": violation["help"],
                    "targets": [node["target"] for node in violation["nodes"]][:5],
                }
            )

    def assert_clean(self, at_least: int) -> None:
        assert self.checked >= at_least, self.checked
        assert self.failures == [], json.dumps(self.failures, indent=2)


def test_employer_pages_pass_axe_in_four_languages_on_a_phone(
    browser: Browser, live_server: Any, content: None
) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    sweep = Sweep(page, live_server.url)

    for language in LANGUAGES:
        sweep.visit(url("finder:employers", language))
        expect(page.locator("#employer-toolkit li a")).to_have_count(2)
        sweep.visit(url("core:home", language))
        expect(page.locator("#for-employers .employer-route a")).not_to_have_count(0)

    sweep.assert_clean(at_least=8)


def test_the_employer_route_works_with_the_keyboard_only(
    browser: Browser, live_server: Any, content: None
) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(live_server.url + url("core:home", "en"))

    tab_to(page, name="Everything for employers on one page")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("For employers")

    tab_to(page, selector="#employer-postcode")
    page.keyboard.type("1000")
    tab_to(page, name="Find services for employers")
    page.keyboard.press("Enter")

    page.wait_for_url("**/en/finder/**")
    assert "for_employers=true" in page.url
    assert "need=WORK-TALK-EMPLOYER" in page.url
    expect(page.locator("#id_for_employers")).to_be_checked()


def test_return_to_work_service_pages_pass_axe_and_wrap_on_a_phone(
    browser: Browser, live_server: Any
) -> None:
    taxonomy_load()
    call_command("load_work_services", stdout=StringIO())
    services = list(Service.objects.order_by("pk").values_list("pk", flat=True))
    page = browser.new_context(viewport=PHONE).new_page()
    sweep = Sweep(page, live_server.url)

    for index, service_id in enumerate(services):
        # Every service in English; a few in the other languages (the same template).
        for language in LANGUAGES if index < 3 else ("en",):
            with translation.override(language):
                sweep.visit(reverse("directory:service", args=[str(service_id)]))
            expect(page.locator(".source-note a").first).to_be_visible()

    sweep.assert_clean(at_least=len(services) + 9)
