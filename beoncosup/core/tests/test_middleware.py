"""RejectNulMiddleware: a NUL character anywhere a view could hand it to the database is refused
before any view runs (PostgreSQL raises DataError on NUL; SQLite stores it), with the same answer
on both databases: a translated 400 page for HTML, the API's 422 JSON for /api/."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def heading(language: str) -> str:
    with translation.override(language):
        return translation.gettext("We cannot read this request")


@pytest.mark.parametrize(
    ("url", "language"),
    [
        ("/nl/plan/%00/", "nl"),
        ("/fr/finder/?q=%00", "fr"),
        ("/de/finder/?need=MED-PAIN&need=%00", "de"),
        ("/en/?search=x%00y", "en"),
        ("/nl/%00", "nl"),
        ("/en/finder/?a%00b=1", "en"),
    ],
)
def test_nul_in_html_request_is_a_translated_400_page(client: Client, url, language):
    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 400
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading(language)}</h1>" in html
    assert "\x00" not in html


def test_nul_page_keeps_the_site_security_headers(client: Client):
    response = client.get("/nl/finder/?q=%00")

    assert response.status_code == 400
    assert "Content-Security-Policy" in response.headers
    assert "Permissions-Policy" in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"


def test_nul_in_form_field_is_refused_before_sign_in(client: Client):
    response = client.post("/en/accounts/login/", {"login": "editor\x00@x.be", "password": "x"})

    assert response.status_code == 400
    assert heading("en") in response.content.decode()


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/finder?need=%00", "need"),
        ("/api/hsds/services?search=%00", "search"),
        ("/api/hsds/services/%00", "path"),
        ("/api/v1/needs/match?q=pijn%00", "q"),
    ],
)
def test_nul_in_api_request_is_422_naming_the_parameter(client: Client, url, field):
    response = client.get(url)

    message = "contains a NUL character (\\u0000), which is not allowed."
    assert response.status_code == 422
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": f"{field}: {message}",
        "errors": [{"field": field, "message": message}],
    }


def test_nul_in_json_body_is_422(client: Client):
    body = json.dumps({"instrument": "patient", "answers": {"q1\x00": True}})

    response = client.post("/api/v1/selfcheck/evaluate", body, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"].startswith("body: contains a NUL character")


def test_escaped_backslash_u0000_in_json_is_text_not_nul(client: Client):
    # The six characters \u0000 (an escaped backslash before u0000) are ordinary text.
    body = json.dumps({"instrument": "\\u0000"})

    response = client.post("/api/v1/selfcheck/evaluate", body, content_type="application/json")

    assert response.status_code == 422
    assert response.json() == {"detail": "instrument: unknown instrument '\\\\u0000'"}


def test_nul_in_cookie_is_refused(client: Client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    with translation.override("nl"):
        url = reverse("screening:start")  # reads the session

    response = client.get(url)

    assert response.status_code == 400
    assert response.cookies["sessionid"].value == ""  # deleted


def test_request_without_nul_is_served(client: Client):
    with translation.override("nl"):
        url = reverse("finder:finder")

    response = client.get(url, {"q": "pijn"})

    assert response.status_code == 200


def test_a_form_body_sent_to_the_json_api_is_refused_not_a_server_error(client: Client):
    response = client.post("/api/v1/selfcheck/evaluate", {"answers": "x"})

    assert 400 <= response.status_code < 500
