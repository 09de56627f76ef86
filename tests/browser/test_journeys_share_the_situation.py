"""A person's answers carry from one journey to the next (issue #11): whoever did the navigator
or the self-check arrives in the finder with postcode, status, audience and languages filled
in, and the finder's answers start the navigator."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from beoncosup.geo.tests.factories import make_geo
from beoncosup.navigator.services import measures_load
from beoncosup.screening.tests.conftest import load_all
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_navigator import choose, enter_postcode
from tests.browser.test_selfcheck import PATIENT, run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def data():
    make_geo()
    load_all()
    measures_load()


def test_navigator_answers_fill_in_the_finder(page: Page, live_server, data):
    page.goto(f"{live_server.url}{url('navigator:wizard')}")
    choose(page, "employer")
    choose(page, "contractual_public")
    enter_postcode(page, "9000")
    choose(page, "1to12m")
    expect(page.get_by_role("heading", level=1)).to_have_text("What applies to you")

    page.goto(f"{live_server.url}{url('finder:finder')}")

    # The employer looks on behalf of the employee: the finder asks about the person with cancer.
    expect(page.locator("#id_postcode")).to_have_value("9000")
    expect(page.locator("#id_status")).to_have_value("contractual_public")
    expect(page.locator('input[name="audience"][value="patient"]')).to_be_checked()
    assert_no_axe_violations(page)


def test_self_check_and_finder_answers_carry_on(page: Page, live_server, data):
    page.goto(f"{live_server.url}{url('finder:finder')}")
    page.locator('input[name="languages"][value="fr"]').check()
    page.locator("#id_status").select_option("self_employed")
    page.locator("#id_postcode").fill("4000")
    page.locator("#id_q").fill("always tired")
    page.locator('#finder-form button[type="submit"]').first.click()
    expect(page.locator(".finder-results, .result").first).to_be_visible()

    run(page, live_server.url, "en", "patient", PATIENT, axe=False)
    # The self-check looks near the postcode given in the finder, without asking again.
    expect(page.locator("#id_postcode")).to_have_value("4000")
    page.goto(f"{live_server.url}{url('finder:finder')}")

    expect(page.locator("#id_postcode")).to_have_value("4000")
    expect(page.locator("#id_status")).to_have_value("self_employed")
    expect(page.locator('input[name="languages"][value="fr"]')).to_be_checked()
    expect(page.locator('input[name="audience"][value="patient"]')).to_be_checked()

    page.goto(f"{live_server.url}{url('navigator:wizard')}")
    choose(page, "patient")
    expect(page.locator('input[value="self_employed"]')).to_be_checked()
