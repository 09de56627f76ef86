"""Moving a referral through its statuses, and noticing when one stalls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.services.common import preferred_language
from beoncosup.audit.services import event_record
from beoncosup.directory.enums import CapacityStatus
from beoncosup.directory.models import ServiceCapacity
from beoncosup.directory.services import capacity_set
from beoncosup.referrals.codes import (
    CLOSED,
    PERFORMER_MOVES,
    REASONS_FOR,
    REQUESTER_MOVES,
    Channel,
    ContactMethod,
    DataCategory,
    NoticeKind,
    Reason,
    Status,
)
from beoncosup.referrals.models import Notice, Referral, ServiceReferralSettings
from beoncosup.referrals.services.common import (
    absolute_url,
    closed_signal_record,
    event_add,
    mail_send,
)
from beoncosup.referrals.services.sharing import sms_news

MAX_NOTE = 1000


def _check_move(
    *, referral: Referral, status: str, reason_code: str, note: str, as_performer: bool
) -> None:
    moves = PERFORMER_MOVES if as_performer else REQUESTER_MOVES
    if status not in moves.get(referral.status, set()):
        raise ValidationError(
            {
                "status": _("A referral that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": Status(referral.status).label,
                    "new": Status(status).label if status in Status.values else status,
                }
            }
        )
    allowed = REASONS_FOR.get(status)
    if allowed is not None and reason_code not in allowed:
        raise ValidationError({"reason_code": _("Choose a reason from the list.")})
    if allowed is None and reason_code:
        raise ValidationError({"reason_code": _("This step takes no reason.")})
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("Keep the note short: at most 1,000 characters.")})
    if "\x00" in note:
        raise ValidationError({"note": _("The note contains a character that is not allowed.")})


def _tell_referrer(referral: Referral, kind: str) -> None:
    user = referral.referrer
    if user is None or not user.is_active:
        return
    Notice.objects.create(user=user, referral=referral, kind=kind)
    language = preferred_language(user)
    with translation.override(language):
        link = absolute_url(reverse("referrals:detail", kwargs={"referral_id": referral.pk}))
        status = Status(referral.status).label
    mail_send(
        to=user.email,
        language=language,
        template=f"referrer_{kind}",
        context={
            "service": referral.service_name,
            "status": status,
            "reason": Reason(referral.reason_code).label if referral.reason_code else "",
            "link": link,
        },
    )


def _tell_person(referral: Referral) -> None:
    """The person hears of each change on the channel they chose, if they shared it."""
    case = referral.case
    consent = referral.consent
    if case is None or consent is None or case.erased_at is not None:
        return
    if not consent.is_active() or DataCategory.CONTACT not in consent.categories:
        return
    with translation.override(case.language):
        status = str(Status(referral.status).label)
    if case.contact_method == ContactMethod.EMAIL and case.email:
        mail_send(
            to=case.email,
            language=case.language,
            template="person_status",
            context={"service": referral.service_name, "status": status},
        )
    elif case.contact_method == ContactMethod.SMS and case.phone:
        sms_news(case=case, service=referral.service_name, status=status)


@transaction.atomic
def referral_move(
    *,
    referral: Referral,
    status: str,
    reason_code: str = "",
    note: str = "",
    actor: Any = None,
    actor_label: str = "",
    as_performer: bool,
    channel: str = Channel.WEB,
) -> Referral:
    """Move a referral to ``status``: the service (``as_performer``) receives, accepts,
    declines, starts, pauses and closes it; the requester side (referrer, care team, person)
    can only cancel it. Declines and closes need a reason from the list.

    Raises ValidationError for a move the current status does not allow, and changes nothing.
    Side effects: the referral, a history step, a notice and a mail to the referrer, a mail or
    SMS to the person (if they chose one and shared it), an audit event; declining for "no
    capacity" marks the service closed to new referrals unless its capacity says otherwise."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    _check_move(
        referral=referral,
        status=status,
        reason_code=reason_code,
        note=note,
        as_performer=as_performer,
    )
    now = timezone.now()
    previous = referral.status
    referral.status = status
    referral.reason_code = reason_code
    referral.updated_at = now
    if status in (Status.REJECTED, Status.COMPLETED, Status.CANCELLED):
        referral.closed_at = now
    referral.save(update_fields=["status", "reason_code", "updated_at", "closed_at"])
    event_add(
        referral=referral,
        status=status,
        reason_code=reason_code,
        note=note.strip(),
        actor=actor,
        actor_label=actor_label,
        channel=channel,
    )
    event_record(
        action="referrals.status_changed",
        actor=actor,
        actor_label=actor_label if not getattr(actor, "is_authenticated", False) else "",
        target=referral,
        detail={"from": previous, "to": status, "reason": reason_code, "channel": channel},
    )
    if status in CLOSED:
        closed_signal_record(referral=referral)
    if status == Status.REJECTED and reason_code == Reason.NO_CAPACITY:
        _mark_full(referral, actor)
    if status != Status.RECEIVED:
        if as_performer:
            _tell_referrer(referral, NoticeKind.STATUS)
        _tell_person(referral)
    return referral


