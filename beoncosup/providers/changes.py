"""The fields of a service that provider staff may propose changes to, as JSON-able values:
read from a service (``service_snapshot``), compared (``changes_between``) and written back
(``changes_write``, called by ``services.proposal_decide`` inside its transaction)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils.translation import gettext_lazy as _

from beoncosup.directory.hours import DAYS
from beoncosup.directory.models import Phone, Schedule, Service, ServiceLanguage

TEXT_LANGUAGES = ("nl", "fr", "de", "en")

# Field code → label, in the order forms and reviews show them.
FIELDS: dict[str, Any] = {
    "hours": _("Opening hours"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "url": _("Web page"),
    "eligibility_description": _("Who can use it"),
    "minimum_age": _("Minimum age"),
    "maximum_age": _("Maximum age"),
    "wait_time": _("Waiting time"),
    "languages": _("Languages"),
}

_HOURS_LINE = re.compile(
    r"^(?P<days>[A-Z]{2}(?:,[A-Z]{2})*)\s+(?P<opens>\d{1,2}:\d{2})\s*[-–]\s*(?P<closes>\d{1,2}:\d{2})$"
)


def _time(value: dt.time | None) -> str:
    return f"{value:%H:%M}" if value is not None else ""


def _texts(value: dict[str, str] | None) -> dict[str, str]:
    return {lang: (value or {}).get(lang, "") for lang in TEXT_LANGUAGES if (value or {}).get(lang)}


def service_snapshot(service: Service) -> dict[str, Any]:
    """The proposable fields' current values (reads the service's phones, schedules and
    languages: prefetch them for lists)."""
    phones = list(service.phones.all())
    return {
        "hours": [
            f"{s.byday} {_time(s.opens_at)}-{_time(s.closes_at)}"
            for s in service.schedules.all()
            if s.byday and s.opens_at and s.closes_at
        ],
        "phone": phones[0].number if phones else "",
        "email": service.email,
        "url": service.url,
        "eligibility_description": _texts(service.eligibility_description),
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "wait_time": _texts(service.wait_time),
        "languages": sorted(language.code for language in service.languages.all()),
    }


def hours_parse(text: str) -> list[str]:
    """Opening hours written one per line ("MO,TU,WE 09:00-17:00") as normalised lines.
    Raises ValueError on a line that is not of that form."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.strip().upper().split())
        if not line:
            continue
        match = _HOURS_LINE.match(line.replace(", ", ","))
        if match is None or any(day not in DAYS for day in match["days"].split(",")):
            raise ValueError(raw.strip())
        opens = dt.time.fromisoformat(match["opens"].zfill(5))
        closes = dt.time.fromisoformat(match["closes"].zfill(5))
        if closes <= opens:
            raise ValueError(raw.strip())
        lines.append(f"{match['days']} {_time(opens)}-{_time(closes)}")
    return lines


def changes_between(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per field that differs: ``{"old": …, "new": …}``."""
    return {
        field: {"old": old.get(field), "new": new[field]}
        for field in FIELDS
        if field in new and new[field] != old.get(field)
    }


def conflicts_of(changes: dict[str, dict[str, Any]], current: dict[str, Any]) -> list[str]:
    """The fields whose value changed since the proposal was made (and not to what it proposes)."""
    return [
        field
        for field, change in changes.items()
        if current.get(field) != change["old"] and current.get(field) != change["new"]
    ]


def changes_write(service: Service, changes: dict[str, dict[str, Any]]) -> None:
    """Write the new values to the service's own fields and its children (the caller saves the
    service afterwards and holds the transaction)."""
    for field, change in changes.items():
        new = change["new"]
        if field in {"email", "url", "minimum_age", "maximum_age"}:
            setattr(service, field, new)
        elif field in {"eligibility_description", "wait_time"}:
            setattr(service, field, {lang: text for lang, text in new.items() if text})
        elif field == "phone":
            _phone_write(service, new)
        elif field == "hours":
            _hours_write(service, new)
        elif field == "languages":
            _languages_write(service, new)


def _phone_write(service: Service, number: str) -> None:
    first = service.phones.order_by("sort_order", "id").first()
    if not number:
        if first is not None:
            first.delete()
    elif first is None:
        Phone.objects.create(service=service, number=number)
    else:
        first.number = number
        first.save(update_fields=["number"])


def _hours_write(service: Service, lines: list[str]) -> None:
    # Rows without days or times (free-text notes) are kept; the weekly rows are replaced.
    weekly = service.schedules.exclude(byday="").exclude(opens_at=None).exclude(closes_at=None)
    weekly.delete()
    for position, line in enumerate(lines):
        days, hours = line.split(" ")
        opens, closes = hours.split("-")
        Schedule.objects.create(
            service=service,
            byday=days,
            opens_at=dt.time.fromisoformat(opens),
            closes_at=dt.time.fromisoformat(closes),
            sort_order=position,
        )


def _languages_write(service: Service, codes: list[str]) -> None:
    service.languages.exclude(code__in=codes).delete()
    have = set(service.languages.values_list("code", flat=True))
    for position, code in enumerate(codes):
        if code not in have:
            ServiceLanguage.objects.create(service=service, code=code, sort_order=100 + position)
