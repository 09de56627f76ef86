"""Issuing and revoking attendance certificates."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.training.models import Certificate, Enrolment, code_new
from beoncosup.training.selectors.certificates import (
    attended_hours,
    certificate_eligibility,
)


class CertificateNotEligible(ValueError):
    """The enrolment does not (or not yet) earn a certificate; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@transaction.atomic
def certificate_issue(
    *, enrolment: Enrolment, today: date | None = None, request: HttpRequest | None = None
) -> Certificate:
    """The enrolment's certificate, made on the first call (later calls return the same one,
    revoked or not). Hours: the attended sessions' durations, at most the course's duration;
    points: the course's accreditation points for full attendance only.

    Raises CertificateNotEligible. Side effects: one Certificate row and one audit event
    (``training.certificate_issued``) the first time."""
    # Lock the enrolment: two downloads at once make one certificate.
    locked = Enrolment.objects.select_for_update().select_related("edition__course")
    enrolment = locked.get(pk=enrolment.pk)
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    eligibility = certificate_eligibility(enrolment)
    if not eligibility.eligible:
        raise CertificateNotEligible(eligibility.reason)
    course = enrolment.edition.course
    full = eligibility.attended == eligibility.held
    fields: dict[str, Any] = {
        "enrolment": enrolment,
        "hours": attended_hours(eligibility.attended_sessions, cap=course.duration_hours),
        "points": course.accreditation_points if full else None,
        "issued_on": today or timezone.localdate(),
    }
    certificate = _create_with_fresh_code(fields)
    event_record(
        action="training.certificate_issued",
        target=certificate,
        request=request,
        detail={"enrolment": enrolment.pk, "hours": str(certificate.hours)},
    )
    return certificate


def _create_with_fresh_code(fields: dict[str, Any]) -> Certificate:
    # 60 bits of randomness: a clash is all but impossible, but a unique index answers it.
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Certificate.objects.create(code=code_new(), **fields)
        except IntegrityError:
            if Certificate.objects.filter(enrolment=fields["enrolment"]).exists():
                raise
    raise RuntimeError("no free certificate code after three tries")


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, actor: Any, reason: str = "", request: HttpRequest | None = None
) -> Certificate:
    """Mark ``certificate`` revoked: the verification page then says so.

    Side effects: the row updated and one audit event (``training.certificate_revoked``)."""
    if certificate.revoked:
        return certificate
    certificate.revoked = True
    certificate.save(update_fields=["revoked"])
    event_record(
        action="training.certificate_revoked",
        actor=actor,
        target=certificate,
        request=request,
        detail={"reason": reason[:200]},
    )
    return certificate
