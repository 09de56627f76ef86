"""Writes of the finder: support plans, unmet-need events, and the search that records them.

Plan notes are typed by people and may hold health information: no function here logs them.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Iterable, Mapping
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from beoncosup.core.mail import mail_queue
from beoncosup.core.sms import MAX_SEGMENTS, sms_queue, sms_segments
from beoncosup.directory.models import Service

# tasks imports this module in turn (see there): import the module, not its names.
from beoncosup.finder import queries, tasks
from beoncosup.finder.counting import EventData, event_key
from beoncosup.finder.models import (
    SupportPlan,
    SupportPlanItem,
    UnmetNeedCountKey,
    UnmetNeedCountSalt,
)
from beoncosup.finder.plan_session import SESSION_KEY as PLAN_SESSION_KEY
from beoncosup.finder.plan_session import plan_token
from beoncosup.finder.selectors import FinderResult, find_services
from beoncosup.geo.selectors import statistical_area
from beoncosup.insights.services.signals import SearchSignalData, search_signals_record
from beoncosup.search.matching.criteria import Criteria

NOTE_MAX = 2000
QUERY_MAX = 2000
# A day and a bit: a salt or a counted key is only ever looked up on its own day.
SALT_CACHE_SECONDS = 26 * 3600


def _language(language: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    if language not in codes:
        raise ValueError(f"language: {language!r} is not one of {sorted(codes)}")
    return language


@transaction.atomic
def plan_create(
    *,
    language: str,
    needs: Iterable[str] = (),
    service_ids: Iterable[uuid.UUID | str] = (),
    query: str = "",
) -> SupportPlan:
    """A new plan with a random token, expiring after BEONCOSUP_PLAN_DAYS days, holding the
    given needs (in order, without repeats) and services (unknown service ids are skipped)."""
    plan = SupportPlan.objects.create(
        language=_language(language),
        needs=list(dict.fromkeys(needs)),
        query=query[:QUERY_MAX],
        expires_at=timezone.now() + dt.timedelta(days=settings.BEONCOSUP_PLAN_DAYS),
    )
    ids = list(dict.fromkeys(str(service_id) for service_id in service_ids))
    known = {str(pk) for pk in Service.objects.filter(pk__in=ids).values_list("pk", flat=True)}
    SupportPlanItem.objects.bulk_create(
        SupportPlanItem(plan=plan, service_id=uuid.UUID(sid), position=position)
        for position, sid in enumerate(sid for sid in ids if sid in known)
    )
    return plan


@transaction.atomic
def plan_service_add(
    *, plan: SupportPlan, service: Service, needs: Iterable[str] = (), query: str | None = None
) -> SupportPlanItem:
    """Adds the service at the end of the plan (or returns its item when already there), adds
    ``needs`` to the plan's needs and, when given, remembers the search to return to."""
    item, _created = SupportPlanItem.objects.get_or_create(
        plan=plan,
        service=service,
        defaults={"position": _next_position(plan)},
    )
    merged = list(dict.fromkeys([*plan.needs, *needs]))
    fields = []
    if merged != plan.needs:
        plan.needs = merged
        fields.append("needs")
    if query is not None and query[:QUERY_MAX] != plan.query:
        plan.query = query[:QUERY_MAX]
        fields.append("query")
    if fields:
        plan.save(update_fields=fields)
    return item


@transaction.atomic
def visitor_plan_services_add(
    *,
    request: HttpRequest,
    language: str,
    service_ids: Iterable[uuid.UUID | str],
    needs: Iterable[str],
    query: str,
) -> SupportPlan | None:
    """Adds the active services among ``service_ids`` (unknown or inactive ones are skipped, in
    order) and ``needs`` to this visitor's plan, the one "My plan (n)" shows; for another journey
    (the self-check) that recommends services.

    Returns the plan, or None when there was none and nothing could be added (no empty plan).
    Side effects: creates the plan, and keeps its token in the session, when the visitor has
    none (or theirs has expired); the plan's ``query`` becomes ``query`` (the finder search
    "Back to the search" opens)."""
    ids = list(dict.fromkeys(_uuid_text(service_id) for service_id in service_ids))
    ids = [sid for sid in ids if sid]
    active = Service.objects.filter(pk__in=ids, status="active").in_bulk(field_name="pk")
    by_id = {str(pk): service for pk, service in active.items()}
    plan = _visitor_plan(request)
    if not by_id:
        # No plan is made for nothing: a plan without a service is no plan (issue #12).
        return plan
    needs = list(needs)
    if plan is None:
        plan = plan_create(language=language, needs=needs, query=query)
        request.session[PLAN_SESSION_KEY] = plan.token
    for sid in ids:
        if sid in by_id:
            plan_service_add(plan=plan, service=by_id[sid], needs=needs, query=query)
    return plan


