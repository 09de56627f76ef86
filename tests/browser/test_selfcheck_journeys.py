"""Issue #12, journeys 1-4, walked in Chromium as the person would: on a phone and on a desktop,
in two languages each, axe-core on every page (zero violations). Journey 1 also runs on the
phone without JavaScript: every step is a plain form.

New sentences are not translated yet when these tests are written (the catalogues follow), so
the tests look at structure, roles, ids and addresses, and at sentences that were translated
before."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.geo.tests.factories import make_geo
from beoncosup.hub.tests.factories import article as hub_article
from beoncosup.hub.tests.factories import load as load_articles
from beoncosup.screening.tests.conftest import load_all
from beoncosup.screening.tests.test_journeys import load, service
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 375, "height": 667}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
NEXT = "button[name=go][value=next]"


def url(language: str, name: str, **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def data():
    load_all()
    make_geo()


def new_page(browser: Browser, viewport: ViewportSize, *, javascript: bool = True) -> Page:
    return browser.new_context(viewport=viewport, java_script_enabled=javascript).new_page()


def checked(page: Page, *, javascript: bool = True) -> None:
    """axe-core finds nothing and the page does not scroll sideways (both run as scripts in the
    page, so only where JavaScript is on; the run without it checks the forms alone)."""
    if javascript:
        assert_no_axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def begin(
    page: Page, base: str, language: str, audience: str, *, javascript: bool = True, **about: str
) -> None:
    page.goto(f"{base}{url(language, 'screening:start')}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    checked(page, javascript=javascript)
    page.check(f"input[name=audience][value={audience}]")
    if "postcode" in about:
        page.fill("#id_postcode", about["postcode"])
    if "status" in about:
        page.select_option("#id_status", about["status"])
    page.click("form.selfcheck-form button[type=submit]")


def walk(
    page: Page, base: str, language: str, picks: dict[int, list[str]], *, javascript: bool = True
) -> None:
    """Answer screen by screen (``picks``: screen number → radio ids), to the result."""
    result = f"{base}{url(language, 'screening:result')}"
    for number in range(1, 12):
        if page.url.split("#")[0] == result:
            return
        expect(page.locator("progress")).to_be_visible()
        checked(page, javascript=javascript)
        for pick in picks.get(number, []):
            page.check(pick)
        page.click(NEXT)
    raise AssertionError("the self-check did not end")


# Journey 1: self-check -> plan


@pytest.mark.parametrize("case", [("nl", PHONE, True), ("fr", DESKTOP, True), ("nl", PHONE, False)])
def test_self_check_fills_a_support_plan(browser: Browser, live_server, data, tmp_path, case):
    language, viewport, javascript = case
    ids = load(
        tmp_path,
        [
            service("gent", postcode="9000", needs=["MED-PAIN"]),
            service("liege", postcode="4000", needs=["MED-FATIGUE"]),  # 140 km: an alternative
        ],
    )
    page = new_page(browser, viewport, javascript=javascript)
    base = live_server.url

    begin(
        page, base, language, "patient", javascript=javascript, postcode="9000", status="employee"
    )
    walk(page, base, language, {2: ["#id_med_pain_0", "#id_med_fatigue_0"]}, javascript=javascript)

    checked(page, javascript=javascript)
    expect(page.locator("#need-MED-PAIN .service-card")).to_have_count(1)
    expect(page.locator("#need-MED-FATIGUE .service-card")).to_have_count(1)  # the alternative
    page.locator(f"#service-{ids['gent']}-MED-PAIN button").click()

    card = page.locator(f"#service-{ids['gent']}-MED-PAIN")
    expect(card.locator(".in-plan[role=status]")).to_be_visible()
    assert page.url.endswith(f"#service-{ids['gent']}-MED-PAIN")
    expect(page.locator("#plan-nav a")).to_contain_text("(1)")
    checked(page, javascript=javascript)
    # The finder link carries the postcode and the rest of the situation.
    finder = page.locator(f'.result-actions a[href^="{url(language, "finder:finder")}"]')
    href = finder.get_attribute("href") or ""
    assert "postcode=9000" in href and "status=employee" in href and "need=MED-PAIN" in href

    page.locator(".result-actions form button").first.click()

    expect(page).to_have_url(f"{base}{url(language, 'finder:plan', token=plan_token(page))}")
    expect(page.get_by_text("Steunpunt gent").first).to_be_visible()
    expect(page.get_by_text("Steunpunt liege").first).to_be_visible()
    expect(page.locator("#plan-nav a")).to_contain_text("(2)")
    back = page.locator(f'a[href^="{url(language, "finder:finder")}"][href*="postcode=9000"]')
    expect(back.first).to_be_visible()
    checked(page, javascript=javascript)


def plan_token(page: Page) -> str:
    return page.url.rstrip("/").split("/")[-1]


# Journey 2: the self-check asks what eligibility needs, or takes it from the finder


@pytest.mark.parametrize("case", [("fr", PHONE), ("de", DESKTOP)])
def test_employee_in_liege_gets_help_that_fits(browser: Browser, live_server, data, tmp_path, case):
    language, viewport = case
    load(
        tmp_path,
        [
            service("fits", postcode="4000", needs=["MED-PAIN"], status=["employee"]),
            service("selfemployed", postcode="4000", needs=["MED-PAIN"], status=["self_employed"]),
            service("flemish", postcode="4000", needs=["MED-PAIN"], areas=["BE-VLG"]),
        ],
    )
    load_articles(
        tmp_path,
        [
            hub_article("pain-everywhere", needs=["MED-PAIN"]),
            hub_article("pain-flanders", needs=["MED-PAIN"], regions=["BE-VLG"]),
        ],
    )
    page = new_page(browser, viewport)
    base = live_server.url
    # Told the finder first, this visit: the self-check fills it in.
    page.goto(f"{base}{url(language, 'finder:finder')}?need=MED-PAIN&postcode=4000&status=employee")

    page.goto(f"{base}{url(language, 'screening:start')}")
    expect(page.locator("#id_postcode")).to_have_value("4000")
    expect(page.locator("#id_status")).to_have_value("employee")
    checked(page)
    page.check("input[name=audience][value=patient]")
    page.click("form.selfcheck-form button[type=submit]")
    walk(page, base, language, {2: ["#id_med_pain_0"]})

    checked(page)
    need = page.locator("#need-MED-PAIN")
    expect(need.locator("h4 a", has_text="Steunpunt fits")).to_be_visible()
    expect(need.get_by_text("Steunpunt selfemployed")).to_have_count(0)
    expect(need.get_by_text("Steunpunt flemish")).to_have_count(0)
    expect(need.get_by_text(f"Title {language} pain-everywhere")).to_be_visible()
    expect(need.get_by_text("pain-flanders")).to_have_count(0)


# Journey 3: relatives get relatives' questions

ILL = {"nl": "omdat je ziek bent", "fr": "parce que vous êtes malade"}


@pytest.mark.parametrize(("language", "viewport"), [("nl", PHONE), ("fr", DESKTOP)])
def test_tired_relative_gets_carer_questions_and_carer_help(
    browser: Browser, live_server, data, language, viewport
):
    page = new_page(browser, viewport)
    base = live_server.url

    begin(page, base, language, "relative")
    page.click(NEXT)  # no number: skipped
    page.check("#id_med_own_health_0")  # "Are you yourself often very tired …?": yes
    page.click(NEXT)
    page.click(NEXT)
    expect(page.locator("#q-work_has_job legend")).to_be_visible()
    assert ILL[language] not in page.locator("main").inner_text()
    walk(page, base, language, {})

    checked(page)
    expect(page.locator("#need-PSY-CARER-STRAIN")).to_be_visible()
    expect(page.locator("#need-SOC-RESPITE")).to_be_visible()
    expect(page.locator("#need-MED-FATIGUE")).to_have_count(0)


# Journey 4: the crisis path in proportion


@pytest.mark.parametrize(("language", "viewport"), [("de", PHONE), ("nl", DESKTOP)])
def test_severe_distress_shows_help_lines_once_then_a_compact_link(
    browser: Browser, live_server, data, language, viewport
):
    page = new_page(browser, viewport)
    base = live_server.url
    with translation.override(language):
        good_news = translation.gettext(
            "You did not mention any problem. Good to hear. You can come back any time."
        )

    begin(page, base, language, "patient")
    page.check("#id_distress_10")
    page.click(NEXT)

    lines = page.locator(".safety-lines[role=alert]")
    expect(lines).to_be_visible()
    expect(lines.locator('a[href="tel:112"]')).to_be_visible()
    expect(page.locator(".help-language-note")).to_have_count(1 if language == "de" else 0)
    checked(page)
    page.click(NEXT)

    expect(page.locator(".safety-lines")).to_have_count(0)
    compact = page.locator(".help-now-compact")
    expect(compact.locator('a[href="tel:112"]')).to_be_visible()
    box = compact.bounding_box()
    assert box is not None and box["height"] < viewport["height"] / 5
    checked(page)
    compact.locator(f'a[href="{url(language, "screening:help")}"]').click()
    expect(page.locator('.safety-lines a[href="tel:112"]')).to_be_visible()
    checked(page)
    page.go_back()

    walk(page, base, language, {})  # no problem ticked
    expect(page.locator(".help-now-compact")).to_be_visible()
    expect(page.locator(".safety-lines")).to_have_count(0)
    assert good_news not in page.locator("main").inner_text()
    checked(page)
