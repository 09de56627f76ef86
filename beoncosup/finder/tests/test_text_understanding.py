"""What the finder page and API say about the free text: every need understood from a sentence,
and, when the matcher is not sure, its closest needs offered unticked instead of a guess.

These use the reference taxonomy and the real matcher (search.needs); the queries were checked
with ``understand`` first. Should the matcher be retuned, the tests assert properties (two needs
or more; suggestions, none ticked) rather than exact codes wherever they can.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import attribute, make_geo, service_record
from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.services import taxonomy_load

pytestmark = pytest.mark.django_db

# Two clauses, two kinds of need: tiredness, and going back to work.
SEVERAL = "altijd moe, en bang om terug te gaan werken"
# Nothing to do with cancer care: the matcher is not sure and offers its closest needs.
OFF_TOPIC = "wat is het weer morgen"


@pytest.fixture
def taxonomy() -> Iterator[None]:
    """The reference taxonomy and its embeddings (about 30 s in the first test, then the
    vectors come from memory), rolled back with each test."""
    clear_cache()
    taxonomy_load()
    yield
    clear_cache()


def tiredness_service(folder: Path) -> None:
    """Gent and one service for tiredness only (the browser test uses it too)."""
    make_geo()
    record = service_record("moe")
    kept = [a for a in record["attributes"] if a["taxonomy_term"]["taxonomy"] != "beoncosup-needs"]
    record["attributes"] = [*kept, attribute("beoncosup-needs", "MED-FATIGUE", record["id"])]
    (folder / "nl.json").write_text(json.dumps([record]), encoding="utf-8")
    hsds_import(sources=[(folder / "nl.json", "nl")])


@pytest.fixture
def directory(taxonomy: None, tmp_path: Path) -> None:
    tiredness_service(tmp_path)


def finder_url(language: str = "nl") -> str:
    with translation.override(language):
        return reverse("finder:finder")


class _FormFields(HTMLParser):
    """The name/value pairs a browser sends for one form (by class), and its checkboxes."""

    def __init__(self, form_class: str) -> None:
        super().__init__()
        self.form_class = form_class
        self.inside = False
        self.sent: list[tuple[str, str]] = []
        self.checkboxes: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.inside = self.form_class in (found.get("class") or "").split()
        elif tag == "input" and self.inside:
            if found.get("type") == "checkbox":
                self.checkboxes.append(found)
                if "checked" not in found:
                    return
            self.sent.append((str(found["name"]), str(found["value"])))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def form_fields(html: str, form_class: str) -> _FormFields:
    parser = _FormFields(form_class)
    parser.feed(html)
    return parser


def test_a_sentence_with_several_needs_shows_each_understood_need_ticked(
    client: Client, directory: None
) -> None:
    response = client.get(finder_url(), {"q": SEVERAL})

    html = response.content.decode()
    codes = [code for code, _label in response.context["text_needs"]]
    assert len(codes) >= 2
    assert "MED-FATIGUE" in codes
    assert any(code.startswith("WORK-") for code in codes)
    assert response.context["result"].needs == codes
    form = form_fields(html, "understood")
    assert [box["value"] for box in form.checkboxes] == codes
    assert all("checked" in box for box in form.checkboxes)
    assert response.context["unsure_needs"] == []
    assert 'id="unsure-title"' not in html


def test_text_the_matcher_is_not_sure_about_offers_needs_unticked(
    client: Client, directory: None
) -> None:
    response = client.get(finder_url(), {"q": OFF_TOPIC, "postcode": "9000"})

    html = response.content.decode()
    offered = [code for code, _label in response.context["unsure_needs"]]
    assert len(offered) == 3
    form = form_fields(html, "unsure")
    assert [box["value"] for box in form.checkboxes] == offered
    assert [box for box in form.checkboxes if "checked" in box] == []
    assert form.sent == [("postcode", "9000")]  # the kept answers, not the words
    # No weak guess passes for understood: nothing searched for, nothing shown as understood.
    assert response.context["result"].needs == []
    assert response.context["text_needs"] == []
    assert 'id="understood-title"' not in html
    assert 'id="coverage-title"' not in html


def test_not_sure_keeps_the_needs_the_person_ticked(client: Client, directory: None) -> None:
    response = client.get(finder_url(), {"q": OFF_TOPIC, "need": "MED-PAIN"})

    form = form_fields(response.content.decode(), "unsure")
    assert form.sent == [("need", "MED-PAIN")]
    assert response.context["result"].needs == ["MED-PAIN"]


def test_ticking_a_suggestion_searches_with_that_need(client: Client, directory: None) -> None:
    first = client.get(finder_url(), {"q": OFF_TOPIC, "postcode": "9000"})
    form = form_fields(first.content.decode(), "unsure")
    code = str(form.checkboxes[0]["value"])

    response = client.get(finder_url(), [*form.sent, ("need", code)])

    html = response.content.decode()
    assert response.context["criteria"].needs == (code,)
    assert response.context["criteria"].q == ""
    assert response.context["result"].needs == [code]
    assert f'<li id="need-{code}">' in html  # in the services per need
    assert 'id="unsure-title"' not in html


def test_htmx_search_shows_the_suggestions_in_the_results_region(
    client: Client, directory: None
) -> None:
    response = client.get(finder_url(), {"q": OFF_TOPIC}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "<html" not in html
    form = form_fields(html, "unsure")
    assert len(form.checkboxes) == 3
    assert [box for box in form.checkboxes if "checked" in box] == []


def test_api_offers_needs_when_not_sure(client: Client, directory: None) -> None:
    body = client.get("/api/v1/finder", {"q": OFF_TOPIC, "lang": "nl"}).json()

    assert body["needs"] == []
    assert body["text_needs"] == []
    assert len(body["text_unsure"]) == 3


def test_api_offers_nothing_when_the_text_is_understood(client: Client, directory: None) -> None:
    body = client.get("/api/v1/finder", {"q": SEVERAL, "lang": "nl"}).json()

    assert len(body["text_needs"]) >= 2
    assert body["text_unsure"] == []
    assert list(body)[:4] == ["needs", "text_needs", "text_unsure", "suggestion"]
