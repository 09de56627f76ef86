"""Instruments as data: loading, versions, answers → needs, thresholds, conditions, safety."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from beoncosup.screening import selectors
from beoncosup.screening.models import InstrumentVersion, Item, SelfCheckResponse
from beoncosup.screening.selectors import AnswerError, evaluate, parse_answers
from beoncosup.screening.services import (
    DEFAULT_INSTRUMENTS_PATH,
    InstrumentFileError,
    instruments_load,
    response_record,
    version_new_draft,
    version_publish,
)

pytestmark = pytest.mark.django_db


def run(code: str, answers: dict[str, object]):
    version = selectors.current_version(code)
    return evaluate(version, parse_answers(version, answers))


def test_load_instruments_is_idempotent(instruments):
    report = instruments_load()

    assert report.created == []
    assert report.unchanged == ["patient v1", "relative v1"]
    assert InstrumentVersion.objects.count() == 2


def test_every_item_has_four_languages_and_existing_needs(instruments):
    for version in selectors.current_versions():
        for item in selectors.items_of(version):
            assert sorted(item.text) == ["de", "en", "fr", "nl"], item.key
    patient = selectors.current_version("patient")
    pain = next(item for item in selectors.items_of(patient) if item.key == "med_pain")
    assert [need.code for need in pain.needs.all()] == ["MED-PAIN"]


def test_answers_map_to_needs_and_contact_domains(instruments):
    result = run(
        "patient",
        {"med_pain": True, "psy_worry": "yes", "med_sleep": False, "contact_psy": True},
    )

    assert result.needs == ["MED-PAIN", "PSY-ANXIETY"]
    assert result.wants_contact == ["PSY"]


@pytest.mark.parametrize(
    ("score", "above", "alert"),
    [(0, False, False), (3, False, False), (4, True, False), (8, True, False), (9, True, True)],
)
def test_distress_thresholds(instruments, score, above, alert):
    result = run("patient", {"distress": score})

    assert (result.score, result.above_threshold, result.safety_alert) == (score, above, alert)


def test_self_harm_yes_raises_the_safety_alert_whatever_the_score(instruments):
    result = run("relative", {"distress": 1, "self_harm": True})

    assert result.safety_alert is True
    assert result.needs == ["PSY-SEVERE-DISTRESS"]


def test_no_answers_give_no_score_and_no_alert(instruments):
    result = run("patient", {})

    assert (result.score, result.above_threshold, result.safety_alert) == (None, False, False)


def test_conditional_items_count_only_when_shown(instruments):
    hidden = run("patient", {"work_has_job": False, "work_income": True})
    shown = run("patient", {"work_has_job": True, "work_income": True})

    assert hidden.needs == []
    assert shown.needs == ["WORK-EMPLOYEE-SICK-PAY"]


def test_conditional_item_is_hidden_until_its_condition_holds(instruments):
    version = selectors.current_version("relative")
    items = selectors.items_of(version)

    keys_before = [i.key for i in selectors.visible_items(items, {}) if i.page == 5]
    keys_after = [
        i.key for i in selectors.visible_items(items, {"soc_carer_at_home": True}) if i.page == 5
    ]

    assert "soc_respite" not in keys_before
    assert "soc_respite" in keys_after


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"nope": True}, "nope: unknown item for patient"),
        ({"distress": 11}, "distress: answer a number from 0 to 10"),
        ({"distress": "a lot"}, "distress: answer a whole number"),
        ({"distress": True}, "distress: answer a whole number"),
        ({"med_pain": 3}, "med_pain: answer true or false (yes or no)"),
    ],
)
def test_invalid_answers_name_the_item(instruments, answers, message):
    version = selectors.current_version("patient")

    with pytest.raises(AnswerError) as error:
        parse_answers(version, answers)

    assert str(error.value) == message


def changed_file(tmp_path: Path) -> Path:
    data = yaml.safe_load(DEFAULT_INSTRUMENTS_PATH.read_text(encoding="utf-8"))
    data["instruments"][0]["items"][1]["text"]["en"] = "Did you have pain?"
    path = tmp_path / "instruments.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_answers_keep_their_version_after_a_new_version_is_published(instruments, tmp_path):
    v1 = selectors.current_version("patient")
    response_record(version=v1, answers={"med_pain": True}, language="en", audience="patient")

    report = instruments_load(path=changed_file(tmp_path))

    v2 = selectors.current_version("patient")
    stored = SelfCheckResponse.objects.get()
    old_pain = Item.objects.get(version=stored.version_id, key="med_pain")
    assert report.created == ["patient v2"]
    assert (v2.number, stored.version.number) == (2, 1)
    assert old_pain.text["en"] == "Were you in pain?"
    assert Item.objects.get(version=v2, key="med_pain").text["en"] == "Did you have pain?"
    assert InstrumentVersion.objects.get(pk=v1.pk).is_current is False


def test_a_file_with_unknown_need_codes_changes_nothing(instruments, tmp_path):
    data = yaml.safe_load(DEFAULT_INSTRUMENTS_PATH.read_text(encoding="utf-8"))
    data["instruments"][0]["items"][1]["needs"] = ["MED-NOPE"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    with pytest.raises(InstrumentFileError) as error:
        instruments_load(path=path)

    assert error.value.problems == [
        "instrument patient item med_pain: unknown need code(s) MED-NOPE"
    ]
    assert InstrumentVersion.objects.count() == 2


def test_new_draft_copies_the_current_version_and_publishing_makes_it_current(instruments):
    v1 = selectors.current_version("patient")

    draft = version_new_draft(instrument=v1.instrument)
    version_publish(version=draft)

    current = selectors.current_version("patient")
    assert current.pk == draft.pk
    assert current.number == 2
    assert Item.objects.filter(version=current).count() == Item.objects.filter(version=v1).count()
    copied = Item.objects.get(version=current, key="med_eating")
    assert sorted(n.code for n in copied.needs.all()) == ["MED-APPETITE-WEIGHT", "MED-NAUSEA"]


def test_help_lines_per_language(instruments):
    numbers = {
        lang: [line.number for line in selectors.help_lines(lang)] for lang in ["nl", "fr", "de"]
    }

    assert numbers == {
        "nl": ["1813", "112"],
        "fr": ["0800 32 123", "112"],
        "de": ["1813", "0800 32 123", "112"],
    }
