"""Which measures apply: the status by region matrix, validity dates and region derivation."""

from __future__ import annotations

import datetime as dt

import pytest

from beoncosup.navigator.models import Measure
from beoncosup.navigator.selectors import (
    Answers,
    UnknownPostcodeError,
    checklist,
    regions_for_postcode,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def codes(answers: Answers, today: dt.date = TODAY) -> set[str]:
    return {measure.code for measure in checklist(answers, today=today).measures}


@pytest.mark.parametrize(
    ("postcode", "regions"),
    [("9000", ["BE-VLG"]), ("1000", ["BE-BRU"]), ("4000", ["BE-WAL"]), ("4700", ["BE-DG"])],
)
def test_regions_for_postcode_gives_the_german_speaking_community_its_own_region(
    geo, postcode, regions
):
    assert regions_for_postcode(postcode) == regions


def test_regions_for_postcode_unknown_raises(geo):
    with pytest.raises(UnknownPostcodeError):
        regions_for_postcode("9999")


# (audience, status, postcode, situation, duration, must include, must exclude)
MATRIX = [
    pytest.param(
        (
            "patient",
            "self_employed",
            "1000",
            "sick_leave",
            "1to12m",
            {"actiris", "self-employed-benefit", "mutuality-rtw-coordinator"},
            {"vdab-rentree", "vdab-return-to-work", "guaranteed-wage"},
        ),
        id="self-employed-brussels-no-rentree",
    ),
    pytest.param(
        (
            "patient",
            "self_employed",
            "9000",
            "resume_partly",
            "1to12m",
            {"vdab-return-to-work", "self-employed-partial-resumption"},
            {"vdab-rentree", "progressive-resumption"},
        ),
        id="self-employed-flanders-no-rentree",
    ),
    pytest.param(
        (
            "patient",
            "employee",
            "9000",
            "sick_leave",
            "1to12m",
            {
                "vdab-rentree",
                "vdab-return-to-work",
                "guaranteed-wage",
                "sickness-benefit",
                "mutuality-rtw-coordinator",
                "reintegration-trajectory",
                "progressive-resumption",
            },
            {"actiris", "forem", "adg", "invalidity-benefit", "self-employed-benefit"},
        ),
        id="employee-flanders-rentree",
    ),
    pytest.param(
        (
            "patient",
            "employee",
            "9000",
            "change_job",
            "gt12m",
            {"vdab-return-to-work", "invalidity-benefit", "reintegration-trajectory"},
            {"vdab-rentree", "guaranteed-wage", "sickness-benefit"},
        ),
        id="employee-flanders-changing-job-no-rentree",
    ),
    pytest.param(
        (
            "patient",
            "contractual_public",
            "1000",
            "sick_leave",
            "lt1m",
            {"actiris", "guaranteed-wage", "sickness-benefit"},
            {"vdab-rentree", "vdab-return-to-work", "civil-servant-sick-leave"},
        ),
        id="contract-public-brussels-employee-rules",
    ),
    pytest.param(
        (
            "patient",
            "civil_servant",
            "4000",
            "sick_leave",
            "1to12m",
            {"civil-servant-sick-leave", "reasonable-adjustments"},
            {
                "mutuality-rtw-coordinator",
                "guaranteed-wage",
                "sickness-benefit",
                "forem",
                "reintegration-trajectory",
            },
        ),
        id="civil-servant-no-rtw-coordinator",
    ),
    pytest.param(
        (
            "patient",
            "job_seeker",
            "4700",
            "sick_leave",
            "1to12m",
            {"adg", "job-seeker-sick", "mutuality-rtw-coordinator", "unemployment-time-limit-2026"},
            {"forem", "actiris", "vdab-return-to-work"},
        ),
        id="job-seeker-eupen-adg",
    ),
    pytest.param(
        (
            "patient",
            "job_seeker",
            "4000",
            "sick_leave",
            "1to12m",
            {"forem", "job-seeker-sick"},
            {"adg"},
        ),
        id="job-seeker-liege-forem",
    ),
    pytest.param(
        (
            "patient",
            "self_employed_secondary",
            "4000",
            "resume_partly",
            "1to12m",
            {"self-employed-secondary", "progressive-resumption", "forem"},
            {"self-employed-benefit", "self-employed-partial-resumption"},
        ),
        id="secondary-self-employed-employee-scheme",
    ),
    pytest.param(
        (
            "patient",
            "student",
            "9000",
            None,
            None,
            {"student-adjustments", "student-family-allowance-flanders"},
            {"vdab-rentree", "guaranteed-wage"},
        ),
        id="student-flanders",
    ),
    pytest.param(
        (
            "patient",
            "student",
            "4000",
            None,
            None,
            {"student-adjustments"},
            {"student-family-allowance-flanders"},
        ),
        id="student-wallonia-no-groeipakket",
    ),
    pytest.param(
        (
            "relative",
            "employee",
            "9000",
            "caring",
            None,
            {
                "medical-assistance-leave",
                "palliative-leave",
                "carer-leave",
                "right-to-be-forgotten",
            },
            {"guaranteed-wage", "vdab-rentree", "self-employed-carer-allowance"},
        ),
        id="relative-employee-carer-leaves",
    ),
    pytest.param(
        (
            "relative",
            "self_employed",
            "1000",
            "caring",
            None,
            {"self-employed-carer-allowance"},
            {"carer-leave", "medical-assistance-leave"},
        ),
        id="relative-self-employed-carer-allowance",
    ),
    pytest.param(
        (
            "employer",
            "employee",
            "9000",
            "employer",
            "1to12m",
            {
                "employer-duties-2026",
                "employer-resources",
                "guaranteed-wage",
                "reintegration-trajectory",
                "reasonable-adjustments",
            },
            {"vdab-rentree", "mutuality-rtw-coordinator", "carer-leave"},
        ),
        id="employer-of-employee",
    ),
    pytest.param(
        (
            "employer",
            "civil_servant",
            "1000",
            "employer",
            "1to12m",
            {"civil-servant-sick-leave", "employer-resources"},
            {"employer-duties-2026", "guaranteed-wage"},
        ),
        id="employer-of-civil-servant",
    ),
]


@pytest.mark.parametrize("case", MATRIX)
def test_checklist_status_region_matrix(measures, case):
    audience, status, postcode, situation, duration, included, excluded = case
    answers = Answers(
        audience=audience, status=status, postcode=postcode, situation=situation, duration=duration
    )

    found = codes(answers)

    assert included - found == set()
    assert found & excluded == set()


def test_checklist_civil_servant_is_sent_to_no_return_to_work_coordinator(measures):
    answers = Answers(audience="patient", status="civil_servant", postcode="9000")

    result = checklist(answers, today=TODAY)

    assert [m.code for m in result.measures if "rtw_coordinator" in m.contacts] == []


def test_checklist_orders_by_priority_then_code(measures):
    answers = Answers(audience="patient", status="employee", postcode="9000")

    result = checklist(answers, today=TODAY)

    keys = [(m.priority, m.code) for m in result.measures]
    assert keys == sorted(keys)
    assert result.region == "BE-VLG"


def test_checklist_unknown_postcode_raises(measures):
    with pytest.raises(UnknownPostcodeError):
        checklist(Answers(audience="patient", postcode="9999"), today=TODAY)


def test_checklist_returns_only_measures_valid_on_the_day(measures):
    answers = Answers(audience="patient", status="employee", situation="sick_leave")

    in_2024 = codes(answers, dt.date(2024, 6, 1))
    in_2026 = codes(answers, TODAY)

    assert "reintegration-trajectory-2022" in in_2024
    assert "reintegration-trajectory" not in in_2024
    assert "reintegration-trajectory" in in_2026
    assert "reintegration-trajectory-2022" not in in_2026


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (dt.date(2025, 12, 31), False),
        (dt.date(2026, 1, 1), True),
        (dt.date(2026, 6, 30), True),
        (dt.date(2026, 7, 1), False),
    ],
)
def test_checklist_validity_bounds_are_inclusive(measures, today, shown):
    Measure.objects.filter(code="guaranteed-wage").update(
        valid_from=dt.date(2026, 1, 1), valid_until=dt.date(2026, 6, 30)
    )
    answers = Answers(audience="patient", status="employee", situation="sick_leave")

    assert ("guaranteed-wage" in codes(answers, today)) is shown


def test_checklist_query_count_does_not_grow_with_measures(measures, django_assert_num_queries):
    answers = Answers(audience="patient", status="employee", postcode="9000")

    with django_assert_num_queries(3):  # postcode, measures with article, sources
        result = checklist(answers, today=TODAY)
        sources = [s.title for m in result.measures for s in m.sources.all()]

    assert len(result.measures) > 10
    assert sources
