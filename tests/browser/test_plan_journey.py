"""Journey 9 of issue #12: a plan and a PDF a person can use. An employee in Gent searches on a
phone or a desktop, adds three services and opens the plan: it says who it is for (postcode,
work status) and when each service is open; the print view prints each link once; the PDF
holds the three services on one page and is tagged (PDF/UA-1) so screen readers can read it.
Dutch and French, axe-core on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, expect

from beoncosup.finder.tests.test_plan_document import page_count, pdf_objects
from beoncosup.situation.codes import EmploymentStatus
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_phone_results import (  # noqa: F401 (the fixture is used by name)
    DESKTOP,
    PHONE,
    directory,
    search_for_fatigue_in_gent,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def finder_url(language: str) -> str:
    with translation.override(language):
        return reverse("finder:finder")


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_a_plan_says_who_it_is_for_and_prints_on_one_tagged_page(
    browser: Browser, live_server, language, viewport
):
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{finder_url(language)}")
    page.wait_for_load_state("load")
    page.locator("#id_status").select_option("employee")
    search_for_fatigue_in_gent(page)
    expect(page.locator("#results-title")).to_be_focused()

    results = page.locator(".result")
    for index in range(3):
        results.nth(index).locator(".plan-add button").click()
        expect(results.nth(index).locator(".in-plan")).to_be_visible()
    results.first.locator(".in-plan a").click()

    # The plan: who it is for, and when each service is open.
    situation = page.locator(".situation-summary")
    expect(situation).to_contain_text("9000")
    with translation.override(language):
        employee = str(EmploymentStatus.EMPLOYEE.label)
    expect(situation).to_contain_text(employee)
    expect(page.locator(".plan-item")).to_have_count(3)
    expect(page.locator(".plan-item .opening-hours").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert_no_axe_violations(page)
    token = page.url.split("#")[0].rstrip("/").split("/")[-1]

    # The print view writes no link address twice.
    with translation.override(language):
        print_url = reverse("finder:plan_print", kwargs={"token": token})
        pdf_url = reverse("finder:plan_pdf", kwargs={"token": token})
    page.locator(f'a[href="{print_url}"]').click()
    expect(page.locator(".situation-summary")).to_contain_text("9000")
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    website = page.locator("a.link-is-url").first
    expect(website).to_be_visible()
    assert website.evaluate("link => getComputedStyle(link, '::after').content") == "none"
    page.emulate_media(media="screen")

    # The PDF: three services on one page, tagged for screen readers, in the plan's language.
    page.go_back()
    with page.expect_download() as download:
        page.locator(f'a[href="{pdf_url}"]').click()
    pdf = Path(download.value.path()).read_bytes()
    assert page_count(pdf) == 1
    objects = pdf_objects(pdf)
    assert b"/StructTreeRoot" in objects
    assert f"/Lang ({language})".encode() in objects
    context.close()
