"""GET/POST /api/v1/selfcheck/…: instruments, evaluation, 422 messages, nothing stored."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from beoncosup.screening.models import SelfCheckResponse

pytestmark = pytest.mark.django_db


def post(client: Client, body: object):
    return client.post(
        "/api/v1/selfcheck/evaluate", json.dumps(body), content_type="application/json"
    )


def test_instrument_list(client, instruments):
    response = client.get("/api/v1/selfcheck/instruments?lang=fr")

    assert response.status_code == 200
    assert [(r["code"], r["version"], r["title"]) for r in response.json()["results"]] == [
        ("patient", 1, "Auto-évaluation pour les personnes atteintes d'un cancer"),
        ("relative", 1, "Auto-évaluation pour les proches et les aidants"),
    ]


def test_instrument_detail_in_the_asked_language(
    client, instruments, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/selfcheck/instruments/patient?lang=de")

    body = response.json()
    pain = next(item for item in body["items"] if item["id"] == "med_pain")
    distress = body["items"][0]
    assert (body["code"], body["version"]) == ("patient", 1)
    assert pain == {
        "id": "med_pain",
        "domain": "MED",
        "text": "Hatten Sie Schmerzen?",
        "role": "problem",
        "page": 2,
        "scale": {"type": "yes_no", "min": None, "max": None, "choices": []},
        "needs": ["MED-PAIN"],
        "show_if": None,
    }
    assert distress["scale"]["type"] == "range"
    assert (distress["scale"]["min"], distress["scale"]["max"]) == (0, 10)


def test_unknown_instrument_detail_is_404(client, instruments):
    response = client.get("/api/v1/selfcheck/instruments/nope")

    assert response.status_code == 404
    assert response.json() == {"detail": "instrument: unknown instrument 'nope'"}


def test_evaluate(client, instruments):
    response = post(
        client,
        {
            "instrument": "patient",
            "answers": {
                "distress": 6,
                "med_fatigue": True,
                "contact_med": True,
                "self_harm": False,
            },
            "lang": "nl",
        },
    )

    assert response.status_code == 200
    assert response.json() == {
        "score": 6,
        "above_threshold": True,
        "safety_alert": False,
        "needs": ["MED-FATIGUE"],
        "wants_contact": ["MED"],
    }
    assert SelfCheckResponse.objects.count() == 0


def test_evaluate_safety_alert_from_the_self_harm_item(client, instruments):
    response = post(client, {"instrument": "relative", "answers": {"self_harm": True}})

    assert response.json()["safety_alert"] is True


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"instrument": "nope", "answers": {}}, "instrument: unknown instrument 'nope'"),
        (
            {"instrument": "patient", "answers": {"x_item": True}},
            "answers.x_item: unknown item for patient",
        ),
        (
            {"instrument": "patient", "answers": {"distress": 12}},
            "answers.distress: answer a number from 0 to 10",
        ),
        (
            {"instrument": "patient", "answers": {"med_pain": "maybe"}},
            "answers.med_pain: answer true or false (yes or no)",
        ),
    ],
)
def test_evaluate_rejects_bad_answers_with_a_message(client, instruments, body, detail):
    response = post(client, body)

    assert response.status_code == 422
    assert response.json() == {"detail": detail}


def test_evaluate_without_instrument_is_422(client, instruments):
    response = post(client, {"answers": {}})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"].endswith("instrument")
