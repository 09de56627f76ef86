"""Needs insights in the browser (issue #16): an analyst filters by province and need, reads the
map and its table and downloads a CSV; the public page shows only rounded, suppressed tables;
axe-core finds nothing on any of them, in four languages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, expect

from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import user_create
from beoncosup.directory.tests.factories import make_needs
from beoncosup.geo.services import geo_load
from beoncosup.insights.areas import areas_cache_clear
from beoncosup.insights.services import insights_refresh, search_signals_record
from beoncosup.insights.services.signals import SearchSignalData
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_signed_in_pages import open_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where the synthetic searches come from: arrondissement, province, page language.
PLACES = [
    ("44000", "BE-VOV", "nl"),
    ("11000", "BE-VAN", "nl"),
    ("21000", "BE-BRU", "fr"),
    ("62000", "BE-WLG", "fr"),
    ("63000", "BE-WLG", "de"),
]
NEEDS = ("MED-PAIN", "MED-FATIGUE", "PSY-FEAR-RECURRENCE", "WORK-RETURN-PLAN")


def _signals() -> list[SearchSignalData]:
    rows: list[SearchSignalData] = []
    for year in (2025, 2026):
        for month in (2, 5, 8, 11):
            day = dt.date(year, month, 12)
            if day >= dt.date.today():
                continue
            for place_number, (arrondissement, province, language) in enumerate(PLACES):
                for need_number, need in enumerate(NEEDS):
                    volume = 12 + 9 * place_number + 7 * need_number
                    for i in range(volume):
                        rows.append(
                            {
                                "need_code": need,
                                "arrondissement": arrondissement,
                                "province": province,
                                "language": language,
                                "audience": "patient",
                                "status": "employee",
                                "phase": "treatment",
                                "services": (0, 1, 4)[(i + need_number) % 3],
                                "date": day.isoformat(),
                            }
                        )
    return rows


@pytest.fixture
def insights() -> Any:
    areas_cache_clear()
    geo_load()
    make_needs()
    search_signals_record(signals=_signals())
    insights_refresh()
    yield
    areas_cache_clear()


@pytest.fixture
def analyst() -> Any:
    user = user_create("analyst@fod.example")
    role_grant(user=user, role=PlatformRole.ANALYST, granted_by=None)
    return user


def url(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def test_an_analyst_filters_reads_the_map_and_downloads_a_csv(
    browser: Browser, live_server: Any, insights: Any, analyst: Any
):
    page: Page = open_as(browser, live_server, analyst)
    page.goto(f"{live_server.url}{url('en', 'insights:overview')}")
    expect(page.locator("h1")).to_contain_text("Needs insights")
    assert_no_axe_violations(page)

    page.select_option("#id_period", "2025")
    page.select_option("#id_area", "BE-WLG")
    page.select_option("#id_need", "MED-PAIN")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#demand-time-caption")).to_contain_text("Liège")
    assert "area=BE-WLG" in page.url and "need=MED-PAIN" in page.url
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Coverage map").click()
    expect(page.locator("svg.chart-map")).to_be_visible()
    table = page.locator("#gap-map-caption").locator("xpath=..")
    expect(table.locator("tbody tr").first).to_be_visible()
    expect(table).to_contain_text("Liège")
    assert_no_axe_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="demand (CSV)").click()
    rows = list(csv.reader(io.StringIO(download_info.value.path().read_text(encoding="utf-8"))))
    assert rows[0] == ["period", "need", "area", "breakdown", "count"]
    assert {row[0] for row in rows[1:]} == {"2025"}
    assert any(row[4] for row in rows[1:])  # some counts are published


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_the_public_page_shows_only_rounded_suppressed_tables(
    page: Page, live_server: Any, insights: Any, language: str
):
    page.goto(f"{live_server.url}{url(language, 'insights:public')}?period=2025")
    expect(page.locator("html")).to_have_attribute("lang", language)
    cells = page.locator("td.number").all_inner_texts()
    counts = [text for text in cells if re.search(r"\d", text) and "%" not in text]
    numbers = [int(re.sub(r"\D", "", text)) for text in counts]
    assert numbers, "the public page shows figures"
    assert all(n >= 10 and n % 5 == 0 for n in numbers)
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}{url(language, 'insights:dictionary')}")
    assert_no_axe_violations(page)
