"""The self-check pages: consent first, the wizard, safety, result, privacy, query counts."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.finder.models import SupportPlan
from beoncosup.geo.tests.factories import make_geo
from beoncosup.hub.tests.factories import article as hub_article
from beoncosup.hub.tests.factories import load as load_articles
from beoncosup.screening.models import SelfCheckResponse
from beoncosup.screening.views import SESSION_KEY

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: int) -> str:
    with translation.override(language):
        return reverse(f"screening:{name}", kwargs=kwargs)


def begin(client: Client, *, audience: str = "patient", consent: bool = False, **extra: str):
    data = {"audience": audience, **extra}
    if consent:
        data["consent"] = "on"
    return client.post(url("start"), data)


def answer(client: Client, number: int, data: dict[str, str], go: str = "next"):
    return client.post(url("step", number=number), {**data, "go": go})


def run_patient(client: Client, *, consent: bool = False, distress: str = "6") -> None:
    begin(client, consent=consent)
    answer(client, 1, {"distress": distress})
    answer(client, 2, {"med_pain": "yes", "contact_med": "yes"})
    answer(client, 3, {"psy_worry": "yes"})
    answer(client, 4, {"work_has_job": "no"})
    answer(client, 5, {})
    answer(client, 6, {"self_harm": "no"})


def test_start_page_asks_consent_unchecked_before_any_question(client, instruments):
    response = client.get(url("start"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="consent"' in html
    assert 'name="consent" id="id_consent" checked' not in html
    assert "distress" not in html
    assert SESSION_KEY not in client.session


def test_professional_mode_is_preselected_from_the_address(client, instruments):
    response = client.get(url("start") + "?mode=professional")

    assert 'name="professional" id="id_professional" checked' in response.content.decode()


def test_start_without_audience_shows_a_message(client, instruments):
    response = client.post(url("start"), {})

    assert response.status_code == 200
    assert "Choose who is filling this in." in response.content.decode()


def test_wizard_shows_progress_and_keeps_answers_going_back(client, instruments):
    begin(client)
    answer(client, 1, {"distress": "3"})

    back = answer(client, 2, {"med_pain": "yes"}, go="back")
    step1 = client.get(url("step", number=1))
    step2 = client.get(url("step", number=2))

    assert back.url == url("step", number=1)
    assert "Step 1 of 6" in step1.content.decode()
    assert 'value="3" id="id_distress_3" checked' in step1.content.decode()
    assert 'value="yes" id="id_med_pain_0" checked' in step2.content.decode()


def test_a_yes_reveals_follow_up_questions_on_the_same_screen(client, instruments):
    begin(client)

    response = answer(client, 4, {"work_has_job": "yes"})
    page = client.get(url("step", number=4)).content.decode()

    assert response.url == url("step", number=4)
    assert 'name="work_income"' in page


def test_bad_answer_shows_a_message_and_changes_nothing(client, instruments):
    begin(client)

    response = answer(client, 1, {"distress": "42"})

    assert response.status_code == 200
    assert "Choose one of the answers." in response.content.decode()
    assert client.session[SESSION_KEY]["answers"] == {}


def test_without_consent_nothing_is_stored(client, instruments):
    run_patient(client)
    response = client.get(url("result"))

    assert response.status_code == 200
    assert SelfCheckResponse.objects.count() == 0


def test_with_consent_answers_are_stored_once_without_identifying_data(client, instruments):
    run_patient(client, consent=True)
    answer(client, 6, {"self_harm": "no"})  # sent twice: still one row

    stored = SelfCheckResponse.objects.get()
    assert stored.answers == {
        "distress": 6,
        "med_pain": True,
        "contact_med": True,
        "psy_worry": True,
        "work_has_job": False,
        "self_harm": False,
    }
    assert (stored.language, stored.audience, stored.version.number) == ("en", "patient", 1)
    assert sorted(f.name for f in SelfCheckResponse._meta.get_fields()) == [
        "answers",
        "audience",
        "date",
        "id",
        "language",
        "version",
    ]


def test_result_shows_score_meaning_and_needs(client, instruments, django_assert_max_num_queries):
    run_patient(client)

    with django_assert_max_num_queries(25):
        response = client.get(url("result"))

    html = response.content.decode()
    assert "You chose <strong>6</strong>" in html
    assert "talk about it with your care team" in html
    assert "Pain" in html
    assert "This is not a diagnosis" in html


@pytest.mark.parametrize("distress", ["9", "10"])
def test_severe_distress_shows_help_lines_on_the_very_next_screen(client, instruments, distress):
    begin(client, audience="patient")

    answer(client, 1, {"distress": distress})
    page = client.get(url("step", number=2, language="en")).content.decode()

    assert page.index('href="tel:1813"') < page.index("<h1>")
    assert 'href="tel:112"' in page
    assert "https://www.nieuwsblad.be/cnt/dmf20190909_04598208" in page


def test_self_harm_yes_shows_help_lines_first_on_the_result_in_french(client, instruments):
    client.post(url("start", "fr"), {"audience": "relative"})
    client.post(url("step", "fr", number=6), {"self_harm": "yes", "go": "next"})

    page = client.get(url("result", "fr")).content.decode()

    assert page.index('href="tel:+3280032123"') < page.index("<h1>")
    assert 'href="tel:1813"' not in page


def test_no_safety_lines_without_a_trigger(client, instruments):
    run_patient(client, distress="8")

    assert 'href="tel:1813"' not in client.get(url("result")).content.decode()


def test_professional_result_links_to_the_finder_with_the_needs(client, instruments):
    make_geo()  # the postcode must be a known one to be handed to the finder
    begin(client, professional="on")
    answer(client, 2, {"med_pain": "yes"})

    page = client.get(url("result") + "?postcode=9000").content.decode()

    expected = reverse("finder:finder") + "?need=MED-PAIN&postcode=9000&audience=patient"
    assert expected.replace("&", "&amp;") in page


def test_bad_postcode_is_explained(client, instruments):
    begin(client)
    answer(client, 2, {"med_pain": "yes"})

    page = client.get(url("result") + "?postcode=12").content.decode()

    assert "A Belgian postcode has four digits" in page  # the situation kernel's message


def test_make_my_support_plan_makes_no_empty_plan(client, instruments):
    # Issue #12: with no service to put in it, no plan is made (it used to be an empty one).
    begin(client)
    answer(client, 2, {"med_pain": "yes", "med_fatigue": "yes"})

    response = client.post(url("plan"))

    assert response.url == url("result")
    assert SupportPlan.objects.count() == 0
    assert "Make my support plan" not in client.get(url("result")).content.decode()


def test_clear_removes_the_answers_from_the_session(client, instruments):
    run_patient(client)

    client.post(url("clear"))

    assert SESSION_KEY not in client.session
    assert client.get(url("result")).url == url("start")


def test_steps_without_a_started_check_go_to_the_start(client, instruments):
    assert client.get(url("step", number=3)).url == url("start")


def test_step_page_query_count(client, instruments, django_assert_max_num_queries):
    begin(client)

    with django_assert_max_num_queries(12):
        response = client.get(url("step", number=3))

    assert response.status_code == 200


def test_answers_expire_after_an_hour(client, instruments):
    begin(client)
    session = client.session
    session[SESSION_KEY] = {**session[SESSION_KEY], "ts": 0}
    session.save()

    response = client.get(url("step", number=2))

    assert response.url == url("start")
    assert SESSION_KEY not in client.session


def test_result_lists_the_hub_articles_of_each_need(client, instruments, tmp_path):
    load_articles(tmp_path, [hub_article("pain-relief", needs=["MED-PAIN"])])
    run_patient(client)

    html = client.get(url("result")).content.decode()

    assert "Read more about this" in html
    assert "Title en pain-relief" in html
