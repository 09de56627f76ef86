from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

pytestmark = pytest.mark.django_db

LANGUAGES = ("nl", "fr", "de", "en")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)


def translated(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_is_served_in_language(client: Client, language):
    response = client.get(f"/{language}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    heading = translated(language, "Support during and after cancer, in Belgium")
    assert f'<h1 id="intro-title">{heading}</h1>' in html


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_catalogues_translate_the_home_heading(language):
    english = "Support during and after cancer, in Belgium"

    assert translated(language, english) != english


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("fr-BE,fr;q=0.9", "/fr/"), ("de", "/de/"), ("en-GB", "/en/"), ("ja", "/nl/"), ("", "/nl/")],
)
def test_root_redirects_by_accept_language(client: Client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switcher_links_to_the_same_page_in_each_language(client: Client):
    with translation.override("de"):
        about_de = reverse("core:about")
    response = client.get(about_de)

    links = [(link.code, link.url, link.is_current) for link in response.context["language_links"]]
    expected = []
    for code in LANGUAGES:
        with translation.override(code):
            expected.append((code, reverse("core:about"), code == "de"))
    assert links == expected
    assert len({url for _code, url, _current in links}) == 4


@pytest.mark.parametrize("path", ["/nl/", "/fr/a-propos/", "/en/no-such-page/"])
def test_pages_have_no_inline_script_or_style_and_send_csp(client: Client, path):
    response = client.get(path)

    html = response.content.decode()
    assert INLINE_SCRIPT.findall(html) == []
    assert INLINE_STYLE.findall(html) == []
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_about_page_lists_sources_with_dates(client: Client):
    response = client.get("/en/about/")

    html = response.content.decode()
    assert '<h2 id="sources">Data sources</h2>' in html
    assert '<time datetime="2026-11-22">' in html
    assert "https://www.komoptegenkanker.be/wat-we-doen/zorg/de-kankerlijn" in html


def test_home_page_dates_the_phone_numbers_by_their_own_sources(client: Client):
    response = client.get("/en/")

    with translation.override("en"):
        checked = date_format(date(2026, 11, 22))
    sentence = f"Phone numbers checked against the sources listed on the About page, on {checked}."
    assert sentence in response.content.decode()


def test_about_page_attributes_the_geography_data(client: Client):
    html = client.get("/en/about/").content.decode()

    assert "CC BY 4.0" in html
    assert "ODbL 1.0" in html
    assert "Statbel" in html


def test_not_found_page_is_translated(client: Client):
    response = client.get("/fr/nulle-part/")

    assert response.status_code == 404
    assert translated("fr", "We cannot find this page") in response.content.decode()


def test_health_check_answers_200_when_the_database_is_reachable(client: Client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
