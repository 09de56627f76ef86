"""Attendance certificates (issue #17, item 5): who earns one, what it states, the PDF in the
participant's language, and the public verification page."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from beoncosup.audit.models import AuditEvent
from beoncosup.core.pdf import html_to_pdf
from beoncosup.finder.tests.test_plan_document import pdf_objects
from beoncosup.training.codes import AttendanceMethod, Registration
from beoncosup.training.models import Attendance, Certificate, Edition, Enrolment, Session
from beoncosup.training.selectors.certificates import (
    Reason,
    certificate_eligibility,
    certificate_eligible,
    code_normalise,
)
from beoncosup.training.services.certificates import (
    CertificateNotEligible,
    certificate_issue,
    certificate_revoke,
)
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
    trainer_create,
)
from beoncosup.training.views import certificates as certificate_views

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def past(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def programme(
    *, sessions: int = 4, attended: int = 4, min_percent: int = 75, **course: Any
) -> tuple[Enrolment, list[Session]]:
    """An edition of ``sessions`` past sessions of 3 hours, and a confirmed participant who
    attended the first ``attended`` of them."""
    fields: dict[str, Any] = {"min_attendance_percent": min_percent, "duration_hours": 12}
    fields.update(course)
    edition = edition_create(course=course_create(**fields), deadline=past(60))
    made = [session_create(edition=edition, starts_at=past(40 - 7 * n)) for n in range(sessions)]
    enrolment = enrolment_create(edition=edition, name="Anna Peeters", language="nl")
    for session in made[:attended]:
        attend(enrolment, session)
    return enrolment, made


def attend(enrolment: Enrolment, session: Session) -> None:
    Attendance.objects.create(enrolment=enrolment, session=session, method=AttendanceMethod.LIST)


# -- Who earns a certificate ---------------------------------------------------------------------


def test_eligible_with_attendance_exactly_at_the_minimum():
    enrolment, _sessions = programme(sessions=4, attended=3, min_percent=75)

    eligibility = certificate_eligibility(enrolment)

    assert (eligibility.reason, eligibility.attended, eligibility.held) == ("", 3, 4)
    assert certificate_eligible(enrolment) is True


def test_not_eligible_just_below_the_minimum():
    enrolment, _sessions = programme(sessions=5, attended=3, min_percent=80)

    eligibility = certificate_eligibility(enrolment)

    assert eligibility.reason == Reason.ATTENDANCE
    assert (eligibility.attended, eligibility.held, eligibility.attended_percent) == (3, 5, 60)


def test_cancelled_sessions_do_not_count():
    enrolment, sessions = programme(sessions=4, attended=3, min_percent=100)
    Session.objects.filter(pk=sessions[3].pk).update(cancelled=True)

    assert certificate_eligibility(enrolment).reason == Reason.ELIGIBLE


def test_not_eligible_before_the_last_session_is_over():
    enrolment, _sessions = programme(sessions=2, attended=2)
    session_create(edition=enrolment.edition, starts_at=timezone.now() - timedelta(hours=1))

    eligibility = certificate_eligibility(enrolment)

    assert eligibility.reason == Reason.NOT_FINISHED


@pytest.mark.parametrize(
    ("status", "reason"),
    [(Registration.WAITING, Reason.NOT_CONFIRMED), (Registration.CANCELLED, Reason.NOT_CONFIRMED)],
)
def test_not_eligible_without_a_confirmed_place(status: str, reason: str):
    enrolment, _sessions = programme()
    Enrolment.objects.filter(pk=enrolment.pk).update(status=status)
    enrolment.refresh_from_db()

    assert certificate_eligibility(enrolment).reason == reason


def test_not_eligible_when_the_edition_was_cancelled_or_has_no_sessions():
    enrolment, _sessions = programme()
    Edition.objects.filter(pk=enrolment.edition_id).update(cancelled=True)
    enrolment.refresh_from_db()
    empty = enrolment_create(edition=edition_create())

    assert certificate_eligibility(enrolment).reason == Reason.EDITION_CANCELLED
    assert certificate_eligibility(empty).reason == Reason.NO_SESSIONS


# -- What it states ------------------------------------------------------------------------------


def test_full_attendance_gets_the_hours_and_the_points():
    enrolment, _sessions = programme(
        sessions=4, attended=4, accreditation_points=Decimal("6.0"), duration_hours=12
    )

    certificate = certificate_issue(enrolment=enrolment)

    assert (certificate.hours, certificate.points) == (Decimal("12.0"), Decimal("6.0"))
    assert certificate.issued_on == timezone.localdate()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", certificate.code)


def test_partial_attendance_gets_the_attended_hours_and_no_points():
    enrolment, _sessions = programme(
        sessions=4, attended=3, accreditation_points=Decimal("6.0"), duration_hours=12
    )

    certificate = certificate_issue(enrolment=enrolment)

    assert (certificate.hours, certificate.points) == (Decimal("9.0"), None)


def test_hours_are_capped_by_the_course_duration():
    enrolment, _sessions = programme(sessions=2, attended=2, duration_hours=Decimal("4.5"))

    certificate = certificate_issue(enrolment=enrolment)

    assert certificate.hours == Decimal("4.5")


def test_issuing_twice_gives_the_same_certificate_and_one_audit_event():
    enrolment, _sessions = programme()

    first = certificate_issue(enrolment=enrolment)
    second = certificate_issue(enrolment=enrolment)

    assert first.pk == second.pk
    assert Certificate.objects.count() == 1
    assert AuditEvent.objects.filter(action="training.certificate_issued").count() == 1


def test_issuing_without_enough_attendance_raises_and_makes_nothing():
    enrolment, _sessions = programme(sessions=4, attended=1)

    with pytest.raises(CertificateNotEligible) as raised:
        certificate_issue(enrolment=enrolment)

    assert raised.value.reason == Reason.ATTENDANCE
    assert Certificate.objects.count() == 0


# -- The PDF -------------------------------------------------------------------------------------


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML each PDF is made from (the PDF's text is in font subsets, not searchable)."""
    pages: list[str] = []
    real = html_to_pdf

    def capture(html: str, *, base_url: str) -> bytes:
        pages.append(html)
        return real(html, base_url=base_url)

    monkeypatch.setattr(certificate_views, "html_to_pdf", capture)
    return pages


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_pdf_is_tagged_in_the_participants_language_with_name_and_code(
    client: Client, rendered: list[str], language: str
):
    enrolment, _sessions = programme(accreditation_points=Decimal("6"))
    Enrolment.objects.filter(pk=enrolment.pk).update(language=language)
    course = enrolment.edition.course
    course.trainers.set([trainer_create(name="Dr. Els Janssens")])
    course.save()  # a parental many-to-many is written on save

    # The page is asked for in English: the PDF follows the participant's language.
    response = client.get(url("training:certificate", token=enrolment.token))

    certificate = Certificate.objects.get(enrolment=enrolment)
    objects = pdf_objects(response.content)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{course.slug}-{certificate.code}.pdf"'
    )
    assert b"/StructTreeRoot" in objects
    assert re.search(rb"/Lang\s*\(" + language.encode() + rb"\)", objects)
    assert b"pdfuaid:part" in objects
    # The document's title (the PDF's metadata) names the person and the code.
    assert pdf_title(objects).endswith(f" – Anna Peeters – {certificate.code}")
    html = rendered[0]
    assert f'<html lang="{language}">' in html
    assert '<p class="name">Anna Peeters</p>' in html
    assert f'<span lang="{language}">{course.title[language]}</span>' in html
    with translation.override(language):
        trainers = gettext("Trainers")
    assert trainers != "Trainers" or language == "en"
    assert f"<dt>{trainers}</dt><dd>Dr. Els Janssens</dd>" in html
    verify = "http://testserver" + url("training:verify", language) + f"?code={certificate.code}"
    assert f'<p class="url">{verify}</p>' in html
    assert html.count("<svg") == 1
    with translation.override(language):
        issued = date_format(certificate.issued_on, "DATE_FORMAT")
    assert issued in html