def _uuid_text(value: uuid.UUID | str) -> str:
    """The id as text, or "" when it is no UUID (a form sent by hand): skipped, never a 500."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return ""


def _visitor_plan(request: HttpRequest) -> SupportPlan | None:
    token = plan_token(request)
    if not token:
        return None
    try:
        return queries.plan_for_token(token)
    except (SupportPlan.DoesNotExist, queries.PlanGone):
        return None


def _next_position(plan: SupportPlan) -> int:
    highest = plan.items.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def plan_service_remove(*, plan: SupportPlan, service_id: uuid.UUID | str) -> bool:
    """Removes a service from the plan; False when it was not in it."""
    deleted, _per_model = SupportPlanItem.objects.filter(plan=plan, service_id=service_id).delete()
    return deleted > 0


@transaction.atomic
def plan_note_set(*, plan: SupportPlan, note: str) -> None:
    """The plan's general note (trimmed, at most 2,000 characters)."""
    plan.note = note.strip()[:NOTE_MAX]
    plan.save(update_fields=["note"])


@transaction.atomic
def plan_notes_set(*, plan: SupportPlan, note: str, item_notes: Mapping[int, str]) -> None:
    """The general note and the notes per service (by item id; other plans' items are
    ignored), in one transaction."""
    plan_note_set(plan=plan, note=note)
    items = {item.pk: item for item in plan.items.filter(pk__in=list(item_notes))}
    changed = []
    for pk, text in item_notes.items():
        item = items.get(pk)
        if item is not None and item.note != text.strip()[:NOTE_MAX]:
            item.note = text.strip()[:NOTE_MAX]
            changed.append(item)
    SupportPlanItem.objects.bulk_update(changed, ["note"])


@transaction.atomic
def plan_service_move(*, plan: SupportPlan, service_id: uuid.UUID | str, offset: int) -> None:
    """Moves a service up (offset -1) or down (+1) in the plan; positions are renumbered."""
    items = list(plan.items.order_by("position", "id"))
    index = next(
        (i for i, item in enumerate(items) if str(item.service_id) == str(service_id)), None
    )
    if index is None:
        return
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    for position, item in enumerate(items):
        item.position = position
    SupportPlanItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def plans_expired_delete(*, now: dt.datetime | None = None) -> int:
    """Deletes the plans whose link has expired, with their items; returns how many plans."""
    expired = SupportPlan.objects.filter(expires_at__lte=now or timezone.now())
    count = expired.count()
    expired.delete()
    return count


def search_signals_build(
    result: FinderResult, criteria: Criteria, *, visitor: str, day: dt.date
) -> list[EventData]:
    """The signals a search makes for the needs insights: one per need searched for, with how
    many services the search found within reach for it (0: an unmet need), each keyed by the
    HMAC of the visitor and the signal under the day's salt (finder.counting). Arrondissement
    and province of the postcode, language, audience, work status, phase and the day; never
    the postcode, the typed text, the session or the address."""
    if not result.needs:
        return []
    arrondissement, province = (
        statistical_area(criteria.postcode) if criteria.postcode else ("", "")
    )
    salt = count_salt_ensure(day=day)
    events: list[EventData] = []
    for code in result.needs:
        services = int(result.coverage.get(code, 0))
        fields = (
            code,
            arrondissement,
            province,
            criteria.lang,
            criteria.audience or "",
            criteria.status or "",
            criteria.phase or "",
            str(services),
        )
        events.append(
            {
                "key": event_key(salt=salt, visitor=visitor, fields=(day.isoformat(), *fields)),
                "need_code": code,
                "arrondissement": arrondissement,
                "province": province,
                "language": criteria.lang,
                "audience": criteria.audience or "",
                "status": criteria.status or "",
                "phase": criteria.phase or "",
                "services": services,
                "date": day.isoformat(),
            }
        )
    return events


