"""The participant's e-mails: the link to their page, the calendar file of their sessions, the
sessions as an e-mail shows them, and one e-mail rendered in their language from
``training/email/<name>_subject.txt`` and ``_message.txt`` (sent once the transaction commits,
core.mail)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.services import absolute_url
from beoncosup.core.i18n_text import LANGUAGES, pick
from beoncosup.core.mail import mail_queue
from beoncosup.training.calendar import sessions_ical
from beoncosup.training.codes import Registration
from beoncosup.training.models import Edition, Enrolment, Session
from beoncosup.training.selectors import registration as selectors


def enrolment_link(enrolment: Enrolment, name: str = "training:enrolment") -> str:
    """The absolute link to the participant's page (or its ``name``d sibling), in their language."""
    with translation.override(enrolment.language):
        return absolute_url(reverse(name, kwargs={"token": enrolment.token}))


def course_title(edition: Edition, language: str) -> str:
    picked = pick(edition.course.title, language)
    return picked.text if picked else edition.course.slug


def enrolment_ical(enrolment: Enrolment, sessions: list[Session] | None = None) -> bytes:
    """The calendar file of the edition's sessions, as the participant sees them."""
    edition = enrolment.edition
    language = enrolment.language
    with translation.override(language):
        return sessions_ical(
            sessions if sessions is not None else selectors.edition_sessions(edition),
            summary=course_title(edition, language),
            language=language,
            url=enrolment_link(enrolment),
            description=_("Your registration: {link}").format(link=enrolment_link(enrolment)),
        )


@dataclass(frozen=True)
class SessionLine:
    """A session as one e-mail shows it: when, where (or the link for confirmed people)."""

    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online_url: str
    cancelled: bool
    presence: str = ""  # the participant's page: a selectors.participants.Presence


def session_lines(sessions: list[Session], language: str) -> list[SessionLine]:
    lines = []
    for session in sessions:
        title = pick(session.title, language)
        place = ", ".join(
            part for part in (session.venue, session.address, session.postcode) if part
        )
        lines.append(
            SessionLine(
                title=title.text if title else "",
                starts_at=timezone.localtime(session.starts_at),
                ends_at=timezone.localtime(session.ends_at),
                place=place,
                online_url=session.online_url,
                cancelled=session.cancelled,
            )
        )
    return lines


def participant_mail(
    enrolment: Enrolment,
    template: str,
    *,
    context: dict[str, Any] | None = None,
    sessions: list[Session] | None = None,
    with_calendar: bool = False,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Queue one e-mail to the participant, in their language; ``with_calendar`` attaches the
    sessions as ``training.ics``; ``attachments`` are more files (name, text, MIME type)."""
    edition = enrolment.edition
    language = enrolment.language if enrolment.language in LANGUAGES else settings.LANGUAGE_CODE
    sessions = sessions if sessions is not None else selectors.edition_sessions(edition)
    with translation.override(language):
        data = {
            "name": enrolment.name,
            "course": course_title(edition, language),
            "sessions": session_lines(sessions, language),
            "link": enrolment_link(enrolment),
            "confirmed": enrolment.status == Registration.CONFIRMED,
            **(context or {}),
        }
        subject = render_to_string(f"training/email/{template}_subject.txt", data)
        body = render_to_string(f"training/email/{template}_message.txt", data)
    attachments = list(attachments or [])
    if with_calendar:
        ical = enrolment_ical(enrolment, sessions).decode()
        attachments.append(("training.ics", ical, "text/calendar"))
    mail_queue(
        subject=" ".join(subject.split()),
        body=body,
        to=[enrolment.email],
        attachments=attachments,
    )
