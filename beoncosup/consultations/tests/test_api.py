"""GET /api/v1/consultations and /api/v1/consultations/{slug}."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from beoncosup.consultations.services.results import results_publish
from beoncosup.consultations.tests.factories import consultation_create, responses_create

pytestmark = pytest.mark.django_db


def three() -> None:
    now = timezone.now()
    consultation_create(slug="now-open")
    consultation_create(
        slug="later", opens_at=now + dt.timedelta(days=2), closes_at=now + dt.timedelta(days=9)
    )
    closed = consultation_create(
        slug="done", opens_at=now - dt.timedelta(days=9), closes_at=now - dt.timedelta(days=2)
    )
    responses_create(closed, count=12)
    results_publish(consultation=closed, summary={"fr": "Résumé", "en": "Summary"}, actor=None)


def test_list_has_status_questions_in_the_language_and_results(client) -> None:
    three()

    body = client.get("/api/v1/consultations?lang=fr").json()

    assert [(c["slug"], c["status"]) for c in body] == [
        ("now-open", "open"),
        ("later", "upcoming"),
        ("done", "closed"),
    ]
    assert body[0]["title"] == "Soutien à domicile"
    assert [q["kind"] for q in body[0]["questions"]] == ["choice", "scale", "multiple", "text"]
    assert body[0]["questions"][0]["text"] == "Recevez-vous assez d'aide ?"
    assert body[0]["questions"][0]["options"][1] == {"value": "2", "label": "Non"}
    assert body[0]["results"] is None
    results = body[2]["results"]
    assert results["summary"] == "Résumé"
    assert results["respondents"] == 12
    choice = results["questions"][0]["tables"][0]
    assert choice["by"] == "audience"
    assert [row["answer"] for row in choice["rows"]] == ["*", "1", "2", "3"]
    assert choice["rows"][0]["cells"][0] == {
        "group": "*",
        "group_label": choice["rows"][0]["cells"][0]["group_label"],
        "count": 12,
        "suppressed": False,
    }
    suppressed = [
        cell
        for question in results["questions"]
        for table in question["tables"]
        for row in table["rows"]
        for cell in row["cells"]
        if cell["suppressed"]
    ]
    assert suppressed and all(cell["count"] is None for cell in suppressed)


@pytest.mark.parametrize("lang", ["xx", "NL", ""])
def test_unknown_language_is_422(client, lang: str) -> None:
    response = client.get(f"/api/v1/consultations?lang={lang}")

    assert response.status_code == 422


def test_detail_and_404(client) -> None:
    three()

    found = client.get("/api/v1/consultations/done?lang=en")
    missing = client.get("/api/v1/consultations/nope")

    assert found.status_code == 200
    assert found.json()["results"]["summary"] == "Summary"
    assert missing.status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow(client, django_assert_max_num_queries, count: int) -> None:
    now = timezone.now()
    for number in range(count):
        closed = consultation_create(
            slug=f"c{number}", opens_at=now - dt.timedelta(days=9), closes_at=now
        )
        responses_create(closed, count=11)
        results_publish(consultation=closed, summary={"en": "S"}, actor=None)

    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/consultations?lang=en")

    assert len(response.json()) == count
