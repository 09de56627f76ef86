"""The dashboards, the public page, the data dictionary and the APIs: who may see what, bad
filters, and that every number shown is a published cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.insights.models import PublishedCell
from beoncosup.insights.services import insights_refresh
from beoncosup.insights.tests.test_pipeline import _year_of_searches

pytestmark = pytest.mark.django_db
ANALYST_PAGES = ("overview", "unmet", "map", "languages", "referrals", "self_checks")


@pytest.fixture
def published(searched):
    with override_settings(BEONCOSUP_INSIGHTS_K=10):
        _year_of_searches(searched)
        insights_refresh(today=dt.date(2026, 12, 4))


@pytest.fixture
def analyst(client):
    user = user_create("analyst@fod.example")
    role_grant(user=user, role=PlatformRole.ANALYST, granted_by=None)
    return signed_in(client, user)


@pytest.mark.parametrize("name", ANALYST_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name):
    response = client.get(reverse(f"insights:{name}"))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


@pytest.mark.parametrize("name", ANALYST_PAGES)
def test_people_without_the_analyst_role_are_refused(client, world, name):
    signed_in(client, user_create("nurse@az.example"))
    assert client.get(reverse(f"insights:{name}")).status_code == 403


@pytest.mark.parametrize("name", ANALYST_PAGES)
def test_analysts_see_every_dashboard(analyst, published, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        response = analyst.get(reverse(f"insights:{name}"), {"period": "2025", "need": "*"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "<table" in body


def test_the_overview_shows_the_exact_published_total(analyst, published):
    response = analyst.get(reverse("insights:overview"), {"period": "2025", "area": "BE"})
    total = PublishedCell.objects.get(
        cube="demand", period="2025", need="*", area="BE", breakdown="*"
    )
    assert not total.suppressed
    assert f">{total.count}<" in response.content.decode()


@pytest.mark.parametrize("params", [{"period": "1999"}, {"area": "9000"}, {"need": "<script>"}])
def test_a_bad_filter_says_which_and_shows_no_figures(analyst, published, params):
    response = analyst.get(reverse("insights:overview"), params)
    assert response.status_code == 400
    body = response.content.decode()
    assert "error-message" in body
    assert "<svg" not in body


def test_a_nul_character_is_refused_before_any_query(analyst, published):
    response = analyst.get(reverse("insights:overview"), {"need": "MED\x00"})
    assert response.status_code == 400
    assert "<svg" not in response.content.decode()


def test_the_public_page_is_open_rounded_and_complete_periods_only(client, published):
    response = client.get(reverse("insights:public"), {"period": "2025"})
    assert response.status_code == 200
    body = response.content.decode()
    numbers = [int(n) for n in re.findall(r'<td class="number">(\d+)</td>', body)]
    assert numbers
    assert all(n % 5 == 0 and n >= 10 for n in numbers)
    # The running quarter is not a choice.
    assert client.get(reverse("insights:public"), {"period": "2026-Q4"}).status_code == 400


def test_the_dictionary_lists_every_table(client, published):
    body = client.get(reverse("insights:dictionary")).content.decode()
    for name in ("demand", "coverage", "demand_language", "self_checks", "referrals"):
        assert f"/api/v1/insights/public/{name}?format=csv" in body


def test_the_public_api_lists_the_tables(client, published):
    data = client.get("/api/v1/insights/public").json()
    assert [t["name"] for t in data["tables"]] == [
        "demand",
        "coverage",
        "demand_language",
        "self_checks",
        "referrals",
    ]
    assert data["licence"] == "CC BY 4.0"
    assert data["refreshed"] is not None
    assert {"name", "title", "columns", "refreshed"} <= set(data["tables"][0])


def test_every_public_count_is_at_least_k_or_null(client, published):
    data = client.get("/api/v1/insights/public/demand", {"period": "2025"}).json()
    counts = [row["count"] for row in data["rows"]]
    assert any(c is not None for c in counts) and any(c is None for c in counts)
    assert all(c is None or (c >= 10 and c % 5 == 0) for c in counts)
    periods = {
        row["period"]
        for row in client.get("/api/v1/insights/public/demand", {"need": "*", "area": "BE"}).json()[
            "rows"
        ]
    }
    assert "2026-Q4" not in periods and "2026" not in periods


def test_the_public_csv_has_the_same_rows(client, published):
    response = client.get(
        "/api/v1/insights/public/demand", {"format": "csv", "period": "2025", "area": "BE"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["period", "need", "area", "breakdown", "count"]
    json_rows = client.get(
        "/api/v1/insights/public/demand", {"period": "2025", "area": "BE"}
    ).json()["rows"]
    assert len(rows) - 1 == len(json_rows)


@pytest.mark.parametrize(
    ("params", "field"),
    [({"period": "2026-Q4"}, "period"), ({"area": "XX"}, "area"), ({"format": "xml"}, "format")],
)
def test_bad_api_parameters_answer_422(client, published, params, field):
    response = client.get("/api/v1/insights/public/demand", params)
    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_an_unknown_table_answers_404(client, world):
    assert client.get("/api/v1/insights/public/people").status_code == 404


def test_the_analysts_api_needs_the_role(client, published):
    assert client.get("/api/v1/insights/tables/demand").status_code == 401
    signed_in(client, user_create("nurse@az.example"))
    assert client.get("/api/v1/insights/tables/demand").status_code == 403


def test_analysts_get_exact_counts_and_the_running_quarter(analyst, published):
    data = analyst.get("/api/v1/insights/tables/demand", {"need": "*", "area": "BE"}).json()
    by_key = {(r["period"], r["breakdown"]): r["count"] for r in data["rows"]}
    assert by_key[("2025", "*")] == 180
    assert "2026-Q4" in {r["period"] for r in data["rows"]}
