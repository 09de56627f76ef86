"""Shared by the referral services: private-link tokens, labels, mail in the reader's language,
the access log and the history."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from beoncosup.core.mail import mail_queue
from beoncosup.directory.enums import CapacityStatus
from beoncosup.directory.models import Address, ServiceCapacity
from beoncosup.insights.codes import Outcome, Wait
from beoncosup.insights.services.signals import area_of_postcode, referral_signal_record
from beoncosup.referrals.codes import Channel, Reason, Status
from beoncosup.referrals.models import Case, DataAccess, Referral, ReferralEvent


def token_new() -> tuple[str, str]:
    """A new private-link token and its hash (only the hash is stored)."""
    token = secrets.token_urlsafe(24)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def person_label(user: Any) -> str:
    """How a professional is named to the person and the service: their name, else e-mail."""
    if user is None:
        return ""
    full = f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}".strip()
    return full or str(getattr(user, "email", "") or user.get_username())


def mail_send(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    """A mail from ``referrals/email/<template>_subject.txt`` and ``_message.txt``, rendered in
    the reader's language; it leaves once the transaction commits."""
    with translation.override(language):
        subject = render_to_string(f"referrals/email/{template}_subject.txt", context)
        body = render_to_string(f"referrals/email/{template}_message.txt", context)
    mail_queue(subject=" ".join(subject.split()), body=body, to=[to])


def access_record(
    *,
    case: Case,
    what: str,
    channel: str,
    actor: Any = None,
    organisation_label: str = "",
    referral: Referral | None = None,
) -> DataAccess:
    """Log one read of the person's data (they see it on their page)."""
    return DataAccess.objects.create(
        case=case,
        referral=referral,
        what=what,
        channel=channel,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=person_label(actor) if getattr(actor, "is_authenticated", False) else "",
        organisation_label=organisation_label[:255],
    )


def accesses_record(
    *, cases: list[Case], what: str, channel: str, actor: Any, organisation_label: str = ""
) -> None:
    """Log one read of each of several people's data (a list page), in one query."""
    signed_in = getattr(actor, "is_authenticated", False)
    now = timezone.now()
    DataAccess.objects.bulk_create(
        DataAccess(
            case=case,
            what=what,
            channel=channel,
            at=now,
            actor=actor if signed_in else None,
            actor_label=person_label(actor) if signed_in else "",
            organisation_label=organisation_label[:255],
        )
        for case in cases
    )


def event_add(
    *,
    referral: Referral,
    status: str,
    channel: str = Channel.WEB,
    reason_code: str = "",
    note: str = "",
    actor: Any = None,
    actor_label: str = "",
) -> ReferralEvent:
    return ReferralEvent.objects.create(
        referral=referral,
        status=status,
        reason_code=reason_code,
        note=note,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=actor_label[:255],
        channel=channel,
    )


# How a closed referral reads in the needs insights (insights.codes.Outcome).
_OUTCOMES: dict[str, str] = {
    Reason.GOT_HELP: Outcome.GOT_HELP,
    Reason.NO_CAPACITY: Outcome.NO_CAPACITY,
    Reason.NOT_ELIGIBLE: Outcome.NOT_ELIGIBLE,
    Reason.COULD_NOT_CONTACT: Outcome.NOT_REACHED,
    Reason.NO_LONGER_INTERESTED: Outcome.STOPPED,
    Reason.CONSENT_WITHDRAWN: Outcome.STOPPED,
}


def _outcome(referral: Referral) -> str:
    outcome = _OUTCOMES.get(referral.reason_code)
    if outcome is not None:
        return outcome
    if referral.status == Status.REJECTED:
        return Outcome.DECLINED_OTHER
    if referral.status == Status.CANCELLED:
        return Outcome.STOPPED
    return Outcome.OTHER


def _wait(referral: Referral) -> str:
    if referral.service_id is None:
        return Wait.UNKNOWN
    capacity = ServiceCapacity.objects.filter(service_id=referral.service_id).first()
    if capacity is None:
        return Wait.UNKNOWN
    if capacity.status == CapacityStatus.WAITING_LIST:
        return capacity.waiting_band or Wait.UNKNOWN
    return Wait.OPEN if capacity.status == CapacityStatus.OPEN else Wait.CLOSED


# The service's moves: the first of them is its first answer.
ANSWERS = [
    Status.RECEIVED,
    Status.ACCEPTED,
    Status.REJECTED,
    Status.IN_PROGRESS,
    Status.ON_HOLD,
    Status.COMPLETED,
]


def closed_signal_record(*, referral: Referral) -> int:
    """Give the needs insights the anonymous signal of a referral that just closed: its needs,
    how it ended, the service's capacity, the days until the service first answered and the
    arrondissement of the service's first address. Anonymous referrals (never delivered) and
    referrals of a deleted service count too; demo referrals are marked demo.

    Side effects: insights.ReferralSignal rows."""
    first_answer = (
        referral.events.filter(status__in=ANSWERS)
        .order_by("at")
        .values_list("at", flat=True)
        .first()
    )
    days = None if first_answer is None else max(0, (first_answer - referral.created_at).days)
    postcode = (
        Address.objects.filter(location__service_at_locations__service_id=referral.service_id)
        .order_by("location__service_at_locations__id", "id")
        .values_list("postal_code", flat=True)
        .first()
        if referral.service_id is not None
        else None
    )
    arrondissement, province = area_of_postcode(postcode if postcode else None)
    return referral_signal_record(
        needs=list(referral.needs or []),
        outcome=_outcome(referral),
        wait=_wait(referral),
        days_to_response=days,
        arrondissement=arrondissement,
        province=province,
        language=referral.language,
        is_demo=referral.is_demo,
    )