def pdf_title(objects: bytes) -> str:
    """The document's title from the PDF's XMP metadata (``dc:title``)."""
    match = re.search(rb"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", objects, re.S)
    return match.group(1).decode() if match else ""


def test_pdf_words_are_translated(client: Client, rendered: list[str]):
    enrolment, _sessions = programme()
    Enrolment.objects.filter(pk=enrolment.pk).update(language="fr")

    client.get(url("training:certificate", language="nl", token=enrolment.token))

    with translation.override("fr"):
        expected = translation.gettext("Certificate of attendance")
        month = date_format(timezone.localdate(), "F")
    assert f"<h1>{expected}</h1>" in rendered[0]
    assert month in rendered[0]  # Django's own French month names


def test_pdf_states_points_and_body_only_for_full_attendance(client: Client, rendered: list[str]):
    full, _sessions = programme(accreditation_points=Decimal("3"), accreditation_body="RIZIV-INAMI")
    partial, _sessions = programme(
        attended=3, accreditation_points=Decimal("3"), accreditation_body="RIZIV-INAMI"
    )

    client.get(url("training:certificate", token=full.token))
    client.get(url("training:certificate", token=partial.token))

    assert "RIZIV-INAMI" in rendered[0]
    assert "RIZIV-INAMI" not in rendered[1]


