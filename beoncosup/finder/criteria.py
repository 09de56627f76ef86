"""What a finder search asks: the person's needs and situation, and the filters."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_KM = 50
PAGE_SIZE = 10


class CriteriaError(ValueError):
    """A criterion is unusable (unknown need code, unknown postcode, …); the message says which."""


@dataclass(frozen=True)
class Criteria:
    needs: tuple[str, ...] = ()
    q: str = ""
    postcode: str | None = None
    lang: str = "nl"
    languages: tuple[str, ...] = ()
    audience: str | None = None  # patient | relative
    status: str | None = None  # employment status
    phase: str | None = None
    age: int | None = None
    max_km: int | None = None
    delivery: str | None = None
    free_only: bool = False
    self_referral_only: bool = False
    page: int = 1
