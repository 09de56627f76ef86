"""A plan a person can use (issue #12, journey 9): who it was made for, opening hours, links
printed once, several services on one page and a tagged PDF (PDF/UA) screen readers can read."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.core.pdf import html_to_pdf
from beoncosup.core.tests.test_qr import dark_modules, matrix_modules
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.finder import services, views
from beoncosup.finder.plan_summary import situation_rows

pytestmark = pytest.mark.django_db

SEARCH = "need=MED-PAIN&postcode=9000&status=employee&audience=patient&languages=fr&age=54"


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def three_services(tmp_path: Path) -> list[Service]:
    """Three services with everything a plan prints: how to get in (a few sentences), phone,
    e-mail, website, opening hours, what to bring, waiting time."""
    make_geo()
    make_needs()
    records = []
    for seed in ("a", "b", "c"):
        record = service_record(seed, name="Psycho-oncologische begeleiding Gent")
        record["application_process"] = (
            "Bel ons of vraag je huisarts of de sociale dienst van je ziekenhuis om een "
            "verwijzing. We plannen een eerste gesprek binnen twee weken."
        )
        record["url"] = f"https://example.org/diensten/psycho-oncologie/{seed}"
        records.append(record)
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    return [Service.objects.get(pk=record["id"]) for record in records]


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated, to look for
    the structure's keys. Each stream is cut by its /Length, not by searching for
    "endstream": compressed bytes may end in a carriage return that a pattern would eat."""
    parts = [pdf]
    for match in re.finditer(rb"/Length (\d+)(?![\d ]*R)[^>]*>>\s*stream\r?\n", pdf):
        start = match.end()
        data = pdf[start : start + int(match.group(1))]
        try:
            parts.append(zlib.decompress(data))
        except zlib.error:
            continue  # an image or font stream that is not deflated
    return b"\n".join(parts)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf_objects(pdf)))


def test_situation_rows_read_the_search_back_in_the_page_language(three_services):
    with translation.override("fr"):
        rows = situation_rows(SEARCH, "fr")

    assert rows == [
        ("Code postal ou commune", "9000 Gand"),
        ("Langues souhaitées", "Français"),
        ("Qui a besoin d'aide\xa0?", "Personnes atteintes d'un cancer"),
        ("Âge", "54"),
        ("Situation professionnelle", "Salarié"),
    ]


def test_situation_rows_are_empty_for_no_search_or_one_that_no_longer_parses(three_services):
    assert situation_rows("", "en") == []
    assert situation_rows("status=astronaut&postcode=9000", "en") == []


def test_plan_page_shows_the_situation_and_opening_hours(client: Client, three_services):
    plan = services.plan_create(
        language="en", needs=["MED-PAIN"], service_ids=[three_services[0].pk], query=SEARCH
    )

    html = client.get(url("finder:plan", token=plan.token)).content.decode()

    assert "<h2>About the person</h2>" in html
    assert "<dt>Postcode or municipality</dt><dd>9000 Gent</dd>" in html
    assert "<dt>Work status</dt><dd>Employee</dd>" in html
    assert '<ul class="plain opening-hours"><li>Mon, Tue 09:00–17:00</li></ul>' in html


def test_print_view_prints_each_link_once(client: Client, three_services):
    plan = services.plan_create(language="nl", service_ids=[three_services[0].pk], query=SEARCH)

    html = client.get(url("finder:plan_print", token=plan.token)).content.decode()

    # The website's text is its address: print.css adds no "(address)" after such a link.
    address = "https://example.org/diensten/psycho-oncologie/a"
    assert f'<a href="{address}" class="link-is-url">{address}</a>' in html
    assert html.count(address) == 2  # the href and the text, nothing else
    css = (Path(__file__).parents[2] / "static/beoncosup/css/print.css").read_text()
    assert "a.link-is-url::after" in css


