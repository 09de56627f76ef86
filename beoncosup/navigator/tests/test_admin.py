"""Editors add and change measures in the Wagtail admin; the form refuses what the loader
refuses, and a code never changes."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from beoncosup.navigator.models import Measure

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/navigator/measure/add/"


def form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "test-measure",
        "priority": "100",
        **{f"title_{lang}": f"Title {lang}" for lang in ("nl", "fr", "de", "en")},
        **{f"summary_{lang}": f"Summary {lang}" for lang in ("nl", "fr", "de", "en")},
        "audiences": ["patient"],
        "statuses": ["employee", "job_seeker"],
        "regions": ["BE-DG"],
        "rules_as_of": "2026-11-23",
        "valid_from": "2026-01-01",
        "need_codes": "",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "1",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-title": "RIZIV",
        "sources-0-url": "https://www.riziv.fgov.be/",
        "sources-0-consulted_on": "2026-11-23",
        "sources-0-ORDER": "1",
    }
    data.update(overrides)
    return data


def test_editor_adds_a_measure_with_conditions_and_a_source(editor_client: Client):
    assert editor_client.get(ADD_URL).status_code == 200

    response = editor_client.post(ADD_URL, form_data())

    assert response.status_code == 302, response.content.decode()[:3000]
    measure = Measure.objects.get(code="test-measure")
    assert measure.statuses == ["employee", "job_seeker"]
    assert measure.regions == ["BE-DG"]
    assert measure.title["fr"] == "Title fr"
    assert [s.title for s in measure.sources.all()] == ["RIZIV"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title_fr": ""}, "Fill in at least Dutch and French."),
        ({"valid_until": "2025-01-01"}, "The end date must be on or after the start date."),
        ({"need_codes": "WORK-NOPE"}, "Unknown need code(s): WORK-NOPE."),
        ({"code": "Not A Code"}, "Use small letters, digits and hyphens"),
    ],
)
def test_editor_form_refuses_bad_measures(editor_client: Client, overrides, message):
    response = editor_client.post(ADD_URL, form_data(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Measure.objects.count() == 0


def test_editing_a_measure_never_changes_its_code(editor_client: Client):
    editor_client.post(ADD_URL, form_data())
    measure = Measure.objects.get(code="test-measure")
    data = form_data(code="renamed", title_en="New title")
    data |= {"sources-INITIAL_FORMS": "1", "sources-0-id": str(measure.sources.get().pk)}

    response = editor_client.post(f"/admin/snippets/navigator/measure/edit/{measure.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    measure.refresh_from_db()
    assert (measure.code, measure.title["en"]) == ("test-measure", "New title")


def test_a_visitor_cannot_open_the_measures_admin(client: Client):
    response = client.get("/admin/snippets/navigator/measure/")

    assert response.status_code == 302
