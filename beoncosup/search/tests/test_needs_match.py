from __future__ import annotations

import pytest
from django.test import Client

from beoncosup.search.needs import match_needs
from beoncosup.search.text import fold, stems


def codes(text: str, language: str, limit: int = 3) -> list[str]:
    return [match.code for match in match_needs(text, language, limit=limit)]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [("Chimiothérapie", "chimiotherapie"), ("Größe", "grosse"), ("Œdème", "oedeme")],
)
def test_fold_removes_accents_and_ligatures(text, expected):
    assert fold(text) == expected


@pytest.mark.unit
def test_dutch_uses_the_porter_stemmer_that_keeps_begeleiding_apart_from_beleid():
    assert stems("begeleiding", "nl") != stems("beleid", "nl")


@pytest.mark.unit
def test_stop_words_and_elisions_are_ignored():
    assert stems("je suis fatiguée à l'hôpital", "fr") == stems("fatiguée hôpital", "fr")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("ik ben altijd moe", "nl", "MED-FATIGUE"),
        ("peur que ça revienne", "fr", "PSY-FEAR-RECURRENCE"),
        ("Perücke", "de", "MED-AIDS-PROSTHESES"),
        ("back to work part-time", "en", "WORK-GRADUAL-RETURN"),
        ("Angst vor einem Rückfall", "de", "PSY-FEAR-RECURRENCE"),
    ],
)
def test_everyday_words_find_the_need_first(taxonomy, text, language, expected):
    assert codes(text, language)[0] == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typo", "language", "expected"),
    [("vermoeidhied", "nl", "MED-FATIGUE"), ("Perüke", "de", "MED-AIDS-PROSTHESES")],
)
def test_typos_are_tolerated(taxonomy, typo, language, expected):
    assert codes(typo, language)[0] == expected


@pytest.mark.django_db
def test_accents_do_not_matter(taxonomy):
    assert codes("peur que ca revienne", "fr") == codes("peur que ça revienne", "fr")


@pytest.mark.django_db
def test_text_in_another_language_still_matches_with_labels_in_the_asked_language(taxonomy):
    matches = match_needs("peur que ça revienne", "nl", limit=1)

    assert matches[0].code == "PSY-FEAR-RECURRENCE"
    assert matches[0].label == "Angst dat de kanker terugkomt"
    assert matches[0].score < 1.0  # other-language matches count a little less


@pytest.mark.django_db
def test_unrelated_text_is_not_understood_and_only_suggests(taxonomy):
    matches = match_needs("xyzzy plugh", "en")

    assert len(matches) == 3
    assert not any(match.confident for match in matches)


@pytest.mark.django_db
def test_api_returns_results_best_first(taxonomy, client: Client):
    response = client.get("/api/v1/needs/match", {"q": "ik ben altijd moe", "lang": "nl"})

    body = response.json()
    assert response.status_code == 200
    first = body["results"][0]
    assert (first["code"], first["label"], first["confident"]) == (
        "MED-FATIGUE",
        "Vermoeidheid en weinig energie",
        True,
    )
    assert 0.6 <= first["score"] <= 1.0
    assert body["understood"] is True
    assert body["segments"] == [{"text": "ik ben altijd moe", "codes": ["MED-FATIGUE"]}]
    # Confident needs first, then the others by score.
    flags = [result["confident"] for result in body["results"]]
    assert flags == sorted(flags, reverse=True)
    rest = [result["score"] for result in body["results"] if not result["confident"]]
    assert rest == sorted(rest, reverse=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lang": "nl"}, "q"),
        ({"q": "", "lang": "nl"}, "q"),
        ({"q": "moe", "lang": "xx"}, "lang"),
        ({"q": "x" * 301}, "q"),
    ],
)
def test_api_bad_parameters_are_422(client: Client, params, field):
    response = client.get("/api/v1/needs/match", params)

    assert response.status_code == 422
    assert field in response.json()["detail"]
