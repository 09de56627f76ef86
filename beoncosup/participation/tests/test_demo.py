"""load_demo_participation: demo groups, sessions (past with minutes, one to come), an action
in each status linked to the demo sessions and demo consultations; all marked demo; safe
twice; refused in production."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from beoncosup.participation.models import Action, GroupSession, Registration, WorkingGroup
from beoncosup.participation.tests.factories import consultation_create, taxonomy_make
from beoncosup.taxonomy.models import Domain

pytestmark = pytest.mark.django_db


def test_the_demo_is_made_once_and_marked_demo():
    taxonomy_make()
    Domain.objects.get_or_create(code="SOC", defaults={"label": "Social", "label_en": "Social"})
    demo_consultation = consultation_create(slug="demo-work", is_demo=True)
    consultation_create(slug="real-one")
    out = StringIO()

    call_command("load_demo_participation", stdout=out)
    call_command("load_demo_participation", stdout=out)

    assert WorkingGroup.objects.count() == 3
    assert GroupSession.objects.count() == 9
    assert all(WorkingGroup.objects.values_list("is_demo", flat=True))
    assert all(GroupSession.objects.values_list("is_demo", flat=True))
    assert all(Registration.objects.values_list("is_demo", flat=True))
    assert GroupSession.objects.exclude(published_at=None).count() == 6
    actions = list(Action.objects.all())
    assert sorted(a.status for a in actions) == ["done", "in_progress", "planned", "rejected"]
    assert all(a.is_demo and a.published for a in actions)
    assert all(a.sessions.exists() for a in actions)
    linked = {c.slug for a in actions for c in a.consultations.all()}
    assert linked == {demo_consultation.slug}
    assert "already there" in out.getvalue()


def test_the_demo_is_refused_in_production():
    with override_settings(PRODUCTION=True), pytest.raises(CommandError):
        call_command("load_demo_participation", stdout=StringIO())
    assert not WorkingGroup.objects.exists()
