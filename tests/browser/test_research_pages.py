"""axe-core on every research page in Dutch, French, German and English, in each of its states
(the inventory empty, filled, filtered, without results and in error; a study looking for
participants and one whose summary falls back to another language; the proposal form empty and
with errors; one's proposals; the editors' queue, review page and CSV import with problems), on
a small phone 320 px wide, where no page may scroll sideways (WCAG 1.4.10 reflow).

One test per group of pages, the languages looped inside: each browser test costs seconds."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, FilePayload, Page, ViewportSize, expect

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.research.codes import Review, StudyStatus
from beoncosup.research.tests.factories import (
    editor_create,
    four,
    needs_make,
    study_create,
)
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
        path = reverse(f"research:{name}", kwargs=kwargs or None)
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


def page_as(browser: Browser, live_server: Any, user: Any | None) -> Page:
    """A 320 px phone's page, signed in as ``user`` (with a second factor) unless None."""
    context = browser.new_context(viewport=PHONE)
    if user is not None:
        client = signed_in(Client(), user)
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


def studies_make() -> dict[str, Any]:
    researcher = user_create("researcher@example.org")
    recruiting = study_create(
        status=StudyStatus.RECRUITING,
        needs=["MED-SLEEP", "PSY-FEAR-RECURRENCE"],
        eligibility=four("Adults who finished treatment"),
        how_to_take_part=four("Fill in the form"),
        contact_url="https://example.org/take-part",
        contact_email="study@example.org",
        source_url="https://example.org/source/a/very/long/address/that/must/wrap/on/a/phone",
        dois=["10.5555/demo.a.very.long.identifier.that.must.wrap.1"],
        results=four("Results"),
        funding="Example Foundation",
        methods=["trial", "survey"],
        is_demo=True,
        proposed_by=researcher,
    )
    fallback = study_create(
        status=StudyStatus.FINISHED, lay_summary={"fr": "Résumé seulement en français"}
    )
    proposed = study_create(review=Review.PROPOSED, proposed_by=researcher)
    study_create(review=Review.REJECTED, proposed_by=researcher, rejection_reason="Out of scope.")
    return {
        "researcher": researcher,
        "recruiting": recruiting,
        "fallback": fallback,
        "proposed": proposed,
    }


def test_public_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    needs_make()
    sweep = Sweep(page_as(browser, live_server, None), live_server.url)
    for language in LANGUAGES:  # nothing yet: the empty state
        sweep.visit(url("index", language))
        expect(sweep.page.locator("#results .notice")).to_be_visible()
    w = studies_make()
    for language in LANGUAGES:
        sweep.visit(url("index", language))
        expect(sweep.page.locator(".study-card")).to_have_count(2)
        sweep.visit(url("index", language, "need=MED-SLEEP&status=recruiting"))
        sweep.visit(url("index", language, "status=planned"))  # nothing fits
        expect(sweep.page.locator("#results .notice")).to_be_visible()
        sweep.visit(url("index", language, "need=NOT-A-NEED&status=paused"), status=400)
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.visit(url("study", language, study_id=w["recruiting"].pk))
        expect(sweep.page.locator(".take-part")).to_be_visible()
        sweep.visit(url("study", language, study_id=w["fallback"].pk))
        if language != "fr":
            expect(sweep.page.locator(".lang-fallback")).to_be_visible()
    sweep.assert_clean(at_least=4 + 4 * 6)


def test_proposal_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    needs_make()
    w = studies_make()
    sweep = Sweep(page_as(browser, live_server, w["researcher"]), live_server.url)
    for language in LANGUAGES:
        sweep.visit(url("propose", language))
        sweep.page.locator("#id_ends_on").fill("2020-01-01")
        sweep.page.locator("#id_starts_on").fill("2021-01-01")
        sweep.page.locator("form.research-form button[type=submit]").click()
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
        sweep.visit(url("my_proposals", language))
        expect(sweep.page.locator(".study-card")).to_have_count(3)
    sweep.assert_clean(at_least=4 * 3)


def test_editor_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    needs_make()
    w = studies_make()
    sweep = Sweep(page_as(browser, live_server, editor_create()), live_server.url)
    for language in LANGUAGES:
        sweep.visit(url("review", language))
        sweep.visit(url("review_study", language, study_id=w["proposed"].pk))
        sweep.page.locator("form:has(input[value=publish]) button[type=submit]").click()
        expect(sweep.page.locator(".error-summary")).to_be_visible()  # not confirmed
        sweep.check()
        sweep.visit(url("review_study", language, study_id=w["recruiting"].pk))
        sweep.visit(url("import", language))
        upload: FilePayload = {
            "name": "studies.csv",
            "mimeType": "text/csv",
            "buffer": b"kind,status,title_en\nstudy,paused,A\nstudy,running,\n",
        }
        sweep.page.locator("#id_file").set_input_files(files=[upload])
        sweep.page.locator("form[enctype] button[type=submit]").click()
        expect(sweep.page.locator(".error-summary table tbody tr")).to_have_count(2)
        sweep.check()
    sweep.assert_clean(at_least=4 * 6)
