"""Moderating a report: take it in hand, resolve it with a note (the record is then marked
checked today, through its kind's ``on_resolved``), or reject it with a note.

    new ──take──▶ in_progress ──resolve──▶ resolved
     │                 └───────reject────▶ rejected
     └──resolve / reject (directly)
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.feedback.codes import OPEN, Status
from beoncosup.feedback.models import NOTE_MAX_LENGTH, Report
from beoncosup.feedback.services.mails import status_mail
from beoncosup.feedback.targets import target_kind


def _note_checked(note: str, *, required: bool) -> str:
    note = note.strip()
    if required and not note:
        raise ValidationError({"note": _("Write a short note for the person who reported it.")})
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {"note": _("Keep the note under %(max)d characters.") % {"max": NOTE_MAX_LENGTH}}
        )
    if "\x00" in note:
        raise ValidationError({"note": _("The note holds a character that cannot be stored.")})
    return note


def _locked(report: Report, user: Any, allowed_from: tuple[str, ...]) -> Report:
    if not user.has_perm("feedback.moderate_report", report):
        raise PermissionDenied
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.status not in allowed_from:
        raise ValidationError(
            _("This report is already “%(status)s”: reload the page.")
            % {"status": locked.get_status_display()}
        )
    return locked


def _changed(
    report: Report, *, previous: str, user: Any, request: HttpRequest | None, **detail: Any
) -> None:
    event_record(
        action=f"feedback.report_{report.status}",
        actor=user,
        target=report,
        request=request,
        detail={
            "kind": report.kind,
            "object_id": report.object_id,
            "from": previous,
            "to": report.status,
            **detail,
        },
    )
    status_mail(report)


@transaction.atomic
def report_take(*, report: Report, user: Any, request: HttpRequest | None = None) -> Report:
    """A moderator takes a new report in hand ("being checked").

    Raises PermissionDenied when the user may not moderate it, ValidationError when it is not
    new. Side effects: status and handler saved; an audit event; a mail to the reporter."""
    locked = _locked(report, user, (Status.NEW,))
    previous = locked.status
    locked.status = Status.IN_PROGRESS
    locked.handled_by = user
    locked.save(update_fields=["status", "handled_by", "updated_at"])
    _changed(locked, previous=previous, user=user, request=request)
    return locked


@transaction.atomic
def report_resolve(
    *, report: Report, user: Any, note: str = "", request: HttpRequest | None = None
) -> Report:
    """The record was corrected (or checked): close the report as resolved with an optional
    note to the reporter, and record that the record was verified today.

    Side effects: status, note, handler and closing time saved; the kind's ``on_resolved``
    (a service's "last verified on" date, an article's review date and reviewer in every
    language); an audit event; a mail to the reporter."""
    locked = _locked(report, user, tuple(OPEN))
    note = _note_checked(note, required=False)
    previous = locked.status
    locked.status = Status.RESOLVED
    locked.resolution_note = note
    locked.handled_by = user
    locked.resolved_at = timezone.now()
    locked.save(
        update_fields=["status", "resolution_note", "handled_by", "resolved_at", "updated_at"]
    )
    kind = target_kind(locked.kind)
    verified = kind is not None and kind.on_resolved is not None
    if kind is not None and kind.on_resolved is not None:
        kind.on_resolved(locked.object_id, user)
    _changed(locked, previous=previous, user=user, request=request, verified=verified)
    return locked


@transaction.atomic
def report_reject(
    *, report: Report, user: Any, note: str, request: HttpRequest | None = None
) -> Report:
    """Nothing needed changing (or it cannot be changed): close the report as rejected, with a
    note to the reporter saying why (required).

    Side effects: status, note, handler and closing time saved; an audit event; a mail to the
    reporter."""
    locked = _locked(report, user, tuple(OPEN))
    note = _note_checked(note, required=True)
    previous = locked.status
    locked.status = Status.REJECTED
    locked.resolution_note = note
    locked.handled_by = user
    locked.resolved_at = timezone.now()
    locked.save(
        update_fields=["status", "resolution_note", "handled_by", "resolved_at", "updated_at"]
    )
    _changed(locked, previous=previous, user=user, request=request)
    return locked
