"""The demo inventory: plausible, marked as demo, safe twice, refused in production."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from beoncosup.research.codes import Review
from beoncosup.research.demo import PROPOSED, STUDIES
from beoncosup.research.models import Study
from beoncosup.research.tests.factories import needs_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def setup() -> None:
    needs_make()


def test_load_demo_research_makes_demo_studies_once():
    call_command("load_demo_research")
    call_command("load_demo_research")

    studies = Study.objects.all()
    assert studies.count() == 10
    assert all(study.is_demo for study in studies)
    assert studies.filter(review=Review.PUBLISHED).count() == 9
    assert {study.status for study in studies} == {"planned", "recruiting", "running", "finished"}
    published = studies.filter(review=Review.PUBLISHED)
    assert all(study.lay_summary_reviewed for study in published)
    assert all(study.source_url and study.checked_on for study in studies)
    four = [s for s in studies if s.lay_summary_languages == ["nl", "fr", "de", "en"]]
    assert len(four) >= 7


def test_load_demo_research_replace_makes_them_anew():
    call_command("load_demo_research")
    first = set(Study.objects.values_list("pk", flat=True))

    call_command("load_demo_research", "--replace")

    assert Study.objects.count() == 10
    assert first.isdisjoint(Study.objects.values_list("pk", flat=True))


@override_settings(PRODUCTION=True)
def test_load_demo_research_is_refused_in_production():
    with pytest.raises(CommandError, match="refused in production"):
        call_command("load_demo_research")

    assert Study.objects.count() == 0


def test_demo_studies_name_needs_of_the_real_taxonomy():
    taxonomy = (
        Path(__file__).resolve().parents[2] / "taxonomy" / "data" / "needs-taxonomy.yaml"
    ).read_text(encoding="utf-8")
    codes = {code for data in [*STUDIES, PROPOSED] for code in data["needs"]}

    known = set(re.findall(r"code: ([A-Z0-9.-]+)", taxonomy))

    assert sorted(codes - known) == []
