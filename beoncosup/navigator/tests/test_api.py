"""GET /api/v1/navigator: the issue's shape, languages and 422s with messages."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def get(client: Any, **params: str) -> Any:
    return client.get(reverse("api:navigator"), params)


def test_navigator_api_returns_region_and_measures_in_the_issue_shape(client, measures):
    response = get(
        client,
        audience="patient",
        status="employee",
        postcode="9000",
        situation="sick_leave",
        duration="1to12m",
        lang="en",
    )

    body = response.json()
    assert response.status_code == 200
    assert body["region"] == "BE-VLG"
    rentree = next(m for m in body["measures"] if m["code"] == "vdab-rentree")
    for key in ("code", "title", "summary", "contact", "article_url", "sources"):
        assert key in rentree
    assert rentree["title"].startswith("Rentree")
    assert rentree["valid_from"] == "2020-01-01"
    assert rentree["valid_until"] is None
    assert rentree["article_url"] is None
    assert rentree["sources"][0]["date"] == "2026-11-23"
    assert rentree["sources"][0]["url"].startswith("https://")
    assert rentree["finder_url"].startswith(reverse("finder:finder"))


def test_navigator_api_texts_follow_lang_with_fallback(client, measures):
    body = get(client, audience="patient", status="employee", postcode="9000", lang="de").json()

    measures_by_code = {m["code"]: m for m in body["measures"]}
    assert measures_by_code["guaranteed-wage"]["title"].startswith("Garantierter Lohn")
    assert measures_by_code["guaranteed-wage"]["language"] == "de"
    # VDAB's texts exist in nl, fr and en: a German reader gets French.
    assert measures_by_code["vdab-return-to-work"]["language"] == "fr"


def test_navigator_api_eupen_is_german_speaking_community(client, measures):
    body = get(client, audience="patient", status="job_seeker", postcode="4700").json()

    codes = [m["code"] for m in body["measures"]]
    assert body["region"] == "BE-DG"
    assert "adg" in codes
    assert "forem" not in codes


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "audience"),
        ({"audience": "neighbour"}, "audience"),
        ({"audience": "patient", "status": "astronaut"}, "status"),
        ({"audience": "patient", "postcode": "90"}, "postcode"),
        ({"audience": "patient", "situation": "holiday"}, "situation"),
        ({"audience": "patient", "duration": "forever"}, "duration"),
        ({"audience": "patient", "lang": "es"}, "lang"),
    ],
)
def test_navigator_api_bad_parameter_is_422_naming_the_field(client, measures, params, field):
    response = get(client, **params)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}: ")


def test_navigator_api_unknown_postcode_is_422_with_a_message(client, measures):
    response = get(client, audience="patient", postcode="9999")

    assert response.status_code == 422
    assert response.json() == {"detail": "postcode: we do not know the postcode 9999."}


def test_navigator_api_query_count_is_bounded(client, measures, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = get(client, audience="patient", status="employee", postcode="9000")

    assert len(response.json()["measures"]) > 10
