"""The participation e-mails: rendered in the recipient's language from
``participation/email/<name>_subject.txt`` and ``_message.txt``, sent once the transaction
commits (core.mail)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from beoncosup.accounts.services import absolute_url
from beoncosup.core.i18n_text import LANGUAGES, pick
from beoncosup.core.mail import mail_queue
from beoncosup.participation.models import GroupSession, Registration
from beoncosup.training.calendar import sessions_ical
from beoncosup.training.services.mails import SessionLine, session_lines


def language_of(code: str) -> str:
    return code if code in LANGUAGES else str(settings.LANGUAGE_CODE)


def group_title(group_session: GroupSession, language: str) -> str:
    picked = pick(group_session.group.title, language)
    return picked.text if picked else str(group_session.group.pk)


def registration_link(registration: Registration) -> str:
    """The absolute link to the person's registration page, in their language."""
    with translation.override(language_of(registration.language)):
        return absolute_url(
            reverse("participation:registration", kwargs={"token": registration.token})
        )


def session_line(group_session: GroupSession, language: str) -> SessionLine:
    [line] = session_lines([group_session.session], language)
    return line


def registration_ical(registration: Registration) -> bytes:
    """The session as a calendar file, as the participant sees it."""
    group_session = registration.session
    language = language_of(registration.language)
    with translation.override(language):
        link = registration_link(registration)
        return sessions_ical(
            [group_session.session],
            summary=group_title(group_session, language),
            language=language,
            url=link,
            description=_("Your registration: {link}").format(link=link),
        )


def mail_send(
    *,
    to: str,
    language: str,
    template: str,
    context: dict[str, Any],
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Queue one e-mail rendered in ``language``."""
    with translation.override(language_of(language)):
        subject = render_to_string(f"participation/email/{template}_subject.txt", context)
        body = render_to_string(f"participation/email/{template}_message.txt", context)
    mail_queue(subject=" ".join(subject.split()), body=body, to=[to], attachments=attachments or [])


def participant_mail(
    registration: Registration,
    template: str,
    *,
    context: dict[str, Any] | None = None,
    with_calendar: bool = False,
) -> None:
    """Queue one e-mail to a registered participant, in their language; ``with_calendar``
    attaches the session as ``working-group.ics``."""
    language = language_of(registration.language)
    group_session = registration.session
    with translation.override(language):
        data = {
            "name": registration.name,
            "group": group_title(group_session, language),
            "session": session_line(group_session, language),
            "link": registration_link(registration),
            **(context or {}),
        }
    attachments = []
    if with_calendar:
        attachments.append(
            ("working-group.ics", registration_ical(registration).decode(), "text/calendar")
        )
    mail_send(
        to=registration.email,
        language=language,
        template=template,
        context=data,
        attachments=attachments,
    )
