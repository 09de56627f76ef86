"""Every code list the apps share, defined once (issue #11). Codes are contracts: the APIs, the
HSDS profile, the YAML seeds and stored rows use exactly these values; labels are the neutral
wording for lists and filters. A question that needs other wording ("I have cancer") maps codes
to its own labels in its form; it never defines a second list.

An app that accepts only some members derives its choices with ``subset`` so the codes stay
the kernel's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


def subset(codes: type[models.TextChoices], members: Iterable[Any]) -> list[tuple[str, Any]]:
    """``codes.choices`` restricted to ``members``, in the list's own order."""
    wanted = {str(member) for member in members}
    return [(value, label) for value, label in codes.choices if value in wanted]


class CodeSubset:
    """Some members of a shared code list, read like the list itself (``values``, ``choices``,
    calling it with a code gives the member): for a contract that accepts only those codes,
    such as a profile of the HSDS exchange."""

    def __init__(self, codes: type[models.TextChoices], members: Iterable[Any]) -> None:
        self.codes = codes
        self.choices = subset(codes, members)
        self.values = [value for value, _label in self.choices]
        self.labels = [label for _value, label in self.choices]

    def __call__(self, value: str) -> models.TextChoices:
        if value not in self.values:
            raise ValueError(f"{value!r} is not one of {', '.join(self.values)}")
        return self.codes(value)

    def __iter__(self) -> Iterator[models.TextChoices]:
        return (self.codes(value) for value in self.values)

    def __repr__(self) -> str:
        return f"CodeSubset({self.codes.__name__}, {self.values})"


class Language(models.TextChoices):
    NL = "nl", _("Dutch")
    FR = "fr", _("French")
    DE = "de", _("German")
    EN = "en", _("English")


class Audience(models.TextChoices):
    """Who a service, article or answer is for."""

    PATIENT = "patient", _("People with cancer")
    RELATIVE = "relative", _("Relatives and carers")
    CHILD = "child", _("Children and teenagers")
    PROFESSIONAL = "professional", _("Professionals")
    EMPLOYER = "employer", _("Employers and colleagues")


# The people a support service helps directly (the finder's and the self-check's audiences).
PERSON_AUDIENCES = CodeSubset(Audience, (Audience.PATIENT, Audience.RELATIVE))


class EmploymentStatus(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    CONTRACTUAL_PUBLIC = "contractual_public", _("Contract employee in the public sector")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    SELF_EMPLOYED = "self_employed", _("Self-employed (main occupation)")
    SELF_EMPLOYED_SECONDARY = "self_employed_secondary", _("Self-employed (secondary occupation)")
    JOB_SEEKER = "job_seeker", _("Job seeker")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Retired or other")


# The statuses a service can be restricted to (the HSDS profile's list). Contract staff in the
# public sector fall under the employee rules (domain facts 3.4), so services know them as
# employees; see ``eligibility_status``.
SERVICE_STATUSES = CodeSubset(
    EmploymentStatus, (s for s in EmploymentStatus if s != EmploymentStatus.CONTRACTUAL_PUBLIC)
)


def eligibility_status(status: str | None) -> str | None:
    """The status a service's eligibility rules know a person by."""
    if status == EmploymentStatus.CONTRACTUAL_PUBLIC:
        return str(EmploymentStatus.EMPLOYEE)
    return status


def seeker_audience(audience: str | None) -> str | None:
    """Whom the help is for when someone looks: relatives look for themselves; employers and
    professionals look on behalf of the person with cancer."""
    if audience in {Audience.EMPLOYER, Audience.PROFESSIONAL}:
        return str(Audience.PATIENT)
    return audience


class Region(models.TextChoices):
    """Where a person lives or a rule applies: ISO 3166-2 codes of the regions, and BE-DG for
    the German-speaking Community, which lies in Wallonia but has its own employment service
    (ADG), so it is a region of its own here."""

    FLANDERS = "BE-VLG", _("Flanders")
    WALLONIA = "BE-WAL", _("Wallonia")
    BRUSSELS = "BE-BRU", _("Brussels")
    GERMAN_SPEAKING = "BE-DG", _("German-speaking Community")


class Phase(models.TextChoices):
    DIAGNOSIS = "diagnosis", _("Diagnosis")
    TREATMENT = "treatment", _("Treatment")
    AFTER_TREATMENT = "after_treatment", _("After treatment")
    PALLIATIVE = "palliative", _("Palliative care")


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    HOME_VISIT = "home_visit", _("Home visit")
    PHONE = "phone", _("By phone")
    ONLINE = "online", _("Online or video")
    GROUP = "group", _("In a group")


class Reach(models.TextChoices):
    """How help can reach the person."""

    TRAVEL = "travel", _("I can travel to it")
    HOME = "home", _("At home: home visits, phone or online")
    REMOTE = "remote", _("Only by phone or online")


# The delivery modes that can serve a person who cannot travel (any of them will do).
REACH_MODES: dict[str, tuple[str, ...]] = {
    Reach.HOME: (Delivery.HOME_VISIT, Delivery.PHONE, Delivery.ONLINE),
    Reach.REMOTE: (Delivery.PHONE, Delivery.ONLINE),
}


class CancerType(models.TextChoices):
    BREAST = "breast", _("Breast cancer")
    PROSTATE = "prostate", _("Prostate cancer")
    COLORECTAL = "colorectal", _("Bowel cancer")
    LUNG = "lung", _("Lung cancer")
    HAEMATOLOGICAL = "haematological", _("Blood cancers")
    PAEDIATRIC = "paediatric", _("Childhood cancers")
    HEAD_NECK = "head_neck", _("Head and neck cancers")


class AgeBand(models.TextChoices):
    """Age in bands, for anonymous statistics (an exact age is never stored with a need)."""

    UNDER_18 = "0-17", _("Under 18")
    YOUNG_ADULT = "18-39", _("18 to 39")
    ADULT = "40-64", _("40 to 64")
    OLDER = "65+", _("65 and over")


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    if age < 18:
        return str(AgeBand.UNDER_18)
    if age < 40:
        return str(AgeBand.YOUNG_ADULT)
    if age < 65:
        return str(AgeBand.ADULT)
    return str(AgeBand.OLDER)


# Every shared list, by the parameter name the forms and APIs use for it.
CODE_LISTS: dict[str, type[models.TextChoices]] = {
    "lang": Language,
    "audience": Audience,
    "status": EmploymentStatus,
    "region": Region,
    "phase": Phase,
    "delivery": Delivery,
    "reach": Reach,
    "cancer_type": CancerType,
    "age_band": AgeBand,
}
