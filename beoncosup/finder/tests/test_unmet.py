"""Unmet-need events: anonymous, one per uncovered need, first page only."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.finder.criteria import Criteria
from beoncosup.finder.models import UnmetNeedEvent
from beoncosup.finder.services import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_service(tmp_path):
    make_geo()
    make_needs()
    (tmp_path / "nl.json").write_text(json.dumps([service_record("a")]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])


def rows() -> list[dict[str, Any]]:
    return [dict(row) for row in UnmetNeedEvent.objects.values().order_by("need_code")]


def test_search_records_one_anonymous_event_per_unmet_need(one_service):
    search(
        Criteria(
            needs=("MED-PAIN", "PSY-FEAR-RECURRENCE", "WORK-RETURN-PLAN"),
            q="mijn naam is An en ik woon in de Kerkstraat",
            postcode="9000",
            lang="nl",
            status="employee",
        )
    )

    expected = {
        "arrondissement": "44000",
        "province": "BE-VOV",
        "language": "nl",
        "status": "employee",
        "date": timezone.localdate(),
    }
    assert [{k: v for k, v in row.items() if k != "id"} for row in rows()] == [
        {"need_code": "PSY-FEAR-RECURRENCE", **expected},
        {"need_code": "WORK-RETURN-PLAN", **expected},
    ]


def test_events_hold_no_postcode_text_or_time(one_service):
    search(Criteria(needs=("WORK-RETURN-PLAN",), q="Kerkstraat 12", postcode="9000", lang="fr"))

    stored = json.dumps(rows(), default=str)
    assert "9000" not in stored
    assert "Kerkstraat" not in stored
    assert {field.name for field in UnmetNeedEvent._meta.get_fields()} == {
        "id",
        "need_code",
        "arrondissement",
        "province",
        "language",
        "status",
        "date",
    }


def test_brussels_has_its_region_as_province(one_service):
    search(Criteria(needs=("WORK-RETURN-PLAN",), postcode="1000", lang="fr"))

    assert (rows()[0]["arrondissement"], rows()[0]["province"]) == ("21000", "BE-BRU")


def test_no_events_without_a_postcode_area_or_on_later_pages(one_service):
    search(Criteria(needs=("WORK-RETURN-PLAN",), lang="en", page=2))
    assert rows() == []

    search(Criteria(needs=("WORK-RETURN-PLAN",), lang="en"))
    assert [(r["arrondissement"], r["province"]) for r in rows()] == [("", "")]


def test_covered_needs_record_nothing(one_service):
    search(Criteria(needs=("MED-PAIN",), postcode="9000"))

    assert rows() == []


def test_the_finder_page_records_through_search(client, one_service):
    with translation.override("de"):
        path = reverse("finder:finder")

    client.get(path, {"need": "WORK-RETURN-PLAN", "postcode": "4700", "status": "self_employed"})

    assert [(r["need_code"], r["province"], r["language"], r["status"]) for r in rows()] == [
        ("WORK-RETURN-PLAN", "BE-WLG", "de", "self_employed")
    ]
