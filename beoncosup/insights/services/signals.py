"""Recording signals. Callers pass codes only; these functions check each one against its code
list (an unknown code is dropped rather than stored, so a signal table never holds free text)
and store the day, never a time."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TypedDict

from django.db import transaction
from django.utils import timezone

from beoncosup.geo.selectors import statistical_area
from beoncosup.insights.codes import Band, Outcome, Wait
from beoncosup.insights.models import (
    ReferralSignal,
    SearchSignal,
    SelfCheckSignal,
    SelfCheckSignalNeed,
)
from beoncosup.situation.codes import Audience, EmploymentStatus, Language, Phase
from beoncosup.taxonomy.models import Need

_AREA = re.compile(r"^(\d{5}|)$")
_PROVINCE = re.compile(r"^(BE-[A-Z]{3}|)$")
_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,60}$")


class SearchSignalData(TypedDict):
    """One searched need as finder records it (JSON-safe, for the task queue)."""

    need_code: str
    arrondissement: str
    province: str
    language: str
    audience: str
    status: str
    phase: str
    services: int
    date: str  # ISO date


def _known(value: str, allowed: Iterable[str]) -> str:
    return value if value in set(allowed) else ""


def _language(value: str) -> str:
    return value if value in Language.values else ""


def _area(arrondissement: str, province: str) -> tuple[str, str]:
    if _AREA.match(arrondissement or "") and _PROVINCE.match(province or ""):
        return arrondissement or "", province or ""
    return "", ""


def _need_codes(codes: Iterable[str]) -> list[str]:
    wanted = [code for code in dict.fromkeys(codes) if isinstance(code, str) and _CODE.match(code)]
    known = set(Need.objects.filter(code__in=wanted).values_list("code", flat=True))
    return [code for code in wanted if code in known]


def area_of_postcode(postcode: str | None) -> tuple[str, str]:
    """(arrondissement, province) of a postcode, or blanks: never the postcode itself."""
    return statistical_area(postcode) if postcode else ("", "")


@transaction.atomic
def search_signals_record(*, signals: Sequence[SearchSignalData], is_demo: bool = False) -> int:
    """Store searched needs (already counted once per visitor by finder.counting); returns how
    many rows were written. Rows with an unknown need or language are dropped.

    Side effects: SearchSignal rows. Nothing is logged."""
    needs = set(_need_codes(signal["need_code"] for signal in signals))
    rows = []
    for signal in signals:
        language = _language(signal["language"])
        if signal["need_code"] not in needs or not language:
            continue
        arrondissement, province = _area(signal["arrondissement"], signal["province"])
        rows.append(
            SearchSignal(
                date=dt.date.fromisoformat(signal["date"]),
                need_code=signal["need_code"],
                arrondissement=arrondissement,
                province=province,
                language=language,
                audience=_known(signal["audience"], Audience.values),
                status=_known(signal["status"], EmploymentStatus.values),
                phase=_known(signal["phase"], Phase.values),
                services=max(0, min(int(signal["services"]), 32767)),
                is_demo=is_demo,
            )
        )
    SearchSignal.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def band_of(*, score: int | None, threshold: int, safety_threshold: int, safety: bool) -> str:
    """The score band of a self-check (the instrument version's own thresholds)."""
    if safety or (score is not None and score >= safety_threshold):
        return Band.HIGH
    if score is None:
        return Band.NO_SCORE
    return Band.RAISED if score >= threshold else Band.LOW


@transaction.atomic
def self_check_signal_record(
    *,
    instrument: str,
    version: int,
    band: str,
    needs: Iterable[str],
    postcode: str | None,
    language: str,
    audience: str,
    date: dt.date | None = None,
    is_demo: bool = False,
) -> SelfCheckSignal | None:
    """Store one self-check given with consent: the version, the band, the needs it pointed to
    and the arrondissement of the postcode (the postcode itself is not kept). Returns None and
    stores nothing for an unknown band, language or audience.

    Side effects: one SelfCheckSignal row and a row per need. Nothing is logged."""
    language = _language(language)
    if band not in Band.values or not language or audience not in Audience.values:
        return None
    if not _CODE.match(instrument or ""):
        return None
    arrondissement, province = area_of_postcode(postcode)
    signal = SelfCheckSignal.objects.create(
        date=date or timezone.localdate(),
        instrument=instrument,
        version=max(0, min(int(version), 32767)),
        band=band,
        arrondissement=arrondissement,
        province=province,
        language=language,
        audience=audience,
        is_demo=is_demo,
    )
    SelfCheckSignalNeed.objects.bulk_create(
        SelfCheckSignalNeed(signal=signal, need_code=code) for code in _need_codes(needs)
    )
    return signal


@transaction.atomic
def referral_signal_record(
    *,
    needs: Iterable[str],
    outcome: str,
    wait: str,
    days_to_response: int | None,
    arrondissement: str,
    province: str,
    language: str,
    date: dt.date | None = None,
    is_demo: bool = False,
) -> int:
    """Store a closed referral, one row per need: the outcome, the service's waiting band, the
    days to the first answer and the service's area. Returns the rows written (none for an
    unknown outcome or waiting band).

    Side effects: ReferralSignal rows. Nothing is logged."""
    if outcome not in Outcome.values or wait not in Wait.values:
        return 0
    arrondissement, province = _area(arrondissement, province)
    day = date or timezone.localdate()
    days = None if days_to_response is None else max(0, min(int(days_to_response), 32767))
    rows = [
        ReferralSignal(
            date=day,
            need_code=code,
            arrondissement=arrondissement,
            province=province,
            language=_language(language) or "nl",
            outcome=outcome,
            wait=wait,
            days_to_response=days,
            is_demo=is_demo,
        )
        for code in _need_codes(needs)
    ]
    ReferralSignal.objects.bulk_create(rows)
    return len(rows)
