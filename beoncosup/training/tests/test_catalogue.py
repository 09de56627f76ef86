"""The public catalogue: its matcher entries, the listing's filters and order, the course page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.search.models import MatchNeed, MatchProfile
from beoncosup.situation.catalogues import catalogue_get
from beoncosup.taxonomy.models import Need
from beoncosup.training.catalogue import catalogue_connect
from beoncosup.training.codes import Registration
from beoncosup.training.models import Course, EvidenceSource
from beoncosup.training.selectors.catalogue import KIND
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    four,
    session_create,
    trainer_create,
)

pytestmark = pytest.mark.django_db

URL = "/en/training/"


@pytest.fixture(autouse=True)
def setup() -> None:
    catalogue_connect()  # search's tests may have replaced the "course" catalogue
    make_geo()
    make_needs()


def entry_of(course: Course) -> Any:
    [batch] = list(catalogue_get(KIND).entries([str(course.pk)]))
    return batch[0]


def in_days(days: int, hour: int = 9) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def titles(html: str, *courses: Course) -> list[str]:
    """The given courses' English titles in the order the page shows them."""
    found = [(html.find(c.title["en"]), c.title["en"]) for c in courses if c.title["en"] in html]
    return [title for _position, title in sorted(found)]


def test_entry_of_a_course_with_an_open_edition_in_gent() -> None:
    course = course_create(needs=[Need.objects.get(code="MED-PAIN")])
    edition = edition_create(course=course, language="fr")
    session_create(edition=edition, postcode="9000")

    entry = entry_of(course)

    assert entry.active
    assert entry.needs == ("MED-PAIN",)
    assert entry.languages == ("fr",)
    assert entry.areas == ("BE-VLG",)
    assert entry.points == ((51.05, 3.72),)
    assert entry.delivery == ("in_person",)
    assert entry.texts["nl"][0] == course.title["nl"]
    assert course.summary["de"] in entry.texts["de"][1]


def test_entry_of_an_online_course_has_no_area_and_a_closed_one_is_inactive() -> None:
    online = course_create()
    session_create(
        edition=edition_create(course=online),
        postcode="",
        venue="",
        online_url="https://meet.example.org/x",
    )
    closed = course_create()
    session_create(
        edition=edition_create(course=closed, deadline=timezone.now() - dt.timedelta(hours=1))
    )
    draft = course_create(published=False)
    session_create(edition=edition_create(course=draft))

    assert entry_of(online).areas == ()
    assert entry_of(online).delivery == ("online",)
    assert entry_of(online).active
    assert not entry_of(closed).active
    assert not entry_of(draft).active


def test_saving_a_course_edition_or_session_reindexes_the_course() -> None:
    course = course_create()
    edition = edition_create(course=course)
    session_create(edition=edition)
    profile = MatchProfile.objects.get(kind=KIND, object_id=str(course.pk))
    assert profile.active

    course.needs.set([Need.objects.get(code="MED-FATIGUE")])
    course.save()  # a parental many-to-many is written on save (as the admin does)
    assert list(MatchNeed.objects.filter(kind=KIND).values_list("code", flat=True)) == [
        "MED-FATIGUE"
    ]
    edition.cancelled = True
    edition.save()
    assert not MatchProfile.objects.get(kind=KIND, object_id=str(course.pk)).active

    course.delete()
    assert not MatchProfile.objects.filter(kind=KIND).exists()


def test_listing_shows_upcoming_editions_soonest_first_with_places(client: Client) -> None:
    later = course_create()
    session_create(edition=edition_create(course=later, capacity=2), starts_at=in_days(30))
    sooner = course_create()
    full = edition_create(course=sooner, capacity=1)
    session_create(edition=full, starts_at=in_days(10))
    enrolment_create(edition=full)
    past = course_create()
    session_create(edition=edition_create(course=past), starts_at=in_days(-3))
    hidden = course_create(published=False)
    session_create(edition=edition_create(course=hidden))

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    # Soonest first; a course without upcoming dates last, saying so; unpublished: absent.
    assert titles(html, later, sooner, past, hidden) == [
        sooner.title["en"],
        later.title["en"],
        past.title["en"],
    ]
    assert "Full: you can join the waiting list" in html
    assert "2 places left" in html
    assert "No dates are planned at the moment." in html
    assert reverse("training:course", kwargs={"slug": sooner.slug}) in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("profession=physician", ["doctors"]),
        ("region=BE-WAL", ["liege", "online"]),
        ("region=BE-DG", ["online"]),
        ("language=fr", ["liege"]),
        ("date_from={d20}", ["online"]),
        ("date_to={d10}", ["gent", "liege"]),
        ("need=MED-PAIN", ["liege"]),
    ],
)
def test_listing_filters(client: Client, query: str, expected: list[str]) -> None:
    made = {}
    for name, postcode, language, days, professions in (
        ("gent", "9000", "nl", 5, ["nurse"]),
        ("liege", "4000", "fr", 8, ["nurse"]),
        ("online", "", "nl", 25, ["nurse"]),
        ("doctors", "9000", "nl", 12, ["physician"]),
    ):
        course = course_create(slug=name, title=four(name), professions=professions)
        session_create(
            edition=edition_create(course=course, language=language),
            starts_at=in_days(days),
            postcode=postcode,
            venue="Zaal" if postcode else "",
            online_url="" if postcode else "https://meet.example.org/a",
        )
        made[name] = course
    made["liege"].needs.set([Need.objects.get(code="MED-PAIN")])
    made["liege"].save()
    query = query.format(d20=in_days(20).date().isoformat(), d10=in_days(10).date().isoformat())

    html = client.get(f"{URL}?{query}").content.decode()

    assert titles(html, *made.values()) == [four(name)["en"] for name in expected]


