"""Validation: phases after the start, in order and not overlapping, sensible hours, contacts'
e-mail and phone, NUL characters; bad input shows the form again and changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from beoncosup.workplans.models import WorkPlan, WorkPlanPhase
from beoncosup.workplans.tests.factories import plan_make, url

pytestmark = pytest.mark.django_db


def stored(table: str, columns: str, pk: int) -> tuple[str, ...]:
    """The columns as the database holds them (not decrypted)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return tuple(cursor.fetchone())


def phase_post(client: Client, plan: WorkPlan, **fields: Any) -> Any:
    data = {"name": "Phase", "hours_per_week": "16", **fields}
    return client.post(url("item_add", token=plan.token, kind="phase"), data)


def after(plan: WorkPlan, days: int) -> str:
    return (plan.start_date + dt.timedelta(days=days)).isoformat()


def test_phase_after_the_others_is_added(client: Client) -> None:
    plan = plan_make()

    response = phase_post(client, plan, starts_on=after(plan, 56), ends_on=after(plan, 80))

    assert response.status_code == 302
    assert [p.name for p in plan.phases.all()] == ["Weeks 1 to 4", "Weeks 5 to 8", "Phase"]


def test_phase_before_the_start_is_refused(client: Client) -> None:
    plan = plan_make()

    response = phase_post(client, plan, starts_on=after(plan, -3), ends_on=after(plan, -1))

    assert response.status_code == 400
    assert response.context["form"].errors["starts_on"] == [
        f"A phase starts on or after the plan's start date ({plan.start_date.isoformat()})."
    ]
    assert WorkPlanPhase.objects.filter(plan=plan).count() == 2


def test_phase_ending_before_it_starts_is_refused(client: Client) -> None:
    plan = plan_make()

    response = phase_post(client, plan, starts_on=after(plan, 70), ends_on=after(plan, 60))

    assert response.status_code == 400
    assert response.context["form"].errors["ends_on"] == ["The end date is before the start date."]


def test_overlapping_phase_is_refused_with_the_other_phase_named(client: Client) -> None:
    plan = plan_make()

    response = phase_post(client, plan, starts_on=after(plan, 20), ends_on=after(plan, 40))

    assert response.status_code == 400
    [message] = response.context["form"].errors["starts_on"]
    assert "overlaps the phase “Weeks 1 to 4”" in message
    assert "Please check what you entered" in response.content.decode()
    assert plan.phases.count() == 2


def test_a_phase_changed_within_its_own_dates_is_no_overlap(client: Client) -> None:
    plan = plan_make()
    phase = plan.phases.first()
    assert phase is not None

    response = client.post(
        url("item_edit", token=plan.token, kind="phase", item_id=phase.pk),
        {
            "name": "First weeks",
            "starts_on": phase.starts_on.isoformat(),
            "ends_on": (phase.ends_on - dt.timedelta(days=1)).isoformat(),
            "hours_per_week": "10",
        },
    )

    assert response.status_code == 302
    phase.refresh_from_db()
    assert (phase.name, phase.hours_per_week) == ("First weeks", Decimal("10"))


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("61", "The hours per week cannot be more than 60."),
        ("-1", "The hours per week cannot be below 0."),
        ("many", "Enter a number of hours, for example 16 or 19.5."),
        ("12.25", "Use at most one decimal, for example 19.5."),
    ],
)
def test_hours_outside_0_to_60_are_refused(client: Client, hours: str, message: str) -> None:
    plan = plan_make()

    response = phase_post(
        client, plan, starts_on=after(plan, 60), ends_on=after(plan, 70), hours_per_week=hours
    )

    assert response.status_code == 400
    assert response.context["form"].errors["hours_per_week"] == [message]


def test_more_than_twelve_hours_a_day_is_refused(client: Client) -> None:
    plan = plan_make()

    response = phase_post(
        client,
        plan,
        starts_on=after(plan, 60),
        ends_on=after(plan, 70),
        hours_per_week="30",
        days=["mon", "tue"],
    )

    assert response.status_code == 400
    assert response.context["form"].errors["hours_per_week"] == [
        "That is more than 12 hours a day: add days or lower the hours."
    ]


def test_start_date_after_the_first_phase_is_refused(client: Client) -> None:
    plan = plan_make()

    response = client.post(
        url("plan", token=plan.token),
        {
            "section": "details",
            "title": "Later",
            "start_date": after(plan, 3),
            "employer_language": "fr",
        },
    )

    assert response.status_code == 400
    assert response.context["forms"]["details"].errors["start_date"] == [
        f"The first phase starts on {plan.start_date.isoformat()}: the start date cannot be later."
    ]
    plan.refresh_from_db()
    assert plan.title == "Back at the bakery"


def test_review_before_the_start_is_refused(client: Client) -> None:
    plan = plan_make()

    response = client.post(
        url("item_add", token=plan.token, kind="review"), {"date": after(plan, -1)}
    )

    assert response.status_code == 400
    assert plan.reviews.count() == 1


def test_contact_phone_and_email_are_validated(client: Client) -> None:
    plan = plan_make()

    response = client.post(
        url("item_add", token=plan.token, kind="contact"),
        {"role": "manager", "name": "Max", "email": "not-an-address", "phone": "12"},
    )

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["email"] == ["Enter an e-mail address such as name@example.org."]
    assert errors["phone"][0].startswith("Enter a phone number as you would dial it")
    assert plan.contacts.count() == 2


def test_contact_phone_is_stored_in_e164_and_encrypted(client: Client) -> None:
    plan = plan_make()

    response = client.post(
        url("item_add", token=plan.token, kind="contact"),
        {"role": "manager", "name": "Max Manager", "email": "", "phone": "02 555 01 99"},
    )

    assert response.status_code == 302
    contact = plan.contacts.last()
    assert contact is not None
    assert (contact.name, contact.phone) == ("Max Manager", "+3225550199")
    raw = stored("workplans_workplancontact", "name, phone", contact.pk)
    assert all(value.startswith("enc1:") for value in raw)


def test_first_name_is_encrypted_at_rest() -> None:
    plan = plan_make()

    [raw] = stored("workplans_workplan", "first_name", plan.pk)

    assert raw.startswith("enc1:")
    assert plan.first_name == "Mira"


def test_nul_character_is_refused_and_nothing_changes(client: Client) -> None:
    plan = plan_make()

    response = phase_post(
        client, plan, starts_on=after(plan, 60), ends_on=after(plan, 70), name="Bad\x00name"
    )

    assert 400 <= response.status_code < 500
    assert plan.phases.count() == 2


def test_unknown_section_is_refused(client: Client) -> None:
    plan = plan_make()

    response = client.post(url("plan", token=plan.token), {"section": "token"})

    assert response.status_code == 400
