"""The consent matrix of the referrals (issue #15): no role sees a referral's personal data
that the person's consent does not grant it, on any page, API or FHIR operation.

One referral is made in each consent state (shared with the oncocoach, contact only,
withdrawn, expired, anonymous), and every referral page and API/FHIR read is asked by each
person and each organisation token. The person's name, their e-mail address, the reason and
the care team's note are distinctive strings: each must appear in an answer exactly when the
viewer's consent grants it (``selectors.sight_of`` / ``sight_of_organisation``) and the page
shows that field at all. The URL names come from the resolver and the API operations from the
OpenAPI document, so a new page or operation without a row fails
``test_every_referral_url_has_a_row``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from beoncosup.accounts import services as account_services
from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.models import Membership, Organisation
from beoncosup.accounts.testing import organisation_with, signed_in, user_create
from beoncosup.api import api
from beoncosup.referrals import services
from beoncosup.referrals.codes import CareRole, Channel, ContactMethod, DataCategory
from beoncosup.referrals.models import CareTeamMember, Consent, CoordinationNote, Referral
from beoncosup.referrals.testing import NEEDS, service_make, terms_make, world_make

pytestmark = pytest.mark.django_db

NAME = "An Peeters"
EMAIL = "an.peeters.q7z@example.org"
PHONE = "+32470987654"  # the contact-only person asked to be called
REASON = "Reden-QX7 angst sinds de diagnose"
NOTE = "Notitie-KW9 belt liever na vijf uur"
NEED = NEEDS[1]  # a need code: only the API and FHIR answers carry codes

# What each item of personal data belongs to in the consent.
ITEMS = {
    "name": DataCategory.CONTACT,
    "email": DataCategory.CONTACT,
    "phone": DataCategory.CONTACT,
    "reason": DataCategory.NEEDS,
    "note": DataCategory.NOTES,
    "need": DataCategory.NEEDS,
}
TEXTS = {
    "name": NAME,
    "email": EMAIL,
    "phone": PHONE,
    "reason": REASON,
    "note": NOTE,
    "need": NEED,
}
HTML_ITEMS = frozenset(
    {"name", "email", "phone", "reason", "note"}
)  # pages show need labels, not codes

STATES = ("shared", "contact_only", "withdrawn", "expired", "anonymous")
CATEGORIES = {
    "shared": (DataCategory.NEEDS, DataCategory.CONTACT, DataCategory.NOTES),
    "contact_only": (DataCategory.CONTACT,),
}

PEOPLE = (
    "anonymous",
    "referrer",  # the nurse who referred, oncocoach in the care team (the role the consent names)
    "team_gp",  # a GP added to the care team, a role the consent does not name
    "service_staff",  # staff of the provider holding the receiving service's listing
    "other_staff",  # staff of another provider
    "other_professional",  # a professional (and provider staff) of another organisation
    "editor",
    "analyst",
    "platform_admin",
)
TOKENS = ("token_referrer", "token_service", "token_other")


@dataclass
class Scene:
    """One referral in one consent state, with everyone who might ask for it."""

    state: str
    referral: Referral
    token: str  # the person's private link
    users: dict[str, Any] = field(default_factory=dict)
    bearer: dict[str, str] = field(default_factory=dict)  # viewer → API token secret
    service_id: Any = None


def scene_make(state: str, tag: str = "") -> Scene:
    """One referral in ``state`` and everyone around it; ``tag`` makes names and addresses
    unique, so several scenes can live in one database."""
    world = world_make(tag)
    consent = state != "anonymous"
    categories = CATEGORIES.get(state, CATEGORIES["shared"])
    if state == "contact_only":
        identity = services.Identity(
            name=NAME, contact_method=ContactMethod.PHONE, language="nl", phone=PHONE
        )
    else:
        identity = services.Identity(
            name=NAME, contact_method=ContactMethod.EMAIL, language="nl", email=EMAIL
        )
    referral, token = services.referral_create(
        service=world.service,
        needs=list(NEEDS),
        reason=REASON,
        language="nl",
        identity=identity if consent else None,
        terms=terms_make(categories=categories, care_roles=(CareRole.ONCOCOACH,))
        if consent
        else None,
        referrer=world.nurse,
        organisation=world.hospital,
        referrer_role=CareRole.ONCOCOACH,
    )
    case = referral.case
    assert case is not None
    CoordinationNote.objects.create(
        case=case, author=world.nurse, author_role=CareRole.ONCOCOACH, text=NOTE
    )
    CareTeamMember.objects.create(
        case=case,
        user=world.gp,
        organisation=Membership.objects.filter(user=world.gp).get().organisation,
        role=CareRole.GP,
        added_by=world.nurse,
    )
    if state == "withdrawn":
        services.consent_withdraw(case=case, channel=Channel.PERSON)
    if state == "expired":
        Consent.objects.filter(case=case).update(
            valid_until=timezone.localdate() - dt.timedelta(days=1)
        )
    other_service = service_make("Wandelgroep Elders", listing_name="Steunpunt Elders")
    other_provider = organisation_with(
        name=f"Steunpunt Elders{tag}",
        kind="provider",
        members={f"staff{tag}@elders.example": ["provider_staff"]},
    )
    other_provider.listings.add(other_service.organization)
    users = {
        "referrer": world.nurse,
        "team_gp": world.gp,
        "service_staff": world.staff,
        "other_staff": Membership.objects.get(organisation=other_provider).user,
        "other_professional": world.outsider,
    }
    for role in ("editor", "analyst", "platform_admin"):
        user = user_create(f"{role}{tag}@beoncosup.example")
        account_services.role_grant(
            user=user, role=getattr(PlatformRole, role.upper()), granted_by=None
        )
        users[role] = user
    organisations = {
        "token_referrer": world.hospital,
        "token_service": world.provider,
        "token_other": Organisation.objects.get(name=f"Ander ziekenhuis{tag}"),
    }
    bearer = {
        viewer: account_services.api_token_create(
            organisation=organisation, name="HIS", created_by=None, days=30
        ).secret
        for viewer, organisation in organisations.items()
    }
    return Scene(
        state=state,
        referral=Referral.objects.get(pk=referral.pk),
        token=token,
        users=users,
        bearer=bearer,
        service_id=world.service.pk,
    )


def granted(viewer: str, state: str) -> set[str]:
    """The items of personal data the consent grants this viewer (what sight_of says)."""
    if state not in CATEGORIES:
        return set()  # withdrawn, expired, anonymous: nobody sees anything
    categories = set(CATEGORIES[state])
    if viewer == "referrer":  # in the care team, in the role the consent names
        pass
    elif viewer in ("service_staff", "token_service", "token_referrer"):
        categories.discard(DataCategory.NOTES)  # notes are for the care team only
    else:
        categories = set()
    return {item for item, category in ITEMS.items() if category in categories}


def held(state: str) -> set[str]:
    """The items the referral holds at all: one contact channel; an anonymous referral keeps
    no name, contact or reason."""
    if state == "anonymous":
        return {"note", "need"}
    return set(TEXTS) - ({"email"} if state == "contact_only" else {"phone"})


# ----------------------------------------------------------------- the rows


@dataclass(frozen=True)
class Row:
    """One page or operation. ``shows``: the items it displays to its ``audience`` when the
    consent grants them (it must display them then, and nothing more); everyone else in
    ``reach`` (who asks: people or tokens) sees nothing of the person at all."""

    path: Callable[[Scene], str]
    shows: frozenset[str] = frozenset()
    audience: frozenset[str] = frozenset()
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    reach: tuple[str, ...] = PEOPLE
    only_with: str = ""  # the audience reaches it only when the consent grants this category


def url(name: str, **kwargs: Any) -> Callable[[Scene], str]:
    def build(scene: Scene) -> str:
        values = {k: v(scene) if callable(v) else v for k, v in kwargs.items()}
        with translation.override("en"):
            return reverse(name, kwargs=values)

    return build


def rid(scene: Scene) -> Any:
    return scene.referral.pk


def cid(scene: Scene) -> Any:
    return scene.referral.case_id


def ptoken(scene: Scene) -> str:
    return scene.token


def gp_member(scene: Scene) -> int:
    member = CareTeamMember.objects.get(case=scene.referral.case, role=CareRole.GP)
    return int(member.pk)


DETAIL = frozenset({"name", "email", "phone", "reason"})
CASE = frozenset({"name", "email", "phone", "note"})
API = frozenset({"name", "email", "phone", "need"})
FHIR_REQUEST = frozenset({"name", "email", "phone", "reason", "need"})
NONE: frozenset[str] = frozenset()
# Who reaches each kind of page at all (the others are refused, or see nothing personal).
REFERRER = frozenset({"referrer"})
SERVICE = frozenset({"service_staff"})
BOTH = REFERRER | SERVICE
SYSTEMS = frozenset({"token_referrer", "token_service"})


HTML: dict[str, Row] = {
    # Pages that show a referral or a person.
    "referrals:detail": Row(url("referrals:detail", referral_id=rid), DETAIL, BOTH),
    "referrals:cancel": Row(  # an empty form: the page again, with the referral
        url("referrals:cancel", referral_id=rid), DETAIL, REFERRER, method="post"
    ),
    "referrals:case": Row(url("referrals:case", case_id=cid), CASE, REFERRER),
    "referrals:team_add": Row(
        url("referrals:team_add", case_id=cid), CASE, REFERRER, method="post"
    ),
    "referrals:note_add": Row(
        url("referrals:note_add", case_id=cid),
        CASE,
        REFERRER,
        method="post",
        only_with=DataCategory.NOTES,
    ),
    "referrals:link_renew": Row(
        url("referrals:link_renew", case_id=cid), CASE, REFERRER, method="post"
    ),
    "referrals:team_remove": Row(  # redirects; shows nothing
        url("referrals:team_remove", case_id=cid, member_id=gp_member), NONE, method="post"
    ),
    "referrals:case_refer": Row(url("referrals:case_refer", case_id=cid), NONE),
    "referrals:inbox": Row(
        lambda s: url("referrals:inbox")(s) + "?status=all", frozenset({"name"}), SERVICE
    ),
    "referrals:inbox_detail": Row(url("referrals:inbox_detail", referral_id=rid), DETAIL, SERVICE),
    "referrals:inbox_move": Row(  # no step chosen: the page again, with the referral
        url("referrals:inbox_move", referral_id=rid), DETAIL, SERVICE, method="post"
    ),
    "referrals:followed": Row(url("referrals:followed"), frozenset({"name"}), REFERRER),
    "referrals:notices_read": Row(url("referrals:notices_read"), NONE, method="post"),
    # Pages that show no existing referral: still nothing of the person may appear.
    "referrals:refer": Row(url("referrals:refer"), NONE),
    "referrals:refer_consent": Row(url("referrals:refer_consent"), NONE, method="post"),
    "referrals:self_refer": Row(url("referrals:self_refer"), NONE),
    "referrals:self_refer_consent": Row(url("referrals:self_refer_consent"), NONE, method="post"),
    "referrals:service_settings": Row(
        url("referrals:service_settings", service_id=lambda s: s.service_id), NONE
    ),
}

# The person's own pages: whoever holds the private link is the person (no role, no consent
# question); tested in beoncosup/referrals/tests/test_person.py and the access-log test.
PERSON_OWN = {
    "referrals:person",
    "referrals:person_withdraw",
    "referrals:person_cancel",
    "referrals:person_export_json",
    "referrals:person_export_pdf",
    "referrals:person_erase",
}


def fhir(path: Callable[[Scene], str]) -> Callable[[Scene], str]:
    return lambda s: "/api/fhir/" + path(s)


MACHINE: dict[str, Row] = {
    "GET /api/v1/referrals/{referral_id}": Row(
        lambda s: f"/api/v1/referrals/{s.referral.pk}", API, SYSTEMS, reach=TOKENS
    ),
    "fhir:task": Row(fhir(lambda s: f"Task/{s.referral.pk}"), NONE, reach=TOKENS),
    "fhir:service_request": Row(
        fhir(lambda s: f"ServiceRequest/{s.referral.pk}"), FHIR_REQUEST, SYSTEMS, reach=TOKENS
    ),
    "fhir:consent": Row(
        fhir(lambda s: f"Consent/{s.referral.pk}"),
        frozenset({"name", "email", "phone"}),
        SYSTEMS,
        reach=TOKENS,
    ),
    "fhir:task_search": Row(fhir(lambda s: "Task?_count=50"), NONE, reach=TOKENS),
    "fhir:service_request_search": Row(
        fhir(lambda s: "ServiceRequest?_count=50"), FHIR_REQUEST, SYSTEMS, reach=TOKENS
    ),
}
# Operations that show no existing referral (the capability statement; creating one).
MACHINE_OTHER = {"fhir:metadata", "POST /api/v1/referrals"}


def referral_url_names() -> set[str]:
    """Every URL name of the referrals pages and of the FHIR API, from the resolver."""
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and namespace in ("referrals", "fhir"):
                names.add(f"{namespace}:{pattern.name}")

    with translation.override("en"):
        walk(get_resolver().url_patterns, "")
    return names


def referral_api_operations() -> set[str]:
    schema = api.get_openapi_schema(path_prefix="/api/")
    return {
        f"{method.upper()} {route}"
        for route, methods in schema["paths"].items()
        for method in methods
        if route.startswith("/api/v1/referrals")
    }


def test_every_referral_url_has_a_row():
    known = set(HTML) | PERSON_OWN | {n for n in MACHINE if ":" in n.split(" ")[0]}
    known |= {n for n in MACHINE_OTHER if n.startswith("fhir:")}
    names = referral_url_names()

    assert names - known == set(), "referral URLs without a row in the consent matrix"
    assert known - names == set(), "rows for URLs that no longer exist"
    operations = {n for n in (*MACHINE, *MACHINE_OTHER) if n.split(" ")[0] in {"GET", "POST"}}
    assert referral_api_operations() == operations


# ----------------------------------------------------------------- asking


def ask(scene: Scene, viewer: str, row: Row) -> Any:
    """One request, rolled back afterwards (a renewed link or a moved referral does not change
    what the next viewer finds)."""
    client = Client()
    headers: dict[str, Any] = {}
    if viewer in scene.bearer:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {scene.bearer[viewer]}"
    elif viewer != "anonymous":
        signed_in(client, scene.users[viewer])
    path = row.path(scene)
    with transaction.atomic():
        response = getattr(client, row.method)(path, row.data, **headers)
        transaction.set_rollback(True)
    return response


def body_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return bytes(content).decode("utf-8", "replace")


def seen_in(body: str, checked: frozenset[str]) -> set[str]:
    return {item for item in checked if TEXTS[item] in body}


CHECKED_HTML = HTML_ITEMS
CHECKED_MACHINE = frozenset(TEXTS)


def cases() -> list[Any]:
    params = []
    for state in STATES:
        for name in sorted(HTML):
            params.append(pytest.param(state, name, id=f"{state}-{name}"))
        for name in sorted(MACHINE):
            params.append(pytest.param(state, name, id=f"{state}-{name}"))
    return params


@pytest.fixture(scope="module")
def scenes(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Scene]]:
    """The five scenes, built once for the module inside a transaction rolled back at its end.
    Each test runs in a savepoint inside it, and each request in ``ask`` is rolled back too, so
    no test sees another's writes (a scene takes about 1.5 s to build)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield {state: scene_make(state, tag=f"-{state}") for state in STATES}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.parametrize(("state", "name"), cases())
def test_each_viewer_sees_only_what_the_consent_grants(scenes, state, name):
    scene = scenes[state]
    row = HTML.get(name) or MACHINE[name]
    checked = CHECKED_HTML if name in HTML else CHECKED_MACHINE
    problems = []
    for viewer in row.reach:
        response = ask(scene, viewer, row)
        assert response.status_code < 500, (viewer, response.status_code)
        seen = seen_in(body_of(response), checked)
        expected = set(row.shows & checked) & granted(viewer, state) & held(state)
        writes = not row.only_with or row.only_with in CATEGORIES.get(state, ())
        if viewer not in row.audience or not writes:
            expected = set()
        if seen != expected:
            problems.append(
                f"{viewer} ({response.status_code}): "
                f"saw {sorted(seen)}, expected {sorted(expected)}"
            )
    assert problems == [], f"{name} in state {state}"
