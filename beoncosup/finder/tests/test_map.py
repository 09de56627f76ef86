"""The results map's settings: ask before OpenStreetMap's tiles, or use our own tile server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def results_path(tmp_path) -> str:
    make_geo()
    make_needs()
    (tmp_path / "nl.json").write_text(json.dumps([service_record("a")]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    with translation.override("en"):
        return reverse("finder:finder") + "?need=MED-PAIN&postcode=9000"


def test_map_asks_before_loading_openstreetmap_tiles(client: Client, results_path):
    response = client.get(results_path)

    html = response.content.decode()
    assert 'data-ask="true"' in html
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert 'id="map-consent-button"' in html
    assert "sends that server the area of these services" in html
    assert "https://tile.openstreetmap.org" in response["Content-Security-Policy"]


def test_own_tiles_need_no_question(client: Client, results_path, settings):
    settings.BEONCOSUP_MAP_TILES_URL = "/tiles/{z}/{x}/{y}.png"

    html = client.get(results_path).content.decode()

    assert 'data-ask="false"' in html
    assert 'data-tiles="/tiles/{z}/{x}/{y}.png"' in html
    assert "map-consent" not in html


@pytest.mark.parametrize(
    ("value", "origin"),
    [
        ("https://tiles.example.be/{z}/{x}/{y}.png", "https://tiles.example.be"),
        ("/tiles/{z}/{x}/{y}.png", None),
    ],
)
def test_own_tile_server_is_the_only_tile_origin_allowed(value, origin):
    img_src = _img_src({"BEONCOSUP_MAP_TILES_URL": value})

    assert img_src == ["'self'", "data:", *([origin] if origin else [])]


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "//tiles.example.be/{z}/{x}/{y}", "https://tiles.example.be/"]
)
def test_a_bad_tiles_url_stops_start_up_with_a_message(value):
    with pytest.raises(subprocess.CalledProcessError) as error:
        _img_src({"BEONCOSUP_MAP_TILES_URL": value})

    assert "BEONCOSUP_MAP_TILES_URL must be an http(s) URL" in error.value.stderr


def _img_src(environ: dict[str, str]) -> list[str]:
    """The CSP's img-src as a fresh process reads the settings from this environment."""
    code = (
        "import json; from beoncosup import settings; "
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed program
        [sys.executable, "-c", code],
        env={**os.environ, **environ},
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(done.stdout))
