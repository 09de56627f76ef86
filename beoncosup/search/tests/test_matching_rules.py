"""The matcher's rules that journeys rely on (issue #12): the person's language ranks and is
said, home visits reach the whole area they serve, empty states name what would help, and
alternatives stay relevant. Checked on a fake catalogue: the rules hold for every kind."""

from __future__ import annotations

import pytest

from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.engine import match
from beoncosup.search.tests.fake_catalogue import LIEGE, course

pytestmark = pytest.mark.django_db

BRUSSELS = (50.85, 4.35)  # about 49 km from Gent
EUPEN = (50.63, 6.03)


def ids(result) -> list[str]:
    return [found.object_id for found in result.matches]


def test_an_entry_that_speaks_none_of_the_persons_languages_ranks_last_and_says_so(courses):
    courses.save(course("near-french", languages=("fr",)))  # in Gent, 0 km
    courses.save(course("far-dutch", languages=("nl",), points=(BRUSSELS,)))
    courses.save(course("unknown", languages=(), points=(BRUSSELS,)))

    result = match(
        kind="course", criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000", lang="en")
    )
    dutch = match(
        kind="course",
        criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000", lang="en", languages=("nl",)),
    )

    # The page's language (English) is spoken by none: the one that lists no language first,
    # then by score; those that speak other languages say so.
    assert ids(result) == ["unknown", "near-french", "far-dutch"]
    assert not any("does not speak" in reason for reason in result.matches[0].reasons)
    assert "does not speak English" in result.matches[1].reasons
    # A Dutch speaker: the Dutch one first, then the one that lists no language, then the
    # nearer French one, which says it does not speak Dutch.
    assert ids(dutch) == ["far-dutch", "unknown", "near-french"]
    assert "does not speak Dutch" in dutch.matches[2].reasons
    assert not any("does not speak" in reason for reason in dutch.matches[0].reasons)
    several = match(
        kind="course",
        criteria=Criteria(needs=("MED-FATIGUE",), lang="en", languages=("de", "en")),
    )
    assert "speaks none of your languages" in several.matches[-1].reasons


def test_german_speakers_in_eupen_get_german_first(courses):
    courses.save(course("liege-fr", languages=("fr",), points=(LIEGE,)))  # 33 km
    courses.save(course("eupen-de", languages=("de",), points=(EUPEN,)))
    courses.save(course("liege-de", languages=("de", "fr"), points=(LIEGE,)))

    result = match(
        kind="course", criteria=Criteria(needs=("MED-FATIGUE",), postcode="4700", lang="de")
    )

    assert ids(result) == ["eupen-de", "liege-de", "liege-fr"]


def test_home_visits_reach_the_whole_area_they_serve(courses):
    # 140 km from Gent, each serving all of Belgium (area BE).
    courses.save(course("home-team", delivery=("home_visit",), areas=("BE",), points=(LIEGE,)))
    courses.save(course("office", delivery=("in_person",), areas=("BE",), points=(LIEGE,)))
    # Home visits, but no declared area: the default distance still applies.
    courses.save(course("home-no-area", delivery=("home_visit",), points=(LIEGE,)))
    # Home visits to Wallonia only: not to Gent.
    courses.save(
        course("home-wallonia", delivery=("home_visit",), areas=("BE-WAL",), points=(LIEGE,))
    )

    housebound = Criteria(needs=("MED-FATIGUE",), postcode="9000", lang="en", reach="home")
    result = match(kind="course", criteria=housebound)
    anyone = match(kind="course", criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000"))
    limited = match(
        kind="course",
        criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000", reach="home", max_km=100),
    )

    assert ids(result) == ["home-team"]
    assert "visits people at home in your area" in result.matches[0].reasons
    assert ids(anyone) == ["home-team"]
    assert ids(limited) == []  # a distance the person chose limits it


def test_empty_state_names_only_the_changes_that_would_help(courses):
    courses.save(course("paid", costs=(), points=(BRUSSELS,), access=("gp_referral",)))

    strict = Criteria(
        needs=("MED-FATIGUE",), postcode="9000", max_km=10, free_only=True, delivery="group"
    )
    result = match(kind="course", criteria=strict)
    near = match(
        kind="course", criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000", max_km=10)
    )

    assert result.matches == []
    # No single change helps (the distance and "free only" each exclude it): all of them do.
    assert [(r.name, r.count) for r in result.relaxations] == [("all", 1)]
    # Doubling 10 km gives 50 km (the default), which reaches Brussels.
    assert [(r.name, r.count, r.max_km) for r in near.relaxations] == [("max_km", 1, 50)]

    no_distance = match(
        kind="course",
        criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000", free_only=True),
    )
    assert {r.name for r in no_distance.relaxations} == {"free_only"}  # never "widen distance"

    nothing = match(kind="course", criteria=Criteria(needs=("MED-PAIN",), postcode="9000"))
    assert nothing.relaxations == []  # no preference set: nothing to suggest


def test_alternatives_leave_out_support_for_minors_when_the_age_is_unknown(courses):
    courses.save(course("children", maximum_age=17, points=(LIEGE,)))
    courses.save(course("adults", minimum_age=18, maximum_age=99, points=(LIEGE,)))

    unknown = match(kind="course", criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000"))
    child = match(kind="course", criteria=Criteria(needs=("MED-FATIGUE",), postcode="9000", age=12))

    assert [m.object_id for m in unknown.alternatives["MED-FATIGUE"]] == ["adults"]
    assert [m.object_id for m in child.alternatives["MED-FATIGUE"]] == ["children"]
