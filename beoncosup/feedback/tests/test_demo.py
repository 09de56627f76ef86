"""load_demo_feedback: demo reports on demo records, safe twice, refused in production."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from beoncosup.feedback.models import Report
from beoncosup.feedback.tests.factories import held_service

pytestmark = pytest.mark.django_db


def test_demo_reports_are_made_once_and_marked_demo():
    service = held_service().service
    service.is_demo = True
    service.save()

    call_command("load_demo_feedback")
    first = Report.objects.count()
    call_command("load_demo_feedback")

    assert first == 3  # the service reports; no article exists here
    assert Report.objects.count() == first
    assert set(Report.objects.values_list("is_demo", flat=True)) == {True}
    assert set(Report.objects.values_list("object_id", flat=True)) == {str(service.pk)}
    assert set(Report.objects.values_list("status", flat=True)) == {
        "new",
        "in_progress",
        "resolved",
    }


def test_demo_feedback_is_refused_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError):
        call_command("load_demo_feedback")
    assert Report.objects.count() == 0
