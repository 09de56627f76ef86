"""The return-to-work plan journey of issue #19, on phones: a career coach and a person make
the plan together (the coach signed in, the person by the plan's private link), the person
shares part of it with the employer, the employer opens it in French and downloads the PDF,
then the person revokes the link and the employer's link answers "no longer shared". axe-core
runs on every page on the way."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import signed_in
from beoncosup.audit.models import AuditEvent
from beoncosup.workplans.models import WorkPlan, WorkPlanShare
from beoncosup.workplans.tests.factories import coach_make
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
PRIVATE_NOTE = "Private: tired in the afternoon"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"workplans:{name}", kwargs=kwargs or None)


def signed_in_phone(browser: Browser, base: str, user: Any) -> Page:
    client = signed_in(Client(), user)
    context = browser.new_context(viewport=PHONE)
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


def checked(page: Page) -> None:
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)


def test_a_coach_and_a_person_make_a_plan_share_it_and_revoke_it(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    start = timezone.localdate() + dt.timedelta(days=14)
    coach = signed_in_phone(browser, base, coach_make("cora.coach@example.org"))

    private_link = the_coach_makes_the_plan_with_the_person(coach, base, start)
    person = browser.new_context(viewport=PHONE).new_page()
    shared_link = the_person_completes_and_shares(person, private_link, start)
    employer = browser.new_context(viewport=PHONE, accept_downloads=True).new_page()
    the_employer_reads_it_in_french(employer, shared_link)
    the_person_revokes_it(person, private_link)

    response = employer.goto(shared_link)
    assert response is not None and response.status == 410
    expect(employer.locator("section[lang=fr] h2")).to_have_text("Ce plan n'est plus partagé")
    expect(employer.get_by_text("This plan is no longer shared").first).to_be_visible()
    checked(employer)
    assert AuditEvent.objects.filter(action="workplans.share_viewed").count() == 2


def the_coach_makes_the_plan_with_the_person(coach: Page, base: str, start: dt.date) -> str:
    coach.goto(base + url("start"))
    checked(coach)
    coach.get_by_label("Title of the plan").fill("Back at the bakery")
    coach.get_by_label("First day back at work").fill(start.isoformat())
    coach.get_by_label("Employer (optional)").fill("Bakkerij Janssens")
    coach.get_by_label("Language of the employer").select_option("fr")
    coach.get_by_label("You keep this plan as").select_option("career_coach")
    coach.get_by_role("button", name="Make the plan").click()
    expect(coach.locator("#saved")).to_contain_text("Your plan is made")
    checked(coach)
    private_link = coach.locator("#private-link").input_value()
    assert WorkPlan.objects.get().token in private_link

    # A phase with an error first (it starts before the plan), then right.
    coach.get_by_role("link", name="Add a phase").click()
    checked(coach)
    coach.get_by_label("Name of the phase").fill("Weeks 1 to 4")
    coach.get_by_label("From").fill((start - dt.timedelta(days=1)).isoformat())
    coach.get_by_label("To").fill((start + dt.timedelta(days=27)).isoformat())
    coach.get_by_label("Hours per week").fill("12")
    coach.get_by_label("Monday").check()
    coach.get_by_label("Wednesday").check()
    coach.get_by_label("Tasks and adjustments in this phase (optional)").fill("Counter mornings")
    coach.get_by_role("button", name="Save").click()
    expect(coach.locator(".error-summary")).to_contain_text("on or after the plan's start date")
    checked(coach)
    coach.get_by_label("From").fill(start.isoformat())
    coach.get_by_role("button", name="Save").click()
    expect(coach.locator("#phases")).to_contain_text("Weeks 1 to 4")

    coach.get_by_role("link", name="Add a contact").click()
    coach.get_by_label("Role").select_option("hr")
    coach.get_by_label("Name").fill("Hanna HR")
    coach.get_by_label("E-mail (optional)").fill("hr@example.org")
    coach.get_by_role("button", name="Save").click()
    coach.get_by_role("link", name="Add a contact").click()
    coach.get_by_label("Role").select_option("coach")
    coach.get_by_label("Name").fill("Cora Coach")
    coach.get_by_label("Phone (optional)").fill("02 555 01 23")
    coach.get_by_role("button", name="Save").click()
    expect(coach.locator("#contacts")).to_contain_text("+3225550123")

    coach.get_by_label("Extra breaks").check()
    coach.get_by_label("Other adjustments or details").fill("A stool behind the counter")
    coach.locator("#adjustments").get_by_role("button", name="Save").click()
    expect(coach.get_by_label("Extra breaks")).to_be_checked()

    coach.goto(base + url("mine"))
    checked(coach)
    expect(coach.get_by_role("link", name="Back at the bakery")).to_be_visible()
    return private_link


def the_person_completes_and_shares(person: Page, private_link: str, start: dt.date) -> str:
    person.goto(private_link)
    checked(person)
    expect(person.locator("#phases")).to_contain_text("Weeks 1 to 4")
    person.get_by_role("link", name="Add a review date").click()
    person.get_by_label(re.compile(r"^Date")).fill((start + dt.timedelta(days=14)).isoformat())
    person.get_by_role("button", name="Save").click()
    person.get_by_role("textbox", name="Private notes").fill(PRIVATE_NOTE)
    person.locator("#notes").get_by_role("button", name="Save").click()
    expect(person.locator("#saved")).to_contain_text("Saved.")

    person.get_by_role("link", name="Share with your employer").click()
    checked(person)
    expect(person.get_by_text("There is nothing about your health in the plan")).to_be_visible()
    person.get_by_label("Phases and hours").check()
    person.get_by_label("Adjustments").uncheck()
    person.get_by_label("Hanna HR (Human resources)").check()
    person.get_by_label("For whom is this link? (optional)").fill("HR")
    person.get_by_role("button", name="Make the link").click()
    expect(person.get_by_text("The link is ready")).to_be_visible()
    checked(person)
    share = WorkPlanShare.objects.get()
    shared_link = person.locator(f"#share-link-{share.pk}").input_value()
    assert "/fr/" in shared_link
    return shared_link


def the_employer_reads_it_in_french(employer: Page, shared_link: str) -> None:
    response = employer.goto(shared_link)
    assert response is not None and response.status == 200
    checked(employer)
    expect(employer.locator("html")).to_have_attribute("lang", "fr")
    expect(employer.locator("main")).to_contain_text("Weeks 1 to 4")
    expect(employer.locator("main")).to_contain_text("lundi, mercredi")
    expect(employer.locator("main")).to_contain_text("Hanna HR")
    for hidden in ("Cora Coach", "A stool behind the counter", PRIVATE_NOTE):
        expect(employer.locator("main")).not_to_contain_text(hidden)

    with employer.expect_download() as info:
        employer.locator("main a[href$='/pdf/']").first.click()
    path = info.value.path()
    pdftotext = shutil.which("pdftotext")
    assert pdftotext
    text = subprocess.run(  # noqa: S603 (a fixed local tool reading our own PDF)
        [pdftotext, str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Hanna HR" in text
    assert "lundi, mercredi" in text
    assert PRIVATE_NOTE not in text
    assert "Cora Coach" not in text


def the_person_revokes_it(person: Page, private_link: str) -> None:
    person.goto(private_link)
    person.get_by_role("link", name="Share with your employer").click()
    expect(person.get_by_text(re.compile(r"Opened 2 times by the employer"))).to_be_visible()
    person.get_by_role("button", name="Revoke this link").click()
    expect(person.get_by_text("Revoked", exact=True)).to_be_visible()
    checked(person)
