"""Studies of the research inventory as feedback targets: published ones only; resolving a
report records that the study's facts were checked today."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.testing import signed_in
from beoncosup.feedback.targets import target_kind
from beoncosup.feedback.tests.factories import report_make
from beoncosup.providers.tests.factories import editor
from beoncosup.research.codes import Review
from beoncosup.research.models import Study
from beoncosup.research.tests.factories import study_create

pytestmark = pytest.mark.django_db


def test_a_published_study_resolves_and_a_proposed_one_does_not():
    kind = target_kind("study")
    published = study_create(title={"nl": "Studie A", "en": "Study A"})
    proposed = study_create(review=Review.PROPOSED)

    assert kind is not None
    with translation.override("en"):
        target = kind.resolve(str(published.pk))
        page = reverse("research:study", kwargs={"study_id": published.pk})
    assert target is not None and target.title == "Study A"
    assert target.url == page
    assert kind.resolve(str(proposed.pk)) is None
    assert kind.resolve("nope") is None


def test_resolving_a_study_report_records_the_check(client):
    study = study_create(checked_on=None)
    report = report_make(kind="study", object_id=study.pk, title="Study")
    signed_in(client, editor())
    with translation.override("en"):
        url = reverse("feedback:report_detail", kwargs={"report_id": report.pk})

    response = client.post(url, {"action": "resolve"})

    assert response.status_code == 302
    assert Study.objects.get(pk=study.pk).checked_on == timezone.localdate()
