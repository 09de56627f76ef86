"""The fixed query mix of bench/finder_benchmark.py: 40 finder searches, among them 12 free-text
queries (three per language) with the need each expresses, the ground truth for relevance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGS = ("nl", "fr", "de", "en")


@dataclass(frozen=True)
class Query:
    label: str
    params: dict[str, Any]
    expected: str | None = None  # the need free text `q` expresses (relevance)


def text(q: str, lang: str, expected: str, **more: object) -> Query:
    return Query(f"q={q!r} {lang}", {"q": q, "lang": lang, **more}, expected)


# The fixed mix (40). Free text first in each language, then with place and filters.
TEXT_QUERIES = [
    text("ik ben altijd moe", "nl", "MED-FATIGUE"),
    text("angst dat de kanker terugkomt", "nl", "PSY-FEAR-RECURRENCE"),
    text("geen geld meer om rond te komen", "nl", "SOC-INCOME-LOSS"),
    text("peur que ça revienne", "fr", "PSY-FEAR-RECURRENCE"),
    text("je n'arrive pas à dormir", "fr", "MED-SLEEP"),
    text("perruque", "fr", "MED-AIDS-PROSTHESES"),
    text("Perücke", "de", "MED-AIDS-PROSTHESES"),
    text("ich bin immer müde", "de", "MED-FATIGUE"),
    text("Schmerzen", "de", "MED-PAIN"),
    text("back to work part-time", "en", "WORK-GRADUAL-RETURN"),
    text("I feel lonely", "en", "PSY-LONELINESS"),
    text("can't sleep", "en", "MED-SLEEP"),
]
# (need, postcode, status, other parameters)
WITH_STATUS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("WORK-EMPLOYEE-SICK-PAY", "9000", "employee", {}),
    ("WORK-SELFEMP-BENEFIT", "4000", "self_employed", {"lang": "fr"}),
    ("WORK-GRADUAL-RETURN", "1000", "employee", {"lang": "fr"}),
    ("WORK-JOBSEEKER-SICK", "6000", "job_seeker", {"lang": "fr"}),
    ("WORK-CIVIL-SERVANT", "5000", "civil_servant", {"lang": "fr"}),
    ("WORK-STUDIES", "3000", "student", {"age": 20}),
    ("WORK-FATIGUE-COGNITION", "2000", "employee", {"phase": "after_treatment"}),
    ("WORK-REINTEGRATION", "8500", "employee", {"audience": "patient"}),
]
QUERIES: list[Query] = [
    # Picked needs only.
    Query("need MED-FATIGUE", {"need": ["MED-FATIGUE"], "lang": "nl"}),
    Query("need PSY-ANXIETY", {"need": ["PSY-ANXIETY"], "lang": "fr"}),
    Query("need WORK-GRADUAL-RETURN", {"need": ["WORK-GRADUAL-RETURN"], "lang": "nl"}),
    Query("2 needs SOC", {"need": ["SOC-INCOME-LOSS", "SOC-DEBTS"], "lang": "fr"}),
    Query("3 needs", {"need": ["MED-PAIN", "MED-SLEEP", "PSY-LOW-MOOD"], "lang": "nl"}),
    Query("need PSY-PEER-SUPPORT", {"need": ["PSY-PEER-SUPPORT"], "lang": "fr"}),
    Query("need MED-AIDS-PROSTHESES", {"need": ["MED-AIDS-PROSTHESES"], "lang": "de"}),
    Query("need SOC-HOME-HELP", {"need": ["SOC-HOME-HELP"], "lang": "en"}),
    # Needs + postcode + status.
    *(
        Query(
            f"{need} {postcode} {status}",
            {"need": [need], "postcode": postcode, "status": status, **more},
        )
        for need, postcode, status, more in WITH_STATUS
    ),
    # Free text in each language.
    *TEXT_QUERIES,
    # Free text + postcode + filters.
    text("ik ben altijd moe", "nl", "MED-FATIGUE", postcode="9000", delivery="in_person"),
    text("peur que ça revienne", "fr", "PSY-FEAR-RECURRENCE", postcode="4000", free_only=True),
    text("Perücke", "de", "MED-AIDS-PROSTHESES", postcode="4700", languages="de"),
    text("back to work part-time", "en", "WORK-GRADUAL-RETURN", postcode="1050", status="employee"),
    text("pijn", "nl", "MED-PAIN", postcode="3500", self_referral_only=True),
    text("fatigue", "fr", "MED-FATIGUE", postcode="5000", max_km=20),
    # Postcodes in every region (West Flanders, Luxembourg, Brussels, East Cantons).
    Query("MED-PAIN 8400", {"need": ["MED-PAIN"], "postcode": "8400", "lang": "nl"}),
    Query("MED-PAIN 6700", {"need": ["MED-PAIN"], "postcode": "6700", "lang": "fr"}),
    Query("MED-PAIN 1200", {"need": ["MED-PAIN"], "postcode": "1200", "lang": "fr"}),
    Query("MED-PAIN 4780", {"need": ["MED-PAIN"], "postcode": "4780", "lang": "de"}),
    # Page 2.
    Query("MED-FATIGUE page 2", {"need": ["MED-FATIGUE"], "page": 2, "lang": "nl"}),
    text("ik ben altijd moe", "nl", "MED-FATIGUE", postcode="2000", page=2),
]
