"""Import a list of studies from CSV, all or nothing (like the directory's HSDS import): every
row is checked, every problem is listed with its row and column, and nothing is saved when
any row fails. Imported studies wait in the review queue like proposals (docs/research.md,
"CSV import")."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import LANGUAGES
from beoncosup.research.drafts import (
    StudyDraft,
    draft_problems,
    institutions_parse,
    publications_parse,
)
from beoncosup.research.models import Study
from beoncosup.research.services.studies import study_propose
from beoncosup.taxonomy.models import Need

TEXTS = ("title", "lay_summary", "results", "eligibility", "how_to_take_part")
TEXT_LIMITS = {
    "title": 300,
    "lay_summary": 3000,
    "results": 4000,
    "eligibility": 1500,
    "how_to_take_part": 1500,
}
PLAIN = {
    "kind": 10,
    "status": 12,
    "institutions": 3000,
    "funding": 300,
    "starts_on": 10,
    "ends_on": 10,
    "needs": 1000,
    "methods": 200,
    "contact_url": 500,
    "contact_email": 254,
    "source_url": 500,
    "checked_on": 10,
    "publications": 8000,
}
COLUMNS = (
    "kind",
    "status",
    *(f"title_{lang}" for lang in LANGUAGES),
    "institutions",
    "funding",
    "starts_on",
    "ends_on",
    "needs",
    "methods",
    *(f"{text}_{lang}" for text in TEXTS[1:] for lang in LANGUAGES),
    "contact_url",
    "contact_email",
    "publications",
    "source_url",
    "checked_on",
)
REQUIRED = ("kind", "status")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
HEADER_ROW = 1  # rows are numbered as a spreadsheet shows them: the header is row 1


@dataclass(frozen=True)
class CsvProblem:
    row: int  # 0: the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return (
            f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


@dataclass
class CsvReport:
    rows: int = 0
    created: list[int] = field(default_factory=list)
    problems: list[CsvProblem] = field(default_factory=list)


class CsvRejected(Exception):
    """The file has problems: nothing was saved (``report.problems`` lists them all)."""

    def __init__(self, report: CsvReport) -> None:
        super().__init__(f"{len(report.problems)} problem(s); nothing was imported")
        self.report = report


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise CsvRejected(
            CsvReport(problems=[CsvProblem(0, "", _("The file is larger than 2 MB."))])
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvRejected(
            CsvReport(problems=[CsvProblem(0, "", _("Save the file as UTF-8 text (CSV UTF-8)."))])
        ) from None
    if "\x00" in text:
        raise CsvRejected(
            CsvReport(
                problems=[
                    CsvProblem(
                        0, "", _("The file holds NUL characters: it is not a CSV text file.")
                    )
                ]
            )
        )
    return text


def _parse_date(value: str, column: str, row: int, problems: list[CsvProblem]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(
            CsvProblem(row, column, _("Write the date as YYYY-MM-DD, like 2026-03-31."))
        )
        return None


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.replace(",", ";").split(";") if code.strip()]


def _row_draft(
    row: dict[str, str], number: int, known_needs: set[str], problems: list[CsvProblem]
) -> StudyDraft:
    """The row as a draft; its problems appended to ``problems`` (with row and column)."""
    found: list[CsvProblem] = []
    for column, value in row.items():
        base = column.rsplit("_", 1)[0] if column[-3:-2] == "_" else column
        limit = TEXT_LIMITS.get(base) or PLAIN.get(column)
        if limit and len(value) > limit:
            found.append(
                CsvProblem(number, column, _("At most %(count)s characters.") % {"count": limit})
            )
    texts = {
        name: {
            lang: row.get(f"{name}_{lang}", "") for lang in LANGUAGES if row.get(f"{name}_{lang}")
        }
        for name in TEXTS
    }
    institutions = []
    try:
        institutions = institutions_parse(row.get("institutions", ""))
    except ValidationError as error:
        found.append(CsvProblem(number, "institutions", " ".join(error.messages)))
    publications = []
    try:
        publications = publications_parse(row.get("publications", ""))
    except ValidationError as error:
        found.append(CsvProblem(number, "publications", " ".join(error.messages)))
    needs = _codes(row.get("needs", ""))
    unknown = [code for code in needs if code not in known_needs]
    if unknown:
        found.append(
            CsvProblem(
                number, "needs", _("Unknown need code: %(codes)s") % {"codes": ", ".join(unknown)}
            )
        )
    for column, validator in (
        ("contact_url", URLValidator(schemes=["http", "https"])),
        ("source_url", URLValidator(schemes=["http", "https"])),
        ("contact_email", EmailValidator()),
    ):
        if row.get(column):
            try:
                validator(row[column])
            except ValidationError:
                message = (
                    _("Give a valid e-mail address.")
                    if column == "contact_email"
                    else _("Give a full web address starting with https://.")
                )
                found.append(CsvProblem(number, column, message))
    draft = StudyDraft(
        title=texts["title"],
        kind=row.get("kind", "").strip().lower(),
        status=row.get("status", "").strip().lower(),
        institutions=institutions,
        funding=row.get("funding", ""),
        starts_on=_parse_date(row.get("starts_on", ""), "starts_on", number, found),
        ends_on=_parse_date(row.get("ends_on", ""), "ends_on", number, found),
        need_codes=[code for code in needs if code in known_needs],
        methods=[code.lower() for code in _codes(row.get("methods", ""))],
        lay_summary=texts["lay_summary"],
        results=texts["results"],
        eligibility=texts["eligibility"],
        how_to_take_part=texts["how_to_take_part"],
        contact_url=row.get("contact_url", "")
        if not any(p.column == "contact_url" for p in found)
        else "",
        contact_email=row.get("contact_email", ""),
        source_url=row.get("source_url", ""),
        checked_on=_parse_date(row.get("checked_on", ""), "checked_on", number, found),
        publications=publications,
    )
    for name, message in draft_problems(draft):
        # A four-language text has four columns: name them all.
        column = f"{name}_nl/fr/de/en" if name in TEXTS else name
        if not any(p.column == column for p in found):
            found.append(CsvProblem(number, column, message))
    problems.extend(found)
    return draft


def _existing_titles() -> set[str]:
    titles: set[str] = set()
    for value in Study.objects.values_list("title", flat=True):
        titles.update(text.strip().casefold() for text in (value or {}).values() if text)
    return titles


def _header_check(header: list[str], report: CsvReport) -> None:
    """Raises CsvRejected when the header row lacks a required column or has an unknown one."""
    if not header:
        report.problems.append(CsvProblem(0, "", _("The file is empty: it needs a header row.")))
        raise CsvRejected(report)
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    if not any(f"title_{lang}" in header for lang in LANGUAGES):
        missing.append("title_nl/fr/de/en")
    for name in unknown:
        report.problems.append(CsvProblem(HEADER_ROW, name, _("Unknown column.")))
    for name in missing:
        report.problems.append(CsvProblem(HEADER_ROW, name, _("This column is missing.")))
    if len(set(header)) != len(header):
        report.problems.append(CsvProblem(HEADER_ROW, "", _("A column appears twice.")))
    if report.problems:
        raise CsvRejected(report)


def studies_check(data: bytes) -> tuple[CsvReport, list[tuple[int, StudyDraft]]]:
    """Read and check every row; the report lists every problem (none: the drafts are good)."""
    report = CsvReport()
    text = _decode(data)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    _header_check([name.strip() for name in reader.fieldnames or []], report)
    known_needs = set(Need.objects.values_list("code", flat=True))
    existing = _existing_titles()
    seen: dict[str, int] = {}
    drafts: list[tuple[int, StudyDraft]] = []
    try:
        for index, raw in enumerate(reader):
            number = index + HEADER_ROW + 1
            if index >= MAX_ROWS:
                report.problems.append(
                    CsvProblem(
                        number, "", _("At most %(count)s studies per file.") % {"count": MAX_ROWS}
                    )
                )
                break
            if None in raw:
                report.problems.append(
                    CsvProblem(number, "", _("This row has more cells than the header."))
                )
                continue
            row = {key.strip(): (value or "").strip() for key, value in raw.items()}
            if not any(row.values()):
                continue  # a blank line
            draft = _row_draft(row, number, known_needs, report.problems)
            for text in draft.title.values():
                key = text.strip().casefold()
                if key in existing:
                    report.problems.append(
                        CsvProblem(
                            number,
                            "title",
                            _("A study with this title is already in the inventory."),
                        )
                    )
                    break
                if key in seen and seen[key] != number:
                    report.problems.append(
                        CsvProblem(
                            number,
                            "title",
                            _("Same title as row %(row)s.") % {"row": seen[key]},
                        )
                    )
                    break
                seen[key] = number
            drafts.append((number, draft))
    except csv.Error as error:
        report.problems.append(
            CsvProblem(reader.line_num, "", _("Not readable as CSV: %(error)s") % {"error": error})
        )
    report.rows = len(drafts)
    if not drafts and not report.problems:
        report.problems.append(CsvProblem(0, "", _("The file has no studies, only a header.")))
    if report.problems:
        raise CsvRejected(report)
    return report, drafts


@transaction.atomic
def studies_import(
    *,
    data: bytes,
    actor: Any = None,
    language: str = "en",
    dry_run: bool = False,
    request: HttpRequest | None = None,
    is_demo: bool = False,
) -> CsvReport:
    """Check the CSV and, when every row is good and not ``dry_run``, create its studies as
    proposals waiting for review. Raises CsvRejected (nothing saved) with every problem.

    Side effects: the studies; an audit event per study (``research.study_proposed``) and one
    for the import (``research.studies_imported``)."""
    report, drafts = studies_check(data)
    if dry_run:
        return report
    for _number, draft in drafts:
        study = study_propose(
            draft=draft, proposer=None, language=language, request=request, is_demo=is_demo
        )
        report.created.append(study.pk)
    event_record(
        action="research.studies_imported",
        actor=actor,
        request=request,
        target_type="research.study",
        detail={"created": len(report.created)},
    )
    return report
