"""The quarterly needs report in a real browser: archive and report in four languages with
axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from beoncosup.insights.report.models import InsightsReportIndexPage, InsightsReportPage
from beoncosup.insights.tests.test_report import LANGUAGES, report_make
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The fixtures of the report's unit tests (a hub home per language, published cells).
from beoncosup.insights.tests.conftest import world  # noqa: E402, F401
from beoncosup.insights.tests.test_report import homes, published  # noqa: E402, F401


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_and_its_archive_have_no_axe_violations(
    page: Page,
    live_server,
    homes,  # noqa: F811 (the fixture, by name)
    language,
):
    report_make(homes)
    index = InsightsReportIndexPage.objects.get(locale__language_code=language)
    report = InsightsReportPage.objects.get(locale__language_code=language)

    page.goto(f"{live_server.url}{index.url}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}{report.url}")
    expect(page.locator("h1")).to_have_text(f"Needs {language}")
    expect(page.locator("table.data-table")).to_have_count(
        5
    )  # no referrals published: a sentence instead
    assert_no_axe_violations(page)
