"""What a match asks, for any catalogue: the person's needs, words and situation, and the
filters (the finder's questions; situation.Situation gives the person's part)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from beoncosup.situation.values import Situation

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

    @classmethod
    def for_situation(
        cls,
        person: Situation,
        *,
        needs: tuple[str, ...] = (),
        q: str = "",
        lang: str = "nl",
        **preferences: Any,
    ) -> Criteria:
        """A match for this person, read the way catalogues know people (the kernel's
        projections): public contract staff are employees; an employer or a professional looks
        for the patient. ``preferences``: max_km, delivery, free_only, self_referral_only,
        page."""
        return cls(
            needs=tuple(dict.fromkeys(needs)),
            q=q,
            postcode=person.postcode,
            lang=lang,
            languages=person.languages,
            audience=person.seeker_audience,
            status=person.eligibility_status,
            phase=person.phase,
            age=person.age,
            reach=person.reach,
            cancer_type=person.cancer_type,
            **preferences,
        )
