"""``GET /api/v1/network/members``: members only, the same search as the directory."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beoncosup.accounts.testing import signed_in
from beoncosup.network.tests.factories import professional_create, profile_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/network/members"


def test_anonymous_gets_401_with_a_problem_body(client, world):
    response = client.get(URL, {"need": "MED-FATIGUE"})

    assert response.status_code == 401
    assert "detail" in response.json()


def test_signed_in_without_profile_gets_403(client, world):
    signed_in(client, professional_create("pro@example.org"))

    response = client.get(URL)

    assert response.status_code == 403
    assert response.json()["detail"] == "This needs a profile in the caregiver network."


def test_members_get_members_by_need_and_postcode_with_distance(client, world):
    me = profile_create("me@example.org", name="Me", needs=("MED-PAIN",))
    near = profile_create("near@example.org", name="Near", postcode="9000")
    profile_create("far@example.org", name="Far", postcode="4000")
    signed_in(client, me.user)

    response = client.get(URL, {"need": "MED-FATIGUE", "postcode": "9000"})

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    (result,) = body["results"]
    assert result["id"] == near.pk
    assert result["name"] == "Near"
    assert result["distance_km"] == 0.0
    assert result["expertise"] == ["MED-FATIGUE"]
    assert result["matched_needs"] == ["MED-FATIGUE"]
    assert "contact_email" not in result


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"need": "NOT-A-NEED"}, "need"),
        ({"postcode": "99"}, "postcode"),
        ({"postcode": "9999"}, "postcode"),
        ({"discipline": "wizard"}, "discipline"),
    ],
)
def test_bad_parameters_answer_422(client, world, params, field):
    me = profile_create("me@example.org")
    signed_in(client, me.user)

    response = client.get(URL, params)

    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_query_count_does_not_grow_with_members(client, world):
    me = profile_create("me@example.org")
    signed_in(client, me.user)
    params = {"need": "MED-FATIGUE", "postcode": "9000"}
    client.get(URL, params)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, params).status_code == 200
        return len(captured.captured_queries)

    one = count()
    for index in range(3):
        profile_create(f"p{index}@example.org")
    assert count() == one


def test_several_needs_rank_the_member_covering_more_first(client, world):
    me = profile_create("me@example.org", needs=("WORK-RETURN-PLAN",))
    both = profile_create("both@example.org", name="Both", needs=("MED-FATIGUE", "MED-PAIN"))
    profile_create("one@example.org", name="One", needs=("MED-PAIN",))
    signed_in(client, me.user)

    response = client.get(URL + "?need=MED-FATIGUE&need=MED-PAIN")

    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["name"] for r in results] == ["Both", "One"]
    assert results[0]["id"] == both.pk
    assert results[0]["matched_needs"] == ["MED-FATIGUE", "MED-PAIN"]
