"""Professionals on a plan: made together in a consultation, or invited by the person (consent),
seen and edited signed in, removed by the person; their reads are logged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.workplans.models import WorkPlan, WorkPlanHelper, WorkPlanInvitation
from beoncosup.workplans.services import helpers
from beoncosup.workplans.tests.factories import coach_make, plan_make, share_make, url

pytestmark = pytest.mark.django_db


def invited(plan: WorkPlan, role: str = "career_coach") -> WorkPlanInvitation:
    return helpers.invitation_create(plan=plan, role=role)


def test_professional_makes_a_plan_with_the_person_and_keeps_it(client: Client) -> None:
    coach = coach_make()
    signed_in(client, coach)

    page = client.get(url("start")).content.decode()
    response = client.post(
        url("start"),
        {
            "title": "Plan with Mira",
            "start_date": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
            "employer_language": "fr",
            "helper_role": "occupational_physician",
        },
    )

    plan = WorkPlan.objects.get()
    assert 'name="helper_role"' in page
    assert response["Location"].startswith(url("plan", token=plan.token))
    helper = plan.helpers.get()
    assert (helper.user, helper.role) == (coach, "occupational_physician")
    mine = client.get(url("mine"))
    assert [p.pk for p in mine.context["plans"]] == [plan.pk]


def test_person_invites_a_coach_who_joins_signed_in(client: Client) -> None:
    plan = plan_make()
    response = client.post(url("invite", token=plan.token), {"role": "career_coach"})
    invitation = WorkPlanInvitation.objects.get(plan=plan)
    page = client.get(url("plan", token=plan.token)).content.decode()
    coach = coach_make()
    signed_in(client, coach)

    shown = client.get(url("join", token=invitation.token))
    joined = client.post(url("join", token=invitation.token))

    assert response.status_code == 302
    assert url("join", token=invitation.token) in page
    assert shown.status_code == 200
    assert joined["Location"] == url("helper_plan", plan_id=plan.pk)
    assert plan.helpers.get().user == coach
    assert AuditEvent.objects.filter(action="workplans.helper_added", actor=coach).exists()


def test_invitation_works_once(client: Client) -> None:
    plan = plan_make()
    invitation = invited(plan)
    signed_in(client, coach_make())
    client.post(url("join", token=invitation.token))
    client.logout()
    signed_in(client, coach_make("other.coach@example.org"))

    response = client.post(url("join", token=invitation.token))

    assert response.status_code == 410
    assert plan.helpers.count() == 1


def test_expired_invitation_answers_410(client: Client) -> None:
    plan = plan_make()
    invitation = invited(plan)
    WorkPlanInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    signed_in(client, coach_make())

    response = client.post(url("join", token=invitation.token))

    assert response.status_code == 410
    assert not plan.helpers.exists()


def test_join_needs_sign_in_and_a_professional(client: Client) -> None:
    plan = plan_make()
    invitation = invited(plan)

    anonymous = client.get(url("join", token=invitation.token))
    signed_in(client, user_create("someone@example.org"))
    no_role = client.post(url("join", token=invitation.token))

    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    assert no_role.status_code == 403
    assert not plan.helpers.exists()


def test_helper_sees_and_edits_the_plan_and_reads_are_logged(client: Client) -> None:
    plan = plan_make()
    coach = coach_make()
    WorkPlanHelper.objects.create(plan=plan, user=coach, role="career_coach")
    signed_in(client, coach)

    page = client.get(url("helper_plan", plan_id=plan.pk))
    pdf = client.get(url("helper_pdf", plan_id=plan.pk))
    edit = client.post(
        url("helper_item_add", plan_id=plan.pk, kind="review"),
        {"date": (plan.start_date + dt.timedelta(days=40)).isoformat(), "note": "Check-in"},
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert plan.token not in html  # helpers never get the person's private link
    assert 'id="helpers"' not in html  # only the person manages the professionals
    assert url("share", token=plan.token) not in html
    assert pdf["Content-Type"] == "application/pdf"
    assert edit["Location"].startswith(url("helper_plan", plan_id=plan.pk))
    assert plan.reviews.filter(note="Check-in").exists()
    reads = AuditEvent.objects.filter(action="workplans.plan_read", actor=coach)
    assert sorted(e.detail["document"] for e in reads) == ["page", "pdf"]
    change = AuditEvent.objects.filter(action="workplans.plan_changed", actor=coach).get()
    assert change.detail == {"part": "review"}


def test_another_professional_gets_404(client: Client) -> None:
    plan = plan_make()
    WorkPlanHelper.objects.create(plan=plan, user=coach_make(), role="career_coach")
    signed_in(client, coach_make("other.coach@example.org"))

    page = client.get(url("helper_plan", plan_id=plan.pk))
    add = client.post(
        url("helper_item_add", plan_id=plan.pk, kind="review"), {"date": "2030-01-01"}
    )

    assert (page.status_code, add.status_code) == (404, 404)
    assert plan.reviews.count() == 1


def test_person_removes_the_coach_who_then_sees_nothing(client: Client) -> None:
    plan = plan_make()
    coach = coach_make()
    helper = WorkPlanHelper.objects.create(plan=plan, user=coach, role="career_coach")
    person = Client()

    response = person.post(url("helper_remove", token=plan.token, helper_id=helper.pk))
    signed_in(client, coach)

    assert response.status_code == 302
    assert not plan.helpers.exists()
    assert client.get(url("helper_plan", plan_id=plan.pk)).status_code == 404
    assert client.get(url("mine")).context["plans"] == []
    assert AuditEvent.objects.filter(action="workplans.helper_removed").exists()


def test_removing_a_helper_of_another_plan_is_404(client: Client) -> None:
    plan = plan_make()
    other = plan_make(title="Other")
    helper = WorkPlanHelper.objects.create(plan=other, user=coach_make(), role="career_coach")

    response = client.post(url("helper_remove", token=plan.token, helper_id=helper.pk))

    assert response.status_code == 404
    assert other.helpers.count() == 1


def test_mine_needs_a_professional(client: Client) -> None:
    anonymous = client.get(url("mine"))
    signed_in(client, user_create("someone@example.org"))

    assert "/accounts/login/" in anonymous["Location"]
    assert client.get(url("mine")).status_code == 403


@pytest.mark.parametrize("count", [1, 3])
def test_mine_query_count_does_not_grow_with_plans(
    client: Client, django_assert_max_num_queries: Any, count: int
) -> None:
    coach = coach_make()
    for index in range(count):
        plan = plan_make(title=f"Plan {index}")
        WorkPlanHelper.objects.create(plan=plan, user=coach, role="career_coach")
    signed_in(client, coach)

    # session, user and roles (8), plans and roles (2), header counter, session save
    with django_assert_max_num_queries(14):
        response = client.get(url("mine"))

    assert len(response.context["plans"]) == count


def test_person_makes_a_new_private_link_and_the_old_one_stops_working(client: Client) -> None:
    plan = plan_make()
    old = plan.token
    share = share_make(plan)

    response = client.post(url("link_renew", token=old))

    plan.refresh_from_db()
    assert plan.token != old
    assert response["Location"].startswith(url("plan", token=plan.token))
    assert client.get(url("plan", token=old)).status_code == 404
    assert client.get(url("plan", token=plan.token)).status_code == 200
    assert client.get(url("shared", token=share.token)).status_code == 200  # shares stay
    assert AuditEvent.objects.filter(action="workplans.link_renewed").count() == 1
