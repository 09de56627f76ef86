"""Realistic synthetic signals for the demo and the benchmarks (issue #16): finder searches,
consented self-checks and closed referrals, written straight into the signal tables in large
batches (``executemany``; ``COPY`` on PostgreSQL), so ten million searches take minutes.

How the figures are made (seeded: the same arguments give the same rows):

- **Areas.** An arrondissement is drawn with a weight equal to the number of postcodes of its
  municipalities (geo.PostalCode). That is a *proxy* for population, and a rough one: a city
  with one postcode for 100,000 people weighs like a village, so Brussels and the large cities
  are under-weighted and rural Wallonia over-weighted. We hold no population figures and never
  invent any. About 15 % of searches (10 % of self-checks) give no postcode and have a blank
  area.
- **Language of the page** follows the municipality's region: Flanders mostly nl, Wallonia
  mostly fr, Brussels fr, nl and en, the German-speaking municipalities (community "de", in
  the Verviers arrondissement) mostly de; a little English everywhere.
- **Needs** come from the taxonomy (taxonomy.Need). Popularity is Zipf-like (weight 1/rank in a
  seeded order), with psychological (PSY), social (SOC) and work (WORK) needs weighted up: they
  are the questions people bring to supportive care most.
- **Services within reach** come from a per (need, arrondissement) propensity: an area factor
  (the large cities rich, the Luxembourg province and the German-speaking area poor, small
  arrondissements poorer) times a need factor (some needs are rare in the directory), with
  seeded noise, so some needs are really unmet in some areas. A search finds about that
  number, give or take one.
- **Who**: audience (mostly patients, then relatives), work status (blank for half, who give
  none) and phase weighted plausibly.
- **Time**: days in [start, end), with a mild upward trend (+30 % over the period), seasonality
  (fewer in summer and at the turn of the year) and quieter weekends. Rows are written in date
  order, as real signals arrive.
- **Self-checks**: an instrument and its version from screening.InstrumentVersion when any is
  loaded (else "patient" and "relative", version 1), a band (low, raised, high, no score) and
  0 to 4 needs, more for higher bands.
- **Referrals**: a need, the service's area, a waiting band, an outcome that depends on it
  ("no capacity" far more often when the service has a waiting list or is closed) and the
  days to the first answer (None when the service never answered).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max

from beoncosup.insights.codes import Outcome, Wait
from beoncosup.insights.models import (
    ReferralSignal,
    SearchSignal,
    SelfCheckSignal,
    SelfCheckSignalNeed,
)
from beoncosup.insights.synthetic.world import (
    AUDIENCES,
    BANDS,
    BATCH,
    BLANK_AREA_SEARCHES,
    BLANK_AREA_SELF_CHECKS,
    LANGUAGES_BY_REGION,
    NEEDS_PER_BAND,
    PHASES,
    STATUSES,
    WAITS,
    Area,
    Picker,
    areas,
    need_weights,
    per_day,
    supply_propensity,
)
from beoncosup.taxonomy.models import Need


def _columns(model: type[models.Model], names: Sequence[str]) -> list[str]:
    columns = []
    for name in names:
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field)  # noqa: S101 - not a relation's reverse side
        columns.append(str(field.column))
    return columns


class _Writer:
    """Buffers rows of one table and writes them in batches."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        self.model = model
        self.columns = _columns(model, fields)
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0
        self.date_index = list(fields).index("date") if "date" in fields else -1

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(column) for column in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                raw = cursor.cursor  # psycopg's own cursor: COPY is ~10x faster than INSERTs
                with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                rows = self.rows
                if self.date_index >= 0:
                    i = self.date_index
                    rows = [(*r[:i], r[i].isoformat(), *r[i + 1 :]) for r in rows]
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 - names from _meta
                    rows,
                )
        self.written += len(self.rows)
        self.rows = []


