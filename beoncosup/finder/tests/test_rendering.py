"""The finder form's HTML written in Python (rendering.py) against what Django's templates
write, the needs picker kept per process, and the page's fixed number of queries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.forms.renderers import DjangoTemplates
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import NEED_CODES, make_geo, make_needs, service_record
from beoncosup.finder import queries
from beoncosup.finder.forms import FinderForm
from beoncosup.finder.rendering import need_picker_html
from beoncosup.finder.services import count_salt_ensure
from beoncosup.taxonomy.models import Category, Domain, Need

FORMS = [
    None,
    {},
    {"need": ["MED-PAIN"], "postcode": "9000"},
    {
        "q": 'moe <b>"quoted"</b> & more',
        "postcode": "Gent",
        "languages": ["fr", "nl"],
        "audience": "relative",
        "age": "54",
        "status": "employee",
        "phase": "after",
        "cancer_type": "breast",
        "reach": "home",
        "max_km": "30",
        "delivery": "online",
        "free_only": "on",
        "self_referral_only": "true",
        "page": "2",
    },
    # Errors: aria-invalid and aria-describedby on the widgets (mark_errors).
    {"need": ["NOPE"], "age": "-1", "max_km": "x", "audience": "alien", "free_only": "maybe"},
    {"languages": "fr,nl", "reach": "nowhere", "status": "<script>"},
]


@pytest.mark.parametrize("data", FORMS)
def test_every_widget_is_written_as_djangos_templates_write_it(db, data: dict[str, Any] | None):
    make_geo()
    fast = FinderForm(data, need_codes=list(NEED_CODES))
    django = FinderForm(data, need_codes=list(NEED_CODES), renderer=DjangoTemplates())
    for form in (fast, django):
        form.is_valid()
        form.mark_errors()
    assert fast.renderer is not django.renderer

    for name in fast.fields:
        assert str(fast[name]) == str(django[name]), name


def test_the_picker_marks_ticked_needs_and_opens_their_domain(db):
    make_needs()
    Domain.objects.create(code="PSY", label_nl="Psychisch & <sociaal>")

    with translation.override("nl"):
        html = need_picker_html(queries.needs_picker(), {"MED-PAIN"}, {"MED"})

    assert 'value="MED-PAIN" id="need-MED-PAIN" checked>' in html
    assert 'value="MED-FATIGUE" id="need-MED-FATIGUE">' in html
    assert '<details class="need-domain" open>\n<summary>label nl</summary>' in html
    assert "<summary>Psychisch &amp; &lt;sociaal&gt;</summary>" in html
    assert html.count("<details") == 2
    assert html.count("<input") == len(NEED_CODES)


def test_the_picker_is_kept_while_the_taxonomy_is_unchanged_and_rebuilt_after_an_edit(db):
    make_needs()
    with translation.override("fr"):
        first = queries.needs_picker()
        assert queries.needs_picker() is first

        Need.objects.filter(code="MED-PAIN").update(label_fr="Douleur")
        edited = queries.needs_picker()
        Category.objects.create(code="MED.OTHER", domain=Domain.objects.get(), label_nl="x")
        grown = queries.needs_picker()

    assert edited is not first
    assert ("MED-PAIN", "Douleur") in edited[0].categories[0].needs
    assert [category.label for category in grown[0].categories] == ["x", "label fr"]  # order, code


def test_picker_labels_fall_back_as_modeltranslation_does(db):
    make_needs()
    Need.objects.filter(code="MED-PAIN").update(label_de="", label_en="Pain")

    with translation.override("de"):
        picker = queries.needs_picker()
        need = Need.objects.get(code="MED-PAIN")
        assert ("MED-PAIN", str(need.label)) in picker[0].categories[0].needs
        assert str(need.label) == "Pain"


def _load(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "nl.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])


def test_the_empty_finder_page_reads_only_the_taxonomy(
    client: Client, db, django_assert_num_queries
):
    make_geo()
    make_needs()

    with django_assert_num_queries(3):  # domains, categories, needs
        response = client.get(reverse("finder:finder"))

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_a_finder_search_runs_a_fixed_number_of_queries(
    client: Client, db, tmp_path, django_assert_num_queries, count
):
    make_geo()
    make_needs()
    _load(tmp_path, [service_record(f"s{i}") for i in range(count)])

    search = {"need": "MED-PAIN", "postcode": "9000"}
    count_salt_ensure(day=timezone.localdate())  # the day's counting salt: once a day, cached
    # The taxonomy (3), the postcode check, then the search as the API runs it (12, with the
    # arrondissement of the postcode for the anonymous search signal) and the page's opening
    # hours (1). The answers remembered for the next journey go to a cookie: no session row is
    # written.
    with django_assert_num_queries(17):
        client.get(reverse("finder:finder"), search)
    with django_assert_num_queries(17):
        response = client.get(reverse("finder:finder"), search)

    assert response.context["result"].total == count
    assert response.content.decode().count('class="service-card result"') == min(count, 10)
