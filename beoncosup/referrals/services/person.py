"""What the person does from their private link: withdraw consent, take a copy of their data,
have it erased. And the retention task that anonymises closed referrals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.referrals.codes import OPEN, Channel, NoticeKind, Reason, Status
from beoncosup.referrals.models import CareTeamMember, Case, Notice, Referral, ReferralEvent
from beoncosup.referrals.services.common import closed_signal_record, event_add


@transaction.atomic
def consent_withdraw(*, case: Case, channel: str = Channel.PERSON, actor: Any = None) -> int:
    """Withdraw every consent of the person at once: the services and the care team stop
    seeing their data from the next request, and their open referrals are cancelled (the
    services can no longer follow them up). Returns how many referrals were cancelled.

    Side effects: the consents' ``withdrawn_at``; each open referral cancelled with a history
    step; a notice to each referrer; an audit event (the withdrawal is itself recorded)."""
    now = timezone.now()
    withdrawn = case.consents.filter(withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_via=channel
    )
    cancelled = 0
    for referral in case.referrals.filter(status__in=list(OPEN)).select_related("referrer"):
        referral.status = Status.CANCELLED
        referral.reason_code = Reason.CONSENT_WITHDRAWN
        referral.updated_at = now
        referral.closed_at = now
        referral.save(update_fields=["status", "reason_code", "updated_at", "closed_at"])
        event_add(
            referral=referral,
            status=Status.CANCELLED,
            reason_code=Reason.CONSENT_WITHDRAWN,
            channel=channel,
            actor=actor,
        )
        closed_signal_record(referral=referral)
        if referral.referrer is not None and referral.delivered:
            Notice.objects.create(
                user=referral.referrer, referral=referral, kind=NoticeKind.CONSENT_WITHDRAWN
            )
        cancelled += 1
    event_record(
        action="referrals.consent_withdrawn",
        actor=actor,
        target=case,
        detail={"consents": withdrawn, "referrals_cancelled": cancelled, "channel": channel},
    )
    return cancelled


@transaction.atomic
def case_erase(*, case: Case, channel: str = Channel.PERSON, actor: Any = None) -> None:
    """Erase the person's data on their request (GDPR art. 17): the case with its identity,
    consents, care team, notes and access log; the referrals are kept anonymous (no case, no
    reason, no notes) so the needs statistics stay whole. The private link stops working.

    Side effects: as said; an audit event with no personal data."""
    if any(r.status in OPEN for r in case.referrals.all()):
        consent_withdraw(case=case, channel=channel, actor=actor)
    ReferralEvent.objects.filter(referral__case=case).update(note="")
    Referral.objects.filter(case=case).update(reason="", anonymised_at=timezone.now(), consent=None)
    Referral.objects.filter(case=case).update(case=None)
    event_record(
        action="referrals.case_erased",
        actor=actor,
        target_type="referrals.case",
        target_id=str(case.pk),
        target_label="case",
        detail={"channel": channel},
    )
    case.delete()


def referrals_anonymise(*, now: dt.datetime | None = None, days: int | None = None) -> int:
    """Retention: erase the people whose referrals all closed more than ``days`` ago (default
    BEONCOSUP_REFERRAL_RETENTION_DAYS, 365), and the people left with no referral at all after
    as long. Their referrals stay as anonymous counts. Returns how many people were erased.

    Side effects: ``case_erase`` for each (its audit event says channel "system")."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=days or settings.BEONCOSUP_REFERRAL_RETENTION_DAYS)
    stale = (
        Case.objects.filter(created_at__lt=cutoff)
        .exclude(referrals__status__in=list(OPEN))
        .exclude(referrals__closed_at__gte=cutoff)
        .distinct()
    )
    erased = 0
    for case in stale.iterator():
        case_erase(case=case, channel=Channel.SYSTEM)
        erased += 1
    return erased


def case_export(*, case: Case) -> dict[str, Any]:
    """Everything held about the person, as plain data (their "download my data")."""
    referrals = list(
        case.referrals.select_related("service").prefetch_related("events").order_by("created_at")
    )
    return {
        "person": {
            "name": case.name,
            "contact_method": case.contact_method,
            "phone": case.phone,
            "email": case.email,
            "language": case.language,
            "created_at": case.created_at.isoformat(),
            "self_referral": case.is_self_referral,
        },
        "consents": [
            {
                "given_at": c.given_at.isoformat(),
                "method": c.method,
                "shared": c.categories,
                "care_roles": c.care_roles,
                "purposes": c.purposes,
                "valid_until": c.valid_until.isoformat(),
                "statement": c.statement,
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in case.consents.all()
        ],
        "referrals": [
            {
                "id": str(r.pk),
                "service": r.service_name,
                "needs": r.needs,
                "reason": r.reason,
                "urgency": r.urgency,
                "status": r.status,
                "outcome": r.reason_code,
                "sent_to_service": r.delivered,
                "created_at": r.created_at.isoformat(),
                "history": [
                    {
                        "at": e.at.isoformat(),
                        "status": e.status,
                        "reason": e.reason_code,
                        "note": e.note,
                        "by": e.actor_label,
                    }
                    for e in r.events.all()
                ],
            }
            for r in referrals
        ],
        "care_team": [
            {
                "role": m.role,
                "name": _name(m.user),
                "organisation": m.organisation.name if m.organisation else "",
                "added_at": m.added_at.isoformat(),
                "removed_at": m.removed_at.isoformat() if m.removed_at else None,
            }
            for m in CareTeamMember.objects.filter(case=case).select_related("user", "organisation")
        ],
        "notes": [
            {"at": n.created_at.isoformat(), "role": n.author_role, "text": n.text}
            for n in case.notes.all()
        ],
        "access_log": [
            {
                "at": a.at.isoformat(),
                "who": a.actor_label,
                "organisation": a.organisation_label,
                "what": a.what,
                "channel": a.channel,
            }
            for a in case.accesses.all()
        ],
    }


def _name(user: Any) -> str:
    full = f"{user.first_name} {user.last_name}".strip()
    return full or str(user.email)
