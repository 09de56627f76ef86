"""The finder page: form validation, results, empty states, paging, HTMX partials."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import attribute, make_geo, make_needs, service_record
from beoncosup.search.matching.criteria import PAGE_SIZE

pytestmark = pytest.mark.django_db


def url(name: str = "finder:finder", language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def load(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "nl.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])


@pytest.fixture
def reference() -> None:
    make_geo()
    make_needs()


def test_finder_page_without_a_search_shows_the_form_only(client: Client, reference):
    response = client.get(url())

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="finder-form"' in html
    assert 'value="MED-PAIN"' in html
    assert "services found" not in html


def test_finder_url_is_translated_per_language():
    assert len({url(language=code) for code in ("nl", "fr", "de", "en")}) == 4


def test_bad_postcode_shows_a_message_at_the_field(client: Client, reference):
    response = client.get(url(), {"need": "MED-PAIN", "postcode": "12"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_postcode_error"' in html
    assert "A Belgian postcode has four digits" in html
    assert 'aria-describedby="id_postcode_error id_postcode_helptext"' in html
    assert 'href="#id_postcode"' in html  # the error summary links to the field


def test_unknown_postcode_and_unknown_need_are_messages_not_errors(client: Client, reference):
    response = client.get(url(), {"need": ["MED-PAIN", "NOPE"], "postcode": "9999"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "We do not know the need NOPE." in html
    assert "9999 is not a Belgian postcode" in html


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"age": "200"}, "age"),
        ({"max_km": "0"}, "max_km"),
        ({"status": "astronaut"}, "status"),
        ({"delivery": "pigeon"}, "delivery"),
        ({"free_only": "maybe"}, "free_only"),
        ({"languages": "xx"}, "languages"),
        ({"page": "0"}, "page"),
    ],
)
def test_values_the_api_refuses_are_refused_with_a_message(client, reference, params, field):
    response = client.get(url(), {"need": "MED-PAIN", **params})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert response.context["result"] is None


def test_a_search_needs_a_need_or_words(client: Client, reference):
    response = client.get(url(), {"postcode": "9000"})

    assert response.status_code == 200
    assert "Tick at least one need" in response.content.decode()


def test_municipality_name_is_read_as_its_postcode(client: Client, tmp_path, reference):
    load(tmp_path, [service_record("a")])

    response = client.get(url(), {"need": "MED-PAIN", "postcode": "Gent"})

    assert response.context["criteria"].postcode == "9000"
    assert response.context["result"].total == 1


def test_results_show_reasons_contact_and_plan_button(client: Client, tmp_path, reference):
    load(tmp_path, [service_record("a")])

    response = client.get(url(), {"need": "MED-PAIN", "postcode": "9000"})

    html = response.content.decode()
    assert "1 service found" in html
    assert "Steunpunt a" in html
    assert url("directory:service", service_id=service_record("a")["id"]) in html
    assert "covers 1 need of 1 · does not speak English · 0 km away" in html
    assert 'href="tel:+3295550123"' in html
    assert "Verwijsbrief" in html  # required documents
    assert "(in Dutch)" in html  # texts only in Dutch, on an English page
    assert "Demo data" in html
    assert 'action="' + url("finder:plan_add") + '"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'id="finder-markers"' in html


def test_reach_delivery_and_cancer_type_reach_the_engine(client: Client, reference):
    home = client.get(url(), {"need": "MED-PAIN", "reach": "home", "cancer_type": "lung"})
    explicit = client.get(url(), {"need": "MED-PAIN", "reach": "home", "delivery": "online"})

    assert home.context["criteria"].reach == "home"
    assert home.context["criteria"].cancer_type == "lung"
    assert home.context["criteria"].delivery is None
    assert explicit.context["criteria"].delivery == "online"


def test_api_style_values_are_accepted(client: Client, reference):
    response = client.get(
        url(), {"need": "MED-PAIN", "languages": "fr,nl", "free_only": "true", "page": "1"}
    )

    criteria = response.context["criteria"]
    assert (criteria.languages, criteria.free_only) == (("fr", "nl"), True)


def test_unmet_need_says_so_and_coverage_links_to_it(client: Client, tmp_path, reference):
    load(tmp_path, [service_record("a")])

    response = client.get(url(), {"need": ["MED-PAIN", "PSY-FEAR-RECURRENCE"]})

    html = response.content.decode()
    assert 'id="unmet-PSY-FEAR-RECURRENCE"' in html
    assert 'href="#unmet-PSY-FEAR-RECURRENCE"' in html
    assert "We know no service for this need" in html


def test_nothing_found_is_an_honest_empty_state(client: Client, reference):
    response = client.get(url(), {"need": "WORK-RETURN-PLAN"})

    html = response.content.decode()
    assert "0 services found" in html
    assert "We found no service that fits all of this." in html


def test_paging_is_server_side_and_accessible(client: Client, tmp_path, reference):
    load(tmp_path, [service_record(f"s{i}") for i in range(PAGE_SIZE + 2)])

    first = client.get(url(), {"need": "MED-PAIN"})
    second = client.get(url(), {"need": "MED-PAIN", "page": "2"})

    assert len(first.context["hits"]) == PAGE_SIZE
    assert len(second.context["hits"]) == 2
    html = second.content.decode()
    assert 'aria-label="Result pages"' in html
    assert (
        'href="?need=MED-PAIN&amp;page=2#result-summary" hx-get="?need=MED-PAIN&amp;page=2"' in html
    )
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2</a>' in html
    assert 'start="11"' in html


def test_htmx_request_gets_the_results_region_with_a_status(client: Client, tmp_path, reference):
    load(tmp_path, [service_record("a")])

    response = client.get(url(), {"need": "MED-PAIN"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "<html" not in html
    assert 'hx-swap-oob="innerHTML:#finder-status"' in html
    assert "Steunpunt a" in html


def test_htmx_request_with_errors_gets_the_whole_form(client: Client, reference):
    response = client.get(url(), {"need": "MED-PAIN", "age": "-1"}, headers={"HX-Request": "true"})

    assert response.headers["HX-Retarget"] == "#finder-body"
    assert 'id="id_age_error"' in response.content.decode()


def test_free_text_shows_what_we_understood_as_checkboxes(client: Client, tmp_path, reference):
    # The test needs' labels are "label en": typed words that match them.
    load(tmp_path, [service_record("a")])

    response = client.get(url(), {"q": "label en"})

    html = response.content.decode()
    assert "We understood" in html
    assert response.context["text_needs"]
    code = response.context["text_needs"][0][0]
    assert f'id="understood-{code}" checked' in html


def test_places_suggests_postcodes_and_municipalities(client: Client, reference):
    by_name = client.get(url("finder:places"), {"postcode": "Gen"})
    by_code = client.get(url("finder:places"), {"postcode": "90"})

    assert by_name.content.decode().strip() == '<option value="9000 Gent"></option>'
    assert "9000 Gent" in by_code.content.decode()


def test_need_page_links_to_the_finder_prefilled(client: Client, reference):
    response = client.get(url("taxonomy:need", code="MED-PAIN"))

    assert f'href="{url()}?need=MED-PAIN"' in response.content.decode()


def test_header_links_to_the_finder(client: Client, reference):
    html = client.get(url("core:home")).content.decode()

    assert f'href="{url()}"' in html


@pytest.mark.parametrize("count", [1, 12])
def test_finder_page_query_count_does_not_grow_with_results(
    client, tmp_path, reference, django_assert_max_num_queries, count
):
    load(tmp_path, [service_record(f"s{i}") for i in range(count)])

    with django_assert_max_num_queries(20):
        response = client.get(url(), {"need": ["MED-PAIN", "MED-FATIGUE"], "postcode": "9000"})

    assert response.context["result"].total == count


def test_an_extra_attribute_filter_keeps_services_out(client: Client, tmp_path, reference):
    record = service_record("paid")
    record["attributes"].append(attribute("beoncosup-cost", "paid", record["id"]))
    load(tmp_path, [record])

    response = client.get(url(), {"need": "MED-PAIN", "free_only": "on"})

    assert response.context["result"].total == 0


def test_unmet_need_shows_alternatives_further_away(client: Client, tmp_path, reference):
    ghent = service_record("ghent")
    ghent["service_areas"] = []  # whoever can reach it
    load(tmp_path, [ghent])

    response = client.get(url(), {"need": "MED-PAIN", "postcode": "4000"})  # Liège, ~140 km

    html = response.content.decode()
    assert response.context["result"].total == 0
    assert 'id="unmet-MED-PAIN"' in html
    assert "These could still help" in html
    assert url("directory:service", service_id=ghent["id"]) in html


def test_did_you_mean_links_to_the_corrected_search(client: Client, tmp_path, reference):
    load(tmp_path, [service_record("a")])

    response = client.get(url(), {"q": "labelx en", "postcode": "9000"})

    suggestion = response.context["result"].suggestion
    assert suggestion
    html = response.content.decode()
    assert "Did you mean:" in html
    assert f'href="?q={suggestion.replace(" ", "+")}&amp;postcode=9000#result-summary"' in html
