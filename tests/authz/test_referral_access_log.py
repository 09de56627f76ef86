"""The person's access log is complete (issue #15): every page, API and FHIR read that shows
a person's data leaves exactly the rows the person then sees (what, channel, who, for which
organisation), and a request that shows none of it leaves no row claiming it did.

The URL names come from the resolver and the API operations from the OpenAPI document
(``tests/authz/test_referral_consent_matrix.py``), so a new view without an entry here fails
``test_every_referral_view_has_an_entry``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from beoncosup.accounts.testing import signed_in
from beoncosup.referrals.models import DataAccess
from tests.authz.test_referral_consent_matrix import (
    HTML,
    MACHINE,
    MACHINE_OTHER,
    PERSON_OWN,
    TEXTS,
    Row,
    Scene,
    body_of,
    ptoken,
    referral_api_operations,
    referral_url_names,
    scene_make,
    url,
)

pytestmark = pytest.mark.django_db

HOSPITAL = "AZ Voorbeeld"  # the referrer's organisation (world_make)
PROVIDER = "Psycho-oncologie vzw"  # the organisation holding the service's listing


@dataclass(frozen=True)
class Logged:
    """One read as someone allowed, and the rows it must leave: (what, channel, organisation
    label, about the referral?). ``actor``: the viewer whose account is named ("" for the
    person themselves and for organisation systems)."""

    viewer: str
    rows: tuple[tuple[str, str, str, bool], ...]
    actor: str = ""
    row: Row | None = None  # a request other than the consent matrix's row of that name


def person_row(name: str) -> Row:
    return Row(url(name, token=ptoken), reach=("anonymous",))


LOGGED: dict[str, Logged] = {
    "referrals:detail": Logged(
        "referrer", (("referral.view", "web", HOSPITAL, True),), actor="referrer"
    ),
    "referrals:cancel": Logged(
        "referrer", (("referral.view", "web", HOSPITAL, True),), actor="referrer"
    ),
    "referrals:case": Logged("referrer", (("case.view", "web", HOSPITAL, False),), "referrer"),
    "referrals:team_add": Logged("referrer", (("case.view", "web", HOSPITAL, False),), "referrer"),
    "referrals:note_add": Logged("referrer", (("case.view", "web", HOSPITAL, False),), "referrer"),
    "referrals:link_renew": Logged(
        "referrer", (("case.view", "web", HOSPITAL, False),), actor="referrer"
    ),
    "referrals:followed": Logged(
        "referrer", (("followed.list", "web", HOSPITAL, False),), actor="referrer"
    ),
    "referrals:inbox": Logged(
        "service_staff", (("inbox.list", "web", PROVIDER, False),), actor="service_staff"
    ),
    "referrals:inbox_detail": Logged(
        "service_staff", (("referral.view", "web", PROVIDER, True),), actor="service_staff"
    ),
    "referrals:inbox_move": Logged(
        "service_staff", (("referral.view", "web", PROVIDER, True),), actor="service_staff"
    ),
    "referrals:person": Logged(
        "anonymous", (("person.view", "person", "", False),), row=person_row("referrals:person")
    ),
    "referrals:person_export_json": Logged(
        "anonymous",
        (("person.export", "person", "", False),),
        row=person_row("referrals:person_export_json"),
    ),
    "referrals:person_export_pdf": Logged(
        "anonymous",
        (("person.export", "person", "", False),),
        row=person_row("referrals:person_export_pdf"),
    ),
    "GET /api/v1/referrals/{referral_id}": Logged(
        "token_referrer", (("api.referral", "api", HOSPITAL, True),)
    ),
    "fhir:service_request": Logged(
        "token_service", (("fhir.servicerequest", "fhir", PROVIDER, True),)
    ),
    "fhir:consent": Logged("token_service", (("fhir.consent", "fhir", PROVIDER, True),)),
    "fhir:service_request_search": Logged(
        "token_service", (("fhir.servicerequest.search", "fhir", PROVIDER, False),)
    ),
}

# The service's staff also read the referral on the referrer's detail page.
STAFF_DETAIL = Logged(
    "service_staff", (("referral.view", "web", PROVIDER, True),), actor="service_staff"
)

# Requests that show none of the person's data, asked by someone who may use them: no row.
SHOWS_NOTHING: dict[str, tuple[str, Row | None]] = {
    "referrals:team_remove": ("referrer", None),  # redirects
    "referrals:case_refer": ("referrer", None),  # the person is not named on the form
    "referrals:notices_read": ("referrer", None),
    "referrals:refer": ("referrer", None),
    "referrals:refer_consent": ("referrer", None),
    "referrals:self_refer": ("anonymous", None),
    "referrals:self_refer_consent": ("anonymous", None),
    "referrals:service_settings": ("service_staff", None),
    "referrals:person_withdraw": ("anonymous", person_row("referrals:person_withdraw")),
    "referrals:person_erase": ("anonymous", person_row("referrals:person_erase")),
    "referrals:person_cancel": (
        "anonymous",
        Row(
            url("referrals:person_cancel", token=ptoken, referral_id=lambda s: s.referral.pk),
            reach=("anonymous",),
        ),
    ),
    "fhir:task": ("token_service", None),  # a Task holds no personal data
    "fhir:task_search": ("token_service", None),
}
# Not a read of someone's data: the capability statement; creating a referral (the caller
# sends the data it gets back).
NOT_READS = MACHINE_OTHER

XFAIL_NOTHING: dict[str, str] = {}
XFAIL_LOGGED: dict[str, str] = {}


# The person's own page shows their referrals and who looked (not their name); the PDF is
# compressed. Both are the person reading their own data.
OWN_UNCHECKED = {"referrals:person", "referrals:person_export_pdf"}


def test_every_referral_view_has_an_entry():
    names = referral_url_names() | referral_api_operations()
    known = set(LOGGED) | set(SHOWS_NOTHING) | NOT_READS

    assert names - known == set(), "referral views without an access-log entry"
    assert known - names == set(), "entries for views that no longer exist"
    assert set(HTML) | PERSON_OWN | set(MACHINE) | MACHINE_OTHER == names


def row_of(name: str, override: Row | None) -> Row:
    return override or HTML.get(name) or MACHINE[name]


def new_rows(before: int) -> list[DataAccess]:
    return list(DataAccess.objects.filter(pk__gt=before).order_by("pk"))


def last_id() -> int:
    latest = DataAccess.objects.order_by("-pk").values_list("pk", flat=True).first()
    return int(latest or 0)


def read(scene: Scene, viewer: str, row: Row) -> tuple[Any, list[DataAccess]]:
    """The request, and the rows it left (read before the request is rolled back, so what
    one request does never changes what the next finds)."""
    client = Client()
    headers: dict[str, Any] = {}
    if viewer in scene.bearer:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {scene.bearer[viewer]}"
    elif viewer != "anonymous":
        signed_in(client, scene.users[viewer])
    before = last_id()
    with transaction.atomic():
        response = getattr(client, row.method)(row.path(scene), row.data, **headers)
        rows = new_rows(before)
        transaction.set_rollback(True)
    return response, rows


def described(rows: list[DataAccess]) -> list[tuple[str, str, str, bool]]:
    return [(r.what, r.channel, r.organisation_label, r.referral_id is not None) for r in rows]


def check_logged(scene: Scene, name: str, entry: Logged) -> None:
    response, rows = read(scene, entry.viewer, row_of(name, entry.row))

    # An empty form answers 400 with the page again: still a read.
    assert response.status_code in {200, 400}, response.status_code
    if name not in OWN_UNCHECKED:
        body = body_of(response)
        assert any(text in body for text in TEXTS.values()), "shows no personal data"
    assert sorted(described(rows)) == sorted(entry.rows)
    actor = scene.users[entry.actor] if entry.actor else None
    case_id = scene.referral.case_id
    for access in rows:
        assert access.case_id == case_id
        assert access.actor_id == (actor.pk if actor else None)
        assert access.actor_label == (actor.email if actor else "")
        if access.referral_id is not None:
            assert access.referral_id == scene.referral.pk


def logged_params() -> list[Any]:
    params = []
    for name in sorted(LOGGED):
        marks = []
        if name in XFAIL_LOGGED:
            marks.append(pytest.mark.xfail(strict=True, reason=XFAIL_LOGGED[name]))
        params.append(pytest.param(name, id=name, marks=marks))
    return params


@pytest.mark.parametrize("name", logged_params())
def test_a_read_of_personal_data_leaves_its_rows(name):
    check_logged(scene_make("shared"), name, LOGGED[name])


def test_the_service_reading_the_referrers_page_is_logged_as_the_service():
    check_logged(scene_make("shared"), "referrals:detail", STAFF_DETAIL)


def nothing_params() -> list[Any]:
    params = []
    for name in sorted(SHOWS_NOTHING):
        marks = []
        if name in XFAIL_NOTHING:
            marks.append(pytest.mark.xfail(strict=True, reason=XFAIL_NOTHING[name]))
        params.append(pytest.param(name, id=name, marks=marks))
    return params


@pytest.mark.parametrize("name", nothing_params())
def test_a_request_showing_no_personal_data_leaves_no_row(name):
    scene = scene_make("shared")
    viewer, override = SHOWS_NOTHING[name]
    response, rows = read(scene, viewer, row_of(name, override))

    assert response.status_code < 500
    body = body_of(response)
    assert [t for t in TEXTS.values() if t in body] == []
    assert described(rows) == []


# Once the consent is withdrawn or has expired nobody sees the person's data: the same reads
# as above leave no row (the person's own page is the person reading, still logged).
WITHOUT_CONSENT = sorted(name for name in LOGGED if name not in PERSON_OWN)


@pytest.mark.parametrize("state", ["withdrawn", "expired", "anonymous"])
@pytest.mark.parametrize("name", WITHOUT_CONSENT)
def test_without_consent_no_read_is_logged(name, state):
    scene = scene_make(state)
    entry = LOGGED[name]
    response, rows = read(scene, entry.viewer, row_of(name, entry.row))

    assert response.status_code < 500
    assert described(rows) == []
    assert [t for t in TEXTS.values() if t in body_of(response)] == []


@pytest.mark.parametrize("name", ["referrals:detail", "referrals:case"])
def test_a_read_is_logged_once_per_request(name):
    scene = scene_make("shared")
    entry = LOGGED[name]
    row = row_of(name, entry.row)
    _, first = read(scene, entry.viewer, row)
    _, second = read(scene, entry.viewer, row)

    assert len(first) == len(second) == 1
