"""A study as written by someone (the proposal form, the CSV import): its values checked the
same way wherever they come from, before a service writes them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.core.i18n_text import clean_i18n
from beoncosup.research.codes import Method, StudyKind, StudyStatus
from beoncosup.research.doi import doi_normalise

COUNTRY = re.compile(r"^(?P<name>.+?)\s*\((?P<country>[A-Za-z]{2})\)$")
MAX_INSTITUTIONS = 20
MAX_PUBLICATIONS = 30


@dataclass(frozen=True)
class InstitutionDraft:
    name: str
    country: str = "BE"


@dataclass(frozen=True)
class PublicationDraft:
    reference: str
    doi: str = ""


@dataclass
class StudyDraft:
    """Every value of a study a proposer or an import gives (texts as ``{lang: text}``)."""

    title: dict[str, str]
    kind: str = StudyKind.STUDY
    status: str = StudyStatus.PLANNED
    institutions: list[InstitutionDraft] = field(default_factory=list)
    funding: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    need_codes: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    lay_summary: dict[str, str] = field(default_factory=dict)
    results: dict[str, str] = field(default_factory=dict)
    eligibility: dict[str, str] = field(default_factory=dict)
    how_to_take_part: dict[str, str] = field(default_factory=dict)
    contact_url: str = ""
    contact_email: str = ""
    source_url: str = ""
    checked_on: dt.date | None = None
    publications: list[PublicationDraft] = field(default_factory=list)


def institutions_parse(text: str) -> list[InstitutionDraft]:
    """One institution per line (or separated by ";"): "KU Leuven (BE)"; no country means BE.
    Raises ValidationError naming the first line it cannot read."""
    found = []
    for raw in re.split(r"[;\n]", text or ""):
        line = raw.strip()
        if not line:
            continue
        matched = COUNTRY.match(line)
        name, country = (
            (matched["name"].strip(), matched["country"].upper()) if matched else (line, "BE")
        )
        if len(name) > 300:
            raise ValidationError(
                _("An institution's name has at most 300 characters: %(name)s")
                % {"name": name[:40] + "…"}
            )
        found.append(InstitutionDraft(name=name, country=country))
    if len(found) > MAX_INSTITUTIONS:
        raise ValidationError(_("At most %(count)s institutions.") % {"count": MAX_INSTITUTIONS})
    return found


def publications_parse(text: str) -> list[PublicationDraft]:
    """One publication per line: "reference | DOI" (the DOI optional, in any usual form)."""
    found = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        reference, _bar, doi = line.rpartition("|") if "|" in line else (line, "", "")
        reference, doi = reference.strip(), doi.strip()
        if not reference:
            raise ValidationError(
                _("Line %(number)s: give the reference before the |.") % {"number": number}
            )
        if len(reference) > 500:
            raise ValidationError(
                _("Line %(number)s: a reference has at most 500 characters.") % {"number": number}
            )
        if doi:
            try:
                doi = doi_normalise(doi)
            except ValidationError as error:
                raise ValidationError(
                    _("Line %(number)s: %(problem)s")
                    % {"number": number, "problem": " ".join(error.messages)}
                ) from None
        found.append(PublicationDraft(reference=reference, doi=doi))
    if len(found) > MAX_PUBLICATIONS:
        raise ValidationError(_("At most %(count)s publications.") % {"count": MAX_PUBLICATIONS})
    return found


def draft_problems(draft: StudyDraft) -> list[tuple[str, str]]:
    """What is wrong with the draft as a whole, as (field, message): every problem, in the
    active language. Field-level syntax (dates, URLs, codes) is the caller's to check."""
    problems: list[tuple[str, str]] = []
    if not clean_i18n(draft.title):
        problems.append(("title", _("Give the title in at least one language.")))
    if draft.kind not in StudyKind.values:
        problems.append(("kind", _("Choose study or project.")))
    if draft.status not in StudyStatus.values:
        problems.append(("status", _("Choose a status: planned, recruiting, running or finished.")))
    unknown = [code for code in draft.methods if code not in Method.values]
    if unknown:
        problems.append(("methods", _("Unknown method: %(codes)s") % {"codes": ", ".join(unknown)}))
    if draft.starts_on and draft.ends_on and draft.ends_on < draft.starts_on:
        problems.append(("ends_on", _("The end date must be on or after the start date.")))
    if draft.status == StudyStatus.RECRUITING:
        if not clean_i18n(draft.eligibility):
            problems.append(
                ("eligibility", _("A study looking for participants says who may take part."))
            )
        if not clean_i18n(draft.how_to_take_part):
            problems.append(
                ("how_to_take_part", _("A study looking for participants says how to take part."))
            )
        if not (draft.contact_url or draft.contact_email):
            problems.append(
                (
                    "contact_url",
                    _("Give a web page or an e-mail address where people can sign up."),
                )
            )
    if draft.checked_on and draft.checked_on > timezone.localdate():
        problems.append(("checked_on", _("The day you checked cannot be in the future.")))
    if draft.source_url and not draft.checked_on:
        problems.append(("checked_on", _("Say when you checked the source.")))
    return problems
