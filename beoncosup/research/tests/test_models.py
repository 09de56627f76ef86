"""Studies' validation: DOIs (normalised, checked, linked), dates, the drafts' rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from beoncosup.research.codes import StudyStatus
from beoncosup.research.doi import doi_normalise, doi_url
from beoncosup.research.drafts import (
    draft_problems,
    institutions_parse,
    publications_parse,
)
from beoncosup.research.models import Publication, Study
from beoncosup.research.tests.factories import draft_make, study_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "given",
    [
        "10.1002/pon.5123",
        "https://doi.org/10.1002/pon.5123",
        "http://dx.doi.org/10.1002/pon.5123",
        "doi:10.1002/pon.5123",
        "DOI: 10.1002/pon.5123",
        "  https://DOI.org/10.1002/pon.5123 ",
    ],
)
def test_doi_normalise_strips_the_usual_prefixes(given):
    assert doi_normalise(given) == "10.1002/pon.5123"


@pytest.mark.parametrize(
    "given",
    [
        "",
        "pon.5123",
        "10.12/abc",
        "11.1002/pon",
        "10.1002/",
        "https://example.org/x",
        "10.1002/a b",
    ],
)
def test_doi_normalise_refuses_what_is_not_a_doi(given):
    with pytest.raises(ValidationError):
        doi_normalise(given)


def test_doi_url_links_to_the_resolver_with_odd_characters_escaped():
    assert (
        doi_url("10.1002/(SICI)1097-0142<217>")
        == "https://doi.org/10.1002/(SICI)1097-0142%3C217%3E"
    )


def test_publication_stores_the_bare_doi():
    study = study_create()

    publication = Publication.objects.create(
        study=study, reference="A. Author (2024)", doi="https://doi.org/10.5555/ABC.1"
    )

    publication.refresh_from_db()
    assert publication.doi == "10.5555/ABC.1"
    assert publication.doi_url == "https://doi.org/10.5555/ABC.1"


def test_publication_full_clean_refuses_a_bad_doi():
    study = study_create()
    publication = Publication(study=study, reference="A. Author", doi="not-a-doi")

    with pytest.raises(ValidationError) as error:
        publication.full_clean()

    assert list(error.value.message_dict) == ["doi"]


def test_study_clean_refuses_an_end_before_the_start():
    study = Study(title={"en": "T"}, starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 4, 30))

    with pytest.raises(ValidationError) as error:
        study.full_clean()

    assert "ends_on" in error.value.message_dict


def test_study_same_start_and_end_day_is_allowed():
    study = Study(title={"en": "T"}, starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 5, 1))

    study.full_clean()


def test_database_refuses_an_end_before_the_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        Study.objects.create(
            title={"en": "T"}, starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 1, 1)
        )


def test_study_refuses_unknown_methods():
    study = Study(title={"en": "T"}, methods=["survey", "astrology"])

    with pytest.raises(ValidationError) as error:
        study.full_clean()

    assert "methods" in error.value.message_dict


def test_lay_summary_languages_lists_the_languages_with_text():
    study = Study(lay_summary={"fr": "Texte", "en": "", "nl": "Tekst"})

    assert study.lay_summary_languages == ["nl", "fr"]


def test_institutions_parse_reads_names_and_country_codes():
    assert [
        (i.name, i.country) for i in institutions_parse("KU Leuven (BE)\nInstitut X (fr); Y")
    ] == [
        ("KU Leuven", "BE"),
        ("Institut X", "FR"),
        ("Y", "BE"),
    ]


def test_publications_parse_reads_reference_and_doi():
    found = publications_parse("A. Author (2024) | doi:10.5555/x.1\nB. Author (2025)")

    assert [(p.reference, p.doi) for p in found] == [
        ("A. Author (2024)", "10.5555/x.1"),
        ("B. Author (2025)", ""),
    ]


def test_publications_parse_names_the_line_of_a_bad_doi():
    with pytest.raises(ValidationError) as error:
        publications_parse("A | 10.5555/ok\nB | nonsense")

    assert error.value.messages[0].startswith("Line 2:")


def test_draft_problems_a_recruiting_study_says_who_and_how():
    problems = draft_problems(draft_make(status=StudyStatus.RECRUITING))

    assert [field for field, _message in problems] == [
        "eligibility",
        "how_to_take_part",
        "contact_url",
    ]


def test_draft_problems_none_for_a_complete_recruiting_study():
    draft = draft_make(
        status=StudyStatus.RECRUITING,
        eligibility={"en": "Adults"},
        how_to_take_part={"en": "Write to us"},
        contact_email="study@example.org",
    )

    assert draft_problems(draft) == []


def test_draft_problems_a_source_needs_its_date_and_no_future_date():
    assert [f for f, _m in draft_problems(draft_make(source_url="https://example.org"))] == [
        "checked_on"
    ]
    future = draft_make(checked_on=dt.date.today() + dt.timedelta(days=30))
    assert [f for f, _m in draft_problems(future)] == ["checked_on"]
