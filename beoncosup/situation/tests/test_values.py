"""The Situation value: parsing, structured errors, places, hand-over between journeys."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.utils import translation

from beoncosup.core.i18n_text import default_language
from beoncosup.geo.tests.factories import make_geo
from beoncosup.situation.codes import Region
from beoncosup.situation.values import (
    Situation,
    SituationError,
    situation_from_dict,
    situation_parse,
)


@pytest.fixture
def geo(db):
    make_geo()


def test_parse_reads_every_shared_answer(geo):
    situation = situation_parse(
        QueryDict(
            "postcode=9000&languages=fr&languages=nl&audience=relative&age=52"
            "&status=self_employed&phase=treatment&reach=home&cancer_type=breast"
        )
    )

    assert situation == Situation(
        postcode="9000",
        languages=("fr", "nl"),
        audience="relative",
        age=52,
        status="self_employed",
        phase="treatment",
        reach="home",
        cancer_type="breast",
    )
    assert situation.place is not None
    assert situation.place.arrondissement == "44000"
    assert situation.place.province == "BE-VOV"
    assert situation.region == Region.FLANDERS


def test_parse_reads_a_municipality_name_and_the_suggestion_format(geo):
    assert situation_parse({"postcode": "Gent"}).postcode == "9000"
    assert situation_parse({"postcode": "4000 Luik"}).postcode == "4000"


def test_eupen_lies_in_the_german_speaking_community(geo):
    place = situation_parse({"postcode": "4700"}).place

    assert place is not None
    assert place.regions == ("BE-DG",)
    assert {"BE", "BE-WAL", "BE-DG", "BE-WLG", "nis-63023"} == set(place.area_codes)


def test_brussels_province_is_the_region(geo):
    place = situation_parse({"postcode": "1000"}).place

    assert place is not None
    assert place.province == "BE-BRU"


def test_every_wrong_answer_is_named_with_a_code_and_a_message(geo):
    with pytest.raises(SituationError) as caught:
        situation_parse({"postcode": "9999", "age": "abc", "status": "boss", "languages": "nl,xx"})

    errors = caught.value.errors
    assert sorted(errors) == ["age", "languages", "postcode", "status"]
    assert errors["postcode"][0].code == "unknown"
    assert errors["age"][0].code == "invalid"
    assert errors["status"][0].code == "invalid"
    assert "xx" in errors["languages"][0].message


def test_short_postcode_and_age_out_of_range(geo):
    with pytest.raises(SituationError) as caught:
        situation_parse({"postcode": "900", "age": "130"})

    assert caught.value.errors["postcode"][0].code == "invalid"
    assert caught.value.errors["age"][0].code == "out_of_range"


def test_messages_follow_the_active_language(geo):
    with translation.override("fr"), pytest.raises(SituationError) as caught:
        situation_parse({"postcode": "123"})

    assert caught.value.messages()["postcode"] == [
        "Un code postal belge a quatre chiffres, par exemple 9000."
    ]


def test_a_single_valued_answer_given_twice_is_refused(geo):
    with pytest.raises(SituationError) as caught:
        situation_parse(QueryDict("status=employee&status=student"))

    assert caught.value.errors["status"][0].code == "repeated"


def test_allowed_narrows_a_journeys_choices(geo):
    with pytest.raises(SituationError) as caught:
        situation_parse({"audience": "employer"}, allowed={"audience": ("patient", "relative")})

    assert list(caught.value.errors) == ["audience"]


def test_only_the_asked_fields_are_read(geo):
    situation = situation_parse({"status": "boss", "postcode": "9000"}, fields=("postcode",))

    assert situation == Situation(postcode="9000")


def test_empty_values_mean_not_given(geo):
    situation = situation_parse({"postcode": " ", "status": "", "languages": ""})

    assert situation.is_empty
    assert situation == Situation()


def test_query_hands_the_answers_to_another_journey(geo):
    situation = Situation(postcode="9000", languages=("fr", "nl"), audience="patient", age=40)

    assert situation.query() == [
        ("postcode", "9000"),
        ("languages", "fr"),
        ("languages", "nl"),
        ("audience", "patient"),
        ("age", "40"),
    ]
    assert situation_parse(QueryDict("&".join(f"{k}={v}" for k, v in situation.query()))) == (
        situation
    )


def test_merged_keeps_new_answers_and_fills_the_rest(geo):
    earlier = situation_parse({"postcode": "9000", "status": "employee", "audience": "patient"})
    now = situation_parse({"status": "self_employed"})

    merged = now.merged(earlier)

    assert merged == Situation(postcode="9000", status="self_employed", audience="patient")
    assert merged.place == earlier.place


def test_stored_situation_reads_back_or_is_dropped_when_stale(geo):
    stored = situation_parse({"postcode": "9000", "languages": "nl"}).to_dict()

    assert situation_from_dict(stored) == Situation(postcode="9000", languages=("nl",))
    assert situation_from_dict({**stored, "postcode": "99"}) is None
    assert situation_from_dict({**stored, "languages": ["xx"]}) is None


def test_projections_for_eligibility():
    assert Situation(status="contractual_public").eligibility_status == "employee"
    assert Situation(status="self_employed").eligibility_status == "self_employed"
    assert Situation(audience="employer").seeker_audience == "patient"
    assert Situation(audience="relative").seeker_audience == "relative"
    assert Situation(age=17).age_band == "0-17"
    assert Situation(age=65).age_band == "65+"


@pytest.mark.parametrize(
    ("active", "expected"), [("fr", "fr"), ("de-at", "de"), ("es", "nl"), (None, "nl")]
)
def test_default_language(active, expected):
    if active is None:
        with translation.override(None):
            assert default_language() == expected
    else:
        with translation.override(active):
            assert default_language() == expected
