"""Needs insights: anonymous signals, their rollups and the published (disclosure-controlled)
cells the dashboards, the open-data API and the quarterly report read (docs/insights.md).

Signal tables are anonymous by construction: codes, an area no smaller than an administrative
arrondissement, a day; never free text, never a person, session, address or postcode
(`tests/test_schema.py` checks every field). Signals are deleted after the retention period
(BEONCOSUP_INSIGHTS_RETENTION_MONTHS); rollups and published cells stay.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.insights.codes import Band, Outcome, Wait

# --- Signals -------------------------------------------------------------------------------


class Signal(models.Model):
    """What every signal has: a day, an area and who searched or answered, as codes."""

    date = models.DateField(_("date"), db_index=True)
    # NIS code of the administrative arrondissement (e.g. 44000) and ISO code of the province
    # (BE-VOV; BE-BRU for Brussels, which has no province); blank when no postcode was given.
    arrondissement = models.CharField(_("arrondissement"), max_length=5, blank=True)
    province = models.CharField(_("province"), max_length=6, blank=True)
    language = models.CharField(_("language"), max_length=2)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        abstract = True


class SearchSignal(Signal):
    """One need of one visitor's finder search (counted once per visitor, need and day: see
    finder.counting), with how many services the search found within reach for it."""

    need_code = models.CharField(_("need code"), max_length=60)
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    status = models.CharField(_("work status"), max_length=30, blank=True)
    phase = models.CharField(_("phase"), max_length=20, blank=True)
    services = models.PositiveSmallIntegerField(_("services within reach"))

    class Meta:
        verbose_name = _("search signal")
        verbose_name_plural = _("search signals")

    def __str__(self) -> str:
        return f"{self.date} {self.need_code} {self.arrondissement or '-'}"


class SelfCheckSignal(Signal):
    """One self-check given with consent: the instrument version, the score band, and (as
    SelfCheckSignalNeed rows) the needs it pointed to."""

    instrument = models.CharField(_("instrument"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"))
    band = models.CharField(_("score band"), max_length=10, choices=Band.choices)
    audience = models.CharField(_("audience"), max_length=20)

    class Meta:
        verbose_name = _("self-check signal")
        verbose_name_plural = _("self-check signals")

    def __str__(self) -> str:
        return f"{self.date} {self.instrument} v{self.version} {self.band}"


class SelfCheckSignalNeed(models.Model):
    signal = models.ForeignKey(SelfCheckSignal, on_delete=models.CASCADE, related_name="needs")
    need_code = models.CharField(_("need code"), max_length=60)

    class Meta:
        verbose_name = _("self-check need")
        verbose_name_plural = _("self-check needs")

    def __str__(self) -> str:
        return self.need_code


class ReferralSignal(Signal):
    """One need of one closed referral: where the service is (its first location's
    arrondissement), how it ended, the service's waiting band when the referral was sent and
    the days until the service first answered. ``language`` is the person's language. Nothing
    about the person; not even which service (only its area)."""

    need_code = models.CharField(_("need code"), max_length=60)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    wait = models.CharField(_("waiting band"), max_length=20, choices=Wait.choices)
    # Calendar days from sending to the service's first answer; None: it never answered.
    days_to_response = models.PositiveSmallIntegerField(
        _("days to first response"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("referral signal")
        verbose_name_plural = _("referral signals")

    def __str__(self) -> str:
        return f"{self.date} {self.need_code} {self.outcome}"


# --- Rollups: sums per month, refreshed incrementally (services.refresh) ----------------------


class DemandRollup(models.Model):
    """Searched needs per need x arrondissement x month x language x audience x work status."""

    month = models.DateField(_("month"))  # the first day of the month
    need_code = models.CharField(_("need code"), max_length=60)
    arrondissement = models.CharField(_("arrondissement"), max_length=5, blank=True)
    province = models.CharField(_("province"), max_length=6, blank=True)
    language = models.CharField(_("language"), max_length=2)
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    status = models.CharField(_("work status"), max_length=30, blank=True)
    searches = models.PositiveIntegerField(_("searches"))
    unmet = models.PositiveIntegerField(_("no service within reach"))
    poor = models.PositiveIntegerField(_("one or two services within reach"))

    class Meta:
        verbose_name = _("demand rollup")
        verbose_name_plural = _("demand rollups")
        indexes = [models.Index(fields=["month", "need_code"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.need_code} {self.arrondissement or '-'}"


class SelfCheckRollup(models.Model):
    """Consented self-checks per month x instrument x band x area x language x audience;
    ``need_code`` blank counts the self-checks themselves, otherwise the self-checks pointing
    to that need."""

    month = models.DateField(_("month"))
    instrument = models.CharField(_("instrument"), max_length=40)
    band = models.CharField(_("score band"), max_length=10)
    need_code = models.CharField(_("need code"), max_length=60, blank=True)
    arrondissement = models.CharField(_("arrondissement"), max_length=5, blank=True)
    province = models.CharField(_("province"), max_length=6, blank=True)
    language = models.CharField(_("language"), max_length=2)
    audience = models.CharField(_("audience"), max_length=20)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("self-check rollup")
        verbose_name_plural = _("self-check rollups")
        indexes = [models.Index(fields=["month", "need_code"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.instrument} {self.band} {self.need_code or '*'}"


class ReferralRollup(models.Model):
    """Closed referrals per month (of closing) x need x area of the service x outcome x wait."""

    month = models.DateField(_("month"))
    need_code = models.CharField(_("need code"), max_length=60)
    arrondissement = models.CharField(_("arrondissement"), max_length=5, blank=True)
    province = models.CharField(_("province"), max_length=6, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20)
    wait = models.CharField(_("waiting band"), max_length=20)
    count = models.PositiveIntegerField(_("count"))
    answered = models.PositiveIntegerField(_("answered by the service"))
    response_days = models.PositiveIntegerField(_("days to first response, summed"))

    class Meta:
        verbose_name = _("referral rollup")
        verbose_name_plural = _("referral rollups")
        indexes = [models.Index(fields=["month", "need_code"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.need_code} {self.outcome}"


class Supply(models.Model):
    """Services within reach of an arrondissement for one need, from the directory as it was at
    the last refresh: a fact about services, not about people (no suppression)."""

    # An arrondissement NIS code, a province ISO code or "BE": for a province or the whole
    # country, the distinct services within reach of any of its arrondissements.
    area = models.CharField(_("area"), max_length=6)
    need_code = models.CharField(_("need code"), max_length=60)
    services = models.PositiveIntegerField(_("services within reach"))
    open = models.PositiveIntegerField(_("open to new referrals"))
    waiting = models.PositiveIntegerField(_("with a waiting list"))
    closed = models.PositiveIntegerField(_("closed to new referrals"))
    # Services within reach that work in each language.
    in_nl = models.PositiveIntegerField(_("in Dutch"))
    in_fr = models.PositiveIntegerField(_("in French"))
    in_de = models.PositiveIntegerField(_("in German"))
    in_en = models.PositiveIntegerField(_("in English"))

    class Meta:
        verbose_name = _("supply")
        verbose_name_plural = _("supply")
        constraints = [
            models.UniqueConstraint(fields=["area", "need_code"], name="insights_supply_area_need")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.need_code} {self.services}"


class RefreshState(models.Model):
    """How far each signal table has been rolled up (the last signal id counted), when the
    published tables were last rebuilt, and whether demo signals are among them."""

    name = models.CharField(max_length=20, unique=True)
    last_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    has_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("refresh state")
        verbose_name_plural = _("refresh states")

    def __str__(self) -> str:
        return f"{self.name} {self.last_id}"


# --- Published cells: what dashboards, exports and the open-data API show --------------------


class PublishedCell(models.Model):
    """One cell of a published cube after disclosure control (services.publish). ``count`` is
    the true sum; ``suppressed`` cells are never shown, exported or served. Public outputs
    round ``count`` to 5 (disclosure.round_public); analysts see it exactly."""

    cube = models.CharField(_("table"), max_length=20)
    # "2026" or "2026-Q3".
    period = models.CharField(_("period"), max_length=7)
    # A need, category or domain code, or "*" for all needs.
    need = models.CharField(_("need"), max_length=60)
    # An arrondissement NIS code, a province ISO code, or "BE".
    area = models.CharField(_("area"), max_length=6)
    # The cube's breakdown member (coverage, language, band or outcome), or "*".
    breakdown = models.CharField(_("breakdown"), max_length=20)
    count = models.PositiveIntegerField(_("count"))
    suppressed = models.BooleanField(_("suppressed"))
    # The period was complete when this cell was published: its status never changes again
    # (later publications keep it, so no two releases can be differenced).
    frozen = models.BooleanField(_("frozen"), default=False)

    class Meta:
        verbose_name = _("published cell")
        verbose_name_plural = _("published cells")
        constraints = [
            models.UniqueConstraint(
                fields=["cube", "period", "need", "area", "breakdown"], name="insights_cell"
            )
        ]
        indexes = [
            models.Index(fields=["cube", "need", "area"]),
            models.Index(fields=["cube", "period", "area"]),
        ]

    def __str__(self) -> str:
        return f"{self.cube} {self.period} {self.need} {self.area} {self.breakdown}"


# The quarterly report's Wagtail pages live in their own package (insights/report/).
from beoncosup.insights.report.models import InsightsReportIndexPage, InsightsReportPage  # noqa: E402, F401
