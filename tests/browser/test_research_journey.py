"""The research journey of issue #18, on phones: a researcher signs in and proposes a study
with a lay summary; an editor finds it in the review queue, confirms the lay summary is plain
language and publishes it; the researcher is e-mailed; a visitor on the need's page finds the
study and opens it. axe-core runs on every page on the way."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import user_create
from beoncosup.research.codes import Review
from beoncosup.research.models import Study
from beoncosup.research.tests.factories import editor_create, needs_make
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.referrals_helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def checked(page: Page) -> None:
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)


def test_a_researcher_proposes_an_editor_publishes_the_public_finds_it(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    needs_make()
    researcher = user_create("researcher@example.org")
    editor = editor_create()

    # The researcher proposes the study on her phone.
    page = sign_in(browser, base, researcher, viewport=PHONE)
    page.goto(f"{base}/en/research/propose/")
    checked(page)
    page.locator("#id_title_3").fill("Sleeping well after cancer")
    page.locator("#id_title_0").fill("Goed slapen na kanker")
    page.locator("#id_status").select_option("running")
    page.locator("#id_institutions").fill("Example University (BE)")
    page.locator(".needs-picker summary").click()
    page.get_by_label("Need MED-SLEEP").check()
    page.get_by_label("Survey (questionnaire)").check()
    page.locator("#id_lay_summary_3").fill("We ask people how they sleep after cancer.")
    page.locator("#id_lay_summary_0").fill("We vragen mensen hoe ze slapen na kanker.")
    page.locator("#id_publications").fill(
        "Example A. Sleep (2025) | https://doi.org/10.5555/sleep.9"
    )
    page.get_by_role("button", name="Send the proposal").click()
    expect(page).to_have_url(f"{base}/en/research/my-proposals/")
    expect(page.locator(".study-card")).to_contain_text("Proposed, waiting for review")
    checked(page)
    study = Study.objects.get()
    assert study.review == Review.PROPOSED

    # The editor reviews and publishes it.
    desk = sign_in(browser, base, editor, viewport=PHONE)
    desk.goto(f"{base}/en/research/review/")
    checked(desk)
    desk.get_by_role("link", name="Sleeping well after cancer").click()
    expect(desk.locator("#summary-nl")).to_be_visible()
    checked(desk)
    desk.get_by_label("I reviewed the lay summary").check()
    desk.get_by_role("button", name="Publish the study").click()
    expect(desk.locator(".messages")).to_contain_text("The study is published.")
    study.refresh_from_db()
    assert study.review == Review.PUBLISHED
    assert [m.to for m in mail.outbox] == [["researcher@example.org"]]

    # A visitor finds it on the need's page, and opens it.
    visitor = browser.new_context(viewport=PHONE).new_page()
    visitor.goto(f"{base}/en/needs/MED-SLEEP/")
    section = visitor.locator(".research-for-need")
    expect(section).to_contain_text("Sleeping well after cancer")
    checked(visitor)
    section.get_by_role("link", name="Sleeping well after cancer").click()
    expect(visitor.locator("h1")).to_contain_text("Sleeping well after cancer")
    expect(visitor.locator(".lay-summary")).to_contain_text("how they sleep after cancer")
    expect(visitor.locator("a[href='https://doi.org/10.5555/sleep.9']")).to_be_visible()
    checked(visitor)
    # And in the inventory, by the need.
    visitor.goto(f"{base}/en/research/?need=MED-SLEEP")
    expect(visitor.locator(".study-card")).to_have_count(1)
    checked(visitor)
