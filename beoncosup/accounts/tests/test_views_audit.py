"""The audit trail pages and their CSV export: filters, scope, paging, formula escaping."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.testing import organisation_with, signed_in, user_create
from beoncosup.accounts.views import CSV_COLUMNS, csv_cell
from beoncosup.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def hospital() -> Organisation:
    return organisation_with(members={"admin@az.example": [OrgRole.ORG_ADMIN]})


@pytest.fixture
def other() -> Organisation:
    return organisation_with(name="Huisartsen Noord", members={"gp@noord.example": ["org_admin"]})


@pytest.fixture
def root() -> Any:
    user = user_create("root@beoncosup.example")
    services.role_grant(user=user, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)
    return user


def _event(organisation: Organisation | None, **fields: Any) -> AuditEvent:
    return AuditEvent.objects.create(
        organisation_id=organisation.pk if organisation else None,
        organisation_label=organisation.name if organisation else "",
        **fields,
    )


def _csv(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_audit_filters_by_action_actor_organisation_and_dates(
    client: Client, hospital: Organisation, other: Organisation, root: Any
) -> None:
    day = timezone.make_aware(datetime(2026, 3, 10, 12))
    _event(hospital, action="auth.signed_in", actor_label="ann@az.example", at=day)
    _event(hospital, action="auth.failed", actor_label="bob@az.example", at=day)
    _event(other, action="auth.signed_in", actor_label="ann@az.example", at=day)
    _event(
        hospital, action="auth.signed_in", actor_label="ann@az.example", at=day - timedelta(days=5)
    )
    _event(hospital, action="role.granted", actor_label="ann@az.example", at=day)

    response = signed_in(client, root).get(
        reverse("accounts:audit"),
        {
            "action": "auth.",
            "actor": "ANN@",
            "organisation": str(hospital.pk),
            "since": "2026-03-09",
            "until": "2026-03-10",
        },
    )

    rows = [(e.action, e.organisation_label, e.at) for e in response.context["page"]]
    assert rows == [("auth.signed_in", "AZ Voorbeeld", day)]


def test_audit_is_paged_by_50_newest_first(client: Client, root: Any) -> None:
    start = timezone.now() - timedelta(days=1)
    for n in range(51):
        _event(None, action=f"test.e{n:02}", at=start + timedelta(minutes=n))
    signed_in(client, root)

    first = client.get(reverse("accounts:audit"), {"action": "test."})
    second = client.get(reverse("accounts:audit"), {"action": "test.", "page": "2"})

    assert len(first.context["page"]) == 50
    assert first.context["page"][0].action == "test.e50"
    assert [e.action for e in second.context["page"]] == ["test.e00"]
    assert "action=test.&amp;page=2" in first.content.decode()


@pytest.mark.parametrize(
    "query",
    [{"since": "yesterday"}, {"since": "2026-03-10", "until": "2026-03-01"}, {"actor": "x" * 101}],
    ids=["bad date", "reversed range", "too long"],
)
def test_audit_bad_filter_shows_the_form(client: Client, root: Any, query: dict[str, str]) -> None:
    response = signed_in(client, root).get(reverse("accounts:audit"), query)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert response.context["page"] is None


@pytest.mark.parametrize("count", [1, 30])
def test_audit_query_count_does_not_grow(
    client: Client,
    hospital: Organisation,
    root: Any,
    count: int,
    django_assert_max_num_queries: Any,
) -> None:
    for n in range(count):
        _event(hospital, action="test.x", actor_label=f"p{n}@az.example")
    signed_in(client, root)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("accounts:audit"), {"action": "test."})

    assert response.context["page"].paginator.count == count


def test_organisation_audit_shows_only_its_events(
    client: Client, hospital: Organisation, other: Organisation
) -> None:
    _event(hospital, action="test.mine")
    _event(other, action="test.theirs")
    _event(None, action="test.platform")
    admin = hospital.memberships.get().user

    response = signed_in(client, admin).get(
        reverse("accounts:organisation_audit", kwargs={"slug": hospital.slug}),
        {"action": "test.", "organisation": str(other.pk)},
    )

    assert [e.action for e in response.context["page"]] == ["test.mine"]
    assert "organisation" not in response.context["form"].fields


def test_audit_export_csv_content_and_columns(
    client: Client, hospital: Organisation, root: Any
) -> None:
    at = timezone.make_aware(datetime(2026, 3, 10, 12))
    _event(
        hospital,
        action="test.role",
        actor_label="ann@az.example",
        target_type="auth.user",
        target_id="7",
        target_label="bob@az.example",
        detail={"role": "professional"},
        at=at,
    )

    response = signed_in(client, root).get(reverse("accounts:audit_export"), {"action": "test."})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-')
    assert _csv(response) == [
        CSV_COLUMNS,
        [
            at.astimezone(UTC).isoformat(),
            "test.role",
            "ann@az.example",
            "AZ Voorbeeld",
            "auth.user",
            "7",
            "bob@az.example",
            json.dumps({"role": "professional"}),
        ],
    ]


def test_audit_export_escapes_formulas(client: Client, hospital: Organisation, root: Any) -> None:
    _event(
        hospital,
        action="test.formula",
        actor_label='=HYPERLINK("http://evil")',
        target_label="+1",
        target_id="-2",
        target_type="@sum",
    )

    response = signed_in(client, root).get(reverse("accounts:audit_export"), {"action": "test."})

    row = _csv(response)[1]
    assert (row[2], row[4], row[5], row[6]) == (
        '\'=HYPERLINK("http://evil")',
        "'@sum",
        "'-2",
        "'+1",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"), ("a=b", "a=b"), (None, "")],
)
def test_csv_cell(value: Any, expected: str) -> None:
    assert csv_cell(value) == expected


def test_organisation_audit_export_only_its_events(
    client: Client, hospital: Organisation, other: Organisation
) -> None:
    _event(hospital, action="test.mine")
    _event(other, action="test.theirs")
    admin = hospital.memberships.get().user

    response = signed_in(client, admin).get(
        reverse("accounts:organisation_audit_export", kwargs={"slug": hospital.slug}),
        {"action": "test."},
    )

    assert [row[1] for row in _csv(response)[1:]] == ["test.mine"]
