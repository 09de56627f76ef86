"""Answers carry from one journey to the next during a visit, in a signed cookie on the
person's device, and no longer."""

from __future__ import annotations

import json

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from beoncosup.geo.tests.factories import make_geo
from beoncosup.situation.memory import (
    COOKIE_NAME,
    COOKIE_SALT,
    REMEMBER_MINUTES,
    SituationMiddleware,
    memory_of,
)
from beoncosup.situation.places import place_for_postcode
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.services import situation_forget, situation_remember
from beoncosup.situation.values import Situation

pytestmark = pytest.mark.django_db


@pytest.fixture
def geo():
    make_geo()


def visit(cookies: dict[str, str] | None = None, action=None) -> tuple[HttpRequest, HttpResponse]:
    """One request through the middleware; ``action(request)`` plays the view."""
    request = RequestFactory().get("/")
    request.COOKIES.update(cookies or {})
    seen = {}

    def view(req):
        seen["request"] = req
        if action:
            action(req)
        return HttpResponse("ok")

    response = SituationMiddleware(view)(request)
    return seen["request"], response


def carried(response: HttpResponse) -> dict[str, str]:
    """The cookies the browser sends on its next request."""
    morsel = response.cookies.get(COOKIE_NAME)
    return {COOKIE_NAME: morsel.value} if morsel and morsel.value else {}


def test_remembered_answers_come_back_on_the_next_request(geo):
    _req, response = visit(
        action=lambda r: situation_remember(
            request=r, situation=Situation(postcode="9000", status="employee")
        )
    )

    request, _ = visit(carried(response))

    recalled = situation_recall(request)
    assert recalled == Situation(postcode="9000", status="employee")
    assert recalled is not None and recalled.place is None  # not looked up again
    place = place_for_postcode("9000")
    assert place is not None and place.arrondissement == "44000"


def test_the_cookie_is_signed_httponly_lax_and_expires_within_the_hour(geo):
    _req, response = visit(
        action=lambda r: situation_remember(request=r, situation=Situation(postcode="9000"))
    )

    morsel = response.cookies[COOKIE_NAME]
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "Lax"
    assert int(morsel["max-age"]) == REMEMBER_MINUTES * 60
    assert "9000" in morsel.value  # the person's own answer, readable only with its signature
    forged = morsel.value.replace("9000", "1000")
    request, _ = visit({COOKIE_NAME: forged})
    assert situation_recall(request) is None


def test_new_answers_complete_and_override_the_earlier_ones(geo):
    _req, first = visit(
        action=lambda r: situation_remember(
            request=r,
            situation=Situation(postcode="9000", status="employee", languages=("nl",)),
        )
    )
    _req, second = visit(
        carried(first),
        action=lambda r: situation_remember(request=r, situation=Situation(status="self_employed")),
    )

    request, _ = visit(carried(second))

    assert situation_recall(request) == Situation(
        postcode="9000", status="self_employed", languages=("nl",)
    )


def test_only_the_shared_answers_are_stored(geo):
    request, _ = visit()
    situation_remember(request=request, situation=Situation(postcode="9000", age=40))

    assert set(memory_of(request).get() or {}) == {
        "postcode",
        "languages",
        "audience",
        "age",
        "status",
        "phase",
        "reach",
        "cancer_type",
    }


def test_unchanged_or_no_answers_set_no_cookie(geo):
    _req, first = visit(
        action=lambda r: situation_remember(request=r, situation=Situation(postcode="9000"))
    )

    _req, again = visit(
        carried(first),
        action=lambda r: situation_remember(request=r, situation=Situation(postcode="9000")),
    )
    _req, nothing = visit(action=lambda r: situation_remember(request=r, situation=Situation()))

    assert COOKIE_NAME not in again.cookies
    assert COOKIE_NAME not in nothing.cookies


def test_forget_deletes_the_cookie(geo):
    _req, first = visit(
        action=lambda r: situation_remember(request=r, situation=Situation(postcode="9000"))
    )

    request, response = visit(carried(first), action=lambda r: situation_forget(request=r))

    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert situation_recall(request) is None


@pytest.mark.parametrize(
    "stored",
    [{"postcode": "999", "status": "employee"}, {"postcode": "9000", "status": "retired-boss"}],
)
def test_a_stale_stored_answer_is_dropped(stored):
    response = HttpResponse()
    response.set_signed_cookie(COOKIE_NAME, json.dumps(stored), salt=COOKIE_SALT)

    request, _ = visit({COOKIE_NAME: response.cookies[COOKIE_NAME].value})

    assert situation_recall(request) is None