def test_words_rank_through_the_matcher(client: Client) -> None:
    bad_news = course_create(title=four("Breaking bad news"), summary=four("Difficult talks"))
    other = course_create(title=four("Nutrition basics"), summary=four("Food and cancer"))
    for course in (bad_news, other):
        session_create(edition=edition_create(course=course))

    html = client.get(URL, {"q": "bad news"}).content.decode()

    assert titles(html, bad_news, other) == [bad_news.title["en"]]
    assert "best match first" in html


def test_bad_filters_answer_400_with_messages_and_the_valid_filters_still_apply(
    client: Client,
) -> None:
    nurses = course_create(title=four("For nurses"))
    session_create(edition=edition_create(course=nurses))
    doctors = course_create(title=four("For doctors"), professions=["physician"])
    session_create(edition=edition_create(course=doctors))

    response = client.get(
        URL,
        {"profession": "nurse", "region": "BE-XX", "date_from": "yesterday"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    assert "Select a valid choice" in html
    assert "Enter a valid date" in html
    assert titles(html, nurses, doctors) == [nurses.title["en"]]


def test_honest_empty_states(client: Client) -> None:
    assert (
        "There are no courses in the catalogue at the moment." in client.get(URL).content.decode()
    )
    session_create(edition=edition_create(course=course_create()))

    html = client.get(URL, {"language": "de"}).content.decode()

    assert "No course fits all these filters." in html
    assert "0 courses found" in html


def test_a_need_no_course_addresses_is_an_empty_result_not_an_error(client: Client) -> None:
    session_create(edition=edition_create(course=course_create()))

    response = client.get(URL, {"need": "WORK-RETURN-PLAN"})

    assert response.status_code == 200
    assert "No course fits all these filters." in response.content.decode()
    assert client.get(URL, {"need": "NOT-A-NEED"}).status_code == 400


def test_listing_query_count_does_not_grow_with_courses(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    for _ in range(6):
        edition = edition_create(course=course_create())
        session_create(edition=edition, starts_at=in_days(3))
        session_create(edition=edition, starts_at=in_days(4))
        enrolment_create(edition=edition)

    with django_assert_max_num_queries(8):
        response = client.get(URL, {"region": "BE-VLG", "profession": "nurse"})

    assert response.content.decode().count('class="course-card"') == 6


def test_course_page_shows_everything_a_nurse_needs_to_decide(client: Client) -> None:
    trainer = trainer_create(name="Dr. An Peeters", bio=four("Twenty years in oncology"))
    course = course_create(
        objectives={"en": "Tell bad news\n- Handle emotions"},
        accreditation_points="3.5",
        accreditation_body="RIZIV-INAMI",
        evidence=four("Based on SPIKES"),
        is_demo=True,
        needs=[Need.objects.get(code="MED-PAIN")],
        trainers=[trainer],
    )
    EvidenceSource.objects.create(
        course=course, citation="Baile et al. SPIKES", year=2000, url="https://doi.org/10.1/x"
    )
    edition = edition_create(course=course, capacity=5)
    session_create(edition=edition, venue="UZ Gent", address="C. Heymanslaan 10")
    enrolment_create(edition=edition, status=Registration.WAITING)

    html = client.get(reverse("training:course", kwargs={"slug": course.slug})).content.decode()

    for text in (
        course.title["en"],
        course.summary["en"],
        "<li>Tell bad news</li>",
        "<li>Handle emotions</li>",
        "Nurses",
        "3.5 accreditation points",
        "RIZIV-INAMI",
        "Based on SPIKES (en)",
        'href="https://doi.org/10.1/x"',
        "(2000)",
        "Dr. An Peeters",
        "Twenty years in oncology",
        "UZ Gent",
        "5 places left",
        "badge-demo",
        reverse("taxonomy:need", kwargs={"code": "MED-PAIN"}),
        reverse("training:register", kwargs={"edition_id": edition.pk}),
    ):
        assert text in html, text


def test_course_page_of_an_unpublished_or_unknown_course_is_404(client: Client) -> None:
    draft = course_create(published=False)

    assert client.get(reverse("training:course", kwargs={"slug": draft.slug})).status_code == 404
    assert client.get(reverse("training:course", kwargs={"slug": "nope"})).status_code == 404


def test_course_page_query_count(client: Client, django_assert_max_num_queries: Any) -> None:
    course = course_create(trainers=[trainer_create()])
    for _ in range(3):
        edition = edition_create(course=course)
        session_create(edition=edition, trainers=[trainer_create()])
        enrolment_create(edition=edition)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("training:course", kwargs={"slug": course.slug}))

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("", range(20)),
        ("1", range(20)),
        ("2", range(20, 23)),
        ("99", range(20, 23)),
        ("x", range(20)),
    ],
)
def test_listing_shows_twenty_courses_a_page(client: Client, page: str, shown: range) -> None:
    courses = []
    for number in range(23):
        course = course_create()
        session_create(edition=edition_create(course=course), starts_at=in_days(10 + number))
        courses.append(course)

    response = client.get(URL, {"page": page} if page else {})

    html = response.content.decode()
    assert response.status_code == 200
    assert "23 courses found" in html
    assert [c.title["en"] for c in courses if c.title["en"] in html] == [
        courses[n].title["en"] for n in shown
    ]
    assert ('rel="next"' in html) == (shown.start == 0)
    assert ('rel="prev"' in html) == (shown.start == 20)


def test_a_programme_shows_on_one_line_in_the_listing(client: Client) -> None:
    course = course_create()
    edition = edition_create(course=course)
    for weeks in (2, 4, 6):
        session_create(edition=edition, starts_at=in_days(7 * weeks))

    html = client.get(URL).content.decode()

    assert "3 sessions" in html
    assert html.count("<time") == 2  # the first and the last day, not every session
