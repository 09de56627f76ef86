"""The return-to-work services (issue #19, part 3): the packaged HSDS dataset loads as real
reference data with sources, the finder finds the right regional service per region, and a
professional can refer to one of them and bring a career coach into the care team."""

from __future__ import annotations

import json
import uuid
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.testing import organisation_with, signed_in
from beoncosup.directory.management.commands.load_work_services import (
    WORK_DIR,
    reference_problems,
)
from beoncosup.directory.models import Organization, Service
from beoncosup.geo.models import Municipality, PostalCode, Province, Region
from beoncosup.geo.tests.factories import make_geo
from beoncosup.referrals import services as referrals
from beoncosup.referrals.codes import CareRole
from beoncosup.referrals.models import CareTeamMember, Case, Referral
from beoncosup.referrals.testing import World, identity_make, terms_make, world_make
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.engine import match
from beoncosup.taxonomy.services import taxonomy_load

pytestmark = pytest.mark.django_db

CHECKED = "2026-12-05"
LANGUAGES = {"nl", "fr", "de", "en"}


def sid(key: str) -> uuid.UUID:
    """A packaged service's id (uuid5 of its key, as the dataset names them)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:beoncosup:work:service:{key}")


VDAB = sid("vdab-return-to-work")
RENTREE = sid("vdab-rentree")
GTB = sid("gtb")
CAREER_CHEQUES = sid("vdab-career-cheques")
FOREM = sid("forem-return-to-work")
ACTIRIS = sid("actiris-return-to-work")
ADG = sid("adg-return-to-work")
COORDINATOR = sid("mutuality-return-to-work-coordinator")
HZIV = sid("hziv-return-to-work")
KANKER_EN_WERK = sid("kanker-en-werk")
RECONNECT = sid("reconnect")
UNIA = sid("unia-work-discrimination")
REGIONAL = {VDAB, FOREM, ACTIRIS, ADG}


def load() -> str:
    out = StringIO()
    call_command("load_work_services", stdout=out)
    return out.getvalue()


def make_places() -> None:
    """Ghent, Brussels, Liège and Eupen (the geo factories), and Antwerp."""
    make_geo()
    names = {f"name_{lang}": "Antwerpen" for lang in ("nl", "fr", "de", "en")}
    province = Province.objects.create(
        code="BE-VAN", nis_code="10000", region=Region.objects.get(code="BE-VLG"), **names
    )
    antwerp = Municipality.objects.create(
        nis_code="11002",
        region=province.region,
        province=province,
        community="nl",
        name_nl="Antwerpen",
        name_fr="Anvers",
        name_de="Antwerpen",
        latitude=51.22,
        longitude=4.40,
    )
    PostalCode.objects.create(code="2000", municipality=antwerp, latitude=51.22, longitude=4.40)


@pytest.fixture
def loaded() -> None:
    make_places()
    taxonomy_load()
    load()


def found(
    need: str, postcode: str, *, status: str | None = None, audience: str | None = None
) -> set[uuid.UUID]:
    criteria = Criteria(
        needs=(need,), postcode=postcode, lang="nl", status=status, audience=audience
    )
    result = match(
        kind="service",
        criteria=criteria,
        page_size=50,
    )
    return {uuid.UUID(m.object_id) for m in result.matches}


# --- The dataset ------------------------------------------------------------------------------


def test_the_files_are_one_per_language_with_the_same_services():
    ids = {
        lang: [record["id"] for record in json.loads(path.read_text(encoding="utf-8"))]
        for lang, path in ((p.name.split(".")[1], p) for p in WORK_DIR.glob("services.*.json"))
    }
    assert set(ids) == LANGUAGES
    assert len({tuple(v) for v in ids.values()}) == 1
    assert len(ids["nl"]) == 12
    assert ids["nl"] == sorted(ids["nl"], key=lambda i: uuid.UUID(i).int)  # merged per service


def test_every_record_names_a_source_and_its_check_date_and_none_is_demo():
    for path in WORK_DIR.glob("services.*.json"):
        assert reference_problems(path) == []


def test_a_record_without_source_or_date_or_flagged_demo_is_named(tmp_path):
    record = json.loads((WORK_DIR / "services.nl.json").read_text(encoding="utf-8"))[0]
    record.pop("assured_date")
    record["attributes"] = [
        a for a in record["attributes"] if a["taxonomy_term"]["taxonomy"] != "beoncosup-record"
    ] + [{"taxonomy_term": {"taxonomy": "beoncosup-record", "code": "demo"}}]
    path = tmp_path / "services.nl.json"
    path.write_text(json.dumps([record]), encoding="utf-8")

    problems = reference_problems(path)

    assert [p.rsplit(": ", 1)[1] for p in problems] == [
        "no source (a beoncosup-record 'source' attribute)",
        "no assured_date (the date it was checked)",
        "flagged as demo data",
    ]


def test_load_imports_real_services_with_needs_areas_languages_and_sources(loaded):
    services = Service.objects.all()
    assert services.count() == 12
    assert Organization.objects.count() == 10
    assert not services.filter(is_demo=True).exists()
    assert not Organization.objects.filter(is_demo=True).exists()
    for service in services:
        assert set(service.name) == LANGUAGES, service.pk
        assert service.source.count("https://") + service.source.count("http://") >= 1
        assert str(service.assured_date) == CHECKED
        assert service.needs.filter(code__startswith="WORK-").exists()
        assert service.service_areas.exists() and service.languages.exists()
    vdab = services.get(pk=VDAB)
    assert sorted(vdab.needs.values_list("code", flat=True)) == [
        "WORK-NEW-CAREER",
        "WORK-RTW-GUIDANCE",
    ]
    assert list(vdab.service_areas.values_list("code", flat=True)) == ["BE-VLG"]
    assert list(vdab.languages.values_list("code", flat=True)) == ["nl"]
    assert vdab.employment_statuses == [
        "employee",
        "self_employed",
        "self_employed_secondary",
        "job_seeker",
    ]
    assert "hbvl.be" in vdab.source
    forem_areas = set(services.get(pk=FOREM).service_areas.values_list("code", flat=True))
    assert {"BE-WBR", "BE-WHT", "BE-WLX", "BE-WNA", "nis-62063"} <= forem_areas
    assert "nis-63023" not in forem_areas  # Eupen: the ADG's
    assert list(services.get(pk=ADG).service_areas.values_list("code", flat=True)) == ["BE-DG"]
    assert services.get(pk=RECONNECT).audiences == ["employer"]
    assert services.get(pk=RENTREE).alert["en"].startswith("Kom op tegen Kanker reported")


def snapshot() -> list[tuple[object, ...]]:
    return [
        (s.pk, s.name, s.description, s.source, s.assured_date, s.last_modified, s.is_demo)
        for s in Service.objects.order_by("pk")
    ] + [(o.pk, o.name, o.description, o.is_demo) for o in Organization.objects.order_by("pk")]


def test_loading_twice_changes_nothing(loaded):
    before = snapshot()

    out = load()

    assert out.strip() == "Return-to-work services: created 0, updated 0, unchanged 12."
    assert snapshot() == before
    assert Service.objects.count() == 12


def test_load_is_allowed_in_production():
    taxonomy_load()
    with override_settings(PRODUCTION=True):
        out = load()
    assert out.strip() == "Return-to-work services: created 12, updated 0, unchanged 0."


def test_load_without_the_taxonomy_imports_nothing():
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("load_work_services", stdout=StringIO(), stderr=StringIO())
    assert Service.objects.count() == 0


def test_dry_run_writes_nothing():
    taxonomy_load()
    out = StringIO()
    call_command("load_work_services", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Dry run: 48 service record(s) valid (4 languages)."
    assert Service.objects.count() == 0


# --- The finder finds the region's service ------------------------------------------------


@pytest.mark.parametrize(
    ("place", "postcode", "regional"),
    [
        ("Antwerp", "2000", VDAB),
        ("Liège", "4000", FOREM),
        ("Brussels", "1000", ACTIRIS),
        ("Eupen", "4700", ADG),
    ],
)
def test_guidance_back_to_work_finds_the_regional_service_and_the_coordinators(
    loaded, place, postcode, regional
):
    services = found("WORK-RTW-GUIDANCE", postcode)

    assert services & REGIONAL == {regional}, place
    assert {COORDINATOR, HZIV} <= services, place
    assert (RENTREE in services) == (regional == VDAB)
    assert (GTB in services) == (regional == VDAB)


def test_status_excludes_what_is_closed_to_it(loaded):
    assert RENTREE in found("WORK-RTW-GUIDANCE", "2000", status="employee")
    assert RENTREE not in found("WORK-RTW-GUIDANCE", "2000", status="self_employed")
    assert COORDINATOR in found("WORK-RTW-GUIDANCE", "2000", status="self_employed")


def test_career_cheques_serve_flanders_and_brussels_only(loaded):
    assert CAREER_CHEQUES in found("WORK-NEW-CAREER", "9000")
    assert CAREER_CHEQUES in found("WORK-NEW-CAREER", "1000")
    assert CAREER_CHEQUES not in found("WORK-NEW-CAREER", "4000")


def test_employer_services_are_found_for_employers_only(loaded):
    employer = found("WORK-TALK-EMPLOYER", "1000", audience="employer")
    patient = found("WORK-TALK-EMPLOYER", "1000", audience="patient")

    assert {KANKER_EN_WERK, RECONNECT} <= employer
    assert not {KANKER_EN_WERK, RECONNECT} & patient


def test_the_finder_page_lists_the_brussels_service(client, loaded):
    with translation.override("fr"):
        url = reverse("finder:finder")

    response = client.get(url, {"need": "WORK-RTW-GUIDANCE", "postcode": "1000"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Retour au travail après une maladie (Actiris)" in page
    assert "Le Forem" not in page


# --- Referral to a coach and the care team --------------------------------------------------


def _refer_to_vdab(care_roles: tuple[str, ...]) -> tuple[Referral, Case, World]:
    world = world_make()
    referral, _token = referrals.referral_create(
        service=Service.objects.get(pk=VDAB),
        needs=["WORK-RTW-GUIDANCE"],
        reason="Wil halftijds terug naar het werk.",
        language="nl",
        identity=identity_make(),
        terms=terms_make(care_roles=care_roles),
        referrer=world.nurse,
        organisation=world.hospital,
        referrer_role=CareRole.ONCOCOACH,
    )
    assert referral.case is not None
    return referral, referral.case, world


def _coach() -> Any:
    organisation_with(
        name="Loopbaancentrum Test",
        kind="other",
        members={"coach@loopbaan.example": ["professional"]},
    )
    return get_user_model().objects.get(email="coach@loopbaan.example")


def test_an_oncocoach_refers_to_a_return_to_work_service_and_a_career_coach_joins(client, loaded):
    referral, case, world = _refer_to_vdab((CareRole.ONCOCOACH, CareRole.CAREER_COACH))
    coach = _coach()
    assert referral.delivered and referral.service_id == VDAB
    assert referral.needs == ["WORK-RTW-GUIDANCE"]

    member = referrals.care_team_add(
        case=case,
        email="coach@loopbaan.example",
        role=CareRole.CAREER_COACH,
        actor=world.nurse,
    )

    assert member.role == CareRole.CAREER_COACH
    assert set(CareTeamMember.objects.filter(case=case).values_list("role", flat=True)) == {
        CareRole.ONCOCOACH,
        CareRole.CAREER_COACH,
    }
    with translation.override("en"):
        url = reverse("referrals:case", kwargs={"case_id": referral.case_id})
    page = signed_in(client, coach).get(url)
    assert page.status_code == 200
    assert "An Peeters" in page.content.decode()


def test_a_career_coach_the_consent_does_not_name_sees_nothing(client, loaded):
    referral, case, world = _refer_to_vdab((CareRole.ONCOCOACH,))
    coach = _coach()
    referrals.care_team_add(
        case=case,
        email="coach@loopbaan.example",
        role=CareRole.CAREER_COACH,
        actor=world.nurse,
    )
    with translation.override("en"):
        url = reverse("referrals:case", kwargs={"case_id": referral.case_id})

    response = signed_in(client, coach).get(url)

    assert response.status_code == 404
    assert "An Peeters" not in response.content.decode()


def test_the_referral_and_the_coach_through_the_pages(client, loaded):
    """The same by the pages: the oncocoach refers to Actiris with the person's consent (which
    names the career coach), then adds the coach to the care team, who then sees the person."""
    world = world_make()
    coach = _coach()
    nurse = signed_in(Client(), world.nurse)

    def en(name: str, **kwargs: object) -> str:
        with translation.override("en"):
            return reverse(name, kwargs=kwargs or None)

    page = nurse.get(en("referrals:refer") + f"?service={ACTIRIS}&need=WORK-RTW-GUIDANCE")
    assert page.status_code == 200
    step_one = nurse.post(
        en("referrals:refer"),
        {
            "service": str(ACTIRIS),
            "needs": ["WORK-RTW-GUIDANCE"],
            "reason": "Souhaite reprendre à mi-temps.",
            "urgency": "routine",
            "consent": "yes",
            "name": "An Peeters",
            "contact_method": "email",
            "email": "an.peeters@example.org",
            "phone": "",
            "language": "fr",
            "categories": ["needs", "contact"],
            "care_roles": ["career_coach"],
            "purposes": ["referral", "coordination"],
            "months": "6",
            "referrer_role": "oncocoach",
            "organisation": str(world.hospital.pk),
        },
    )
    assert step_one.status_code == 200, step_one.context["form"].errors
    draft = step_one.context["form"]["draft"].value()
    done = nurse.post(en("referrals:refer_consent"), {"draft": draft, "agreed": "on"})
    assert done.status_code == 200
    referral = Referral.objects.get(service_id=ACTIRIS)
    case_url = en("referrals:case", case_id=referral.case_id)

    added = nurse.post(
        en("referrals:team_add", case_id=referral.case_id),
        {"email": "coach@loopbaan.example", "role": CareRole.CAREER_COACH},
    )

    assert added.status_code == 302 and added["Location"] == case_url
    seen = signed_in(client, coach).get(case_url)
    assert seen.status_code == 200
    assert "An Peeters" in seen.content.decode()


def test_the_data_folder_holds_only_the_four_files():
    assert sorted(p.name for p in Path(WORK_DIR).iterdir()) == [
        "services.de.json",
        "services.en.json",
        "services.fr.json",
        "services.nl.json",
    ]
