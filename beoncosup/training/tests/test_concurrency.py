"""Capacity is never exceeded when many people register at the same moment: the edition row
is locked while a place is given. Only PostgreSQL runs transactions side by side (SQLite runs
writers one after another, which test_waiting_list covers)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.training.codes import Registration
from beoncosup.training.models import Enrolment
from beoncosup.training.services import registration as services
from beoncosup.training.tests.factories import edition_create, session_create

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs write transactions one after another",
    ),
]

PEOPLE = 12
PLACES = 5


def at_once(work: Callable[[int], Any], count: int) -> list[BaseException]:
    """Run ``work(n)`` for n in range(count) in threads released together; their errors."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(n)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def counts(edition: Any) -> dict[str, int]:
    statuses = list(Enrolment.objects.filter(edition=edition).values_list("status", flat=True))
    return {status: statuses.count(status) for status in (Registration.values)}


def test_parallel_registrations_never_exceed_the_capacity():
    edition = edition_create(capacity=PLACES)
    session_create(edition=edition)

    def register(n: int) -> None:
        services.enrolment_register(
            edition=edition,
            name=f"Person {n}",
            email=f"person{n}@example.org",
            profession="nurse",
            language="nl",
        )

    errors = at_once(register, PEOPLE)

    assert errors == []
    assert counts(edition) == {
        Registration.CONFIRMED: PLACES,
        Registration.WAITING: PEOPLE - PLACES,
        Registration.CANCELLED: 0,
    }


def test_parallel_requests_never_exceed_the_capacity():
    edition = edition_create(capacity=PLACES)
    session_create(edition=edition)
    with translation.override("en"):
        url = reverse("training:register", kwargs={"edition_id": edition.pk})
    answers: list[int] = []

    def post(n: int) -> None:
        data = {
            "name": f"Person {n}",
            "email": f"person{n}@example.org",
            "profession": "nurse",
            "language": "nl",
        }
        answers.append(Client().post(url, data).status_code)

    errors = at_once(post, PEOPLE)

    assert errors == []
    assert answers == [302] * PEOPLE
    assert counts(edition)[Registration.CONFIRMED] == PLACES
    assert counts(edition)[Registration.WAITING] == PEOPLE - PLACES


def test_parallel_cancellations_promote_each_waiting_person_once():
    edition = edition_create(capacity=PLACES)
    people = [
        services.enrolment_register(
            edition=edition,
            name=f"Person {n}",
            email=f"person{n}@example.org",
            profession="nurse",
            language="nl",
        )
        for n in range(PEOPLE)
    ]
    confirmed = people[:PLACES]

    errors = at_once(lambda n: services.enrolment_cancel(enrolment=confirmed[n]), PLACES)

    assert errors == []
    assert counts(edition) == {
        Registration.CONFIRMED: PLACES,
        Registration.WAITING: PEOPLE - 2 * PLACES,
        Registration.CANCELLED: PLACES,
    }
    promoted = Enrolment.objects.filter(edition=edition, status=Registration.CONFIRMED)
    assert sorted(promoted.values_list("pk", flat=True)) == [p.pk for p in people[PLACES:10]]
