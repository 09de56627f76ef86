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
from beoncosup.referrals.codes import Channel
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
