"""A visitor reports that something is wrong: the form's one write.

Spam and repeats are refused without keeping who sent them: the same report (same record,
category and text) is refused when the visitor's session sent it in the last day, or when it
already arrived in the last day from anyone; a session sends at most
``SESSION_DAILY_LIMIT`` reports a day. Nothing identifies the visitor: no IP address, no
account; the text and the e-mail address are never logged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import MutableMapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.feedback.codes import Category
from beoncosup.feedback.models import TEXT_MAX_LENGTH, Report
from beoncosup.feedback.services.mails import status_mail
from beoncosup.feedback.targets import Target

SESSION_KEY = "feedback_sent"
SESSION_DAILY_LIMIT = 10
REPEAT_WINDOW = dt.timedelta(days=1)
EMAIL_MAX_LENGTH = 254


def report_digest(*, kind: str, object_id: str, category: str, text: str) -> str:
    """HMAC of the record and the normalised text (case and spacing ignored)."""
    normalised = " ".join(text.lower().split())
    message = f"{kind}\n{object_id}\n{category}\n{normalised}".encode()
    return hmac.new(str(settings.SECRET_KEY).encode(), message, hashlib.sha256).hexdigest()


def _session_sent(session: MutableMapping[str, Any] | None, now: dt.datetime) -> list[list[str]]:
    """The session's reports of the last day, as [digest, iso time] pairs."""
    if session is None:
        return []
    since = now - REPEAT_WINDOW
    kept = []
    for entry in session.get(SESSION_KEY, []):
        try:
            digest, when = str(entry[0]), dt.datetime.fromisoformat(str(entry[1]))
        except (IndexError, TypeError, ValueError):
            continue
        if when > since:
            kept.append([digest, when.isoformat()])
    return kept


def _errors(category: str, text: str, contact_email: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if category not in Category.values:
        errors["category"] = _("Choose what is wrong.")
    if not text:
        errors["text"] = _("Say in a few words what is wrong.")
    elif len(text) > TEXT_MAX_LENGTH:
        errors["text"] = _("Keep it under %(max)d characters.") % {"max": TEXT_MAX_LENGTH}
    elif "\x00" in text:
        errors["text"] = _("The text holds a character that cannot be stored.")
    if contact_email:
        try:
            if len(contact_email) > EMAIL_MAX_LENGTH or "\x00" in contact_email:
                raise ValidationError("too long")
            validate_email(contact_email)
        except ValidationError:
            errors["contact_email"] = _("Enter a valid e-mail address, or leave it empty.")
    return errors


@transaction.atomic
def report_create(
    *,
    target: Target,
    category: str,
    text: str,
    contact_email: str = "",
    language: str,
    session: MutableMapping[str, Any] | None = None,
    is_demo: bool = False,
) -> Report:
    """Record a report on ``target`` (resolved by the caller: an unknown record never gets
    here). Raises ValidationError (messages per field, or for the whole form when it repeats a
    report) and changes nothing when the input is wrong or repeated.

    Side effects: one Report; a mail with the status link when an address was left; the
    session (if given) remembers the report's digest for a day; the audit event
    "feedback.report_created" (kind, record and category only, and no request: the visitor's
    address is not kept).
    """
    text = text.strip()
    contact_email = contact_email.strip()
    errors = _errors(category, text, contact_email)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    digest = report_digest(
        kind=target.kind, object_id=target.object_id, category=category, text=text
    )
    sent = _session_sent(session, now)
    if len(sent) >= SESSION_DAILY_LIMIT:
        raise ValidationError(
            _("You sent many reports today. Thank you! Please try again tomorrow.")
        )
    repeated = any(entry[0] == digest for entry in sent) or (
        Report.objects.filter(digest=digest, created_at__gt=now - REPEAT_WINDOW).exists()
    )
    if repeated:
        raise ValidationError(
            _("This report was already sent today. We are looking at it: thank you.")
        )
    codes = {code for code, _name in settings.LANGUAGES}
    report = Report.objects.create(
        kind=target.kind,
        object_id=target.object_id,
        target_title=target.title[:300],
        category=category,
        text=text,
        digest=digest,
        contact_email=contact_email,
        language=language if language in codes else settings.LANGUAGE_CODE,
        is_demo=is_demo or target.is_demo,
    )
    if session is not None:
        session[SESSION_KEY] = [*sent, [digest, now.isoformat()]]
    event_record(
        action="feedback.report_created",
        target=report,
        target_label=f"{target.kind} {target.object_id}",
        detail={"kind": target.kind, "object_id": target.object_id, "category": category},
    )
    status_mail(report)
    return report
