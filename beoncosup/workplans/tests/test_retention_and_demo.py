"""Retention (plans not edited for BEONCOSUP_WORKPLAN_RETENTION_DAYS go, with their share
links) and the demo command."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.workplans.models import WorkPlan, WorkPlanContact, WorkPlanShare
from beoncosup.workplans.services.retention import plans_purge
from beoncosup.workplans.tests.factories import plan_make, share_make, url

pytestmark = pytest.mark.django_db


def aged(plan: WorkPlan, days: int) -> None:
    WorkPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now() - dt.timedelta(days=days))


def test_purge_deletes_plans_not_edited_for_730_days_with_their_shares(client: Client) -> None:
    old, recent = plan_make(title="Old"), plan_make(title="Recent")
    old_share = share_make(old)
    aged(old, 731)
    aged(recent, 729)

    deleted = plans_purge()

    assert deleted == 1
    assert list(WorkPlan.objects.values_list("title", flat=True)) == ["Recent"]
    assert not WorkPlanShare.objects.filter(pk=old_share.pk).exists()
    assert not WorkPlanContact.objects.filter(plan_id=old.pk).exists()
    assert client.get(url("shared", token=old_share.token)).status_code == 404
    assert AuditEvent.objects.get(action="workplans.purged").detail == {"deleted": 1}


@override_settings(BEONCOSUP_WORKPLAN_RETENTION_DAYS=30)
def test_purge_follows_the_setting(client: Client) -> None:
    plan = plan_make()
    aged(plan, 31)

    page_days = client.get(url("start")).context["retention_days"]
    deleted = plans_purge()

    assert (page_days, deleted) == (30, 1)


def test_an_edit_restarts_the_period(client: Client) -> None:
    plan = plan_make()
    aged(plan, 731)

    client.post(url("plan", token=plan.token), {"section": "notes", "notes": "still here"})

    assert plans_purge() == 0


def test_purge_command_runs_the_task() -> None:
    plan = plan_make()
    aged(plan, 800)
    out = io.StringIO()

    call_command("purge_workplans", stdout=out)

    assert "Enqueued the purge of plans not edited for 730 days" in out.getvalue()
    assert not WorkPlan.objects.exists()  # tests run tasks at once


def test_demo_command_makes_one_demo_plan_with_a_share_and_is_safe_twice(
    client: Client,
) -> None:
    first, second = io.StringIO(), io.StringIO()

    call_command("load_demo_workplans", stdout=first)
    call_command("load_demo_workplans", stdout=second)

    plan = WorkPlan.objects.get()
    share = WorkPlanShare.objects.get()
    assert plan.is_demo
    assert plan.phases.count() == 3
    assert share.plan == plan
    assert "made" in first.getvalue()
    assert "nothing new made" in second.getvalue()
    assert share.token in second.getvalue() and plan.token in second.getvalue()
    shared = client.get(url("shared", token=share.token)).content.decode()
    assert "badge-demo" in shared
    assert "Demo private note" not in shared


@override_settings(PRODUCTION=True)
def test_demo_command_is_refused_in_production() -> None:
    with pytest.raises(CommandError):
        call_command("load_demo_workplans", stdout=io.StringIO())

    assert not WorkPlan.objects.exists()
