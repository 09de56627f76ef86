"""The wizard pages: questions that apply, back and change links, errors, the checklist."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from beoncosup.navigator.enums import NAVIGATOR_AUDIENCES, Status
from beoncosup.navigator.forms import AUDIENCE_WORDING, STATUS_WORDING

pytestmark = pytest.mark.django_db


def wizard_url(language: str = "en", **params: str) -> str:
    with translation.override(language):
        base = reverse("navigator:wizard")
    return f"{base}?{urlencode(params)}" if params else base


def test_wizard_url_is_translated():
    assert wizard_url("en") == "/en/what-applies-to-me/"
    assert wizard_url("nl").startswith("/nl/")


def test_wizard_starts_with_who_you_are(client, measures):
    response = client.get(wizard_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Question 1 of 5" in html
    assert "Who are you?" in html
    assert "<legend>" in html


def test_wizard_next_without_an_answer_shows_an_error(client, measures):
    response = client.get(wizard_url(after="audience"))

    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose one of the answers to go on." in html
    assert 'aria-describedby="hint-audience error-audience"' in html


def test_wizard_employer_is_asked_about_the_employee(client, measures):
    response = client.get(wizard_url(audience="employer", after="audience"))

    html = response.content.decode()
    assert "Question 2 of 4" in html
    assert "What is the work status of your employee?" in html
    assert 'value="self_employed"' not in html


def test_wizard_relative_skips_situation_and_duration(client, measures):
    response = client.get(
        wizard_url(audience="relative", status="employee", postcode="9000", after="postcode")
    )

    html = response.content.decode()
    assert "What applies to you" in html
    assert "Leave for medical assistance" in html
    assert "Guaranteed wage" not in html


def test_wizard_back_link_keeps_the_earlier_answer(client, measures):
    step3 = client.get(
        wizard_url(audience="patient", status="self_employed", after="status")
    ).content.decode()
    assert "Question 3 of 5" in step3
    back = wizard_url(audience="patient", status="self_employed", q="status").split("?")[1]
    assert back.replace("&", "&amp;") in step3

    step2 = client.get(wizard_url(audience="patient", status="self_employed", q="status"))

    assert 'value="self_employed" id="id_status_3" checked' in step2.content.decode()


def test_wizard_after_a_changed_answer_goes_to_the_next_question(client, measures):
    response = client.get(
        wizard_url(
            audience="patient",
            status="employee",
            postcode="9000",
            situation="sick_leave",
            duration="1to12m",
            after="status",
        )
    )

    html = response.content.decode()
    assert "Question 3 of 5" in html
    assert 'value="9000"' in html


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        # The situation kernel's messages, the same in every journey.
        ("90", "A Belgian postcode has four digits, for example 9000."),
        ("9999", "9999 is not a Belgian postcode. Check the number."),
    ],
)
def test_wizard_bad_postcode_is_explained(client, measures, postcode, message):
    response = client.get(
        wizard_url(audience="patient", status="employee", postcode=postcode, after="postcode")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'aria-invalid="true"' in html


def test_wizard_bad_value_in_a_deep_link_asks_that_question_again(client, measures):
    response = client.get(wizard_url(audience="patient", status="astronaut", postcode="9000"))

    html = response.content.decode()
    assert "What is your work status?" in html
    assert "Choose one of the answers to go on." in html


def test_wizard_result_is_a_checklist_with_contacts_sources_and_links(client, measures):
    response = client.get(
        wizard_url(
            audience="patient",
            status="employee",
            postcode="9000",
            situation="sick_leave",
            duration="1to12m",
        )
    )

    html = response.content.decode()
    assert "What applies to you" in html
    assert "Rentree" in html
    assert "Flanders" in html
    assert "Rules as of" in html
    assert "Changing or disputed:" in html
    assert "consulted on" in html
    finder = reverse("finder:finder")
    assert f'href="{finder}?need=WORK-RTW-GUIDANCE' in html
    assert "status=employee" in html
    assert 'href="/en/what-applies-to-me/?audience=patient&amp;status=employee' in html


def test_wizard_contract_public_employee_is_an_employee_for_the_finder(client, measures):
    response = client.get(
        wizard_url(
            audience="patient",
            status="contractual_public",
            postcode="1000",
            situation="sick_leave",
            duration="lt1m",
        )
    )

    html = response.content.decode()
    assert "status=employee" in html
    assert "status=contractual_public&amp;need" not in html


def test_wizard_result_query_count_is_bounded(client, measures, django_assert_max_num_queries):
    params = {"audience": "patient", "status": "employee", "postcode": "9000"}
    params |= {"situation": "sick_leave", "duration": "1to12m"}

    with django_assert_max_num_queries(6):
        response = client.get(wizard_url(**params))

    assert response.status_code == 200


def test_wizard_refuses_post(client, measures):
    assert client.post(wizard_url()).status_code == 405


def test_header_and_home_page_lead_to_the_wizard(client, measures):
    with translation.override("en"):
        home = reverse("core:home")

    html = client.get(home).content.decode()

    assert f'href="{wizard_url()}"' in html
    assert f'href="{wizard_url()}?audience=employer"' in html
    assert "What applies to me?" in html


def test_wizard_result_hands_the_answers_to_the_next_journey(client, measures):
    params = {"audience": "employer", "status": "contractual_public", "postcode": "9000"}
    client.get(wizard_url(**params, duration="1to12m"))

    start = client.get(wizard_url()).content.decode()
    status_step = client.get(wizard_url(audience="employer", q="status")).content.decode()

    assert 'value="employer" id="id_audience_2" checked' in start
    assert 'value="contractual_public"' in status_step
    assert 'value="contractual_public" id="id_status_1" checked' in status_step


def test_wizard_words_every_code_it_accepts():
    assert set(AUDIENCE_WORDING) == set(NAVIGATOR_AUDIENCES.values)
    assert set(STATUS_WORDING) == set(Status.values)