def test_pdf_is_tagged_for_screen_readers(client: Client, three_services):
    plan = services.plan_create(language="fr", service_ids=[three_services[0].pk], query=SEARCH)

    response = client.get(url("finder:plan_pdf", token=plan.token))

    objects = pdf_objects(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert b"/StructTreeRoot" in objects  # the structure tree (headings, lists, links)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true", objects)
    assert b"pdfuaid:part" in objects  # declares PDF/UA-1 in its metadata
    assert re.search(rb"/Lang\s*\(fr\)", objects)
    assert b"/DisplayDocTitle true" in objects


def test_pdf_holds_three_services_on_one_page(client: Client, three_services):
    plan = services.plan_create(
        language="fr",
        needs=["MED-PAIN", "MED-FATIGUE"],
        service_ids=[service.pk for service in three_services],
        query=SEARCH,
    )
    services.plan_note_set(plan=plan, note="Vragen naar een gesprek op maandag.")

    response = client.get(url("finder:plan_pdf", token=plan.token))

    assert page_count(response.content) == 1


# -- The QR code that opens the plan (issue #15, "Sharing a plan") ------------------------------


def test_print_view_has_a_qr_code_that_opens_the_plan(client: Client, three_services):
    plan = services.plan_create(language="en", service_ids=[three_services[0].pk], query=SEARCH)

    html = client.get(url("finder:plan_print", language="nl", token=plan.token)).content.decode()

    # The plan's own page, absolute, with the request's host, in the plan's language.
    plan_url = "http://testserver" + url("finder:plan", language="en", token=plan.token)
    svg = re.search(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', html, re.S)
    assert svg is not None
    assert dark_modules(svg.group()) == matrix_modules(plan_url)
    assert 'role="img"' in svg.group()
    assert "<title>" in svg.group()
    # What it is for, and the link in words beside it, once.
    assert "Scan with your phone to open this plan" in html
    assert f'<span class="plan-qr-url">{plan_url}</span>' in html
    assert html.count(plan_url) == 1
    assert "beoncosup/css/plan-qr.css" in html


def test_print_view_qr_code_uses_the_request_host(client: Client, three_services, settings):
    settings.ALLOWED_HOSTS = ["beoncosup.example"]
    plan = services.plan_create(language="en", service_ids=[three_services[0].pk])

    html = client.get(
        url("finder:plan_print", token=plan.token), HTTP_HOST="beoncosup.example", secure=True
    ).content.decode()

    plan_url = "https://beoncosup.example" + url("finder:plan", token=plan.token)
    svg = re.search(r"<svg .*?</svg>", html, re.S)
    assert svg is not None
    assert dark_modules(svg.group()) == matrix_modules(plan_url)


def test_pdf_has_the_qr_code_as_a_tagged_figure(client: Client, three_services):
    plan = services.plan_create(
        language="en",
        needs=["MED-PAIN", "MED-FATIGUE"],
        service_ids=[service.pk for service in three_services],
        query=SEARCH,
    )

    response = client.get(url("finder:plan_pdf", token=plan.token))

    objects = pdf_objects(response.content)
    # PDF/UA: the code is a figure with its text alternative (the SVG's <title>).
    assert re.search(
        rb"/S /Figure/K \[\d+\][^>]*>>/Alt \(QR code that opens this plan online\)", objects
    )
    assert page_count(response.content) == 1


def test_pdf_is_rendered_with_the_qr_code_of_the_plan(client: Client, three_services, monkeypatch):
    plan = services.plan_create(language="fr", service_ids=[three_services[0].pk])
    rendered: list[str] = []
    real_html_to_pdf = html_to_pdf

    def capture(html: str, *, base_url: str) -> bytes:
        rendered.append(html)
        return real_html_to_pdf(html, base_url=base_url)

    monkeypatch.setattr(views, "html_to_pdf", capture)

    client.get(url("finder:plan_pdf", token=plan.token))

    plan_url = "http://testserver" + url("finder:plan", language="fr", token=plan.token)
    svg = re.search(r"<svg .*?</svg>", rendered[0], re.S)
    assert svg is not None
    assert dark_modules(svg.group()) == matrix_modules(plan_url)
    assert '<link rel="stylesheet" href="plan-qr.css">' in rendered[0]
