"""The shared factories make what they promise."""

from __future__ import annotations

import pytest

from beoncosup.training.codes import Registration
from beoncosup.training.tests import factories

pytestmark = pytest.mark.django_db


def test_factories_build_a_course_with_an_edition_a_session_and_a_registration() -> None:
    trainer = factories.trainer_create()
    course = factories.course_create(trainers=[trainer])
    edition = factories.edition_create(course=course, capacity=3)
    session = factories.session_create(edition=edition, hours=2, trainers=[trainer])
    enrolment = factories.enrolment_create(edition=edition, email="A@example.org")
    assert course.published and course.title["fr"]
    assert (session.ends_at - session.starts_at).total_seconds() == 7200
    assert enrolment.status == Registration.CONFIRMED
    assert enrolment.email_digest == factories.email_digest("a@example.org")
    assert list(course.trainers.all()) == [trainer]