def test_certificate_page_explains_too_little_attendance(client: Client):
    enrolment, _sessions = programme(sessions=4, attended=2, min_percent=75)

    response = client.get(url("training:certificate", token=enrolment.token))

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "You attended 2 of 4 sessions." in html
    assert "The certificate needs attendance at 75% of the sessions or more." in html
    assert Certificate.objects.count() == 0


def test_certificate_page_says_when_it_will_be_available(client: Client):
    enrolment, _sessions = programme(sessions=1, attended=1)
    session_create(edition=enrolment.edition, starts_at=timezone.now() + timedelta(days=3))

    response = client.get(url("training:certificate", token=enrolment.token))

    assert "once the last session is over" in response.content.decode()
    assert response.status_code == 200


def test_revoked_certificate_is_not_served(client: Client):
    enrolment, _sessions = programme()
    certificate_revoke(certificate=certificate_issue(enrolment=enrolment), actor=None)

    response = client.get(url("training:certificate", token=enrolment.token))

    assert response.status_code == 200
    assert "This certificate was revoked" in response.content.decode()


@pytest.mark.parametrize("token", ["unknown-token", "a" * 101, "a.b"])
def test_unknown_token_is_not_found(client: Client, token: str):
    programme()

    response = client.get(url("training:certificate", token=token))

    assert response.status_code == 404


def test_nul_in_the_token_is_a_bad_request(client: Client):
    enrolment, _sessions = programme()
    address = url("training:certificate", token=enrolment.token)

    response = client.get(address.replace(enrolment.token, "x%00y"))

    assert response.status_code == 400  # the site's middleware, before any query


# -- Verification --------------------------------------------------------------------------------


def verify(client: Client, code: str, language: str = "en") -> str:
    response = client.get(url("training:verify", language), {"code": code})
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    return response.content.decode()


def test_verify_a_valid_code_typed_loosely(client: Client):
    enrolment, _sessions = programme(accreditation_points=Decimal("6"))
    certificate = certificate_issue(enrolment=enrolment)
    typed = certificate.code.lower().replace("-", " ")

    html = verify(client, f"  {typed} ")

    assert f"Valid: certificate {certificate.code} was issued by BeONCOsup." in html
    assert "<dt>Participant</dt><dd>Anna Peeters</dd>" in html
    assert "<dt>Hours</dt><dd>12</dd>" in html
    assert "<dt>Accreditation points</dt><dd>6</dd>" in html


def test_verify_a_revoked_code_says_revoked_and_no_name(client: Client):
    enrolment, _sessions = programme()
    certificate = certificate_revoke(certificate=certificate_issue(enrolment=enrolment), actor=None)

    html = verify(client, certificate.code)

    assert f"Certificate {certificate.code} was revoked" in html
    assert "Anna Peeters" not in html


@pytest.mark.parametrize(
    "code", ["ABCD-EFGH-JKLM", "ABCD", "A" * 5000, "<script>", "0000-0000-0000", "ÄBCD-EFGH-JKLM"]
)
def test_verify_unknown_or_garbage_says_no_certificate(client: Client, code: str):
    enrolment, _sessions = programme()
    certificate_issue(enrolment=enrolment)

    html = verify(client, code)

    assert "There is no certificate with this code." in html
    assert "Anna Peeters" not in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_verify_with_a_nul_character_is_a_bad_request_not_an_error(client: Client):
    response = client.get(url("training:verify"), {"code": "ABCD\x00EFGH-JKLM"})

    assert response.status_code == 400


def test_verify_without_a_code_shows_the_form_only(client: Client):
    html = verify(client, "")

    assert 'name="code"' in html
    assert "There is no certificate with this code." not in html


def test_verify_form_without_code_parameter(client: Client):
    response = client.get(url("training:verify", "de"))

    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("abcd-efgh-jklm", "ABCD-EFGH-JKLM"),
        ("ABCD EFGH JKLM", "ABCD-EFGH-JKLM"),
        ("abcdefghjklm", "ABCD-EFGH-JKLM"),
        ("ABCD–EFGH–JKLM", "ABCD-EFGH-JKLM"),
        ("ABCD-EFGH-JKL", None),
        ("ABCD-EFGH-JKL0", None),
        ("", None),
    ],
)
def test_code_normalise(raw: str, expected: str | None):
    assert code_normalise(raw) == expected
