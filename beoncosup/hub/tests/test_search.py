"""Hub search: per language, stemmed words, and needs found through lay synonyms."""

from __future__ import annotations

import pytest

from beoncosup.hub.selectors import hub_search
from beoncosup.hub.tests.factories import article, load, make_needs

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    make_needs()
    load(tmp_path, [article("tired"), article("other", needs=["WORK-EMPLOYEE-SICK-PAY"])])


def titles(query: str, language: str) -> list[str]:
    return [result.card.title for result in hub_search(query, language).results]


def test_search_stays_in_the_language_asked(content):
    assert titles("behandeling", "nl") == ["Title nl other", "Title nl tired"]
    assert titles("behandeling", "fr") == []


def test_search_finds_an_article_through_a_lay_synonym(content):
    # "uitgeput" is in no article; it is a synonym of the need MED-FATIGUE.
    assert titles("uitgeput", "nl") == ["Title nl tired"]
    assert titles("worn out", "en") == ["Title en tired"]
    assert titles("épuisée", "fr") == ["Title fr tired"]


def test_search_page_in_english(client, content):
    response = client.get("/en/info/search/", {"q": "worn out"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "1 article found." in html
    assert 'href="/en/info/emotions/tired/"' in html


def test_search_page_refuses_a_too_long_query_with_a_message(client, content):
    response = client.get("/en/info/search/", {"q": "x" * 500})

    assert response.status_code == 200
    assert "Please use at most 200 characters." in response.content.decode()


def test_search_page_without_words_shows_the_form(client, content):
    response = client.get("/en/info/search/", {"q": "   "})

    assert response.status_code == 200
    assert "article found" not in response.content.decode()
