"""load_navigator_measures: idempotent, updates by code, all or nothing with clear problems."""

from __future__ import annotations

import io
from typing import Any

import pytest
import yaml
from django.core.management import CommandError, call_command

from beoncosup.navigator.models import Measure, MeasureSource
from beoncosup.navigator.services import (
    DEFAULT_MEASURES_PATH,
    MeasureFileError,
    measures_load,
)
from beoncosup.taxonomy.models import Category, Domain, Need

pytestmark = pytest.mark.django_db


def seed() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DEFAULT_MEASURES_PATH.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Any, data: dict[str, Any]) -> Any:
    path = tmp_path / "measures.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_seed_has_at_least_25_measures_in_force_in_dutch_and_french():
    measures = seed()["measures"]

    in_force = [m for m in measures if not m.get("valid_until")]

    assert len(in_force) >= 25
    for measure in measures:
        assert measure["title"]["nl"] and measure["title"]["fr"], measure["code"]
        assert measure["summary"]["nl"] and measure["summary"]["fr"], measure["code"]
        assert measure["sources"], measure["code"]


def test_seed_national_measures_have_all_four_languages():
    national = [m for m in seed()["measures"] if not m.get("regions")]

    incomplete = [
        m["code"]
        for m in national
        if m["code"] != "student-family-allowance-flanders"
        and any(not m["title"].get(lang) for lang in ("nl", "fr", "de", "en"))
    ]

    assert incomplete == []


def test_measures_load_twice_changes_nothing_the_second_time(db):
    first = measures_load()
    count, sources = Measure.objects.count(), MeasureSource.objects.count()

    second = measures_load()

    assert len(first.created) == count == len(seed()["measures"])
    assert second.created == []
    assert second.updated == []
    assert len(second.unchanged) == count
    assert (Measure.objects.count(), MeasureSource.objects.count()) == (count, sources)


def test_measures_load_updates_by_code_and_keeps_the_article_link(db, tmp_path):
    measures_load()
    data = seed()
    data["measures"][0]["title"]["en"] = "Guaranteed wage (changed)"
    data["measures"][0]["sources"] = data["measures"][0]["sources"][:1]

    report = measures_load(path=write(tmp_path, data))

    measure = Measure.objects.get(code=data["measures"][0]["code"])
    assert report.updated == [measure.code]
    assert measure.title["en"] == "Guaranteed wage (changed)"
    assert measure.sources.count() == 1


def test_measures_load_reports_every_problem_and_writes_nothing(db, tmp_path):
    data = seed()
    data["measures"][0]["statuses"] = ["employee", "astronaut"]
    data["measures"][1]["valid_from"] = "2026-02-30"
    data["measures"][2]["title"] = {"nl": "Alleen Nederlands"}
    data["measures"][3]["valid_from"], data["measures"][3]["valid_until"] = (
        "2026-01-02",
        "2026-01-01",
    )
    data["measures"][4]["code"] = data["measures"][5]["code"]

    with pytest.raises(MeasureFileError) as error:
        measures_load(path=write(tmp_path, data))

    problems = error.value.problems
    assert any("guaranteed-wage statuses: unknown code(s) astronaut" in p for p in problems)
    assert any("sickness-benefit valid_from: '2026-02-30' is not a date" in p for p in problems)
    assert any("invalidity-benefit title: missing fr" in p for p in problems)
    assert any("valid_from is after valid_until" in p for p in problems)
    assert any("code used twice" in p for p in problems)
    assert Measure.objects.count() == 0


def test_measures_load_checks_need_codes_once_the_taxonomy_is_loaded(db, tmp_path):
    texts = {f"label_{lang}": "x" for lang in ("nl", "fr", "de", "en")}
    category = Category.objects.create(
        code="WORK.INCOME", domain=Domain.objects.create(code="WORK", **texts), **texts
    )
    Need.objects.create(code="WORK-EMPLOYEE-SICK-PAY", category=category, **texts)
    data = {"measures": [seed()["measures"][0]]}
    data["measures"][0]["need_codes"] = ["WORK-EMPLOYEE-SICK-PAY", "WORK-NOPE"]

    with pytest.raises(MeasureFileError) as error:
        measures_load(path=write(tmp_path, data))

    assert error.value.problems == [
        "measure guaranteed-wage need_codes: unknown need code(s) WORK-NOPE"
    ]


def test_command_bad_yaml_says_nothing_was_changed(db, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("measures: [\n", encoding="utf-8")
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_navigator_measures", str(path), stderr=stderr)

    assert "is not valid YAML" in stderr.getvalue()
    assert Measure.objects.count() == 0


def test_command_missing_file_is_a_clear_error(db, tmp_path):
    stderr = io.StringIO()

    with pytest.raises(CommandError):
        call_command("load_navigator_measures", str(tmp_path / "nope.yaml"), stderr=stderr)

    assert "cannot read" in stderr.getvalue()


def test_command_reports_counts(db):
    stdout = io.StringIO()

    call_command("load_navigator_measures", stdout=stdout)
    call_command("load_navigator_measures", stdout=stdout)

    lines = stdout.getvalue().splitlines()
    total = len(seed()["measures"])
    assert f"Navigator measures: {total} created, 0 updated, 0 unchanged." in lines
    assert f"Navigator measures: 0 created, 0 updated, {total} unchanged." in lines
