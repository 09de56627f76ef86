from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import CommandError, call_command

from beoncosup.taxonomy.models import Category, Domain, Need, NeedSynonym
from beoncosup.taxonomy.services import DEFAULT_TAXONOMY_PATH, TaxonomyFileError, taxonomy_load

pytestmark = pytest.mark.django_db

REFERENCE = yaml.safe_load(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8"))


def small_taxonomy() -> dict[str, Any]:
    """The reference file cut down to one domain, one category and two needs."""
    domain = REFERENCE["domains"][0]
    category = next(c for c in REFERENCE["categories"] if c["domain"] == domain["code"])
    needs = [n for n in REFERENCE["needs"] if n["category"] == category["code"]][:2]
    return {"domains": [domain], "categories": [category], "needs": needs}


def write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_reference_taxonomy_loads_in_four_languages():
    report = taxonomy_load()

    assert report.created == {"domain": 4, "category": 24, "need": 111}
    pain = Need.objects.get(code="MED-PAIN")
    assert (pain.label_nl, pain.label_fr, pain.label_de, pain.label_en) == (
        "Pijn",
        "Douleur",
        "Schmerzen",
        "Pain",
    )
    assert pain.category.code == "MED.SYMPTOMS"
    assert pain.audiences == ["patient"]
    assert set(
        NeedSynonym.objects.filter(need=pain, language="de").values_list("text", flat=True)
    ) >= {"Schmerzmittel", "Schmerzklinik"}


def test_loading_twice_changes_nothing():
    taxonomy_load()
    synonyms_before = NeedSynonym.objects.count()

    report = taxonomy_load()

    assert report.created == {"domain": 0, "category": 0, "need": 0}
    assert report.updated == {"domain": 0, "category": 0, "need": 0}
    assert report.unchanged == {"domain": 4, "category": 24, "need": 111}
    assert NeedSynonym.objects.count() == synonyms_before


def test_changed_label_updates_the_need_and_keeps_its_code_and_row(tmp_path):
    document = small_taxonomy()
    taxonomy_load(path=write(tmp_path, document))
    need_code = document["needs"][0]["code"]
    row_id = Need.objects.get(code=need_code).pk
    document["needs"][0]["label"]["en"] = "A clearer label"
    document["needs"][0]["synonyms"]["en"] = ["only this word"]

    report = taxonomy_load(path=write(tmp_path, document))

    need = Need.objects.get(code=need_code)
    assert (need.pk, need.label_en) == (row_id, "A clearer label")
    assert list(need.synonyms.filter(language="en").values_list("text", flat=True)) == [
        "only this word"
    ]
    assert report.updated["need"] == 1


def test_needs_missing_from_the_file_are_kept_and_reported(tmp_path):
    taxonomy_load()
    document = small_taxonomy()

    report = taxonomy_load(path=write(tmp_path, document))

    assert Need.objects.count() == 111
    assert len(report.not_in_file) == 109


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["needs"][0].update(category="NOPE"), "unknown category 'NOPE'"),
        (lambda d: d["needs"][1].update(code=d["needs"][0]["code"]), "appears twice"),
        (lambda d: d["needs"][0]["label"].pop("de"), "label.de: missing"),
        (lambda d: d["needs"][0].update(audience=["martian"]), "unknown value(s) ['martian']"),
        (lambda d: d["needs"][0].update(code="lower case"), "is not a valid code"),
        (lambda d: d["needs"][0]["label"].update(en="x" * 201), "longer than 200 characters"),
        (lambda d: d["categories"][0].update(domain="ZZZ"), "unknown domain 'ZZZ'"),
        (lambda d: d["needs"][0].update(synonyms={"xx": ["a"]}), "unknown language 'xx'"),
    ],
)
def test_bad_file_is_rejected_with_a_clear_message_and_writes_nothing(tmp_path, mutate, expected):
    document = small_taxonomy()
    mutate(document)

    with pytest.raises(TaxonomyFileError) as caught:
        taxonomy_load(path=write(tmp_path, document))

    assert any(expected in problem for problem in caught.value.problems), caught.value.problems
    assert (Domain.objects.count(), Category.objects.count(), Need.objects.count()) == (0, 0, 0)


def test_command_reports_problems_and_fails_on_invalid_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("domains: [unclosed", encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_taxonomy", str(path), stderr=err)

    assert "not valid YAML" in err.getvalue()
    assert Need.objects.count() == 0


def test_command_prints_a_summary():
    out = StringIO()

    call_command("load_taxonomy", stdout=out)

    assert "need: 111 created, 0 updated, 0 unchanged" in out.getvalue()
