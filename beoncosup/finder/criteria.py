"""What a finder search asks: the person's needs and situation, and the filters."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_KM = 50
PAGE_SIZE = 10
# The delivery modes that can serve a person who cannot travel (any of them will do).
REACH_MODES = {"home": ("home_visit", "phone", "online"), "remote": ("phone", "online")}


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
    # How the help can reach the person: "travel" (no limit), "home" (home visits, phone or
    # online) or "remote" (phone or online only). See REACH_MODES.
    reach: str | None = None
    cancer_type: str | None = None
    free_only: bool = False
    self_referral_only: bool = False
    page: int = 1
