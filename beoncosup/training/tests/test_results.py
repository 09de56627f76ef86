"""The results pages: who sees what (session, course, trainer), the numbers (distributions,
response rate, averages with their n, flags at and below the threshold) and query counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.training.models import Attendance, Course, Session, Trainer
from beoncosup.training.selectors import results as selectors
from beoncosup.training.selectors.manage import flags_of
from beoncosup.training.services.attendance import BRUSSELS, session_day, today_in_belgium
from beoncosup.training.services.evaluation import evaluation_submit
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
    trainer_create,
)
from beoncosup.training.views.results import trend_points

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"training:{name}", kwargs=kwargs or None)


def at(days: int, hour: int = 10) -> dt.datetime:
    day = today_in_belgium() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BRUSSELS)


def answer(session: Session, relevance: int, scores: dict[Trainer, tuple[int, int]], **text: str):
    return evaluation_submit(
        session=session,
        language="nl",
        relevance=relevance,
        trainer_scores={trainer.pk: pair for trainer, pair in scores.items()},
        practice_change=text.get("change", ""),
        comment=text.get("comment", ""),
        profession="",
        today=session_day(session),
    )


@dataclass
class World:
    coordinator: Any
    trainer_user: Any
    co_trainer_user: Any
    other_trainer_user: Any
    stranger: Any
    editor: Any
    course: Course
    ann: Trainer
    ben: Trainer
    other: Trainer
    session: Session
    later: Session


def world_make() -> World:
    coordinator = user_create("coordinator@example.org")
    trainer_user = user_create("ann@example.org")
    co_trainer_user = user_create("ben@example.org")
    other_trainer_user = user_create("other@example.org")
    stranger = user_create("stranger@example.org")
    editor = user_create("editor@example.org")
    role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)
    ann = trainer_create(user=trainer_user, name="Ann Trainer")
    ben = trainer_create(user=co_trainer_user, name="Ben Trainer")
    other = trainer_create(user=other_trainer_user, name="Olga Other")
    course = course_create(coordinators=[coordinator], trainers=[ann, ben])
    edition = edition_create(course=course)
    session = session_create(edition=edition, starts_at=at(-10), trainers=[ann, ben])
    later = session_create(edition=edition, starts_at=at(-3), trainers=[ann])
    session_create(edition=edition_create(), starts_at=at(-3), trainers=[other])
    return World(
        coordinator=coordinator,
        trainer_user=trainer_user,
        co_trainer_user=co_trainer_user,
        other_trainer_user=other_trainer_user,
        stranger=stranger,
        editor=editor,
        course=course,
        ann=ann,
        ben=ben,
        other=other,
        session=session,
        later=later,
    )


@pytest.fixture
def world() -> World:
    return world_make()


# -- Who may see what -------------------------------------------------------------------------


def test_results_pages_send_anonymous_people_to_sign_in(client, world):
    for address in [
        url("session_results", session_id=world.session.pk),
        url("course_results", slug=world.course.slug),
        url("trainer_results", trainer_id=world.ann.pk),
    ]:
        response = client.get(address)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        # (session, course, Ann's page, Ben's page)
        ("stranger", (403, 403, 403, 403)),
        ("other_trainer_user", (403, 403, 403, 403)),
        ("trainer_user", (200, 403, 200, 403)),
        ("co_trainer_user", (200, 403, 403, 200)),
        ("coordinator", (200, 200, 200, 200)),
        ("editor", (200, 200, 200, 200)),
    ],
)
def test_results_by_role(client, world, who, expected):
    signed_in(client, getattr(world, who))
    statuses = tuple(
        client.get(address).status_code
        for address in [
            url("session_results", session_id=world.session.pk),
            url("course_results", slug=world.course.slug),
            url("trainer_results", trainer_id=world.ann.pk),
            url("trainer_results", trainer_id=world.ben.pk),
        ]
    )
    assert statuses == expected


def test_results_unknown_objects_are_404(client, world):
    signed_in(client, world.editor)
    assert client.get(url("session_results", session_id=999999)).status_code == 404
    assert client.get(url("course_results", slug="no-such-course")).status_code == 404
    assert client.get(url("trainer_results", trainer_id=999999)).status_code == 404


def test_trainer_sees_own_scores_not_the_co_trainers(client, world):
    answer(world.session, 4, {world.ann: (5, 5), world.ben: (2, 2)})
    signed_in(client, world.trainer_user)
    response = client.get(url("session_results", session_id=world.session.pk))
    html = response.content.decode()
    assert "Ann Trainer" in html
    assert "Ben Trainer" not in html
    # No distribution mixes in the co-trainer's scores either.
    assert [dist.counts for _label, dist in response.context["criteria"]] == [
        (0, 0, 0, 1, 0),
        (0, 0, 0, 0, 1),
        (0, 0, 0, 0, 1),
    ]
    client.logout()
    signed_in(client, world.coordinator)
    html = client.get(url("session_results", session_id=world.session.pk)).content.decode()
    assert "Ben Trainer" in html


def test_coordinator_sees_a_trainer_only_in_the_courses_they_coordinate(client, world):
    # Ann also teaches a course coordinated by someone else.
    elsewhere = session_create(
        edition=edition_create(course=course_create()), starts_at=at(-5), trainers=[world.ann]
    )
    answer(elsewhere, 3, {world.ann: (4, 4)}, comment="Elsewhere comment")
    answer(world.session, 3, {world.ann: (4, 4), world.ben: (4, 4)}, comment="Here comment")
    signed_in(client, world.coordinator)
    html = client.get(url("trainer_results", trainer_id=world.ann.pk)).content.decode()
    assert "Here comment" in html
    assert "Elsewhere comment" not in html
    client.logout()
    signed_in(client, world.trainer_user)
    html = client.get(url("trainer_results", trainer_id=world.ann.pk)).content.decode()
    assert "Elsewhere comment" in html


# -- The numbers ------------------------------------------------------------------------------


def test_distribution_average_and_bars():
    dist = selectors.distribution([5, 5, 4, 1, 9])
    assert dist.counts == (1, 0, 0, 1, 2)
    assert dist.n == 4
    assert dist.average == 3.75
    assert [(bar.score, bar.count, bar.percent) for bar in dist.bars][-1] == (5, 2, 50)
    assert selectors.distribution([]).average is None


def test_flag_is_raised_below_the_threshold_only():
    at_threshold = selectors.distribution([3, 4])  # 3.5
    below = selectors.distribution([3, 4, 3])  # 3.33
    assert not at_threshold.below(Decimal("3.5"))
    assert below.below(Decimal("3.5"))
    assert not selectors.distribution([]).below(Decimal("3.5"))


def test_session_results_numbers(world):
    people = [enrolment_create(edition=world.session.edition) for _ in range(4)]
    for person in people:
        Attendance.objects.create(enrolment=person, session=world.session, method="list")
    answer(world.session, 5, {world.ann: (5, 4), world.ben: (3, 2)}, change="Listen", comment="")
    answer(world.session, 3, {world.ann: (4, 4), world.ben: (3, 4)}, comment="Too short")
    results = selectors.session_results(world.session)
    line = results.line
    assert (line.answers, line.present, line.rate) == (2, 4, 50)
    assert line.relevance.counts == (0, 0, 1, 0, 1)
    assert line.clarity.counts == (0, 0, 2, 1, 1)
    by_name = {tl.trainer.name: tl for tl in line.trainers}
    assert by_name["Ann Trainer"].clarity.average == 4.5
    assert by_name["Ben Trainer"].didactics.average == 3.0
    assert (by_name["Ann Trainer"].flagged, by_name["Ben Trainer"].flagged) == (False, True)
    assert results.practice_changes == ["Listen"]
    assert results.comments == ["Too short"]


def test_session_results_page_says_attendance_not_yet_taken(client, world):
    answer(world.session, 4, {world.ann: (4, 4), world.ben: (4, 4)})
    signed_in(client, world.coordinator)
    html = client.get(url("session_results", session_id=world.session.pk)).content.decode()
    assert "not yet known (attendance not yet taken)" in html
    assert "(n=1)" in html
    assert "<table" in html


def test_course_results_flags_and_trends(client, world):
    # Threshold 3.5: Ann 3.5 in the first session (no flag), 3.0 in the later one (flag).
    answer(world.session, 4, {world.ann: (3, 4), world.ben: (4, 4)})
    answer(world.session, 4, {world.ann: (4, 3), world.ben: (4, 4)})
    answer(world.later, 2, {world.ann: (3, 3)})
    results = selectors.course_results(world.course)
    flags = {s.trainer.name: s.flagged_sessions for s in results.trainers}
    assert flags == {"Ann Trainer": [world.later], "Ben Trainer": []}
    assert [line.flagged for line in results.lines] == [False, True]
    assert [f.trainer_name for f in flags_of(Course.objects.filter(pk=world.course.pk))] == [
        "Ann Trainer"
    ]
    signed_in(client, world.coordinator)
    html = client.get(url("course_results", slug=world.course.slug)).content.decode()
    assert "Sessions below the threshold" in html
    assert "<polyline" in html
    manage = client.get(url("manage")).content.decode()
    assert "Trainers to follow up" in manage
    assert url("trainer_results", trainer_id=world.ann.pk) in manage


def test_trend_points_need_two_values():
    assert trend_points([4.0]) == ""
    assert trend_points([1.0, None, 5.0]) == "0.0,100.0 300.0,0.0"


@pytest.mark.parametrize("sessions", [1, 4])
def test_course_results_query_count_does_not_grow(
    client, world, sessions, django_assert_num_queries
):
    for days in range(sessions):
        extra = session_create(
            edition=world.session.edition, starts_at=at(-20 - days), trainers=[world.ann]
        )
        answer(extra, 4, {world.ann: (4, 4)}, comment="fine")
    signed_in(client, world.coordinator)
    # 24: the programme's attendance grid (2 queries) and the certificates (1) included.
    with django_assert_num_queries(24):
        response = client.get(url("course_results", slug=world.course.slug))
    assert response.status_code == 200


@pytest.mark.parametrize("sessions", [1, 4])
def test_trainer_results_query_count_does_not_grow(
    client, world, sessions, django_assert_num_queries
):
    for days in range(sessions):
        extra = session_create(
            edition=world.session.edition, starts_at=at(-20 - days), trainers=[world.ann]
        )
        answer(extra, 4, {world.ann: (4, 4)}, comment="fine")
    signed_in(client, world.trainer_user)
    with django_assert_num_queries(17):
        response = client.get(url("trainer_results", trainer_id=world.ann.pk))
    assert response.status_code == 200


@pytest.mark.parametrize("answers", [1, 5])
def test_session_results_query_count_does_not_grow(
    client, world, answers, django_assert_num_queries
):
    for _ in range(answers):
        answer(world.session, 4, {world.ann: (4, 4), world.ben: (4, 4)}, comment="ok")
    signed_in(client, world.coordinator)
    with django_assert_num_queries(19):
        response = client.get(url("session_results", session_id=world.session.pk))
    assert response.status_code == 200
