""" "You said, we did": editors record what was done with the input of consultations and
working-group sessions, and change its status. A status change of a published action e-mails
the people who asked to hear about it, once per address, in their language: the contacts of
its consultations (consultations.selectors.contacts) and the session participants who ticked
``notify_actions``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.services import absolute_url
from beoncosup.audit.services import event_record
from beoncosup.consultations.models import Consultation
from beoncosup.consultations.selectors.contacts import contact_recipients
from beoncosup.core.i18n_text import clean_i18n, pick
from beoncosup.participation.codes import ActionKind, ActionStatus, RegistrationStatus
from beoncosup.participation.models import Action, ActionStatusChange, GroupSession, Registration
from beoncosup.participation.services.mails import language_of, mail_send
from beoncosup.taxonomy.models import Domain, Need


@dataclass(frozen=True)
class ActionData:
    title: dict[str, str]
    description: dict[str, str]
    kind: str
    domain: str  # a domain code
    needs: tuple[str, ...]  # need codes
    link: str
    consultations: tuple[int, ...]
    sessions: tuple[int, ...]
    published: bool


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    stop_url: str  # absolute


def _check(data: ActionData) -> tuple[list[Need], list[Consultation], list[GroupSession]]:
    errors: dict[str, str] = {}
    if not clean_i18n(data.title):
        errors["title"] = _("Fill in at least one language.")
    if data.kind not in ActionKind.values:
        errors["kind"] = _("Choose a kind from the list.")
    if not Domain.objects.filter(code=data.domain).exists():
        errors["domain"] = _("Choose a domain from the list.")
    needs = list(Need.objects.filter(code__in=data.needs))
    if len(needs) != len(set(data.needs)):
        errors["needs"] = _("One of the needs is unknown.")
    consultations = list(Consultation.objects.filter(pk__in=data.consultations))
    if len(consultations) != len(set(data.consultations)):
        errors["consultations"] = _("One of the consultations is unknown.")
    sessions = list(GroupSession.objects.filter(pk__in=data.sessions))
    if len(sessions) != len(set(data.sessions)):
        errors["sessions"] = _("One of the sessions is unknown.")
    if errors:
        raise ValidationError(errors)
    return needs, consultations, sessions


def _reason_check(status: str, reason: dict[str, str]) -> dict[str, str]:
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    reason = clean_i18n(reason)
    if status == ActionStatus.REJECTED and not reason:
        raise ValidationError(
            {"reason": _("Say why this is not done: the people who gave their input read it.")}
        )
    return reason if status == ActionStatus.REJECTED else {}


@transaction.atomic
def action_create(
    *,
    data: ActionData,
    status: str,
    status_date: dt.date,
    reason: dict[str, str] | None = None,
    is_demo: bool = False,
    actor: Any = None,
    request: HttpRequest | None = None,
) -> Action:
    """Record a new action with its first status (no e-mails: nothing changed yet for the
    people who gave their input). Raises ValidationError for unknown codes or ids, an empty
    title, or a rejection without a reason.

    Side effects: one Action with its needs and sources; its first ActionStatusChange; one
    audit event ``participation.action.create``."""
    needs, consultations, sessions = _check(data)
    reason = _reason_check(status, reason or {})
    action: Action = Action.objects.create(
        title=clean_i18n(data.title),
        description=clean_i18n(data.description),
        kind=data.kind,
        status=status,
        status_date=status_date,
        rejection_reason=reason,
        domain_id=data.domain,
        link=data.link,
        published=data.published,
        is_demo=is_demo,
    )
    action.needs.set(needs)
    action.consultations.set(consultations)
    action.sessions.set(sessions)
    action.save()  # modelcluster writes parental many-to-many fields on save
    ActionStatusChange.objects.create(
        action=action,
        status=status,
        date=status_date,
        reason=reason,
        changed_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    event_record(
        action="participation.action.create",
        actor=actor,
        target=action,
        request=request,
        detail={"status": status, "published": data.published},
    )
    return action


@transaction.atomic
def action_update(
    *, action: Action, data: ActionData, actor: Any = None, request: HttpRequest | None = None
) -> Action:
    """Change an action's texts, topic, link, sources or publication (its status changes
    through ``action_status_change``). Raises ValidationError as ``action_create``.

    Side effects: the Action and its needs and sources; one audit event
    ``participation.action.update``."""
    needs, consultations, sessions = _check(data)
    current: Action = Action.objects.select_for_update().get(pk=action.pk)
    current.title = clean_i18n(data.title)
    current.description = clean_i18n(data.description)
    current.kind = data.kind
    current.domain_id = data.domain
    current.link = data.link
    current.published = data.published
    current.needs.set(needs)
    current.consultations.set(consultations)
    current.sessions.set(sessions)
    current.save()
    event_record(
        action="participation.action.update",
        actor=actor,
        target=current,
        request=request,
        detail={"published": data.published},
    )
    return current


@transaction.atomic
def action_status_change(
    *,
    action: Action,
    status: str,
    date: dt.date | None = None,
    reason: dict[str, str] | None = None,
    actor: Any = None,
    request: HttpRequest | None = None,
) -> ActionStatusChange | None:
    """Give the action a new status from ``date`` (today when None). "rejected" needs a reason
    (in at least one language). The same status, date and reason again change nothing (None).

    Side effects: the Action's status, date and reason; one ActionStatusChange; one audit
    event ``participation.action.status``; when the status itself changed and the action is
    published, one e-mail per address (its consultations' contacts and its sessions'
    participants who asked for them; ``notified`` on the change counts them)."""
    reason = _reason_check(status, reason or {})
    date = date or timezone.localdate()
    current = Action.objects.select_for_update().get(pk=action.pk)
    if (current.status, current.status_date, current.rejection_reason) == (status, date, reason):
        return None
    was = current.status
    current.status = status
    current.status_date = date
    current.rejection_reason = reason
    current.save(update_fields=["status", "status_date", "rejection_reason", "updated_at"])
    change = ActionStatusChange.objects.create(
        action=current,
        status=status,
        date=date,
        reason=reason,
        changed_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if was != status and current.published:
        change.notified = _notify(current)
        change.save(update_fields=["notified"])
    event_record(
        action="participation.action.status",
        actor=actor,
        target=current,
        request=request,
        detail={"was": was, "status": status, "notified": change.notified},
    )
    return change


def action_recipients(action: Action) -> list[Recipient]:
    """Who hears about the action's status: one entry per address (compared without case),
    consultation contacts first, then the sessions' participants who asked for it and did not
    cancel; each with the link that stops these e-mails."""
    found: dict[str, Recipient] = {}
    consultation_ids = list(action.consultations.values_list("pk", flat=True))
    for contact in contact_recipients(consultation_ids=consultation_ids):
        key = contact.email.strip().lower()
        if key not in found:
            found[key] = Recipient(
                email=contact.email,
                language=language_of(contact.language),
                stop_url=absolute_url(contact.unsubscribe_url_path),
            )
    registrations = Registration.objects.filter(
        session__in=action.sessions.all(), notify_actions=True
    ).exclude(status=RegistrationStatus.CANCELLED)
    for registration in registrations.order_by("pk"):
        key = registration.email.strip().lower()
        if key in found:
            continue
        language = language_of(registration.language)
        with translation.override(language):
            stop = reverse("participation:notify_stop", kwargs={"token": registration.token})
        found[key] = Recipient(
            email=registration.email, language=language, stop_url=absolute_url(stop)
        )
    return list(found.values())


def _notify(action: Action) -> int:
    recipients = action_recipients(action)
    for recipient in recipients:
        language = recipient.language
        with translation.override(language):
            title = pick(action.title, language)
            reason = pick(action.rejection_reason, language)
            page = absolute_url(reverse("participation:action", kwargs={"action_id": action.pk}))
            context = {
                "title": title.text if title else "",
                "status": ActionStatus(action.status).label,
                "rejected": action.status == ActionStatus.REJECTED,
                "reason": reason.text if reason else "",
                "date": action.status_date,
                "link": page,
                "stop_url": recipient.stop_url,
            }
        mail_send(to=recipient.email, language=language, template="action_status", context=context)
    return len(recipients)
