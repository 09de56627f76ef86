from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record, translated

pytestmark = pytest.mark.django_db


def url(language: str, name: str, **kwargs: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def load(tmp_path: Path, records: list[dict[str, Any]], language: str = "nl") -> None:
    path = tmp_path / f"{language}.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, language)])


@pytest.fixture
def reference():
    make_geo()
    make_needs()


def test_service_page_shows_what_to_do_next_in_the_page_language(
    client: Client, tmp_path, reference
):
    record = service_record("a")
    load(tmp_path, [record])
    load(tmp_path, [translated(record, "FR")], "fr")

    html = client.get(url("fr", "directory:service", service_id=record["id"])).content.decode()

    assert '<span lang="fr">Steunpunt a FR</span>' in html
    assert 'href="tel:+3295550123"' in html
    assert '<span lang="fr">Demostraat 1</span>, 9000 <span lang="fr">Gent</span>' in html
    assert "Demo data" not in html  # the French page says it in French
    with translation.override("fr"):
        assert translation.gettext("Demo data") in html


def test_text_missing_in_the_page_language_is_shown_with_its_language(
    client: Client, tmp_path, reference
):
    record = service_record("a")
    load(tmp_path, [record])

    html = client.get(url("de", "directory:service", service_id=record["id"])).content.decode()

    # German readers get the French text first, then English, then Dutch (i18n_text.FALLBACKS).
    assert '<span lang="nl">Steunpunt a</span>' in html
    with translation.override("de"):
        assert (
            translation.gettext("in %(language)s") % {"language": translation.gettext("Dutch")}
            in html
        )


def test_html_in_imported_text_is_escaped(client: Client, tmp_path, reference):
    record = service_record("a")
    record["description"] = "<script>alert('x')</script>"
    load(tmp_path, [record])

    html = client.get(url("nl", "directory:service", service_id=record["id"])).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_unknown_service_is_404(client: Client):
    assert client.get(url("nl", "directory:service", service_id="nope")).status_code == 404
    missing = "00000000-0000-4000-8000-000000000000"
    assert client.get(url("nl", "directory:service", service_id=missing)).status_code == 404


def test_need_page_lists_active_services_for_the_need(client: Client, tmp_path, reference):
    records = [service_record(s) for s in ("a", "b", "c")]
    records[2]["status"] = "inactive"
    load(tmp_path, records)

    html = client.get(url("nl", "taxonomy:need", code="MED-PAIN")).content.decode()

    assert "Steunpunt a" in html and "Steunpunt b" in html
    assert "Steunpunt c" not in html
    assert 'class="badge badge-demo"' in html


def test_need_page_without_services_says_where_to_ask(client: Client, reference):
    html = client.get(url("en", "taxonomy:need", code="WORK-RETURN-PLAN")).content.decode()

    assert "We do not know a service for this need yet" in html


@pytest.mark.parametrize("count", [1, 12])
def test_need_page_query_count_is_fixed(
    client: Client, tmp_path, reference, django_assert_num_queries, count
):
    load(tmp_path, [service_record(f"s{i}") for i in range(count)])

    # One of them lists the need's hub articles, one its research.
    with django_assert_num_queries(8):
        response = client.get(url("nl", "taxonomy:need", code="MED-PAIN"))

    assert response.status_code == 200
    assert Service.objects.count() == count
