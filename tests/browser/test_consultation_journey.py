"""The consultation journey of issue #18, on a phone 375 px wide: a patient answers a
consultation without an account (leaving an e-mail address, kept apart from the answers); the
consultation closes; an editor reads the counts and publishes the results with a summary; the
public sees them with the small groups suppressed. axe-core runs on every page on the way."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.consultations.models import Consultation, Contact, Response
from beoncosup.consultations.tests.factories import (
    consultation_create,
    editor_create,
    responses_create,
)
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.referrals_helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(autouse=True)
def _k(settings: Any) -> None:
    settings.BEONCOSUP_INSIGHTS_K = 10


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"consultations:{name}", kwargs=kwargs or None)


def visit(page: Page, address: str) -> None:
    response = page.goto(address)
    assert response is not None and response.status == 200, (address, response and response.status)
    assert_no_axe_violations(page)


def test_a_patient_answers_an_editor_publishes_the_public_reads(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    consultation = consultation_create(slug="help-at-home")
    # Others answered before her: enough for most groups, a few people from Brussels.
    responses_create(consultation, count=14, choice="1", audience="patient", region="BE-VLG")
    responses_create(consultation, count=11, choice="2", audience="relative", region="BE-WAL")
    responses_create(consultation, count=3, choice="2", audience="relative", region="BE-BRU")

    patient = browser.new_context(viewport=PHONE).new_page()
    she_answers(patient, base, consultation)

    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - dt.timedelta(minutes=1)
    )
    editor = sign_in(browser, base, editor_create(), viewport=PHONE)
    the_editor_publishes(editor, base, consultation)

    public = browser.new_context(viewport=PHONE).new_page()
    the_public_reads(public, base, consultation)


def she_answers(page: Page, base: str, consultation: Consultation) -> None:
    visit(page, base + url("index"))
    page.get_by_role("link", name="Support at home").click()
    expect(page).to_have_url(re.compile(re.escape(url("detail", slug=consultation.slug)) + "$"))
    assert_no_axe_violations(page)
    # Sent without the required answer: the form again, with the problem named.
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)
    assert Response.objects.count() == 28

    question = page.get_by_role("group", name=re.compile("Do you get enough help?"))
    target = question.locator("label").filter(has_text="Yes")
    box = target.bounding_box()
    assert box is not None and box["height"] >= 44  # a big target on a phone
    target.click()
    page.get_by_role("group", name=re.compile("How satisfied")).get_by_text(
        re.compile("^4$")
    ).click()
    page.get_by_role("group", name=re.compile("You are")).get_by_text("People with cancer").click()
    page.get_by_label("Your e-mail address (optional)").fill("patient@example.org")
    page.get_by_role("button", name="Send my answers").click()

    expect(page.locator("h1")).to_have_text("Thank you for your answers")
    assert_no_axe_violations(page)
    assert Response.objects.count() == 29
    mine = Response.objects.filter(audience="patient", region="").get()
    assert mine.submitted_on == timezone.localdate()
    assert Contact.objects.get().email == "patient@example.org"


def the_editor_publishes(page: Page, base: str, consultation: Consultation) -> None:
    visit(page, base + url("manage", slug=consultation.slug))
    expect(page.get_by_text("29 responses so far.")).to_be_visible()
    page.locator("textarea[name=summary_en]").fill("Most people get enough help at home.")
    page.get_by_role("button", name="Publish the results").click()

    expect(page).to_have_url(re.compile(re.escape(url("results", slug=consultation.slug)) + "$"))
    assert_no_axe_violations(page)
    consultation.refresh_from_db()
    assert consultation.results_published_at is not None


def the_public_reads(page: Page, base: str, consultation: Consultation) -> None:
    visit(page, base + url("index"))
    page.get_by_role("link", name="Support at home").click()
    expect(page.locator("h1")).to_contain_text("Results")
    expect(page.get_by_text("Most people get enough help at home.")).to_be_visible()
    expect(page.get_by_text("29 people answered.")).to_be_visible()
    expect(page.get_by_text("fewer than 10").first).to_be_visible()
    page.get_by_text("By group: Region").first.click()
    region = page.get_by_role("table", name=re.compile("Do you get enough help\\?: Region"))
    brussels = region.get_by_role("row", name=re.compile("^No "))
    expect(brussels).to_contain_text("fewer than 10")
    assert_no_axe_violations(page)
    # Nobody learns from the page how many came from Brussels.
    assert '<td class="count">3</td>' not in page.content()
