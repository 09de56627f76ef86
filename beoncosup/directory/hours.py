"""Opening hours as a person reads them ("Mon-Fri 09:00-17:00, by appointment"), from a
service's weekly schedules (HSDS ``schedule`` rows: ``byday`` such as ``MO,TU,WE`` and the
opening and closing times)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.dates import WEEKDAYS_ABBR
from django.utils.timezone import localdate

from beoncosup.core.i18n_text import PickedText, default_language, pick
from beoncosup.directory.models import Schedule

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class OpeningHours:
    days: str  # "Mon-Fri", "Mon, Wed" (day names from Django's own translations)
    hours: str  # "09:00-17:00", or "" when the times are not given
    note: PickedText | None  # the schedule's description ("By appointment."), if any

    def __str__(self) -> str:
        return " ".join(part for part in (self.days, self.hours) if part)


def _days(byday: str) -> str:
    """Runs of three days or more as a range (Mon-Fri), shorter ones one by one (Mon, Tue)."""
    numbers = sorted({DAYS.index(code) for code in byday.split(",") if code in DAYS})
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{WEEKDAYS_ABBR[run[0]]}–{WEEKDAYS_ABBR[run[-1]]}")
        else:
            parts.extend(str(WEEKDAYS_ABBR[number]) for number in run)
    return ", ".join(parts)


def _hours(opens: datetime.time | None, closes: datetime.time | None) -> str:
    # 24-hour times: how opening hours are written in all four languages in Belgium.
    if opens is None or closes is None:
        return ""
    return f"{opens:%H:%M}–{closes:%H:%M}"


def opening_hours(
    schedules: Iterable[Schedule],
    *,
    language: str | None = None,
    today: datetime.date | None = None,
) -> list[OpeningHours]:
    """The weekly schedules in force today, in the active language (day names) and the
    reader's language (notes). Rows outside their validity dates are left out; a row with
    neither days, times nor note says nothing and is skipped."""
    language = language or default_language()
    today = today or localdate()
    found: list[OpeningHours] = []
    for schedule in schedules:
        if schedule.valid_from and schedule.valid_from > today:
            continue
        if schedule.valid_to and schedule.valid_to < today:
            continue
        weekly = schedule.freq.upper() == "WEEKLY"
        entry = OpeningHours(
            days=_days(schedule.byday) if weekly else "",
            hours=_hours(schedule.opens_at, schedule.closes_at),
            note=pick(schedule.description, language),
        )
        if entry.days or entry.hours or entry.note:
            found.append(entry)
    return found