def count_salt_ensure(*, day: dt.date) -> str:
    """The day's random salt, created by the first search of the day (which also deletes the
    salts and counted keys of earlier days, so their keys can never be recomputed). Kept in
    the cache so a search reads it once per process and day."""
    cache_key = f"finder:unmet-salt:{day.isoformat()}"
    salt = cache.get(cache_key)
    if salt is None:
        with transaction.atomic():
            row, created = UnmetNeedCountSalt.objects.get_or_create(
                date=day, defaults={"salt": secrets.token_hex(32)}
            )
            if created:
                UnmetNeedCountSalt.objects.filter(date__lt=day).delete()
                UnmetNeedCountKey.objects.filter(date__lt=day).delete()
        salt = row.salt
        cache.set(cache_key, salt, SALT_CACHE_SECONDS)
    return str(salt)


@transaction.atomic
def search_signals_count(*, events: Iterable[EventData]) -> int:
    """Hands each signal whose key was not counted yet to insights (the unique key makes a
    repeat, a burst or two workers racing write nothing more); returns how many were new.

    Side effects: UnmetNeedCountKey rows; insights.SearchSignal rows."""
    fresh: list[SearchSignalData] = []
    for event in events:
        day = dt.date.fromisoformat(event["date"])
        _key, created = UnmetNeedCountKey.objects.get_or_create(
            key=event["key"], defaults={"date": day}
        )
        if created:
            fresh.append(
                {
                    "need_code": event["need_code"],
                    "arrondissement": event["arrondissement"],
                    "province": event["province"],
                    "language": event["language"],
                    "audience": event.get("audience", ""),
                    "status": event["status"],
                    "phase": event.get("phase", ""),
                    "services": int(event.get("services", 0)),
                    "date": event["date"],
                }
            )
    search_signals_record(signals=fresh)
    return len(fresh)


def finder_search(criteria: Criteria, *, visitor: str = "") -> FinderResult:
    """The finder's search for pages and the API: ``find_services``, and for the first page
    (not when someone pages through the same search) the searched-need signals for the needs
    insights, counted once per visitor (``counting.visitor_id``; without one, every such
    search counts as one unknown visitor) and day, and written by a background task once the
    request's transaction commits.

    Raises CriteriaError like ``find_services``."""
    result = find_services(criteria)
    if criteria.page == 1 and result.needs:
        events = search_signals_build(result, criteria, visitor=visitor, day=timezone.localdate())
        # The database's unique key is the guarantee; this per-cache check only spares the
        # task queue a row for every repeat of a search this process has already queued.
        fresh = [
            event
            for event in events
            if cache.add(f"finder:signal-key:{event['key']}", True, SALT_CACHE_SECONDS)
        ]
        if fresh:
            transaction.on_commit(partial(tasks.count_searched_needs.enqueue, fresh))
    return result


def plan_link_send(*, plan: SupportPlan, email: str = "", phone: str = "", language: str) -> str:
    """Send the plan's link, in ``language``, to one e-mail address or one mobile number.

    Exactly one of ``email`` and ``phone`` (E.164, ``core.phone.phone_normalise``) is given;
    raises ``ValueError`` otherwise, for an unknown language, or for an expired plan.
    Side effects: one e-mail (subject and plain text from ``finder/email/plan_link_*.txt``)
    or one text message (``core.sms``), queued to leave once the transaction commits. Nothing
    is written to the database and nothing is logged: the address or number is used for this
    one message only. Returns the channel used, ``"email"`` or ``"sms"``.
    """
    language = _language(language)
    if bool(email) == bool(phone):
        raise ValueError("Give either an e-mail address or a phone number.")
    if plan.is_expired:
        raise ValueError("The plan has expired.")
    with translation.override(language):
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "finder:plan", args=[plan.token]
        )
        expires = timezone.localtime(plan.expires_at)
        if email:
            context = {"link": link, "expires_at": expires}
            subject = render_to_string("finder/email/plan_link_subject.txt", context)
            body = render_to_string("finder/email/plan_link_message.txt", context)
        else:
            text = gettext("BeONCOsup: your support plan, until %(date)s: %(link)s") % {
                "date": date_format(expires, "SHORT_DATE_FORMAT"),
                "link": link,
            }
    if email:
        mail_queue(subject=" ".join(subject.split()), body=body, to=[email])
        return "email"
    # A very long site address could make the sentence too long for three parts: then the
    # link alone.
    sms_queue(to=phone, body=text if sms_segments(text) <= MAX_SEGMENTS else link)
    return "sms"