def _mark_full(referral: Referral, actor: Any) -> None:
    """A decline for lack of capacity tells the finder: the service is marked closed to new
    referrals from today (unless it already is), so it ranks below open alternatives until its
    staff say otherwise on its capacity page."""
    service = referral.service
    if service is None:
        return
    current = ServiceCapacity.objects.filter(service=service).first()
    if current is not None and current.status == CapacityStatus.CLOSED:
        return
    capacity_set(service=service, status=CapacityStatus.CLOSED, actor=actor)


def easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# Belgian public holidays: the ten legal ones (Royal Decree of 18 April 1974).
def holidays_of(year: int) -> set[dt.date]:
    sunday = easter(year)
    return {
        dt.date(year, 1, 1),
        sunday + dt.timedelta(days=1),  # Easter Monday
        dt.date(year, 5, 1),
        sunday + dt.timedelta(days=39),  # Ascension
        sunday + dt.timedelta(days=50),  # Whit Monday
        dt.date(year, 7, 21),
        dt.date(year, 8, 15),
        dt.date(year, 11, 1),
        dt.date(year, 11, 11),
        dt.date(year, 12, 25),
    }


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (weekends and Belgian public
    holidays excluded)."""
    days = 0
    holidays: dict[int, set[dt.date]] = {}
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() >= 5:
            continue
        if day in holidays.setdefault(day.year, holidays_of(day.year)):
            continue
        days += 1
    return days


def referrals_stalled_notify(*, today: dt.date | None = None) -> int:
    """Tell referrers about referrals still unanswered after their service's number of working
    days (once per referral). Returns how many were told.

    Side effects: a notice and a mail to each referrer; the referral's ``stall_notified_at``."""
    today = today or timezone.localdate()
    per_service = dict(
        ServiceReferralSettings.objects.values_list("service_id", "stall_after_days")
    )
    default = settings.BEONCOSUP_REFERRAL_STALL_DAYS
    told = 0
    waiting = Referral.objects.filter(
        delivered=True,
        status__in=[Status.REQUESTED, Status.RECEIVED],
        stall_notified_at__isnull=True,
    ).select_related("referrer")
    for referral in waiting.iterator():
        limit = per_service.get(referral.service_id, default)
        started = timezone.localtime(referral.created_at).date()
        if working_days_between(started, today) < limit:
            continue
        with transaction.atomic():
            referral.stall_notified_at = timezone.now()
            referral.save(update_fields=["stall_notified_at"])
            _tell_referrer(referral, NoticeKind.STALLED)
        told += 1
    return told


@transaction.atomic
def service_settings_set(
    *, service: Any, stall_after_days: int, actor: Any = None
) -> ServiceReferralSettings:
    """Set after how many working days without an answer referrers are reminded (1 to 30).

    Raises ValidationError outside that range. Side effects: the settings row; an audit event."""
    if not 1 <= stall_after_days <= 30:
        raise ValidationError({"stall_after_days": _("Choose between 1 and 30 working days.")})
    found, _created = ServiceReferralSettings.objects.update_or_create(
        service=service, defaults={"stall_after_days": stall_after_days}
    )
    event_record(
        action="referrals.service_settings",
        actor=actor,
        target=service,
        detail={"stall_after_days": stall_after_days},
    )
    return found


def notices_mark_read(*, user: Any, referral_id: Any = None) -> int:
    """Mark the user's unread notices read: all of them, or those of one referral. Returns
    how many. Side effects: the notices' ``read_at`` (no audit event: reading is not a change
    of anything shared)."""
    unread = Notice.objects.filter(user=user, read_at__isnull=True)
    if referral_id is not None:
        unread = unread.filter(referral_id=referral_id)
    return unread.update(read_at=timezone.now())
