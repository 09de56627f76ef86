"""Sessions as iCalendar (RFC 5545) files, with the ``icalendar`` package: the attachment of
the confirmation e-mail and the "add to my calendar" download. Used by the network's meetings
too. Times are written in UTC, so every calendar shows them in its own time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from beoncosup.core.i18n_text import pick
from beoncosup.training.models import Session

PRODUCT_ID = "-//BeONCOsup//Training//EN"
UID_DOMAIN = "beoncosup.be"


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def session_event(
    session: Session, *, summary: str, language: str, url: str = "", description: str = ""
) -> Event:
    """One VEVENT for the session: its summary (the caller's words), place or link, times."""
    event = Event()
    event.add("uid", f"session-{session.pk}@{UID_DOMAIN}")
    event.add("dtstamp", _utc(timezone.now()))
    event.add("dtstart", _utc(session.starts_at))
    event.add("dtend", _utc(session.ends_at))
    title = pick(session.title, language)
    event.add("summary", f"{summary} – {title.text}" if title and title.text else summary)
    place = ", ".join(part for part in (session.venue, session.address) if part)
    if place:
        event.add("location", place)
    elif session.online_url:
        event.add("location", session.online_url)
    if url:
        event.add("url", url)
    text = "\n\n".join(part for part in (description, session.online_url) if part)
    if text:
        event.add("description", text)
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    return event


def sessions_ical(
    sessions: Iterable[Session],
    *,
    summary: str,
    language: str,
    url: str = "",
    description: str = "",
) -> bytes:
    """A calendar file (``text/calendar``) with one event per session."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    for session in sessions:
        calendar.add_component(
            session_event(
                session, summary=summary, language=language, url=url, description=description
            )
        )
    return bytes(calendar.to_ical())
