"""Periods of the published tables: quarters ("2026-Q3") within years ("2026")."""

from __future__ import annotations

import datetime as dt
import re

PERIOD = re.compile(r"^(\d{4})(?:-Q([1-4]))?$")
# Published cubes hold the current year and the two before it.
YEARS_SHOWN = 3


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def year_of(period: str) -> str:
    return period[:4]


def is_quarter(period: str) -> bool:
    return "-Q" in period


def bounds(period: str) -> tuple[dt.date, dt.date]:
    """First day and the day after the last day of a period."""
    match = PERIOD.match(period)
    if match is None:
        raise ValueError(f"not a period: {period!r}")
    year = int(match.group(1))
    if match.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    quarter = int(match.group(2))
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, end


def is_complete(period: str, *, today: dt.date) -> bool:
    return bounds(period)[1] <= today


def window(*, today: dt.date) -> tuple[list[str], list[str]]:
    """(quarters, years) published: from the first quarter of YEARS_SHOWN - 1 years ago to the
    current quarter, and those years (the current one so far)."""
    years = [str(today.year - offset) for offset in range(YEARS_SHOWN - 1, -1, -1)]
    current = quarter_of(today)
    quarters = [f"{year}-Q{q}" for year in years for q in range(1, 5)]
    return [q for q in quarters if q <= current], years


def label(period: str) -> str:
    """ "2026 Q3" or "2026"; a period still running is marked "(so far)" by the caller."""
    return period.replace("-", " ")
