"""The self-check in a real browser: full patient and relative runs in Dutch and French on a
phone, a run without JavaScript, the last question in the person's own words, and axe-core on
every step."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, ViewportSize, expect

from beoncosup.screening.models import SelfCheckResponse
from beoncosup.screening.tests.conftest import load_all
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 375, "height": 667}
NEXT = "button[name=go][value=next]"
# Screen by screen: the radio buttons to pick (ids from the form: field name and option index).
PATIENT = [
    ["#id_distress_5"],
    ["#id_med_pain_0", "#id_med_fatigue_0", "#id_contact_med_0"],
    ["#id_psy_worry_0", "#id_psy_sad_1"],
    ["#id_work_has_job_0"],
    ["#id_work_return_0"],  # the follow-up questions revealed by "yes"
    ["#id_soc_money_0"],
    ["#id_self_harm_1"],
]
RELATIVE = [
    ["#id_distress_4"],
    ["#id_med_understanding_0"],
    ["#id_psy_too_much_0", "#id_contact_psy_0"],
    ["#id_work_has_job_1"],
    ["#id_soc_carer_at_home_0"],
    ["#id_soc_respite_0"],
    ["#id_self_harm_1"],
]


def url(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def data():
    load_all()


def run(
    page: Page, base: str, language: str, audience: str, screens, *, axe: bool, own_words: str = ""
) -> None:
    page.goto(f"{base}{url(language, 'screening:start')}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("#id_consent")).not_to_be_checked()
    if axe:
        assert_no_axe_violations(page)
    page.check(f"input[name=audience][value={audience}]")
    page.click("button[type=submit]")
    for number, picks in enumerate(screens, start=1):
        expect(page.locator("progress")).to_be_visible()
        if axe:
            assert_no_axe_violations(page)
        for pick in picks:
            page.check(pick)
        if own_words and number == len(screens):
            page.fill("#id_own_words", own_words)
        page.click(NEXT)
    expect(page).to_have_url(f"{base}{url(language, 'screening:result')}")
    if axe:
        assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_patient_run_in_dutch_on_a_phone(page: Page, live_server, data):
    page.set_viewport_size(PHONE)

    run(page, live_server.url, "nl", "patient", PATIENT, axe=True)

    expect(page.locator(".need-result h3")).to_have_count(7)
    assert SelfCheckResponse.objects.count() == 0


def test_relative_run_in_french_on_a_phone(page: Page, live_server, data):
    page.set_viewport_size(PHONE)

    run(page, live_server.url, "fr", "relative", RELATIVE, axe=True)

    expect(page.locator(".need-result h3")).to_have_count(3)
    page.fill("#id_postcode", "12")
    page.click(".postcode-form button")
    expect(page.locator("#postcode-error")).to_be_visible()
    assert_no_axe_violations(page)


def test_step_questions_are_fieldsets_with_large_targets(page: Page, live_server, data):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{url('fr', 'screening:start')}")
    page.check("input[name=audience][value=patient]")
    page.click("button[type=submit]")

    expect(page.get_by_role("group", name="Combien de soucis")).to_be_visible()
    expect(page.get_by_role("radio")).to_have_count(11)
    for box in page.locator("label.option").all():
        size = box.bounding_box()
        assert size is not None
        assert size["height"] >= 44
        assert size["width"] >= 44


def test_severe_distress_shows_help_lines_before_the_next_questions(page: Page, live_server, data):
    page.goto(f"{live_server.url}{url('nl', 'screening:start')}")
    page.check("input[name=audience][value=patient]")
    page.click("button[type=submit]")
    page.check("#id_distress_10")
    page.click(NEXT)

    expect(page.locator('.safety-lines a[href="tel:1813"]')).to_be_visible()
    expect(page.locator('.safety-lines a[href="tel:112"]')).to_be_visible()
    assert_no_axe_violations(page)


def test_whole_run_without_javascript_with_consent_and_back(browser, live_server, data):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}{url('en', 'screening:start')}")
    page.check("#id_consent")
    page.check("input[name=audience][value=patient]")
    page.click("button[type=submit]")
    page.check("#id_distress_3")
    page.click(NEXT)
    page.check("#id_med_pain_0")
    page.click("button[name=go][value=back]")

    expect(page.locator("#id_distress_3")).to_be_checked()
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    page.click(NEXT)
    expect(page.locator("#id_med_pain_0")).to_be_checked()
    for _number in range(2, 7):
        page.click(NEXT)

    expect(page.get_by_role("heading", name="Your self-check result")).to_be_visible()
    expect(page.get_by_role("heading", name="Pain")).to_be_visible()
    assert SelfCheckResponse.objects.get().answers == {"distress": 3, "med_pain": True}
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.get_by_text("Your answers have been cleared.")).to_be_visible()
    context.close()


# A short patient run: the last screen (6) is the one with "Anything else?".
SHORT_PATIENT = [["#id_distress_3"], [], [], [], [], ["#id_self_harm_1"]]


def test_own_words_in_dutch_join_the_result_as_from_own_words(page: Page, live_server, data):
    page.set_viewport_size(PHONE)

    run(
        page,
        live_server.url,
        "nl",
        "patient",
        SHORT_PATIENT,
        axe=True,
        own_words="ik heb geldzorgen",
    )

    expect(page.locator(".own-words-summary")).to_be_visible()
    expect(page.locator("#need-SOC-INCOME-LOSS .need-source")).to_be_visible()
    expect(page.locator("input[type=checkbox][name=need]")).to_have_count(0)


@pytest.mark.parametrize("javascript", [True, False])
def test_not_sure_suggestions_are_unticked_choices_to_add(
    browser, live_server, data, javascript: bool
):
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}{url('en', 'screening:start')}")
    page.check("input[name=audience][value=patient]")
    page.click("button[type=submit]")
    for _number in range(1, 6):
        page.click(NEXT)
    page.fill("#id_own_words", "the weather is nice today")
    page.click(NEXT)

    boxes = page.locator("input[type=checkbox][name=need]")
    expect(boxes).to_have_count(3)
    for box in boxes.all():
        expect(box).not_to_be_checked()
    expect(page.locator(".need-source")).to_have_count(0)
    if javascript:
        assert_no_axe_violations(page)
    page.get_by_role("button", name="Add to my needs").click()
    expect(page.locator("#own-words-error")).to_be_visible()
    if javascript:
        assert_no_axe_violations(page)
    chosen = boxes.first.get_attribute("value")
    boxes.first.check()
    page.get_by_role("button", name="Add to my needs").click()

    expect(page.locator(f"#need-{chosen} .need-source")).to_be_visible()
    expect(page.locator("input[type=checkbox][name=need]")).to_have_count(0)
    context.close()