def _instruments() -> list[tuple[str, int]]:
    """(instrument code, version number) pairs of the screening app when it is loaded; read
    through the app registry, since insights sits below screening."""
    try:
        version = apps.get_model("screening", "InstrumentVersion")
    except LookupError:
        return []
    return sorted(set(version.objects.values_list("instrument__code", "number")))


def _next_id(model: type[models.Model]) -> int:
    return int(model.objects.aggregate(top=Max("id"))["top"] or 0) + 1  # type: ignore[attr-defined]


def _sequences_reset(*models_: type[models.Model]) -> None:
    """After writing explicit ids, move PostgreSQL's sequences past them (no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class _Generator:
    def __init__(self, *, seed: int, is_demo: bool) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        self.is_demo = is_demo
        self.places = areas()
        if not self.places:
            raise LookupError("No municipalities: run load_geo first.")
        self.codes = sorted(Need.objects.values_list("code", flat=True))
        if not self.codes:
            raise LookupError("No needs: run load_taxonomy first.")
        blank = Area(code="", province="", weight=0, languages="", richness=1.0)
        searched = [(area, float(area.weight)) for area in self.places]
        total = sum(weight for _area, weight in searched)
        self.area_search = Picker(
            [*searched, (blank, total * BLANK_AREA_SEARCHES / (1 - BLANK_AREA_SEARCHES))]
        )
        self.area_check = Picker(
            [*searched, (blank, total * BLANK_AREA_SELF_CHECKS / (1 - BLANK_AREA_SELF_CHECKS))]
        )
        self.area_service = Picker([(area, area.weight * area.richness) for area in self.places])
        self.languages = {key: Picker(value) for key, value in LANGUAGES_BY_REGION.items()}
        self.need = Picker(need_weights(self.codes, self.rng))
        self.supply = supply_propensity(self.codes, self.places, self.rng)
        self.audience = Picker({str(k): v for k, v in AUDIENCES.items()})
        self.status = Picker({str(k): v for k, v in STATUSES.items()})
        self.phase = Picker({str(k): v for k, v in PHASES.items()})
        self.band = Picker({str(k): v for k, v in BANDS.items()})
        self.needs_count = {
            str(band): Picker(list(enumerate(shares))) for band, shares in NEEDS_PER_BAND.items()
        }
        self.wait = Picker({str(k): v for k, v in WAITS.items()})
        instruments = _instruments() or [("patient", 1), ("relative", 1)]
        self.versions: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for code, number in instruments:
            self.versions["relative" if "relative" in code else "patient"].append((code, number))

    def _services(self, need: str, area: Area, u: float) -> int:
        if area.code:
            base = self.supply[(need, area.code, area.languages)]
        else:  # no postcode: the finder searched all of Belgium's online services, roughly
            place = self.places[int(self.rng.random() * len(self.places))]
            base = self.supply[(need, place.code, place.languages)]
        if u < 0.15:
            return base + 1
        if u > 0.9 and base:
            return base - 1
        return base

    def searches(self, count: int, start: dt.date, end: dt.date) -> int:
        fields = (
            "date", "need_code", "arrondissement", "province", "language",
            "audience", "status", "phase", "services", "is_demo",
        )  # fmt: skip
        writer = _Writer(SearchSignal, fields)
        draw = self.rng.random
        for day, n in per_day(count, start, end):
            for _ in range(n):
                area = self.area_search.pick(draw())
                need = self.need.pick(draw())
                audience = self.audience.pick(draw())
                working = audience in ("patient", "relative")
                writer.add(
                    (
                        day,
                        need,
                        area.code,
                        area.province,
                        self.languages[area.languages].pick(draw()),
                        audience,
                        self.status.pick(draw()) if working else "",
                        self.phase.pick(draw()) if audience != "employer" else "",
                        self._services(need, area, draw()),
                        self.is_demo,
                    )
                )
        writer.flush()
        return writer.written

    def self_checks(self, count: int, start: dt.date, end: dt.date) -> tuple[int, int]:
        fields = (
            "id", "date", "instrument", "version", "band", "arrondissement", "province",
            "language", "audience", "is_demo",
        )  # fmt: skip
        writer = _Writer(SelfCheckSignal, fields)
        need_writer = _Writer(SelfCheckSignalNeed, ("signal", "need_code"))
        next_id = _next_id(SelfCheckSignal)
        draw = self.rng.random
        for day, n in per_day(count, start, end):
            for _ in range(n):
                area = self.area_check.pick(draw())
                audience = "relative" if draw() < 0.25 and self.versions["relative"] else "patient"
                instrument, version = self.rng.choice(self.versions[audience])
                band = self.band.pick(draw())
                language = self.languages[area.languages].pick(draw())
                writer.add(
                    (
                        next_id, day, instrument, version, band, area.code, area.province,
                        language, audience, self.is_demo,
                    )
                )  # fmt: skip
                wanted = self.needs_count[band].pick(draw())
                for need in {self.need.pick(draw()) for _ in range(wanted)}:
                    need_writer.add((next_id, need))
                next_id += 1
        writer.flush()
        need_writer.flush()
        _sequences_reset(SelfCheckSignal, SelfCheckSignalNeed)
        return writer.written, need_writer.written

    def _outcome(self, wait: str, u: float) -> str:
        if wait == Wait.CLOSED:
            shares = (0.1, 0.7, 0.05, 0.05, 0.05, 0.05)
        elif wait in (Wait.ONE_TO_THREE_MONTHS, Wait.OVER_3_MONTHS):
            shares = (0.45, 0.3, 0.06, 0.04, 0.07, 0.08)
        else:
            shares = (0.7, 0.06, 0.08, 0.04, 0.06, 0.06)
        outcomes = (
            Outcome.GOT_HELP, Outcome.NO_CAPACITY, Outcome.NOT_ELIGIBLE,
            Outcome.DECLINED_OTHER, Outcome.NOT_REACHED, Outcome.STOPPED,
        )  # fmt: skip
        return str(Picker(list(zip(outcomes, shares, strict=True))).pick(u))

    def referrals(self, count: int, start: dt.date, end: dt.date) -> int:
        fields = (
            "date", "need_code", "arrondissement", "province", "language", "outcome",
            "wait", "days_to_response", "is_demo",
        )  # fmt: skip
        writer = _Writer(ReferralSignal, fields)
        draw = self.rng.random
        for day, n in per_day(count, start, end):
            for _ in range(n):
                area = self.area_service.pick(draw())
                wait = self.wait.pick(draw())
                outcome = self._outcome(wait, draw())
                silent = outcome == Outcome.NOT_REACHED or draw() < 0.08
                days = None if silent else min(int(self.rng.expovariate(1 / 6)), 120)
                writer.add(
                    (
                        day, self.need.pick(draw()), area.code, area.province,
                        self.languages[area.languages].pick(draw()), outcome, wait, days,
                        self.is_demo,
                    )
                )  # fmt: skip
        writer.flush()
        return writer.written


@transaction.atomic
def signals_generate(
    *,
    searches: int,
    self_checks: int,
    referrals: int,
    start: dt.date,
    end: dt.date,
    seed: int = 16,
    is_demo: bool = True,
) -> dict[str, int]:
    """Write synthetic signals dated in [start, end); returns the rows written per table.
    Needs the geo tables and the taxonomy (LookupError otherwise). Rollups are not refreshed.

    Side effects: SearchSignal, SelfCheckSignal, SelfCheckSignalNeed and ReferralSignal rows."""
    if end <= start:
        raise ValueError("end must be after start")
    generator = _Generator(seed=seed, is_demo=is_demo)
    checks, check_needs = generator.self_checks(self_checks, start, end)
    return {
        "searches": generator.searches(searches, start, end),
        "self_checks": checks,
        "self_check_needs": check_needs,
        "referrals": generator.referrals(referrals, start, end),
    }


__all__ = ["Area", "areas", "signals_generate"]
