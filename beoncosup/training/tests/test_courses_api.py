"""The courses API: shapes, filters, languages, errors and query counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.taxonomy.models import Need
from beoncosup.training.catalogue import catalogue_connect
from beoncosup.training.codes import Registration
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    four,
    session_create,
    trainer_create,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/courses"


@pytest.fixture(autouse=True)
def setup() -> None:
    catalogue_connect()
    make_geo()
    make_needs()


@pytest.fixture
def course() -> Any:
    course = course_create(
        slug="bad-news",
        title={"nl": "Slecht nieuws", "fr": "Mauvaises nouvelles"},
        objectives={"nl": "Eén\nTwee"},
        professions=["nurse", "physician"],
        accreditation_points="2.0",
        needs=[Need.objects.get(code="MED-PAIN")],
        trainers=[trainer_create(name="An")],
    )
    edition = edition_create(course=course, capacity=2, language="fr")
    start = timezone.now() + dt.timedelta(days=10)
    session_create(edition=edition, starts_at=start, postcode="4000", venue="CHU")
    session_create(
        edition=edition,
        starts_at=start + dt.timedelta(days=7),
        postcode="",
        venue="",
        online_url="https://meet.example.org/x",
    )
    enrolment_create(edition=edition)
    enrolment_create(edition=edition, status=Registration.WAITING)
    return course


def test_list_shape_and_places_left(client: Client, course: Any) -> None:
    response = client.get(URL, {"lang": "fr"})

    assert response.status_code == 200
    [found] = response.json()
    assert found["id"] == course.pk
    assert found["title"] == "Mauvaises nouvelles"
    assert found["language"] == "fr"
    assert found["url"].endswith("/bad-news/")
    assert found["professions"] == ["nurse", "physician"]
    assert found["needs"] == ["MED-PAIN"]
    assert found["accreditation_points"] == 2.0
    [edition] = found["editions"]
    assert edition["places_left"] == 1
    assert edition["registration_open"] is True
    assert edition["waiting_list"] is False
    assert [s["online"] for s in edition["sessions"]] == [False, True]
    assert edition["sessions"][0]["postcode"] == "4000"
    assert edition["sessions"][1]["venue"] is None


def test_lang_falls_back_and_defaults(client: Client, course: Any) -> None:
    [found] = client.get(URL, {"lang": "de"}).json()
    assert found["title"] == "Mauvaises nouvelles"  # German readers get French first
    assert found["language"] == "fr"
    [found] = client.get(URL).json()
    assert found["title"] == "Slecht nieuws"  # the site's default: Dutch


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ({"profession": "nurse"}, 1),
        ({"profession": "dietitian"}, 0),
        ({"need": "MED-PAIN"}, 1),
        ({"need": "MED-FATIGUE"}, 0),
        ({"region": "BE-WAL"}, 1),
        ({"q": "nouvelles", "lang": "fr"}, 1),
    ],
)
def test_list_filters(client: Client, course: Any, query: dict[str, str], count: int) -> None:
    response = client.get(URL, query)

    assert response.status_code == 200
    assert len(response.json()) == count


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"profession": "astronaut"}, "profession"),
        ({"need": "NOPE"}, "need"),
        ({"lang": "xx"}, "lang"),
        ({"region": "BE-XX"}, "region"),
    ],
)
def test_list_unknown_codes_answer_422(
    client: Client, course: Any, query: dict[str, str], field: str
) -> None:
    response = client.get(URL, query)

    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_detail_shape(client: Client, course: Any) -> None:
    response = client.get(f"{URL}/{course.pk}", {"lang": "nl"})

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Slecht nieuws"
    assert body["objectives"] == ["Eén", "Twee"]
    assert [t["name"] for t in body["trainers"]] == ["An"]
    assert body["sources"] == []
    assert len(body["editions"][0]["sessions"]) == 2


def test_detail_of_unknown_or_unpublished_course_is_404(client: Client) -> None:
    draft = course_create(published=False)

    for course_id in (draft.pk, 999999):
        response = client.get(f"{URL}/{course_id}")
        assert response.status_code == 404
        assert response.json()["detail"] == "No published course with this id."
    assert client.get(f"{URL}/abc").status_code == 422


def test_list_query_count(client: Client, django_assert_max_num_queries: Any) -> None:
    for index in range(5):
        edition = edition_create(course=course_create(title=four(f"c{index}")))
        session_create(edition=edition)
        session_create(edition=edition, starts_at=timezone.now() + dt.timedelta(days=20))
        enrolment_create(edition=edition)

    with django_assert_max_num_queries(8):
        response = client.get(URL, {"region": "BE-VLG"})

    assert len(response.json()) == 5
