"""The "What applies to me?" wizard in a real browser: with and without JavaScript, back
button, print view, phone size, and axe-core on every step in Dutch and French."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from beoncosup.directory.tests.factories import make_geo
from beoncosup.navigator.services import measures_load
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wizard_url(language: str) -> str:
    with translation.override(language):
        return reverse("navigator:wizard")


@pytest.fixture
def navigator_data():
    make_geo()
    measures_load()


def choose(page: Page, value: str) -> None:
    page.locator(f'input[type="radio"][value="{value}"]').check()
    page.locator('.navigator-buttons button[type="submit"]').click()


def enter_postcode(page: Page, postcode: str) -> None:
    page.locator('input[name="postcode"]').fill(postcode)
    page.locator('.navigator-buttons button[type="submit"]').click()


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_step_and_the_result_have_no_axe_violations(
    page: Page, live_server, navigator_data, language
):
    page.goto(f"{live_server.url}{wizard_url(language)}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)
    for value in ("patient", "employee"):
        choose(page, value)
        assert_no_axe_violations(page)
    page.locator('.navigator-buttons button[type="submit"]').click()  # no postcode: an error
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)
    enter_postcode(page, "9000")
    assert_no_axe_violations(page)
    choose(page, "sick_leave")
    assert_no_axe_violations(page)
    choose(page, "1to12m")

    expect(page.locator("#measure-vdab-rentree")).to_be_visible()
    assert_no_axe_violations(page)


def test_wizard_without_javascript_reaches_the_checklist(browser, live_server, navigator_data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{wizard_url('en')}")

    expect(page.locator(".navigator-progress")).to_have_text("Question 1 of 5")
    page.get_by_label("I have cancer").check()
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".navigator-progress")).to_have_text("Question 2 of 5")
    page.get_by_label("Employee in the private sector").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("What is your postcode?").fill("9000")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("On sick leave").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("1 to 12 months").check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What applies to you")
    expect(page.locator("#measure-vdab-rentree")).to_be_visible()
    expect(page.locator("#measure-guaranteed-wage")).to_contain_text("Rules as of")
    expect(page.locator("#measure-self-employed-benefit")).to_have_count(0)
    # The print button needs JavaScript; without it, it stays hidden.
    expect(page.locator("[data-navigator-print]")).to_be_hidden()
    assert "postcode=9000" in page.url
    context.close()


def test_back_button_and_browser_back_keep_the_answers(page: Page, live_server, navigator_data):
    page.goto(f"{live_server.url}{wizard_url('en')}")
    choose(page, "patient")
    choose(page, "self_employed")
    expect(page.get_by_label("What is your postcode?")).to_be_visible()

    page.get_by_role("link", name="Back").click()

    expect(page.locator('input[value="self_employed"]')).to_be_checked()
    page.go_back()
    expect(page.get_by_label("What is your postcode?")).to_be_visible()
    page.go_back()
    expect(page.locator('input[value="self_employed"]')).to_be_checked()


def test_job_seeker_in_eupen_gets_adg_in_german(page: Page, live_server, navigator_data):
    page.goto(f"{live_server.url}{wizard_url('de')}")
    choose(page, "patient")
    choose(page, "job_seeker")
    enter_postcode(page, "4700")
    choose(page, "sick_leave")
    choose(page, "1to12m")

    expect(page.locator("#measure-adg")).to_be_visible()
    expect(page.locator("#measure-forem")).to_have_count(0)
    assert_no_axe_violations(page)


def test_print_view_shows_the_checklist_without_controls(page: Page, live_server, navigator_data):
    page.goto(
        f"{live_server.url}{wizard_url('en')}?audience=relative&status=employee&postcode=9000"
    )
    expect(page.get_by_role("button", name="Print this checklist")).to_be_visible()

    page.emulate_media(media="print")

    expect(page.locator("#measure-medical-assistance-leave")).to_be_visible()
    expect(page.locator("#measure-medical-assistance-leave .navigator-sources")).to_be_visible()
    expect(page.locator(".navigator-actions")).to_be_hidden()
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".navigator-change-link").first).to_be_hidden()


def test_phone_size_has_large_targets_and_no_sideways_scrolling(
    page: Page, live_server, navigator_data
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{wizard_url('fr')}")

    box = page.locator(".navigator-option").first.bounding_box()
    assert box is not None and box["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    choose(page, "employer")
    choose(page, "employee")
    enter_postcode(page, "1000")
    choose(page, "1to12m")

    expect(page.locator("#measure-employer-duties-2026")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert_no_axe_violations(page)
