"""Issue #12, journeys 1-4 on the self-check's pages: the result fills a support plan, the
person's situation decides what is offered, relatives get relatives' questions, and the crisis
path is shown in proportion. The browser walks are in tests/browser/test_selfcheck_journeys.py."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.core.i18n_text import pick
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import attribute, make_geo, service_record
from beoncosup.finder.models import SupportPlan
from beoncosup.finder.plan_session import SESSION_KEY as PLAN_KEY
from beoncosup.hub.tests.factories import article as hub_article
from beoncosup.hub.tests.factories import load as load_articles
from beoncosup.screening import selectors
from beoncosup.screening.services import DEFAULT_INSTRUMENTS_PATH, instruments_load

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def service(seed: str, *, postcode: str, needs: list[str], **codes: list[str]) -> dict[str, Any]:
    """A demo-profile service at ``postcode`` for ``needs``; ``areas`` (default: none, all of
    Belgium) and ``status`` (default: everyone) restrict it."""
    record = service_record(seed, postcode=postcode)
    record["service_areas"] = [
        {"id": str(uuid.uuid4()), "name": area, "uri": f"urn:beoncosup:area:{area}"}
        for area in codes.get("areas", [])
    ]
    kept = {"beoncosup-needs", "beoncosup-employment-status", "beoncosup-audience"}
    record["attributes"] = [
        a for a in record["attributes"] if a["taxonomy_term"]["taxonomy"] not in kept
    ]
    record["attributes"] += [attribute("beoncosup-needs", code, record["id"]) for code in needs]
    record["attributes"] += [
        attribute("beoncosup-employment-status", code, record["id"])
        for code in codes.get("status", [])
    ]
    record["attributes"] += [
        attribute("beoncosup-audience", code, record["id"])
        for code in codes.get("audience", ["patient", "relative"])
    ]
    return record


def load(tmp_path: Path, records: list[dict[str, Any]]) -> dict[str, str]:
    path = tmp_path / "services.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])
    return {record["name"].split()[-1]: record["id"] for record in records}


def start(client: Client, language: str = "en", **data: str | list[str]):
    return client.post(url("screening:start", language), {"audience": "patient", **data})


def answer(client: Client, number: int, data: dict[str, str], language: str = "en"):
    return client.post(url("screening:step", language, number=number), {**data, "go": "next"})


def result(client: Client, language: str = "en", query: str = "") -> str:
    return client.get(url("screening:result", language) + query).content.decode()


@pytest.fixture
def places(instruments):
    make_geo()


# Journey 1: self-check -> plan


def test_result_adds_services_one_by_one_and_all_with_alternatives(client, places, tmp_path):
    ids = load(
        tmp_path,
        [
            service("gent", postcode="9000", needs=["MED-PAIN"]),
            # MED-FATIGUE: only 140 km away, so an alternative for someone in Gent.
            service("liege", postcode="4000", needs=["MED-FATIGUE"]),
        ],
    )
    start(client, postcode="9000", status="employee")
    answer(client, 2, {"med_pain": "yes", "med_fatigue": "yes"})

    page = result(client)
    assert "Steunpunt gent" in page and "Steunpunt liege" in page
    assert "These could still help" in page
    assert page.count('name="service"') == 2

    one = client.post(url("screening:plan"), {"service": ids["gent"], "need": "MED-PAIN"})
    assert one.url == (
        f"{url('screening:result')}?added={ids['gent']}&need=MED-PAIN"
        f"#service-{ids['gent']}-MED-PAIN"
    )
    plan = SupportPlan.objects.get()
    assert client.session[PLAN_KEY] == plan.token
    assert [str(i.service_id) for i in plan.items.all()] == [ids["gent"]]
    assert "Added to your plan." in result(client, query=f"?added={ids['gent']}&need=MED-PAIN")

    everything = client.post(url("screening:plan"))
    assert everything.url == url("finder:plan", token=plan.token)
    plan.refresh_from_db()
    assert [str(i.service_id) for i in plan.items.all()] == [ids["gent"], ids["liege"]]
    assert plan.needs == ["MED-PAIN", "MED-FATIGUE"]
    # The plan's way back to the finder keeps the postcode and the rest of the situation.
    assert "postcode=9000" in plan.query and "status=employee" in plan.query
    assert "audience=patient" in plan.query and "need=MED-FATIGUE" in plan.query


def test_no_plan_for_a_service_the_result_did_not_offer(client, places, tmp_path):
    load(tmp_path, [service("gent", postcode="9000", needs=["MED-PAIN"])])
    start(client, postcode="9000")
    answer(client, 2, {"med_pain": "yes"})

    for bad in (str(uuid.uuid4()), "not-a-uuid", "x#\r\nSet-Cookie: a=b"):
        response = client.post(url("screening:plan"), {"service": bad, "need": "MED-PAIN"})
        assert response.url == url("screening:result")
    assert SupportPlan.objects.count() == 0


def test_finder_link_keeps_the_postcode_and_situation(client, places):
    start(client, postcode="4000", status="employee", languages=["fr", "de"])
    answer(client, 2, {"med_pain": "yes"})

    page = result(client)

    finder = reverse("finder:finder")
    expected = f"{finder}?need=MED-PAIN&postcode=4000&languages=fr&languages=de"
    assert (expected + "&audience=patient&status=employee").replace("&", "&amp;") in page


# Journey 2: the self-check asks what eligibility needs


def test_employee_in_liege_gets_no_self_employed_or_flemish_help(client, places, tmp_path):
    load(
        tmp_path,
        [
            service("fits", postcode="4000", needs=["MED-PAIN"], status=["employee"]),
            service("selfemployed", postcode="4000", needs=["MED-PAIN"], status=["self_employed"]),
            service("flemish", postcode="4000", needs=["MED-PAIN"], areas=["BE-VLG"]),
            service("limburg", postcode="4000", needs=["MED-PAIN"], areas=["BE-VLI"]),
        ],
    )
    load_articles(
        tmp_path,
        [
            hub_article("pain-everywhere", needs=["MED-PAIN"]),
            hub_article("pain-flanders", needs=["MED-PAIN"], regions=["BE-VLG"]),
            hub_article(
                "pain-selfemployed", needs=["MED-PAIN"], employment_statuses=["self_employed"]
            ),
        ],
    )
    start(client, postcode="4000", status="employee")
    answer(client, 2, {"med_pain": "yes"})

    page = result(client)

    assert "Steunpunt fits" in page
    for other in ("selfemployed", "flemish", "limburg"):
        assert f"Steunpunt {other}" not in page
    assert "Title en pain-everywhere" in page
    assert "pain-flanders" not in page and "pain-selfemployed" not in page


def test_start_page_fills_in_what_the_finder_was_told(client, places):
    client.get(url("finder:finder") + "?need=MED-PAIN&postcode=4000&status=employee")

    page = client.get(url("screening:start")).content.decode()

    assert 'value="4000"' in page
    assert '<option value="employee" selected>' in page


def test_bad_postcode_at_the_start_is_explained_and_starts_nothing(client, places):
    response = start(client, postcode="12")

    assert response.status_code == 200
    assert "A Belgian postcode has four digits" in response.content.decode()
    assert "selfcheck" not in client.session


# Journey 3: relatives get relatives' questions


ILLNESS_WORDS = {
    "en": "because you are ill",
    "nl": "omdat je ziek bent",
    "fr": "parce que vous êtes malade",
    "de": "krank zu Hause",
}


def test_relative_questions_never_say_you_are_ill(instruments):
    version = selectors.current_version("relative")

    texts = [
        (lang, str(pick(item.text, lang)))
        for item in selectors.items_of(version)
        for lang in ILLNESS_WORDS
    ]

    assert texts and not [t for lang, t in texts if ILLNESS_WORDS[lang] in t]


def test_a_tired_carer_is_matched_to_carer_needs(instruments):
    version = selectors.current_version("relative")

    needs = selectors.evaluate(version, {"med_own_health": True}).needs

    assert needs == ["PSY-CARER-STRAIN", "SOC-RESPITE"]


def test_the_new_relative_wording_is_a_new_version(db, tmp_path):
    call_command("load_taxonomy", stdout=io.StringIO())
    text = DEFAULT_INSTRUMENTS_PATH.read_text(encoding="utf-8")
    older = tmp_path / "older.yaml"
    older.write_text(
        text.replace("text: *relative_works", "text: *works").replace(
            "needs: [PSY-CARER-STRAIN, SOC-RESPITE]", "needs: [MED-FATIGUE, MED-SLEEP]"
        ),
        encoding="utf-8",
    )
    instruments_load(path=older)
    first = selectors.current_version("relative")

    instruments_load()

    current = selectors.current_version("relative")
    first.refresh_from_db()
    assert (first.number, current.number) == (1, 2)
    assert selectors.evaluate(first, {"med_own_health": True}).needs == ["MED-FATIGUE", "MED-SLEEP"]
    assert selectors.current_version("patient").number == 1


# Journey 4: the crisis path in proportion


def test_help_lines_in_full_once_then_a_compact_link(client, instruments):
    start(client)
    answer(client, 1, {"distress": "10"})

    first = client.get(url("screening:step", number=2)).content.decode()
    later = client.get(url("screening:step", number=3)).content.decode()
    again = client.get(url("screening:step", number=2)).content.decode()

    assert 'id="help-lines-title"' in first and 'role="alert"' in first
    for page in (later, again, result(client)):
        assert 'id="help-lines-title"' not in page and 'role="alert"' not in page
        assert 'class="help-now-compact"' in page
        assert f'href="{url("screening:help")}"' in page and 'href="tel:112"' in page


def test_german_pages_say_honestly_that_no_line_answers_in_german(client, instruments):
    start(client, "de")
    answer(client, 1, {"distress": "9"}, "de")

    german = client.get(url("screening:step", "de", number=2)).content.decode()
    help_page = client.get(url("screening:help", "de")).content.decode()
    french = client.get(url("screening:help", "fr")).content.decode()

    assert 'class="help-language-note"' in german and 'class="help-language-note"' in help_page
    assert 'class="help-language-note"' not in french
    assert "https://www.nieuwsblad.be/cnt/dmf20190909_04598208" in help_page


def test_ten_out_of_ten_without_a_ticked_problem_is_not_good_news(client, instruments):
    start(client)
    answer(client, 1, {"distress": "10"})

    page = result(client)

    assert "Good to hear" not in page
    assert "this is a hard time for you" in page


def test_help_page_needs_no_self_check(client, instruments):
    for language in ("nl", "fr", "de", "en"):
        assert client.get(url("screening:help", language)).status_code == 200
