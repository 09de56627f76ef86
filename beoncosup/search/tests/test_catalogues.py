"""A second catalogue kind, registered the way training, network, research and jobs apps will
register theirs: it is indexed through its announcements, found by its needs and its words,
filtered by eligibility and explained by the same engine as the services, and kept apart from
them (issue #11)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext, override

from beoncosup.search.matching.criteria import Criteria, CriteriaError
from beoncosup.search.matching.engine import match
from beoncosup.search.models import MatchNeed, MatchProfile, SearchDocument
from beoncosup.search.tests.fake_catalogue import LIEGE, Courses, course
from beoncosup.situation.catalogues import (
    Catalogue,
    catalogue_kinds,
    catalogue_register,
)
from beoncosup.situation.values import Situation

pytestmark = pytest.mark.django_db


def ids(result) -> list[str]:
    return [found.object_id for found in result.matches]


def test_a_registered_catalogue_is_indexed_through_its_announcements(courses):
    assert "course" in catalogue_kinds()
    courses.save(course("c1", needs=("MED-FATIGUE", "MED-PAIN"), languages=("nl", "fr")))

    profile = MatchProfile.objects.get(kind="course", object_id="c1")
    assert profile.languages == "|fr|nl|"
    assert sorted(MatchNeed.objects.filter(profile=profile).values_list("code", flat=True)) == [
        "MED-FATIGUE",
        "MED-PAIN",
    ]
    assert SearchDocument.objects.filter(kind="course", object_id="c1", scope="coursenl").exists()

    courses.save(course("c1", needs=("MED-PAIN",)))  # changed: re-indexed, not duplicated
    assert list(MatchNeed.objects.filter(kind="course").values_list("code", flat=True)) == [
        "MED-PAIN"
    ]
    assert MatchProfile.objects.filter(kind="course").count() == 1

    courses.delete("c1")
    assert not MatchProfile.objects.filter(kind="course").exists()
    assert not MatchNeed.objects.filter(kind="course").exists()
    assert not SearchDocument.objects.filter(kind="course").exists()


def test_found_by_need_filtered_by_eligibility_and_explained(courses):
    courses.save(course("open"))
    courses.save(course("employees", statuses=("employee",)))
    courses.save(course("children", maximum_age=17))
    courses.save(course("liege", points=(LIEGE,)))  # 140 km from Gent
    courses.save(course("online", delivery=("online",), points=(), languages=("fr",)))
    courses.save(course("closed", active=False))
    courses.save(course("pain", needs=("MED-PAIN",)))

    person = Criteria(
        needs=("MED-FATIGUE",), postcode="9000", status="self_employed", age=54, lang="en"
    )
    result = match(kind="course", criteria=person)

    assert result.kind == "course"
    assert sorted(ids(result)) == ["online", "open"]
    assert result.total == 2
    assert result.coverage == {"MED-FATIGUE": 2}
    assert result.unmet == []
    # Nearby, in a language the person reads: ranked first; each result says why.
    assert ids(result) == ["open", "online"]
    near, remote = result.matches
    assert near.distance_km == 0.0
    assert near.matched_needs == ["MED-FATIGUE"]
    assert near.reasons[:3] == ["covers 1 need of 1", "does not speak English", "0 km away"]
    assert "by phone or online" in remote.reasons

    # The same person as an employee: the employees' course fits too.
    employee = match(kind="course", criteria=Criteria(needs=("MED-FATIGUE",), status="employee"))
    assert "employees" in ids(employee)


def test_matched_against_a_situation_as_catalogues_know_people(courses):
    courses.save(course("for-employees", statuses=("employee",), audiences=("patient",)))
    courses.save(course("for-relatives", audiences=("relative",)))
    # An employer asking for an employee on a public contract: the course for employed
    # patients fits (the kernel's projections), the one for relatives does not.
    person = Situation(status="contractual_public", audience="employer", postcode="9000")

    criteria = Criteria.for_situation(person, needs=("MED-FATIGUE", "MED-FATIGUE"), lang="en")
    result = match(kind="course", criteria=criteria)

    assert (criteria.status, criteria.audience, criteria.needs) == (
        "employee",
        "patient",
        ("MED-FATIGUE",),
    )
    assert ids(result) == ["for-employees"]


def test_found_by_its_own_words(courses):
    courses.save(course("yoga", needs=(), texts={"nl": ("Yoga voor herstel", "Zachte yoga")}))
    courses.save(course("other"))

    result = match(kind="course", criteria=Criteria(q="yoga", lang="nl"))

    assert ids(result) == ["yoga"]
    with override("nl"):
        assert result.matches[0].reasons[0] == gettext("matches the words you typed")


def test_honest_empty_state_names_the_unmet_need_and_what_could_still_help(courses):
    courses.save(course("liege", points=(LIEGE,)))
    courses.save(course("dutch", languages=("nl",), points=(LIEGE,)))

    person = Criteria(needs=("MED-FATIGUE", "MED-PAIN"), postcode="9000", languages=("fr",))
    result = match(kind="course", criteria=person)

    assert result.matches == []
    assert result.unmet == ["MED-FATIGUE", "MED-PAIN"]
    # Further away, in another language: still there for the person who asks, nearest first,
    # with the person's rights kept (no alternative for a need nothing addresses).
    alternatives = result.alternatives["MED-FATIGUE"]
    assert sorted(found.object_id for found in alternatives) == ["dutch", "liege"]
    assert all(found.distance_km and found.distance_km > 100 for found in alternatives)
    assert result.alternatives["MED-PAIN"] == []


def test_kinds_are_kept_apart(courses, tmp_path):
    courses.save(course("c1"))
    assert match(kind="course", criteria=Criteria(needs=("MED-FATIGUE",))).total == 1
    # The services catalogue does not see the course, and an unknown kind is refused.
    assert match(kind="service", criteria=Criteria(needs=("MED-FATIGUE",))).total == 0
    with pytest.raises(KeyError, match="no catalogue 'shoe'"):
        match(kind="shoe", criteria=Criteria(needs=("MED-FATIGUE",)))
    with pytest.raises(CriteriaError):
        match(kind="course", criteria=Criteria(needs=("NOPE",)))


def test_verified_entries_say_so(courses):
    today = timezone.localdate()
    courses.save(course("fresh", assured_date=today))
    courses.save(course("old", assured_date=today - dt.timedelta(days=400)))

    result = match(kind="course", criteria=Criteria(needs=("MED-FATIGUE",), lang="en"))

    assert ids(result) == ["fresh", "old"]  # fresher ranks first, all else equal
    assert "verified this month" in result.matches[0].reasons
    assert "verified 13 months ago" in result.matches[1].reasons


def test_a_rebuild_indexes_every_registered_catalogue(courses):
    courses.rows["quiet"] = course("quiet")  # written without an announcement
    assert not MatchProfile.objects.filter(kind="course").exists()

    call_command("rebuild_search_index", stdout=io.StringIO())

    assert MatchProfile.objects.filter(kind="course", object_id="quiet").exists()


def test_registration_checks_the_kind():
    entries = Courses().entries
    with pytest.raises(ValueError, match="lower-case"):
        Catalogue(kind="Course", entries=entries)
    with pytest.raises(ValueError, match="at most"):
        Catalogue(kind="coursesandmore", entries=entries)
    with pytest.raises(ValueError, match="reserved"):
        catalogue_register(Catalogue(kind="need", entries=entries))
