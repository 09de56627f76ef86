from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from beoncosup.workspace.finder_query import (
    search_languages,
    search_postcode,
    search_query_clean,
    search_summary,
)

pytestmark = pytest.mark.django_db


def test_a_finder_query_is_kept_without_its_page_and_empty_answers(reference):
    cleaned = search_query_clean("?need=MED-PAIN&postcode=9000&age=&page=3&languages=nl")

    assert cleaned == "need=MED-PAIN&postcode=9000&languages=nl"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("need=MED-PAIN&q=" + "x" * 2000, "max_length"),
        ("need=MED-PAIN&q=a\x00b", "null"),
        ("need=MED-PAIN&q=a%00b", "null"),
        ("need=MED-PAIN&utm_source=mail", "unknown"),
        ("need=MED-PAIN&postcode=0000", "invalid"),
        ("need=NOT-A-NEED", "invalid"),
        ("postcode=9000", "invalid"),
    ],
    ids=[
        "too-long",
        "nul",
        "encoded-nul",
        "unknown-parameter",
        "bad-postcode",
        "bad-need",
        "no-need",
    ],
)
def test_a_query_the_finder_would_refuse_is_refused(reference, raw, code):
    with pytest.raises(ValidationError) as caught:
        search_query_clean(raw)

    assert caught.value.code == code


def test_the_summary_names_the_needs_words_and_postcode(reference):
    with translation.override("fr"):
        assert search_summary("need=MED-PAIN&q=moe&postcode=9000") == "“moe”, label fr – 9000"
    with translation.override("en"):
        assert search_summary("") == "Search"
    assert len(search_summary("q=" + "x" * 300)) == 120


def test_postcode_and_languages_are_read_from_the_query(reference):
    assert search_postcode("need=MED-PAIN&postcode=Gent&languages=fr") == "9000"
    assert search_postcode("need=MED-PAIN") == ""
    assert search_languages("languages=fr&languages=xx&languages=nl") == ["fr", "nl"]
