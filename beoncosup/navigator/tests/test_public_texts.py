"""Issue #12, journey 8: what the public reads is written for the public. Our own doubts about
sources live in the editors' note (admin only); the self-employed are never sent to "your
employer"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from beoncosup.navigator.enums import NAVIGATOR_AUDIENCES, Situation
from beoncosup.navigator.items import checklist_item
from beoncosup.navigator.models import Measure
from beoncosup.navigator.selectors import Answers, checklist
from beoncosup.navigator.services import MeasureFileError, measures_load
from beoncosup.navigator.tests.test_loader import seed, write

pytestmark = pytest.mark.django_db

PUBLIC_TEXTS = ("title", "summary", "next_steps", "contact", "change_note")
# Phrases that are an editor's to-do, not information for a reader (four languages).
DOUBTS = re.compile(
    r"not checked|could not (check|confirm)|we have not checked|\bcheck\.|: check\b|"
    r"general knowledge|one source|sources (disagree|differ|give)|\bprobably\b|"
    r"niet nagekeken|konden we niet|konden wij|algemene kennis|één bron|bronnen (spreken|geven|"
    r"verschillen)|wellicht|vraag het na\.$|"
    r"non vérifié|pas pu (être )?vérifi|nous n'avons pas pu|connaissances générales|une source|"
    r"les sources (se contredisent|donnent|divergent|citent)|sans doute|vérifiez\.$|"
    r"nicht geprüft|bitte prüfen|konnten wir nicht|allgemeinem wissen|eine quelle|"
    r"die quellen (widersprechen|nennen)|\bwohl\b",
    re.IGNORECASE,
)
EMPLOYER_WORDS = re.compile(r"employer|werkgever|employeur|arbeitgeber", re.IGNORECASE)


def test_the_seed_shows_the_public_no_editorial_doubts() -> None:
    found = [
        f"{measure['code']} {name} {lang}: {text}"
        for measure in seed()["measures"]
        for name in PUBLIC_TEXTS
        for lang, text in (measure.get(name) or {}).items()
        if DOUBTS.search(text)
    ]

    assert found == []


def test_the_loader_keeps_the_doubts_in_the_editors_note(measures: Any) -> None:
    measure = Measure.objects.get(code="guaranteed-wage")

    assert "1 month of service" in measure.editor_note
    assert "1 month" not in measure.change_note["en"]
    assert "8 weeks" in measure.change_note["en"]
    assert Measure.objects.exclude(editor_note="").count() >= 20


def test_a_changed_editors_note_updates_the_measure_and_a_bad_one_writes_nothing(
    db: Any, tmp_path: Any
) -> None:
    data = seed()
    measures_load(path=write(tmp_path, data))
    data["measures"][0]["editor_note"] = "Ask RIZIV about the 2027 amounts."

    report = measures_load(path=write(tmp_path, data))

    assert report.updated == [data["measures"][0]["code"]]
    assert Measure.objects.get(code=data["measures"][0]["code"]).editor_note == (
        "Ask RIZIV about the 2027 amounts."
    )
    data["measures"][0]["editor_note"] = {"en": "not plain text"}
    with pytest.raises(MeasureFileError) as error:
        measures_load(path=write(tmp_path, data))
    assert any("editor_note: plain text" in problem for problem in error.value.problems)
    assert Measure.objects.get(code=data["measures"][0]["code"]).editor_note == (
        "Ask RIZIV about the 2027 amounts."
    )


def test_the_editors_note_is_neither_on_the_page_nor_in_the_api(client: Any, measures: Any) -> None:
    params = {
        "audience": "patient",
        "status": "employee",
        "postcode": "9000",
        "situation": "sick_leave",
        "duration": "lt1m",
        "lang": "en",
    }
    note = Measure.objects.get(code="guaranteed-wage").editor_note

    page = client.get(reverse("navigator:wizard"), params).content.decode()
    api = client.get(reverse("api:navigator"), params).content.decode()

    assert "guaranteed-wage" in page and "guaranteed-wage" in api
    assert note[:40] not in page
    assert note[:40] not in api
    assert "editor_note" not in api


# Employers are asked only about statuses that have an employer (forms.py), so the wizard
# never combines them with self-employment.
@pytest.mark.parametrize(
    "audience", [code for code in NAVIGATOR_AUDIENCES.values if code != "employer"]
)
def test_the_self_employed_are_never_sent_to_their_employer(audience: str, measures: Any) -> None:
    """Every situation and region a self-employed person (or someone helping one) can
    answer: no item mentions an employer, in any language, nor lists one to contact."""
    said = []
    for situation in [None, *Situation.values]:
        for postcode in ("9000", "4000", "1000", "4700"):
            answers = Answers(
                audience=audience, status="self_employed", postcode=postcode, situation=situation
            )
            for measure in checklist(answers).measures:
                for name in PUBLIC_TEXTS:
                    for lang, text in (getattr(measure, name) or {}).items():
                        if EMPLOYER_WORDS.search(text):
                            said.append(f"{measure.code} {name} {lang}")
                if "employer" in measure.contacts:
                    said.append(f"{measure.code} contacts")

    assert sorted(set(said)) == []


def test_editors_read_and_change_the_note_in_the_admin(editor_client: Any, measures: Any) -> None:
    measure = Measure.objects.get(code="guaranteed-wage")

    page = editor_client.get(f"/admin/snippets/navigator/measure/edit/{measure.pk}/")

    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="editor_note"' in html
    assert "1 month of service" in html


def test_the_employers_own_item_links_to_services_for_employers(measures: Any) -> None:
    answers = Answers(audience="employer", status="employee", postcode="1000", duration="lt1m")
    items = {
        measure.code: checklist_item(measure, language="en", answers=answers)
        for measure in checklist(answers).measures
    }

    own = items["employer-resources"].finder_url or ""
    for_employee = items["guaranteed-wage"].finder_url or ""
    assert "for_employers=true" in own and "audience=" not in own
    # Rules about the employee still lead to the employee's services.
    assert "audience=patient" in for_employee and "for_employers" not in for_employee
